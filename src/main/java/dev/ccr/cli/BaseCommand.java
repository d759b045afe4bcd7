package dev.ccr.cli;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.ClientReader;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.plan.FleetPlanner;
import dev.ccr.plan.Plan;
import dev.ccr.report.DiagnosticRenderer;
import dev.ccr.spec.AwsSettings;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Environment;
import dev.ccr.spec.ProjectFile;
import dev.ccr.spec.SourceLines;
import dev.ccr.spec.SpecFiles;
import dev.ccr.spec.SpecLoader;
import dev.ccr.spec.Substitutions;
import dev.ccr.spec.Variables;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** What every subcommand shares: its streams, the terminal, the environment and the AWS door. */
abstract class BaseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Terminal terminal = new Terminal(false, false, false);
  Context context = Context.DEFAULT;

  /**
   * The environment the run selected with {@code --env}, once {@link #loadDesiredState} or {@link
   * #selectEnvironment} ran: its name and AWS options, for AWS calls and for a saved plan.
   */
  Optional<Environment> environment = Optional.empty();

  /** Where the loaded files' variables came from, to explain diagnostics made after loading. */
  private Substitutions substitutions = Substitutions.NONE;

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
   * Finds, loads and checks the desired-state files with the run's project file, environment and
   * variables, printing every diagnostic; stops with 64 for bad paths and options, 1 for unreadable
   * files and 3 for invalid ones.
   */
  DesiredState loadDesiredState(SpecMixin specs) {
    return loadDesiredState(specs, selectEnvironment(specs.environment));
  }

  /** {@link #loadDesiredState(SpecMixin)} with the project file already read. */
  DesiredState loadDesiredState(SpecMixin specs, Optional<ProjectFile> project) {
    DesiredState state = load(specs, project, environment.map(Environment::name));
    printDiagnostics(state.diagnostics());
    if (state.hasErrors()) {
      err().println(Summaries.validation(state));
      hintEnvironments(project, state);
      throw new Stop(ExitCode.INVALID);
    }
    substitutions = state.substitutions();
    return state;
  }

  /**
   * Loads the files for one environment (or none) without printing the diagnostics; stops on bad
   * paths and options.
   */
  DesiredState load(SpecMixin specs, Optional<ProjectFile> project, Optional<String> name) {
    Variables variables = variables(specs, project, name);
    try {
      return new SpecLoader(variables).load(files(specs, project));
    } catch (UncheckedIOException e) {
      err().println("ccr: " + e.getMessage());
      throw new Stop(ExitCode.ERROR);
    }
  }

  /** The files of the PATH arguments within the project's boundaries. */
  private List<Path> files(SpecMixin specs, Optional<ProjectFile> project) {
    List<Path> paths = specs.pathsOrCurrentDirectory();
    SpecFiles.Found found;
    try {
      found = SpecFiles.find(paths);
    } catch (UncheckedIOException e) {
      err().println("ccr: " + e.getMessage());
      throw new Stop(ExitCode.ERROR);
    }
    if (!found.problems().isEmpty()) {
      found.problems().forEach(problem -> err().println("ccr: " + problem));
      throw new Stop(ExitCode.USAGE);
    }
    ProjectFile.Scope scope = ProjectFile.scope(paths, found.files(), project);
    scope.skipped().forEach(note -> err().println("ccr: " + note));
    if (scope.files().isEmpty()) {
      err().println("ccr: no desired-state files left to read in " + paths);
      throw new Stop(ExitCode.USAGE);
    }
    return scope.files();
  }

  private Variables variables(
      SpecMixin specs, Optional<ProjectFile> project, Optional<String> name) {
    Variables.Builder builder = Variables.builder(context.env());
    project.ifPresent(builder::project);
    name.ifPresent(builder::environment);
    if (specs.varFile != null) {
      if (!Files.isRegularFile(specs.varFile)) {
        err().println("ccr: no such variable file: " + specs.varFile);
        throw new Stop(ExitCode.USAGE);
      }
      try {
        builder.file(specs.varFile);
      } catch (UncheckedIOException e) {
        err().println("ccr: " + e.getMessage());
        throw new Stop(ExitCode.ERROR);
      }
    }
    specs.vars.forEach(builder::assign);
    if (!builder.problems().isEmpty()) {
      builder.problems().forEach(problem -> err().println("ccr: " + problem));
      throw new Stop(ExitCode.USAGE);
    }
    if (!builder.diagnostics().isEmpty()) {
      printDiagnostics(builder.diagnostics().stream().sorted(Diagnostic.ORDER).toList());
      err().println("ccr: " + specs.varFile + " is not a valid variable file.");
      throw new Stop(ExitCode.INVALID);
    }
    return builder.build();
  }

  /**
   * Reads the project file (found from the working directory, or {@code --config}) and selects the
   * environment {@code --env} names; stops with 64 for a missing file or an unknown environment and
   * 3 for an invalid project file.
   */
  Optional<ProjectFile> selectEnvironment(EnvironmentMixin options) {
    Optional<ProjectFile> project = project(options);
    if (options.name == null) {
      return project;
    }
    if (project.isEmpty()) {
      err()
          .println(
              "ccr: --env "
                  + options.name
                  + " needs a project file, and there is no "
                  + ProjectFile.NAME
                  + " in the current directory or its parents; pass --config FILE");
      throw new Stop(ExitCode.USAGE);
    }
    environment = project.get().environment(options.name);
    if (environment.isEmpty()) {
      List<String> names = project.get().environmentNames();
      err()
          .println(
              "ccr: no environment "
                  + options.name
                  + " in "
                  + project.get().displayName()
                  + (names.isEmpty()
                      ? ", which defines none"
                      : "; it defines " + String.join(", ", names)));
      throw new Stop(ExitCode.USAGE);
    }
    return project;
  }

  private Optional<ProjectFile> project(EnvironmentMixin options) {
    Optional<Path> file = Optional.ofNullable(options.config);
    if (file.isPresent() && !Files.isRegularFile(file.get())) {
      err().println("ccr: no such project file: " + file.get());
      throw new Stop(ExitCode.USAGE);
    }
    file = file.or(() -> ProjectFile.find(Path.of("")));
    if (file.isEmpty()) {
      return Optional.empty();
    }
    ProjectFile.Loaded loaded;
    try {
      loaded = ProjectFile.load(file.get());
    } catch (UncheckedIOException e) {
      err().println("ccr: " + e.getMessage());
      throw new Stop(ExitCode.ERROR);
    }
    printDiagnostics(loaded.diagnostics());
    if (loaded.hasErrors()) {
      err()
          .println(
              file.get()
                  + ": "
                  + Summaries.count(loaded.diagnostics().size(), "error")
                  + " in the project file.");
      throw new Stop(ExitCode.INVALID);
    }
    return loaded.project();
  }

  /** Without --env, variables that no other source gave call for one of the environments. */
  private void hintEnvironments(Optional<ProjectFile> project, DesiredState state) {
    List<String> names = project.map(ProjectFile::environmentNames).orElse(List.of());
    if (environment.isEmpty()
        && !names.isEmpty()
        && !state.substitutions().unresolved().isEmpty()) {
      err()
          .println(
              "ccr: no environment selected; "
                  + project.get().displayName()
                  + " defines "
                  + String.join(", ", names)
                  + ": pass --env NAME");
    }
  }

  void printDiagnostics(List<Diagnostic> diagnostics) {
    err().print(new DiagnosticRenderer(terminal.githubActions()).render(diagnostics));
    err().flush();
  }

  /** Prints diagnostics made after loading, quoting their source lines from the files. */
  void printLateDiagnostics(List<Diagnostic> diagnostics) {
    printDiagnostics(SourceLines.fill(substitutions.explain(diagnostics)));
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
    global.forEach(message -> err().println("ccr: error: " + message));
    err().println("ccr: " + Summaries.count(failures.size(), "client") + " could not be read.");
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
    if (aws.roleArn != null && !aws.roleArn.matches("arn:aws[a-z-]*:iam::[0-9]{12}:role/.+")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--role-arn must be an IAM role ARN such as arn:aws:iam::123456789012:role/ccr-deployer, not '"
              + aws.roleArn
              + "'");
    }
    AwsOptions options =
        aws.options(
            environment.map(Environment::aws).orElse(AwsSettings.NONE), "ccr-" + spec.name());
    return context.gateways().open(options);
  }

  /** Progress of a long run on stderr, or nothing with --quiet or when stderr is no terminal. */
  ClientReader.Listener progress(AwsMixin aws, String what) {
    return ProgressLine.forStderr(err(), what, aws.quiet);
  }
}
