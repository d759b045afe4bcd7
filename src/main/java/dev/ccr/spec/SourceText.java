package dev.ccr.spec;

import java.util.List;
import java.util.regex.Pattern;

/** The lines of one file, to quote the offending line under each diagnostic. */
record SourceText(String file, List<String> lines) {
  /** A client secret pasted into a file is masked in every quoted line. */
  private static final Pattern SECRET =
      Pattern.compile("(ClientSecret[\"']?\\s*:\\s*)(\"[^\"]*\"?|'[^']*'?|[^,}\\s]+)");

  SourceText {
    lines = lines.stream().map(line -> SECRET.matcher(line).replaceAll("$1****")).toList();
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
}
