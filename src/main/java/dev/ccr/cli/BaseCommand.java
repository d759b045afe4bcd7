package dev.ccr.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** What every subcommand shares: its streams, the terminal and the environment. */
abstract class BaseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Terminal terminal = new Terminal(false, false, false);
  Map<String, String> env = Map.of();

  void init(Terminal terminal, Map<String, String> env) {
    this.terminal = terminal;
    this.env = env;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
