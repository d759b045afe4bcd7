package dev.ccr.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      DriftCommand.class,
      ExportCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = ExitCode.HELP_TABLE)
public final class Ccr implements Runnable {
  static final String NO_COLOR = "--no-color";

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

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println(BaseCommand.message(e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCode.USAGE;
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
    CommandLine cli =
        new CommandLine(new Ccr(), new CommandFactory(terminal, context))
            .setOut(outWriter)
            .setErr(errWriter)
            .setParameterExceptionHandler(Ccr::usageError)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExecutionExceptionHandler(new UnexpectedErrorHandler())
            .setColorScheme(CommandLine.Help.defaultColorScheme(terminal.ansi()))
            .setExecutionStrategy(parsed -> execute(parsed, terminal, context));
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
