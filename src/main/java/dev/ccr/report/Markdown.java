package dev.ccr.report;

/**
 * Values in GitHub Flavored Markdown, shown as they are: never as emphasis, links, code, math, HTML
 * or a new table cell, and with control characters as visible escapes (see {@link
 * ControlCharacters#escape}).
 */
final class Markdown {
  private Markdown() {}

  /**
   * Text in a paragraph or a table cell: {@code & < >} as HTML entities, a backslash before each
   * character that could start Markdown inline syntax ({@code \ ` * _ [ ] ~ $ |}).
   */
  static String text(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (char c : html(value).toCharArray()) {
      if ("\\`*_[]~$|".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * A code span, for identifiers: fenced by more backticks than the value holds in a row, padded
   * with spaces when it starts or ends with one, and with {@code |} escaped for table cells.
   */
  static String code(String value) {
    String visible = ControlCharacters.escape(value);
    int longest = 0;
    int run = 0;
    for (char c : visible.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = visible.startsWith("`") || visible.endsWith("`") ? " " : "";
    return fence + pad + visible.replace("|", "\\|") + pad + fence;
  }

  /** Text inside an HTML element such as {@code <summary>}, where Markdown is not read. */
  static String html(String value) {
    return ControlCharacters.escape(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
