package dev.ccr.spec;

/** How bad a diagnostic is: an error stops the run, a warning does not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in {@code file:line:col: error: ...}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
