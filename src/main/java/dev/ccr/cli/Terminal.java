package dev.ccr.cli;

import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * What the process knows about where its output goes. Colour only where the stream is a terminal,
 * and never with NO_COLOR, TERM=dumb or {@code --no-color}; GitHub Actions annotations when
 * GITHUB_ACTIONS is true.
 *
 * @param interactive whether standard input and output are a terminal (apply may ask there)
 * @param colour colour on standard output (plans, drift reports, help)
 * @param stderrColour colour on standard error (the severity word of diagnostics)
 */
record Terminal(boolean interactive, boolean colour, boolean stderrColour, boolean githubActions) {

  /** A terminal whose standard error has no colour. */
  Terminal(boolean interactive, boolean colour, boolean githubActions) {
    this(interactive, colour, false, githubActions);
  }

  static Terminal detect(Map<String, String> env) {
    return of(System.console() != null, ProgressLine.stderrIsTerminal(), env);
  }

  /**
   * @param console whether standard input and output are a terminal
   * @param stderrTerminal whether standard error is a terminal
   */
  static Terminal of(boolean console, boolean stderrTerminal, Map<String, String> env) {
    boolean noColor = env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty();
    boolean dumb = "dumb".equals(env.get("TERM"));
    boolean allowed = !noColor && !dumb;
    return new Terminal(
        console,
        console && allowed,
        stderrTerminal && allowed,
        "true".equals(env.get("GITHUB_ACTIONS")));
  }

  /** The same terminal without colour anywhere ({@code --no-color}). */
  Terminal withoutColour() {
    return new Terminal(interactive, false, false, githubActions);
  }

  Ansi ansi() {
    return colour ? Ansi.ON : Ansi.OFF;
  }
}
