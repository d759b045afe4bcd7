package dev.ccr.cli;

import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * What the process knows about where its output goes: colour only on a terminal and never with
 * NO_COLOR; GitHub Actions annotations when GITHUB_ACTIONS is true.
 *
 * @param interactive whether standard input and output are a terminal
 */
record Terminal(boolean interactive, boolean colour, boolean githubActions) {

  static Terminal detect(Map<String, String> env) {
    return of(System.console() != null, env);
  }

  /**
   * @param console whether the process runs on a terminal
   */
  static Terminal of(boolean console, Map<String, String> env) {
    boolean noColor = env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty();
    boolean dumb = "dumb".equals(env.get("TERM"));
    return new Terminal(
        console, console && !noColor && !dumb, "true".equals(env.get("GITHUB_ACTIONS")));
  }

  Ansi ansi() {
    return colour ? Ansi.ON : Ansi.OFF;
  }
}
