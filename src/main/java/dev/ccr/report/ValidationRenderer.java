package dev.ccr.report;

import dev.ccr.spec.DesiredState;

/**
 * Formats the outcome of {@code ccr validate} for programs. Text, for people, is the diagnostics on
 * stderr ({@link DiagnosticRenderer}) and a result line; a SARIF renderer can join JSON here, and
 * takes the rule table from {@link dev.ccr.spec.SecurityRule}.
 */
public interface ValidationRenderer {

  /** The whole output, ending in a newline. */
  String render(DesiredState state);

  /** JSON described by {@code schemas/validate-report.schema.json}. */
  static ValidationRenderer json() {
    return new ValidationJsonRenderer();
  }
}
