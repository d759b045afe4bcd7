package dev.ccr.report;

import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Severity;
import java.util.List;

/**
 * Renders diagnostics as {@code file:line:col: error: message}, then the source line and a caret
 * under the column. {@link WorkflowCommands#annotation} gives the same diagnostic as a GitHub
 * Actions annotation.
 */
public final class DiagnosticRenderer {
  private static final String RESET = "\u001B[0m";

  private final boolean colour;

  /**
   * @param colour the severity word in bold colour, as compilers show it on a terminal: red for
   *     errors, magenta for warnings
   */
  public DiagnosticRenderer(boolean colour) {
    this.colour = colour;
  }

  public String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic diagnostic : diagnostics) {
      out.append(render(diagnostic));
    }
    return out.toString();
  }

  /**
   * One diagnostic; the file name, the message and the quoted line are shown with every control
   * character escaped ({@link ControlCharacters}), tabs of the quoted line kept for the caret.
   */
  public String render(Diagnostic d) {
    String file = ControlCharacters.escape(d.file());
    String message = ControlCharacters.escape(d.message());
    StringBuilder out = new StringBuilder();
    out.append(file)
        .append(':')
        .append(d.position().line())
        .append(':')
        .append(d.position().column())
        .append(": ")
        .append(severity(d.severity()))
        .append(": ")
        .append(message)
        .append('\n');
    if (!d.sourceLine().isEmpty()) {
      out.append(ControlCharacters.escapeKeepingTabs(d.sourceLine()))
          .append('\n')
          .append(caret(d.sourceLine(), d.position().column()))
          .append('\n');
    }
    return out.toString();
  }

  private String severity(Severity severity) {
    if (!colour) {
      return severity.label();
    }
    String ansi =
        switch (severity) {
          case ERROR -> "\u001B[1;31m";
          case WARNING -> "\u001B[1;35m";
        };
    return ansi + severity.label() + RESET;
  }

  /**
   * Spaces up to the column, keeping tabs so the caret lines up in a terminal, and as wide as the
   * escapes of the control characters before it.
   */
  private static String caret(String line, int column) {
    StringBuilder pad = new StringBuilder();
    int offset = 0;
    int i = 1;
    for (; i < column && offset < line.length(); i++) {
      int codePoint = line.codePointAt(offset);
      String shown = ControlCharacters.escapeKeepingTabs(Character.toString(codePoint));
      pad.append(codePoint == '\t' ? "\t" : " ".repeat(shown.codePointCount(0, shown.length())));
      offset += Character.charCount(codePoint);
    }
    return pad.append(" ".repeat(column - i)).append('^').toString();
  }
}
