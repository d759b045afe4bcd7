package dev.ccr.spec;

import java.nio.file.Path;
import java.util.regex.PatternSyntaxException;

/**
 * A glob of {@code exclude} in ccr.yaml, with the syntax of {@link
 * java.nio.file.FileSystem#getPathMatcher} ({@code *} within a name, {@code **} across names,
 * {@code ?}, {@code [a-z]}, {@code [!a]}, {@code {a,b}}, {@code \} escapes), matched by RE2 in time
 * linear in the path. The JDK's matcher backtracks: a glob such as {@code **}{@code /**}{@code /**}
 * ... against a deep path used to run for minutes.
 */
record Glob(String glob, com.google.re2j.Pattern pattern) {
  private static final String REGEX_META = "\\^$.|?*+()[]{}";

  /**
   * @throws PatternSyntaxException saying what is wrong, as the JDK's matcher says it
   */
  static Glob compile(String glob) {
    return new Glob(glob, com.google.re2j.Pattern.compile(regex(glob), 0));
  }

  boolean matches(Path path) {
    return pattern.matches(path.toString());
  }

  private static String regex(String glob) {
    StringBuilder regex = new StringBuilder();
    boolean inGroup = false;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      switch (c) {
        case '\\' -> {
          if (i == glob.length()) {
            throw new PatternSyntaxException("No character to escape", glob, i - 1);
          }
          literal(regex, glob.charAt(i++));
        }
        case '[' -> i = charClass(glob, i, regex);
        case '{' -> {
          if (inGroup) {
            throw new PatternSyntaxException("Cannot nest groups", glob, i - 1);
          }
          regex.append("(?:(?:");
          inGroup = true;
        }
        case '}' -> {
          if (inGroup) {
            regex.append("))");
            inGroup = false;
          } else {
            regex.append('}');
          }
        }
        case ',' -> regex.append(inGroup ? ")|(?:" : ",");
        case '*' -> {
          if (i < glob.length() && glob.charAt(i) == '*') {
            regex.append(".*");
            i++;
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        default -> literal(regex, c);
      }
    }
    if (inGroup) {
      throw new PatternSyntaxException("Missing '}", glob, i - 1);
    }
    return regex.toString();
  }

  /** A bracket expression from after its {@code [}; returns the index after its {@code ]}. */
  private static int charClass(String glob, int start, StringBuilder regex) {
    int i = start;
    StringBuilder set = new StringBuilder("[");
    if (i < glob.length() && glob.charAt(i) == '^') {
      set.append("\\^");
      i++;
    } else {
      if (i < glob.length() && glob.charAt(i) == '!') {
        set.append("^/");
        i++;
      }
      if (i < glob.length() && glob.charAt(i) == '-') {
        set.append("\\-");
        i++;
      }
    }
    boolean hasRangeStart = false;
    char last = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      if (c == ']') {
        regex.append(set).append(']');
        return i;
      }
      if (c == '/') {
        throw new PatternSyntaxException("Explicit 'name separator' in class", glob, i - 1);
      }
      if (c == '-') {
        if (!hasRangeStart) {
          throw new PatternSyntaxException("Invalid range", glob, i - 1);
        }
        if (i == glob.length() || glob.charAt(i) == ']') {
          set.append("\\-");
          continue;
        }
        char end = glob.charAt(i++);
        if (end < last) {
          throw new PatternSyntaxException("Invalid range", glob, i - 3);
        }
        if (last < '/' && end >= '/') {
          // A class never matches the name separator: the range goes around it.
          set.append("-.");
          if (end > '/') {
            set.append("0-");
            classChar(set, end);
          }
        } else {
          set.append('-');
          classChar(set, end);
        }
        hasRangeStart = false;
      } else {
        classChar(set, c);
        hasRangeStart = true;
        last = c;
      }
    }
    throw new PatternSyntaxException("Missing ']", glob, i - 1);
  }

  private static void classChar(StringBuilder set, char c) {
    set.append(c == '\\' || c == '[' || c == ']' || c == '^' || c == '-' ? "\\" + c : c);
  }

  private static void literal(StringBuilder regex, char c) {
    regex.append(REGEX_META.indexOf(c) >= 0 ? "\\" + c : c);
  }
}
