package dev.ccr.cli;

/** The exit codes of every command, as listed in --help and the README. */
public final class ExitCode {
  /** Success; no changes or drift. */
  public static final int OK = 0;

  /** An error: AWS, network, I/O, or a client that did not converge. */
  public static final int ERROR = 1;

  /** Success, and changes or drift are present. */
  public static final int CHANGES = 2;

  /**
   * The desired state is invalid (YAML, schema, a rule, a variable, ccr.yaml, or a check against
   * the live client or the pool).
   */
  public static final int INVALID = 3;

  /** The saved plan is stale; nothing was written. */
  public static final int STALE = 4;

  /**
   * apply was cancelled by SIGINT or SIGTERM: the writes already sent were finished, the others not
   * started, and the output says which clients were written.
   */
  public static final int CANCELLED = 5;

  /** Usage error. */
  public static final int USAGE = 64;

  /** The table printed at the end of every --help. */
  static final String HELP_TABLE =
      "%nExit codes:%n"
          + "  0   success; no changes or drift%n"
          + "  1   error: AWS, network, I/O, a client that did not converge%n"
          + "  2   success, with changes or drift (plan --detailed-exitcode, drift,%n"
          + "      fmt --check)%n"
          + "  3   the desired state is invalid (YAML, schema, a rule, a variable, ccr.yaml,%n"
          + "      a check against the live client or pool)%n"
          + "  4   the saved plan is stale; nothing was written%n"
          + "  5   apply was cancelled (SIGINT, SIGTERM); the output says what was written%n"
          + "  64  usage error%n";

  private ExitCode() {}
}
