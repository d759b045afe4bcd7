package dev.ccr.plan;

/** A plan file that cannot be read; the message names the file and says what is wrong. */
public final class PlanFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public PlanFileException(String message) {
    super(message);
  }
}
