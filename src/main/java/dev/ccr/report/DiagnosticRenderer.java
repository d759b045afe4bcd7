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

  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    out.append(d.file())
        .append(':')
        .append(d.position().line())
        .append(':')
        .append(d.position().column())
        .append(": ")
        .append(severity(d.severity()))
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
