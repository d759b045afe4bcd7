package dev.ccr.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ccr} command: wires the subcommands, streams and exit codes together. */
@Command(
    name = "ccr",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Keeps Amazon Cognito user pool app clients equal to YAML files kept in git.",
    footer = ExitCode.HELP_TABLE)
public final class Ccr implements Runnable {
  /** The subcommands by the name of their {@code @Command}, in the order help lists them. */
  static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("validate", ValidateCommand.class);
    SUBCOMMANDS.put("plan", PlanCommand.class);
    SUBCOMMANDS.put("apply", ApplyCommand.class);
    SUBCOMMANDS.put("drift", DriftCommand.class);
    SUBCOMMANDS.put("export", ExportCommand.class);
    SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  /**
   * The subcommands a command line needs: only the one it names, or all of them (for top-level
   * help, {@code help}, and suggestions after a misspelt name). Building picocli's model of a
   * command costs reflection over its annotations, a noticeable part of a short run's start-up.
   */
  static Collection<Class<?>> subcommandsFor(String[] args) {
    Class<?> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
    if (named == null || named == CommandLine.HelpCommand.class) {
      return SUBCOMMANDS.values();
    }
    return List.of(named);
  }

  /** A usage error: the message, suggestions, where to find help, and exit code 64. */
  private static final class UsageError implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      CommandLine cli = e.getCommandLine();
      PrintWriter err = cli.getErr();
      err.println("ccr: " + e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
      err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
      return ExitCode.USAGE;
    }
  }

  /**
   * Runs one command line and returns its exit code; writes only to {@code out} and {@code err}.
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, new Context(env, Context.DEFAULT.gateways()));
  }

  static int run(String[] args, PrintStream out, PrintStream err, Context context) {
    return run(args, out, err, context, Terminal.detect(context.env()));
  }

  static int run(
      String[] args, PrintStream out, PrintStream err, Context context, Terminal terminal) {
    PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine cli = new CommandLine(new Ccr(), new CommandFactory(terminal, context));
    // Settings after the subcommands: picocli hands them down only to subcommands present.
    // No lambdas or method references of picocli's types here: making one links picocli's
    // classes while bin/ccr dumps its archive, and the JVM leaves linked class files as old as
    // picocli's out of the archive.
    for (Class<?> subcommand : subcommandsFor(args)) {
      cli.addSubcommand(subcommand);
    }
    cli.setOut(outWriter)
        .setErr(errWriter)
        .setParameterExceptionHandler(new UsageError())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(new UnexpectedErrorHandler())
        .setColorScheme(CommandLine.Help.defaultColorScheme(terminal.ansi()));
    try {
      return cli.execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }
}
