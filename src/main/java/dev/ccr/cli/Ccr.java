package dev.ccr.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
      CommandLine.HelpCommand.class
    },
    footer = ExitCode.HELP_TABLE)
public final class Ccr implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
    CommandLine cli =
        new CommandLine(new Ccr(), new CommandFactory(terminal, context))
            .setOut(outWriter)
            .setErr(errWriter)
            .setParameterExceptionHandler(Ccr::usageError)
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
