package dev.ccr.cli;

import dev.ccr.spec.DesiredState;

/** The one-line summaries commands print last. */
final class Summaries {
  private Summaries() {}

  static String validation(DesiredState state) {
    String files = count(state.files().size(), "file");
    if (state.hasErrors()) {
      return files
          + ": "
          + count(state.errorCount(), "error")
          + (state.warningCount() > 0 ? ", " + count(state.warningCount(), "warning") : "")
          + ".";
    }
    String clients = count(state.clients().size(), "client") + " in " + files;
    return clients
        + ": valid"
        + (state.warningCount() > 0 ? ", " + count(state.warningCount(), "warning") : "")
        + ".";
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
