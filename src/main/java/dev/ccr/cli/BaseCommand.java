package dev.ccr.cli;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.ClientReader;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.plan.FleetPlanner;
import dev.ccr.plan.Plan;
import dev.ccr.report.ControlCharacters;
import dev.ccr.report.DiagnosticRenderer;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.SourceLines;
import dev.ccr.spec.SpecFiles;
import dev.ccr.spec.SpecLoader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** What every subcommand shares: its streams, the terminal, the environment and the AWS door. */
abstract class BaseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Terminal terminal = new Terminal(false, false, false);
  Context context = Context.DEFAULT;

  void init(Terminal terminal, Context context) {
    this.terminal = terminal;
    this.context = context;
  }

  /** Stops a command early with an exit code, after its message was printed. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    Stop(int exitCode) {
      super(null, null, false, false);
      this.exitCode = exitCode;
    }
  }

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (Stop stop) {
      return stop.exitCode;
    }
  }

  abstract int execute();

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Prints {@code ccr: } and the message as one line on stderr, every control character escaped: a
   * file name or a message from Cognito can neither forge lines nor send escape codes.
   */
  void printMessage(String message) {
    err().println(message(message));
  }

  /** {@code ccr: } and the message, every control character escaped. */
  static String message(String message) {
    return "ccr: " + ControlCharacters.escape(message);
  }

  /**
   * Finds, loads and checks the desired-state files, printing every diagnostic; stops with 64 for
   * bad paths, 1 for unreadable files and 3 for invalid ones.
   */
  DesiredState loadDesiredState(List<Path> paths) {
    DesiredState state;
    try {
      SpecFiles.Found found = SpecFiles.find(paths);
      if (!found.problems().isEmpty()) {
        found.problems().forEach(this::printMessage);
        throw new Stop(ExitCode.USAGE);
      }
      found.skipped().forEach(skipped -> printMessage("warning: " + skipped));
      state = new SpecLoader().load(found.files());
    } catch (UncheckedIOException e) {
      printMessage(e.getMessage());
      throw new Stop(ExitCode.ERROR);
    }
    printDiagnostics(state.diagnostics());
    if (state.hasErrors()) {
      err().println(Summaries.validation(state));
      throw new Stop(ExitCode.INVALID);
    }
    return state;
  }

  void printDiagnostics(List<Diagnostic> diagnostics) {
    err().print(new DiagnosticRenderer(terminal.githubActions()).render(diagnostics));
    err().flush();
  }

  /** Prints diagnostics made after loading, quoting their source lines from the files. */
  void printLateDiagnostics(List<Diagnostic> diagnostics) {
    printDiagnostics(SourceLines.fill(diagnostics));
  }

  /**
   * Prints the clients that could not be read: each at the file and line that declare it, except
   * failures that concern every client alike (credentials, network), printed once.
   */
  void reportReadFailures(List<FleetPlanner.ReadFailure> failures) {
    if (failures.isEmpty()) {
      return;
    }
    Set<String> global = new LinkedHashSet<>();
    List<Diagnostic> located = new ArrayList<>();
    for (FleetPlanner.ReadFailure failure : failures) {
      GatewayException.Reason reason = failure.error().reason();
      if (reason == GatewayException.Reason.CREDENTIALS
          || reason == GatewayException.Reason.UNREACHABLE) {
        global.add(failure.error().getMessage());
      } else {
        located.add(failure.diagnostic());
      }
    }
    printLateDiagnostics(located.stream().sorted(Diagnostic.ORDER).toList());
    global.forEach(message -> printMessage("error: " + message));
    printMessage(Summaries.count(failures.size(), "client") + " could not be read.");
  }

  /**
   * Whether a plan is worth printing: not when no client was read, nor when some could not be read
   * and the others have no change ("No changes." would mislead).
   */
  static boolean worthShowing(FleetPlanner.Result result) {
    Plan plan = result.plan();
    return !plan.clients().isEmpty()
        && (!result.hasFailures() || plan.hasChanges() || plan.hasErrors());
  }

  /** The slowest pace accepted: one call every 100 seconds. */
  static final double MIN_RPS = 0.01;

  CognitoGateway gateway(AwsMixin aws) {
    if (aws.concurrency < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--concurrency must be at least 1, not " + aws.concurrency);
    }
    if (aws.region != null && !aws.region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--region must be a region name such as eu-west-1, not '" + aws.region + "'");
    }
    for (double rps : new double[] {aws.maxReadRps, aws.maxWriteRps}) {
      if (!(rps >= MIN_RPS) || Double.isInfinite(rps)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--max-read-rps and --max-write-rps must be numbers of at least "
                + MIN_RPS
                + ", not "
                + rps);
      }
    }
    checkTimeouts(aws);
    AwsOptions options;
    try {
      options = aws.options(context.env());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return context.gateways().open(options);
  }

  /** The shortest and the longest timeout accepted, in seconds. */
  static final double MIN_TIMEOUT = 0.1;

  static final double MAX_TIMEOUT = 3600;

  private void checkTimeouts(AwsMixin aws) {
    for (Double seconds : new Double[] {aws.callTimeout, aws.attemptTimeout}) {
      if (seconds != null && !(seconds >= MIN_TIMEOUT && seconds <= MAX_TIMEOUT)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--timeout and --attempt-timeout must be numbers of seconds from "
                + MIN_TIMEOUT
                + " to "
                + (int) MAX_TIMEOUT
                + ", not "
                + seconds);
      }
    }
    if (aws.callTimeout != null
        && aws.attemptTimeout != null
        && aws.attemptTimeout > aws.callTimeout) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--attempt-timeout ("
              + aws.attemptTimeout
              + ") must not be longer than --timeout ("
              + aws.callTimeout
              + "), which bounds every attempt of a call together");
    }
  }

  /** Progress of a long run on stderr, or nothing with --quiet or when stderr is no terminal. */
  ClientReader.Listener progress(AwsMixin aws, String what) {
    return ProgressLine.forStderr(err(), what, aws.quiet);
  }
}
