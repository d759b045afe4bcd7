package dev.ccr.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;

/** The {@code ccr} command: wires the subcommands, streams and exit codes together. */
@Command(
    name = "ccr",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Keeps Amazon Cognito user pool app clients equal to YAML files kept in git.",
    footer = ExitCode.HELP_TABLE)
public final class Ccr implements Runnable {
  static final String NO_COLOR = "--no-color";

  /** The subcommands by the name of their {@code @Command}, in the order help lists them. */
  static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("init", InitCommand.class);
    SUBCOMMANDS.put("validate", ValidateCommand.class);
    SUBCOMMANDS.put("plan", PlanCommand.class);
    SUBCOMMANDS.put("apply", ApplyCommand.class);
    SUBCOMMANDS.put("drift", DriftCommand.class);
    SUBCOMMANDS.put("export", ExportCommand.class);
    SUBCOMMANDS.put("show", ShowCommand.class);
    SUBCOMMANDS.put("fmt", FmtCommand.class);
    SUBCOMMANDS.put("rotate", RotateCommand.class);
    SUBCOMMANDS.put("completion", CompletionCommand.class);
    SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
  }

  /** Commands of other tools that people type, and what ccr calls them. */
  static final Map<String, String> REACHED_FOR =
      Map.of(
          "version", "ccr --version",
          "format", "ccr fmt",
          "diff", "ccr plan",
          "lint", "ccr validate",
          "check", "ccr validate",
          "import", "ccr export (or ccr init --from-pool)");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = NO_COLOR,
      scope = CommandLine.ScopeType.INHERIT,
      description = "No colour in any output, as with the NO_COLOR environment variable.")
  boolean noColor;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  /**
   * The subcommands a command line needs: only the one it names (before any option), or all of them
   * (for top-level help, {@code help}, {@code completion}, which describes them all, and
   * suggestions after a misspelt name). Building picocli's model of a command costs reflection over
   * its annotations, a noticeable part of a short run's start-up.
   */
  static Collection<Class<?>> subcommandsFor(String[] args) {
    Class<?> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
    if (named == null
        || named == CommandLine.HelpCommand.class
        || named == CompletionCommand.class) {
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
      err.println(BaseCommand.message(e.getMessage()));
      String reached = REACHED_FOR.get(args.length == 0 ? "" : args[0]);
      if (reached != null && cli.getCommandSpec().parent() == null) {
        err.println("Did you mean: " + reached + "?");
      } else {
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
      }
      err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
      return ExitCode.USAGE;
    }
  }

  /** Runs the parsed command line, with colour switched off everywhere for --no-color. */
  private static final class Execution implements CommandLine.IExecutionStrategy {
    private final Terminal terminal;
    private final Context context;

    Execution(Terminal terminal, Context context) {
      this.terminal = terminal;
      this.context = context;
    }

    @Override
    public int execute(CommandLine.ParseResult parsed) {
      return Ccr.execute(parsed, terminal, context);
    }
  }

  /** Runs the command line, with colour switched off everywhere when --no-color is given. */
  private static int execute(CommandLine.ParseResult parsed, Terminal terminal, Context context) {
    if (matched(parsed, NO_COLOR)) {
      parsed
          .commandSpec()
          .commandLine()
          .setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
      for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
        if (p.commandSpec().userObject() instanceof BaseCommand command) {
          command.init(terminal.withoutColour(), context);
        }
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** Whether an option was given on the top command or any subcommand of the line. */
  private static boolean matched(CommandLine.ParseResult parsed, String option) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(option)) {
        return true;
      }
    }
    return false;
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
    PrintWriter outWriter = writer(out, terminal);
    PrintWriter errWriter = writer(err, terminal);
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
        .setColorScheme(CommandLine.Help.defaultColorScheme(terminal.ansi()))
        .setExecutionStrategy(new Execution(terminal, context));
    try {
      return cli.execute(args);
    } finally {
      finish(outWriter);
      finish(errWriter);
    }
  }

  /**
   * Under GitHub Actions, a writer whose lines the runner reads no workflow command from; a plain
   * one elsewhere, and for a stream redirected to a file, which the runner does not read.
   */
  private static PrintWriter writer(PrintStream stream, Terminal terminal) {
    return terminal.githubActions() && !redirectedToFile(stream)
        ? new ActionsWriter(stream)
        : new PrintWriter(stream, true, StandardCharsets.UTF_8);
  }

  /** Whether the stream is the process's stdout or stderr and goes to a regular file. */
  private static boolean redirectedToFile(PrintStream stream) {
    int fd = stream == System.out ? 1 : stream == System.err ? 2 : -1;
    try {
      return fd > 0 && Files.isRegularFile(Path.of("/proc/self/fd/" + fd));
    } catch (SecurityException e) {
      return false;
    }
  }

  private static void finish(PrintWriter writer) {
    if (writer instanceof ActionsWriter actions) {
      actions.finish();
    } else {
      writer.flush();
    }
  }
}
