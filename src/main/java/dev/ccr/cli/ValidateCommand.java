package dev.ccr.cli;

import dev.ccr.spec.DesiredState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ccr validate}: checks desired-state files without talking to AWS. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks desired-state files offline.",
    description = {
      "Checks desired-state files against the schema and the cross-field rules, offline.",
      "Directories are searched recursively for *.yaml and *.yml (hidden directories and files skipped).",
      "Diagnostics go to stderr; the result line of valid files (8 clients in 6 files: valid.) to stdout."
    },
    footer = ExitCode.HELP_TABLE)
final class ValidateCommand extends BaseCommand {
  @Mixin SpecMixin specs = new SpecMixin();

  @Override
  int execute() {
    DesiredState state = loadDesiredState(specs.pathsOrCurrentDirectory());
    out().println(Summaries.validation(state));
    return ExitCode.OK;
  }
}
