package dev.ccr.spec;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the desired state, located in its file.
 *
 * @param file the file as the user named it (relative paths stay relative)
 * @param pointer the JSON Pointer of the attribute concerned, empty for the whole document
 * @param sourceLine the text of the line at {@code position}, empty when there is none
 */
public record Diagnostic(
    Severity severity,
    String message,
    String file,
    Position position,
    String pointer,
    String sourceLine) {

  /** File, then position, then errors before warnings, then message. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparing(Diagnostic::position)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(sourceLine, "sourceLine");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
