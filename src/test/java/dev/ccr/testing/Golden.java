package dev.ccr.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden-file assertions: compares text with a checked-in file, prints a line diff on mismatch, and
 * rewrites the file instead when run with {@code -Dgolden.update=true}.
 */
public final class Golden {
  private Golden() {}

  /** The project's root directory (tests run with it as the working directory under Maven). */
  public static Path projectDir() {
    return Path.of(System.getProperty("ccr.project.dir", "")).toAbsolutePath();
  }

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** Asserts that {@code actual} equals the content of {@code expected}, or rewrites it. */
  public static void assertMatches(Path expected, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(expected.toAbsolutePath().getParent());
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(expected)) {
        fail(
            "missing golden file "
                + expected
                + "; create it with: mvn verify -Dgolden.update=true");
      }
      String want = Files.readString(expected, StandardCharsets.UTF_8);
      if (!want.equals(actual)) {
        fail(
            "output differs from "
                + expected
                + " (- expected, + actual):\n"
                + diff(want, actual)
                + "\nIf the new output is right, regenerate with: mvn verify -Dgolden.update=true");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plain line diff: the lines from the first difference on, marked - and +. */
  static String diff(String want, String got) {
    List<String> a = want.lines().toList();
    List<String> b = got.lines().toList();
    int first = 0;
    while (first < a.size() && first < b.size() && a.get(first).equals(b.get(first))) {
      first++;
    }
    int endA = a.size();
    int endB = b.size();
    while (endA > first && endB > first && a.get(endA - 1).equals(b.get(endB - 1))) {
      endA--;
      endB--;
    }
    StringBuilder out = new StringBuilder();
    out.append("@@ line ").append(first + 1).append(" @@\n");
    for (int i = first; i < endA; i++) {
      out.append("- ").append(a.get(i)).append('\n');
    }
    for (int i = first; i < endB; i++) {
      out.append("+ ").append(b.get(i)).append('\n');
    }
    if (want.endsWith("\n") != got.endsWith("\n")) {
      out.append("(final newline differs)\n");
    }
    return out.toString();
  }
}
