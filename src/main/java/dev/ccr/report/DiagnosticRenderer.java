package dev.ccr.report;

import dev.ccr.spec.Diagnostic;
import java.util.List;

/**
 * Renders diagnostics as {@code file:line:col: error: message}, then the source line and a caret
 * under the column; optionally also as GitHub Actions workflow commands.
 */
public final class DiagnosticRenderer {
  private final boolean githubActions;

  /**
   * @param githubActions also emit {@code ::error file=..,line=..,col=..::message} lines
   */
  public DiagnosticRenderer(boolean githubActions) {
    this.githubActions = githubActions;
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
        .append(d.severity().label())
        .append(": ")
        .append(message)
        .append('\n');
    if (!d.sourceLine().isEmpty()) {
      out.append(ControlCharacters.escapeKeepingTabs(d.sourceLine()))
          .append('\n')
          .append(caret(d.sourceLine(), d.position().column()))
          .append('\n');
    }
    if (githubActions) {
      out.append("::")
          .append(d.severity().label())
          .append(" file=")
          .append(property(file))
          .append(",line=")
          .append(d.position().line())
          .append(",col=")
          .append(d.position().column())
          .append("::")
          .append(data(message))
          .append('\n');
    }
    return out.toString();
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

  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
