package dev.ccr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The PATH arguments of commands that read desired-state files, and what fills their variables. */
final class SpecMixin {
  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Desired-state files or directories (default: the current directory).")
  List<Path> paths = List.of();

  @Mixin EnvironmentMixin environment = new EnvironmentMixin();

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description =
          "Set a variable; repeatable. VALUE is read as YAML (30 is a number, [a, b] a list). Beats --var-file, the environment's vars and CCR_VAR_NAME.")
  List<String> vars = new ArrayList<>();

  @Option(
      names = "--var-file",
      paramLabel = "FILE",
      description = "Read variables from a YAML mapping of names to values.")
  Path varFile;

  List<Path> pathsOrCurrentDirectory() {
    return paths.isEmpty() ? List.of(Path.of(".")) : paths;
  }
}
