package dev.ccr.report;

import dev.ccr.spec.DesiredState;

/**
 * Formats the outcome of {@code ccr validate} for programs. Text, for people, is the diagnostics on
 * stderr ({@link DiagnosticRenderer}) and a result line; a SARIF renderer can join JSON here, and
 * takes the rule table from {@link dev.ccr.spec.SecurityRule}.
 */
public interface ValidationRenderer {

  /**
   * The whole output, ending in a newline.
   *
   * @param state every file, client and diagnostic of the run
   * @param environments when the files were checked once per environment, each environment's own
   *     outcome by name; empty otherwise
   */
  String render(DesiredState state, java.util.Map<String, DesiredState> environments);

  /** JSON described by {@code schemas/validate-report.schema.json}. */
  static ValidationRenderer json() {
    return new ValidationJsonRenderer();
  }
}
