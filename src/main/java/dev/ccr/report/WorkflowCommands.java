package dev.ccr.report;

import dev.ccr.spec.Diagnostic;

/**
 * Workflow commands for the GitHub Actions runner, which reads them from every line a step prints
 * on standard output or standard error: ccr's own annotations, and {@link #inert} for every other
 * line, so that no value from a file or from Cognito can pass for a command. See <a
 * href="https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands">Workflow
 * commands for GitHub Actions</a>.
 *
 * <p>The runner takes a line as a command in two forms: {@code ::name ...::data} when the line,
 * after leading white space, starts with {@code ::}; and the older {@code ##[name ...]data}
 * anywhere in the line. It compares text culturally, so characters that collation ignores (format
 * characters such as U+200B, most control characters) do not break either form; and it splits lines
 * at CR as well as at LF.
 */
public final class WorkflowCommands {
  private WorkflowCommands() {}

  /**
   * {@code ::error file=..,line=..,col=..::message} (or {@code ::warning}) for a diagnostic. Line
   * breaks are encoded as the runner decodes them ({@code %0A}), so it reads the file name and the
   * message as they are; every other control character is escaped, as everywhere else.
   */
  public static String annotation(Diagnostic d) {
    return "::"
        + d.severity().label()
        + " file="
        + property(escapeBetweenLineBreaks(d.file()))
        + ",line="
        + d.position().line()
        + ",col="
        + d.position().column()
        + "::"
        + data(neutral(escapeBetweenLineBreaks(d.message())));
  }

  /** {@code ::error::message}: an error about no file in particular (credentials, a pool). */
  public static String error(String message) {
    return "::error::" + data(neutral(escapeBetweenLineBreaks(message)));
  }

  /** {@code ::warning::message}: a warning about no file in particular (a rule across clients). */
  public static String warning(String message) {
    return "::warning::" + data(escapeBetweenLineBreaks(message));
  }

  /** Every control character escaped except CR and LF, which the annotation encodes itself. */
  private static String escapeBetweenLineBreaks(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(ControlCharacters.escape(text.substring(start, i))).append(c);
        start = i + 1;
      }
    }
    return out.append(ControlCharacters.escape(text.substring(start))).toString();
  }

  /**
   * The text as lines the runner reads no command from, shown as they were otherwise: characters
   * that collation ignores become visible {@code \\uXXXX} escapes, every {@code ::} becomes {@code
   * :\\u003a}, and the {@code [} of every {@code ##[} becomes {@code \\u005b}. Line breaks (LF, CR,
   * CRLF) are kept. The escapes are JSON's own, and neither a line of pretty-printed JSON nor a
   * JSON string can start with {@code ::}, so JSON stays valid and means the same.
   */
  public static String inert(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(inertLine(text.substring(start, i))).append(c);
        start = i + 1;
      }
    }
    return out.append(inertLine(text.substring(start))).toString();
  }

  /**
   * How much of an unfinished line can be written before the rest is known, so that what follows
   * cannot join it into a command: never its trailing {@code #} or {@code :} characters (a {@code
   * #[} or a second {@code :} may follow).
   */
  public static int safeLength(String unfinished) {
    int end = unfinished.length();
    while (end > 0 && (unfinished.charAt(end - 1) == '#' || unfinished.charAt(end - 1) == ':')) {
      end--;
    }
    return end;
  }

  /** One line without its line break. */
  static String inertLine(String line) {
    return neutral(visible(line));
  }

  /**
   * Every {@code ::} as {@code :\\u003a} and the {@code [} of every {@code ##[} as {@code \\u005b},
   * anywhere in the text: neither form of command can start in it, at the start of a line or after
   * a break the reader of the output may add.
   */
  private static String neutral(String text) {
    String out = text.replace("##[", "##\\u005b");
    while (out.contains("::")) {
      out = out.replace("::", ":\\u003a");
    }
    return out;
  }

  /** Characters that collation ignores as {@code \\uXXXX}; tabs stay. */
  private static String visible(String line) {
    StringBuilder out = new StringBuilder(line.length());
    line.codePoints()
        .forEach(
            c -> {
              if (c != '\t' && ignorable(c)) {
                for (char unit : Character.toChars(c)) {
                  out.append(String.format("\\u%04x", (int) unit));
                }
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /**
   * Control and format characters, variation selectors, the combining grapheme joiner and the
   * Hangul fillers: what Unicode collation may skip when comparing.
   */
  static boolean ignorable(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || (c >= 0xFE00 && c <= 0xFE0F)
        || (c >= 0xE0100 && c <= 0xE01EF)
        || (c >= 0x180B && c <= 0x180F)
        || c == 0x034F
        || c == 0x115F
        || c == 0x1160
        || c == 0x3164
        || c == 0xFFA0;
  }

  /** A command's data: the runner unescapes {@code %25}, {@code %0D} and {@code %0A}. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A command's property value: also {@code :} and {@code ,}, which end it. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
