package dev.ccr.cli;

import java.util.Map;
import picocli.CommandLine;

/** Creates commands with what they share: the terminal and the environment. */
final class CommandFactory implements CommandLine.IFactory {
  private final Terminal terminal;
  private final Map<String, String> env;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(Terminal terminal, Map<String, String> env) {
    this.terminal = terminal;
    this.env = Map.copyOf(env);
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    K instance = fallback.create(type);
    if (instance instanceof BaseCommand command) {
      command.init(terminal, env);
    }
    return instance;
  }
}
