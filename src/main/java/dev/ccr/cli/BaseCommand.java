package dev.ccr.cli;

import dev.ccr.live.ClientReader;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.live.Pacing;
import dev.ccr.plan.Plan;
import dev.ccr.plan.Reconciler;
import dev.ccr.report.DiagnosticRenderer;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.RuleSettings;
import dev.ccr.spec.Severity;
import dev.ccr.spec.SourceLines;
import dev.ccr.spec.SpecFiles;
import dev.ccr.spec.SpecLoader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /**
   * Finds, loads and checks the desired-state files, printing every diagnostic; stops with 64 for
   * bad paths, 1 for unreadable files and 3 for invalid ones.
   */
  DesiredState loadDesiredState(List<Path> paths, RuleSettings rules) {
    DesiredState state = readDesiredState(paths, rules);
    printDiagnostics(state.diagnostics());
    if (state.hasErrors()) {
      err().println(Summaries.validation(state));
      throw new Stop(ExitCode.INVALID);
    }
    return state;
  }

  /**
   * Finds, loads and checks the desired-state files without printing their diagnostics; stops with
   * 64 for bad paths and 1 for unreadable files.
   */
  DesiredState readDesiredState(List<Path> paths, RuleSettings rules) {
    try {
      SpecFiles.Found found = SpecFiles.find(paths);
      if (!found.problems().isEmpty()) {
        found.problems().forEach(problem -> err().println("ccr: " + problem));
        throw new Stop(ExitCode.USAGE);
      }
      return new SpecLoader(rules).load(found.files());
    } catch (UncheckedIOException e) {
      err().println("ccr: " + e.getMessage());
      throw new Stop(ExitCode.ERROR);
    }
  }

  /**
   * Refuses a {@code --region} that contradicts the region in a UserPoolId (every pool id starts
   * with its region), once for the run, before any call: every call would fail to find the pool.
   */
  void checkRegion(DesiredState state, AwsMixin aws) {
    if (aws.region == null) {
      return;
    }
    Map<String, ClientSpec> contradicting = new LinkedHashMap<>();
    for (ClientSpec client : state.clients()) {
      ClientRef.regionOf(client.userPoolId())
          .filter(region -> !region.equals(aws.region))
          .ifPresent(region -> contradicting.putIfAbsent(client.userPoolId(), client));
    }
    if (contradicting.isEmpty()) {
      return;
    }
    List<String> pools = new ArrayList<>();
    contradicting.forEach(
        (pool, client) ->
            pools.add(
                pool
                    + " ("
                    + client.source().file()
                    + ":"
                    + client.positionOf("/UserPoolId").line()
                    + ")"));
    throw usage(
        "--region "
            + aws.region
            + " contradicts the region of user pool "
            + String.join(", ", pools)
            + ": a user pool id starts with its region. Leave --region out: ccr takes each"
            + " client's region from its UserPoolId");
  }

  /** Stops with 64 when a {@code --target} matched no client. */
  void checkTargets(Plan plan) {
    if (!plan.unmatchedTargets().isEmpty()) {
      throw usage(
          "--target "
              + String.join(", ", plan.unmatchedTargets())
              + " matches no client: give a client name, a client id, or a file that declares a"
              + " client");
    }
  }

  /** Plans the declared clients against Cognito. */
  Plan reconcile(
      CognitoGateway gateway, DesiredState state, AwsMixin aws, Reconciler.Options options) {
    Plan plan =
        new Reconciler(gateway, aws.concurrency, progress(aws, "reading clients"))
            .reconcile(state.clients(), options);
    checkTargets(plan);
    return plan;
  }

  void printDiagnostics(List<Diagnostic> diagnostics) {
    err()
        .print(
            new DiagnosticRenderer(terminal.githubActions(), terminal.stderrColour())
                .render(diagnostics));
    err().flush();
  }

  /** Prints diagnostics made after loading, quoting their source lines from the files. */
  void printLateDiagnostics(List<Diagnostic> diagnostics) {
    printDiagnostics(SourceLines.fill(diagnostics));
  }

  /**
   * Prints what could not be read, each cause once: a failure of the credentials or the network
   * once for the run, a pool that cannot be listed at its first UserPoolId, a client at the key
   * that names it. A pool whose listing the run did not need gets a warning.
   *
   * @param quoteFiles whether to quote the source lines of the files (never for a saved plan, whose
   *     recorded file names are not opened)
   */
  void reportFailures(Plan plan, boolean quoteFiles) {
    List<Diagnostic> located = new ArrayList<>();
    List<String> everywhere = new ArrayList<>();
    int clients = 0;
    for (Plan.Failure failure : plan.failures()) {
      if (failure instanceof Plan.Everywhere e) {
        everywhere.add(e.error().getMessage());
        clients += e.clients();
      } else if (failure instanceof Plan.InPool pool) {
        located.add(poolDiagnostic(pool.problem()));
      } else if (failure instanceof Plan.OfClient client) {
        located.addAll(client.action().diagnostics());
        clients++;
      }
    }
    plan.poolProblems().stream()
        .filter(p -> !p.blocking() && !everywhere.contains(p.error().getMessage()))
        .forEach(p -> located.add(poolDiagnostic(p)));
    List<Diagnostic> sorted = located.stream().sorted(Diagnostic.ORDER).toList();
    if (quoteFiles) {
      printLateDiagnostics(sorted);
    } else {
      printDiagnostics(sorted);
    }
    everywhere.forEach(message -> err().println("ccr: error: " + message));
    if (clients > 0) {
      err().println("ccr: " + Summaries.count(clients, "client") + " could not be read.");
    }
  }

  private static Diagnostic poolDiagnostic(Plan.PoolProblem problem) {
    GatewayException error = problem.error();
    String message =
        error.reason() == GatewayException.Reason.NOT_FOUND
            ? "user pool "
                + problem.userPoolId()
                + " not found: "
                + error.messageWithCode()
                + "; check the UserPoolId, and the region (its prefix, or --region) and account"
                + " in use"
            : "cannot list the clients of pool "
                + problem.userPoolId()
                + ": "
                + error.messageWithCode()
                + (problem.blocking() ? "" : "; its unmanaged clients are unknown");
    return new Diagnostic(
        problem.blocking() ? Severity.ERROR : Severity.WARNING,
        message,
        problem.origin().source().file(),
        problem.origin().source().position(),
        "/UserPoolId",
        "");
  }

  /**
   * Whether a plan is worth printing: not when no client was planned, nor when some could not be
   * read and the others have no change ("No changes." would mislead).
   */
  static boolean worthShowing(Plan plan) {
    return !plan.actions().isEmpty()
        && (!plan.hasFailures() || plan.hasChanges() || plan.hasErrors());
  }

  /** A gateway for a command that never writes: writes keep Cognito's quota. */
  CognitoGateway gateway(AwsMixin aws) {
    return context.gateways().open(aws.options(Pacing.COGNITO_CATEGORY_RPS));
  }

  /** A gateway for apply, paced to its {@code --max-write-rps}. */
  CognitoGateway gateway(AwsMixin aws, WriteRateMixin writes) {
    return context.gateways().open(aws.options(writes.maxWriteRps));
  }

  /** Progress of a long run on stderr, or nothing with --quiet or when stderr is no terminal. */
  ClientReader.Listener progress(AwsMixin aws, String what) {
    return ProgressLine.forStderr(err(), what, aws.quiet);
  }
}
