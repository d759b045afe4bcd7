package dev.ccr.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --env} and {@code --config}: which environment of which project file a run uses. */
final class EnvironmentMixin {
  @Option(
      names = "--env",
      paramLabel = "NAME",
      description =
          "Use this environment of ccr.yaml: its vars fill $${name} in the files, its AWS options apply unless given here.")
  String name;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The project file (default: ccr.yaml in the current directory or the nearest parent).")
  Path config;
}
