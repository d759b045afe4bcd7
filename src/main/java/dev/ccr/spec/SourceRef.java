package dev.ccr.spec;

import java.util.Objects;

/** Where a client is declared: its file (as the user named it) and the start of its document. */
public record SourceRef(String file, Position position) {
  public SourceRef {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
  }

  @Override
  public String toString() {
    return file + ":" + position.line();
  }
}
