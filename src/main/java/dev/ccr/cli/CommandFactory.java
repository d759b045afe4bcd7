package dev.ccr.cli;

import picocli.CommandLine;

/** Creates commands with what they share: the terminal and the context. */
final class CommandFactory implements CommandLine.IFactory {
  private final Terminal terminal;
  private final Context context;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(Terminal terminal, Context context) {
    this.terminal = terminal;
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    K instance = fallback.create(type);
    if (instance instanceof BaseCommand command) {
      command.init(terminal, context);
    }
    return instance;
  }
}
