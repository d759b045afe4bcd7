package dev.ccr.spec;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in the desired state, located in its file.
 *
 * @param file the file as the user named it (relative paths stay relative)
 * @param pointer the JSON Pointer of the attribute concerned, empty for the whole document
 * @param sourceLine the text of the line at {@code position}, empty when there is none
 * @param rule the id of the security rule that found it ({@code CCR101}), empty for any other
 *     problem
 */
public record Diagnostic(
    Severity severity,
    String message,
    String file,
    Position position,
    String pointer,
    String sourceLine,
    Optional<String> rule) {

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
    Objects.requireNonNull(rule, "rule");
  }

  /** A problem that no security rule found. */
  public Diagnostic(
      Severity severity,
      String message,
      String file,
      Position position,
      String pointer,
      String sourceLine) {
    this(severity, message, file, position, pointer, sourceLine, Optional.empty());
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
