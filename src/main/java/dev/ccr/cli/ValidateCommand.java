package dev.ccr.cli;

import dev.ccr.report.DiagnosticRenderer;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.SpecFiles;
import dev.ccr.spec.SpecLoader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ccr validate}: checks desired-state files without talking to AWS. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks desired-state files against the schema and the cross-field rules, offline.",
      "Directories are searched recursively for *.yaml and *.yml (hidden directories skipped)."
    },
    footer = ExitCode.HELP_TABLE)
final class ValidateCommand extends BaseCommand {
  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories (default: the current directory).")
  List<Path> paths = List.of();

  @Override
  public Integer call() {
    SpecFiles.Found found = SpecFiles.find(paths.isEmpty() ? List.of(Path.of(".")) : paths);
    if (!found.problems().isEmpty()) {
      found.problems().forEach(problem -> err().println("ccr: " + problem));
      return ExitCode.USAGE;
    }
    DesiredState state;
    try {
      state = new SpecLoader().load(found.files());
    } catch (UncheckedIOException e) {
      err().println("ccr: " + e.getMessage());
      return ExitCode.ERROR;
    }
    err().print(new DiagnosticRenderer(terminal.githubActions()).render(state.diagnostics()));
    err().println(Summaries.validation(state));
    return state.hasErrors() ? ExitCode.INVALID : ExitCode.OK;
  }
}
