package dev.ccr.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills in the quoted source line of diagnostics made after loading (at plan time), reading each
 * file once; a secret pasted into a file stays masked.
 */
public final class SourceLines {
  private SourceLines() {}

  public static List<Diagnostic> fill(List<Diagnostic> diagnostics) {
    Map<String, SourceText> files = new HashMap<>();
    return diagnostics.stream()
        .map(
            d ->
                d.sourceLine().isEmpty()
                    ? files
                        .computeIfAbsent(d.file(), SourceLines::read)
                        .diagnostic(d.severity(), d.position(), d.pointer(), d.message(), d.rule())
                    : d)
        .toList();
  }

  private static SourceText read(String file) {
    try {
      if (Files.size(Path.of(file)) > YamlReader.MAX_BYTES) {
        return SourceText.empty(file);
      }
      return SourceText.of(file, Files.readString(Path.of(file), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return SourceText.empty(file);
    }
  }
}
