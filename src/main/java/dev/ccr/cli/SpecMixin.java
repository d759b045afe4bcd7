package dev.ccr.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The PATH arguments of commands that read desired-state files. */
final class SpecMixin {
  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Desired-state files or directories (default: the current directory).")
  List<Path> paths = List.of();

  List<Path> pathsOrCurrentDirectory() {
    return paths.isEmpty() ? List.of(Path.of(".")) : paths;
  }
}
