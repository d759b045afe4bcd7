package dev.ccr.report;

/**
 * Values in GitHub Flavored Markdown, shown as they are: never as emphasis, links, code, math,
 * HTML, a new table cell or a mention that notifies someone, and with control characters as visible
 * escapes (see {@link ControlCharacters#escape}).
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

  /**
   * Text inside an HTML element such as {@code <summary>}, where Markdown is not read. An {@code @}
   * where GitHub would read a mention ({@code @user}, {@code @org/team}: not after a letter, digit
   * or underscore) is followed by a zero-width joiner, so a name in a report notifies nobody.
   */
  static String html(String value) {
    return neutraliseMentions(
        ControlCharacters.escape(value)
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;"));
  }

  /** The joiner GitHub's mention pattern does not cross; it shows as nothing. */
  static final char MENTION_BREAK = '\u200D';

  private static String neutraliseMentions(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c);
      if (c == '@' && (i == 0 || !isWordCharacter(text.charAt(i - 1)))) {
        out.append(MENTION_BREAK);
      }
    }
    return out.toString();
  }

  private static boolean isWordCharacter(char c) {
    return c == '_' || (c < 0x80 && Character.isLetterOrDigit(c));
  }
}
