package dev.ccr.cli;

import dev.ccr.report.ValidationRenderer;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.RuleSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ccr validate}: checks desired-state files without talking to AWS. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks desired-state files offline.",
    description = {
      "Checks desired-state files against the schema, the cross-field rules and the security rules, offline: the rules a file alone decides. plan checks them again on what apply would send, and against the user pool.",
      "Directories are searched recursively for *.yaml and *.yml (hidden directories and files skipped).",
      "Diagnostics go to stderr; the result line of valid files (8 clients in 6 files: valid.) to stdout. With --format json, one JSON document on stdout instead."
    },
    footer = ExitCode.HELP_TABLE)
final class ValidateCommand extends BaseCommand {
  /** The output formats of validate. */
  enum Format {
    text,
    json
  }

  @Mixin SpecMixin specs = new SpecMixin();
  @Mixin RuleMixin rules = new RuleMixin();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  int execute() {
    RuleSettings settings = rules.settings(spec);
    if (format == Format.text) {
      DesiredState state = loadDesiredState(specs.pathsOrCurrentDirectory(), settings);
      out().println(Summaries.validation(state));
      return ExitCode.OK;
    }
    DesiredState state = readDesiredState(specs.pathsOrCurrentDirectory(), settings);
    out().print(renderer().render(state));
    out().flush();
    return state.hasErrors() ? ExitCode.INVALID : ExitCode.OK;
  }

  private ValidationRenderer renderer() {
    return switch (format) {
      case text -> throw new IllegalStateException("text is printed as diagnostics");
      case json -> ValidationRenderer.json();
    };
  }
}
