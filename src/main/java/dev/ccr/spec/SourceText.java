package dev.ccr.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of one file, to quote the offending line under each diagnostic. A secret pasted into
 * a file is masked: the value of any key ending in "secret" (in any case), to the end of its line
 * and on the more indented lines that continue it.
 */
record SourceText(String file, List<String> lines) {
  private static final Pattern SECRET_KEY = Pattern.compile("(?i)(?<!generate)secret[\"']?\\s*:(.*)$");
  private static final String MASK = "****";

  SourceText {
    lines = mask(lines);
  }

  static SourceText of(String file, String text) {
    return new SourceText(file, text.lines().toList());
  }

  String line(int number) {
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }

  Diagnostic diagnostic(Severity severity, Position position, String pointer, String message) {
    return new Diagnostic(severity, message, file, position, pointer, line(position.line()));
  }

  Diagnostic error(Position position, String pointer, String message) {
    return diagnostic(Severity.ERROR, position, pointer, message);
  }

  private static List<String> mask(List<String> lines) {
    List<String> masked = new ArrayList<>(lines.size());
    int keyIndent = -1;
    for (String line : lines) {
      int indent = indentation(line);
      if (keyIndent >= 0 && (line.isBlank() || indent > keyIndent)) {
        masked.add(line.isBlank() ? line : line.substring(0, indent) + MASK);
        continue;
      }
      keyIndent = -1;
      Matcher secret = SECRET_KEY.matcher(line);
      if (secret.find()) {
        String value = secret.group(1);
        masked.add(line.substring(0, secret.start(1)) + (value.isBlank() ? value : " " + MASK));
        keyIndent = indent;
      } else {
        masked.add(line);
      }
    }
    return List.copyOf(masked);
  }

  private static int indentation(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '-' && i + 1 < line.length() && line.charAt(i + 1) == ' ')) {
      i++;
    }
    return i;
  }
}
