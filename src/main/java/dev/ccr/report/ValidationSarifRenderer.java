package dev.ccr.report;

import dev.ccr.report.SarifWriter.Finding;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The outcome of validate as SARIF 2.1.0 for GitHub code scanning ({@link SarifWriter}): one result
 * per diagnostic at its file, line and column, at its severity. A security rule's finding is a
 * result of that rule ({@code CCR101}); every other problem one of {@code
 * ccr/invalid-desired-state}. Secrets pasted into a file are masked in messages as on stderr, and
 * no source line is included.
 */
final class ValidationSarifRenderer implements ValidationRenderer {
  static final SarifRule INVALID_DESIRED_STATE =
      SarifRule.of(
          "ccr/invalid-desired-state",
          "InvalidDesiredState",
          "error",
          "A desired-state file is not valid YAML, breaks the schema or a rule that spans attributes, or uses an unknown variable.",
          "ccr checks each desired-state file offline before anything reads or writes Cognito: the YAML itself (syntax, duplicate keys, tags), the JSON Schema of an app client (known keys, types, enums, ranges), the rules that span several attributes (token lifetimes with their units, callback URLs, OAuth flows and scopes, a client secret where one is needed), and ${VAR} variables. An error makes the files invalid: plan and apply refuse them. A warning (a validity without its unit, a flow list without ALLOW_REFRESH_TOKEN_AUTH) does not. The result sits at the key or value concerned, and its message says what to write instead.",
          "Fix the file as the message says: it names the offending value and, for a misspelt key or enum value, the nearest valid one. Run `ccr validate PATH` to see each problem with its line and a caret.\n\nThe rules are listed in the project's `docs/rules.md`; the file format in its `docs/validate.md`. A warning leaves the files valid: act on it, or leave it if the setting is intended.",
          true);
  private static final SarifWriter.Omission OMISSION = SarifWriter.Omission.of("ccr validate");
  static final SarifRule RESULTS_OMITTED = OMISSION.rule();

  /** The rules of validate, in the order of the driver's list: its own, then the security rules. */
  static final List<SarifRule> RULES =
      Stream.concat(Stream.of(INVALID_DESIRED_STATE, RESULTS_OMITTED), SarifRule.SECURITY.stream())
          .toList();

  private final SarifWriter writer;

  ValidationSarifRenderer(String version, String informationUri, Path workingDirectory) {
    this.writer =
        new SarifWriter(version, informationUri, workingDirectory, SarifWriter.MAX_RESULTS);
  }

  /** Every diagnostic of the run; each environment's own outcome is in the messages already. */
  @Override
  public String render(DesiredState state, Map<String, DesiredState> environments) {
    List<Finding> findings =
        state.diagnostics().stream()
            .sorted(Diagnostic.ORDER)
            .map(d -> writer.finding(d, rule(d)))
            .toList();
    return writer.write(RULES, OMISSION, findings);
  }

  private static SarifRule rule(Diagnostic diagnostic) {
    return diagnostic.rule().map(SarifRule::security).orElse(INVALID_DESIRED_STATE);
  }
}
