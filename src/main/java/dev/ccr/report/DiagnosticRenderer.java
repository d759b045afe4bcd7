package dev.ccr.report;

import dev.ccr.spec.Diagnostic;
import java.util.List;

/**
 * Renders diagnostics as {@code file:line:col: error: message}, then the source line and a caret
 * under the column. {@link WorkflowCommands#annotation} gives the same diagnostic as a GitHub
 * Actions annotation.
 */
public final class DiagnosticRenderer {

  public String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic diagnostic : diagnostics) {
      out.append(render(diagnostic));
    }
    return out.toString();
  }

  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    out.append(d.file())
        .append(':')
        .append(d.position().line())
        .append(':')
        .append(d.position().column())
        .append(": ")
        .append(d.severity().label())
        .append(": ")
        .append(d.message())
        .append('\n');
    if (!d.sourceLine().isEmpty()) {
      out.append(d.sourceLine())
          .append('\n')
          .append(caret(d.sourceLine(), d.position().column()))
          .append('\n');
    }
    return out.toString();
  }

  /** Spaces up to the column, keeping tabs so the caret lines up in a terminal. */
  private static String caret(String line, int column) {
    StringBuilder pad = new StringBuilder();
    int offset = 0;
    for (int i = 1; i < column && offset < line.length(); i++) {
      int codePoint = line.codePointAt(offset);
      pad.append(codePoint == '\t' ? '\t' : ' ');
      offset += Character.charCount(codePoint);
    }
    while (pad.length() < column - 1) {
      pad.append(' ');
    }
    return pad.append('^').toString();
  }
}
