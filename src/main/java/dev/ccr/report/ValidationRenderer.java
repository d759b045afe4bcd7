package dev.ccr.report;

import dev.ccr.spec.DesiredState;
import java.nio.file.Path;

/**
 * Formats the outcome of {@code ccr validate}: a result line for people (the diagnostics go to
 * stderr, {@link DiagnosticRenderer}), JSON, and SARIF for code scanning, which takes the rule
 * table from {@link dev.ccr.spec.SecurityRule}.
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

  /** The result line, one per environment when the files were checked once for each. */
  static ValidationRenderer text() {
    return new ValidationTextRenderer();
  }

  /** JSON described by {@code schemas/validate-report.schema.json}. */
  static ValidationRenderer json() {
    return new ValidationJsonRenderer();
  }

  /**
   * SARIF 2.1.0 for code scanning, a result per diagnostic; file locations are made relative to
   * {@code workingDirectory}.
   *
   * @param version the tool version ({@code 0.1.0})
   * @param informationUri where users learn about the tool
   */
  static ValidationRenderer sarif(String version, String informationUri, Path workingDirectory) {
    return new ValidationSarifRenderer(version, informationUri, workingDirectory);
  }
}
