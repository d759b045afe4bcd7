package dev.ccr.report;

/**
 * A count with its noun, for the sentences every command prints: {@code 1 client}, {@code 3 files}.
 */
public final class Noun {
  private Noun() {}

  /** {@code 1 client}, {@code 0 clients}, {@code 3 clients}. */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
