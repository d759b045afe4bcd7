package dev.ccr.report;

import dev.ccr.spec.DesiredState;
import java.util.Map;

/**
 * The result line of validate for people ({@code 8 clients in 6 files: valid.}, or {@code 2 files:
 * 3 errors.}), one per environment ({@code dev: ...}) when the files were checked once for each;
 * the diagnostics themselves go to stderr ({@link DiagnosticRenderer}).
 */
final class ValidationTextRenderer implements ValidationRenderer {
  @Override
  public String render(DesiredState state, Map<String, DesiredState> environments) {
    if (environments.isEmpty()) {
      return line(state) + "\n";
    }
    StringBuilder out = new StringBuilder();
    environments.forEach(
        (name, each) -> out.append(name).append(": ").append(line(each)).append('\n'));
    return out.toString();
  }

  private static String line(DesiredState state) {
    String files = Noun.count(state.files().size(), "file");
    String warnings =
        state.warningCount() > 0 ? ", " + Noun.count(state.warningCount(), "warning") : "";
    if (state.hasErrors()) {
      return files + ": " + Noun.count(state.errorCount(), "error") + warnings + ".";
    }
    return Noun.count(state.clients().size(), "client")
        + " in "
        + files
        + ": valid"
        + warnings
        + ".";
  }
}
