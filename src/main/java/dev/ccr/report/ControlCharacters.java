package dev.ccr.report;

/**
 * Makes text from files, from Cognito or from the command line safe to print: every control
 * character becomes a visible escape, so a value can neither forge lines of output nor send escape
 * sequences to a terminal. Backslashes are left as they are.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /**
   * The text with every control character as a visible escape: {@code \n}, {@code \r}, {@code \t},
   * {@code \e} for ESC, and {@code \u0000}-style escapes for the others (C0, DEL, C1, invisible
   * format characters such as bidirectional overrides and zero-width spaces, line and paragraph
   * separators, lone surrogates).
   */
  public static String escape(String text) {
    return escape(text, false);
  }

  /** As {@link #escape}, but tabs stay: for quoted source lines, where a caret lines up below. */
  public static String escapeKeepingTabs(String text) {
    return escape(text, true);
  }

  /** Whether {@link #escape} changes the code point. */
  public static boolean isControl(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static String escape(String text, boolean keepTabs) {
    if (text.codePoints().noneMatch(ControlCharacters::isControl)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              if (!isControl(c) || (keepTabs && c == '\t')) {
                out.appendCodePoint(c);
              } else {
                out.append(visible(c));
              }
            });
    return out.toString();
  }

  private static String visible(int c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case 0x1B -> "\\e";
      default -> c > 0xFFFF ? String.format("\\U%08x", c) : String.format("\\u%04x", c);
    };
  }
}
