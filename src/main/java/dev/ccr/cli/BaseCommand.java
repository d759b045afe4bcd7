package dev.ccr.cli;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.ClientReader;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.Pacing;
import dev.ccr.plan.EarlyListings;
import dev.ccr.plan.Plan;
import dev.ccr.plan.PlanFile;
import dev.ccr.plan.Reconciler;
import dev.ccr.report.ControlCharacters;
import dev.ccr.report.DiagnosticRenderer;
import dev.ccr.report.FailureReport;
import dev.ccr.report.Noun;
import dev.ccr.report.RuleTally;
import dev.ccr.report.ValidationRenderer;
import dev.ccr.report.WorkflowCommands;
import dev.ccr.spec.AwsSettings;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Environment;
import dev.ccr.spec.ProjectFile;
import dev.ccr.spec.RuleSettings;
import dev.ccr.spec.SourceLines;
import dev.ccr.spec.SpecFiles;
import dev.ccr.spec.SpecLoader;
import dev.ccr.spec.Suggestions;
import dev.ccr.spec.Variables;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * What every subcommand shares: its streams, the terminal, the environment and the AWS door. *
 *
 * <p>It is long because it holds the one copy of every step the commands share (reading ccr.yaml,
 * selecting the environment, loading the files with their variables and paths, the region check,
 * reconciling, the failure report, opening the gateway), each a short method that takes the run's
 * values as arguments; it keeps no state of a run.
 */
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
   * Finds, loads and checks the desired-state files with the run's project file, environment and
   * variables, printing every diagnostic; stops with 64 for bad paths and options, 1 for unreadable
   * files and 3 for invalid ones.
   */
  LoadedRun loadDesiredState(SpecMixin specs, RuleSettings rules) {
    return loadDesiredState(specs, selectEnvironment(specs.environment), rules);
  }

  /** {@link #loadDesiredState(SpecMixin, RuleSettings)} with the project file already read. */
  LoadedRun loadDesiredState(SpecMixin specs, LoadedRun.Selection selection, RuleSettings rules) {
    return loadDesiredState(specs, selection, rules, spec -> {});
  }

  /**
   * {@link #loadDesiredState(SpecMixin, LoadedRun.Selection, RuleSettings)} telling {@code
   * poolNamed} of the user pool of each document as soon as its file is parsed.
   */
  LoadedRun loadDesiredState(
      SpecMixin specs,
      LoadedRun.Selection selection,
      RuleSettings rules,
      Consumer<String> poolNamed) {
    LoadedRun run = load(specs, selection, rules, poolNamed);
    DesiredState state = run.state();
    printDiagnostics(state.diagnostics());
    if (state.hasErrors()) {
      err().print(ValidationRenderer.text().render(state, Map.of()));
      hintEnvironments(selection, state);
      throw new Stop(ExitCode.INVALID);
    }
    return run;
  }

  /**
   * Loads the files for the selected environment (or none) without printing the diagnostics; the
   * run's rules are the command's with the project's ({@code rules}) and the environment's. Stops
   * on bad paths and options.
   */
  LoadedRun load(SpecMixin specs, LoadedRun.Selection selection, RuleSettings rules) {
    return load(specs, selection, rules, pool -> {});
  }

  private LoadedRun load(
      SpecMixin specs,
      LoadedRun.Selection selection,
      RuleSettings rules,
      Consumer<String> poolNamed) {
    Optional<ProjectFile> project = selection.project();
    Optional<String> name = selection.environmentName();
    Variables variables = variables(specs, project, name);
    SpecFiles.Found found = files(specs, project);
    RuleSettings settings =
        rules
            .with(project.map(ProjectFile::rules).orElse(RuleSettings.DEFAULT))
            .allowing(project.flatMap(p -> name.map(p::allowed)).orElse(java.util.List.of()));
    try {
      DesiredState state =
          new SpecLoader(variables, settings, poolNamed)
              .load(found.files())
              .withUnreadFiles(found.skipped());
      return new LoadedRun(selection, state, settings);
    } catch (UncheckedIOException e) {
      printMessage(e.getMessage());
      throw new Stop(ExitCode.ERROR);
    }
  }

  /**
   * The files of the PATH arguments within the project's boundaries, and why each YAML entry of a
   * searched directory that is not a file was passed over (printed as warnings).
   */
  SpecFiles.Found files(SpecMixin specs, Optional<ProjectFile> project) {
    List<Path> paths = specs.pathsOrCurrentDirectory();
    SpecFiles.Found found;
    try {
      found = SpecFiles.find(paths);
    } catch (UncheckedIOException e) {
      printMessage(e.getMessage());
      throw new Stop(ExitCode.ERROR);
    }
    if (!found.problems().isEmpty()) {
      found.problems().forEach(this::printMessage);
      throw new Stop(ExitCode.USAGE);
    }
    found
        .skipped()
        .forEach(skipped -> printMessage("warning: " + skipped + "; no client is read from it"));
    ProjectFile.Scope scope = ProjectFile.scope(paths, found.files(), project);
    scope.skipped().forEach(this::printMessage);
    nestedProjects = scope.skipped();
    excluded = scope.excluded();
    if (scope.files().isEmpty()) {
      printMessage("no desired-state files left to read in " + paths);
      throw new Stop(ExitCode.USAGE);
    }
    return new SpecFiles.Found(scope.files(), List.of(), found.skipped());
  }

  /** The project file of the run, as {@code --config} or the search named it. */
  private Optional<Path> projectFileInUse = Optional.empty();

  /** The project file of the run, once it was read. */
  Optional<Path> projectFileInUse() {
    return projectFileInUse;
  }

  /** Why directories inside PATH were skipped: each holds its own project file. */
  private List<String> nestedProjects = List.of();

  /** The files found in PATH that the project's {@code exclude} left out. */
  private List<Path> excluded = List.of();

  /** What {@code --allow-nested-projects} says, for plan and apply. */
  static final String ALLOW_NESTED_PROJECTS =
      "With --prune: go ahead although a directory inside PATH was skipped for holding its own"
          + " ccr.yaml. The clients its files declare then count as undeclared in this run, and"
          + " are deleted when they are in its pools.";

  /**
   * Refuses {@code --prune} (exit 1, before any AWS call) when a directory inside PATH was skipped
   * for holding its own project file: the clients it declares are not read, so pruning from here
   * would delete them.
   */
  void checkNestedProjects(boolean prune, boolean allowed) {
    if (prune && !excluded.isEmpty()) {
      printMessage(
          "note: --prune: the exclude of the project file left out "
              + (excluded.size() == 1 ? "1 file" : excluded.size() + " files")
              + ", whose clients count as undeclared: "
              + excluded.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }
    if (!pruneRefused(prune, allowed)) {
      return;
    }
    printMessage(
        "error: --prune refused: "
            + (nestedProjects.size() == 1
                ? "a directory inside the paths given holds its own ccr.yaml and was skipped"
                : nestedProjects.size()
                    + " directories inside the paths given hold their own ccr.yaml and were"
                    + " skipped")
            + " (above), so the clients declared there count as undeclared here and pruning"
            + " could delete them. Run ccr in each project, or pass"
            + " --allow-nested-projects to prune anyway; nothing is deleted.");
    throw new Stop(ExitCode.ERROR);
  }

  /** Whether {@link #checkNestedProjects} refuses the run, once the files were found. */
  boolean pruneRefused(boolean prune, boolean allowed) {
    return prune && !allowed && !nestedProjects.isEmpty();
  }

  /**
   * Stops with a usage error (64) unless {@code file} is a regular file: "no such KIND file" when
   * nothing is there, else what is there (a directory, or a FIFO or device such as {@code
   * /dev/zero}), which is never opened.
   */
  void requireRegularFile(Path file, String kind, String give) {
    if (!Files.exists(file)) {
      printMessage("no such " + kind + " file: " + file);
      throw new Stop(ExitCode.USAGE);
    }
    if (!Files.isRegularFile(file)) {
      String what =
          Files.isDirectory(file) ? "a directory" : "a special file (a FIFO, socket or device)";
      printMessage(file + " is not a regular file but " + what + "; " + give);
      throw new Stop(ExitCode.USAGE);
    }
  }

  private Variables variables(
      SpecMixin specs, Optional<ProjectFile> project, Optional<String> name) {
    Variables.Builder builder = Variables.builder(context.env());
    project.ifPresent(builder::project);
    name.ifPresent(builder::environment);
    if (specs.varFile != null) {
      requireRegularFile(specs.varFile, "variable", "give a YAML file of variables");
      try {
        builder.file(specs.varFile);
      } catch (UncheckedIOException e) {
        printMessage(e.getMessage());
        throw new Stop(ExitCode.ERROR);
      }
    }
    specs.vars.forEach(builder::assign);
    if (!builder.problems().isEmpty()) {
      builder.problems().forEach(problem -> printMessage(problem));
      throw new Stop(ExitCode.USAGE);
    }
    if (!builder.diagnostics().isEmpty()) {
      printDiagnostics(builder.diagnostics().stream().sorted(Diagnostic.ORDER).toList());
      printMessage(specs.varFile + " is not a valid variable file.");
      throw new Stop(ExitCode.INVALID);
    }
    return builder.build();
  }

  /**
   * Reads the project file (found from the working directory, or {@code --config}) and selects the
   * environment {@code --env} names; stops with 64 for a missing file or an unknown environment and
   * 3 for an invalid project file.
   */
  LoadedRun.Selection selectEnvironment(EnvironmentMixin options) {
    Optional<ProjectFile> project = project(options);
    if (options.name == null) {
      return new LoadedRun.Selection(project, Optional.empty());
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
    Optional<Environment> environment = project.get().environment(options.name);
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
    return new LoadedRun.Selection(project, environment);
  }

  private Optional<ProjectFile> project(EnvironmentMixin options) {
    Optional<Path> file = Optional.ofNullable(options.config);
    file.ifPresent(f -> requireRegularFile(f, "project", "give the project file, ccr.yaml"));
    if (file.isEmpty()) {
      file = ProjectFile.find(Path.of(""));
      file.ifPresent(
          found ->
              printMessage(
                  "using "
                      + found
                      + ", the project file nearest the current directory (--config names"
                      + " another)"));
    }
    if (file.isEmpty()) {
      return Optional.empty();
    }
    projectFileInUse = file;
    ProjectFile.Loaded loaded;
    try {
      loaded = ProjectFile.load(file.get());
    } catch (UncheckedIOException e) {
      printMessage(e.getMessage());
      throw new Stop(ExitCode.ERROR);
    }
    printDiagnostics(loaded.diagnostics());
    if (loaded.hasErrors()) {
      err()
          .println(
              file.get()
                  + ": "
                  + Noun.count(loaded.diagnostics().size(), "error")
                  + " in the project file.");
      throw new Stop(ExitCode.INVALID);
    }
    return loaded.project();
  }

  /** Without --env, variables that no other source gave call for one of the environments. */
  private void hintEnvironments(LoadedRun.Selection selection, DesiredState state) {
    Optional<ProjectFile> project = selection.project();
    List<String> names = project.map(ProjectFile::environmentNames).orElse(List.of());
    if (selection.environment().isEmpty()
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

  /**
   * Refuses a {@code --region} that contradicts the region in a UserPoolId (every pool id starts
   * with its region), once for the run, before any call: every call would fail to find the pool.
   */
  void checkRegion(LoadedRun run, AwsMixin aws) {
    DesiredState state = run.state();
    Optional<Environment> environment = run.environment();
    Optional<String> given =
        Optional.ofNullable(aws.region).or(() -> environment.flatMap(e -> e.aws().region()));
    if (given.isEmpty()) {
      return;
    }
    Map<String, ClientSpec> contradicting = new LinkedHashMap<>();
    for (ClientSpec client : state.clients()) {
      ClientRef.regionOf(client.userPoolId())
          .filter(region -> !region.equals(given.get()))
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
    String option =
        aws.region != null
            ? "--region " + aws.region
            : "region " + given.get() + " of environment " + environment.get().name();
    throw usage(
        option
            + " contradicts the region of user pool "
            + String.join(", ", pools)
            + ": a user pool id starts with its region. Leave "
            + (aws.region != null
                ? "--region out"
                : "region out of environment " + environment.get().name() + " in ccr.yaml")
            + ": ccr takes each client's region from its UserPoolId");
  }

  /**
   * Stops with 64 when a {@code --target} matched no client, suggesting the declared client name,
   * id or file nearest to each.
   */
  void checkTargets(Plan plan, DesiredState state) {
    if (!plan.unmatchedTargets().isEmpty()) {
      List<String> candidates = TargetCandidates.of(state);
      String hints =
          plan.unmatchedTargets().stream()
              .flatMap(t -> Suggestions.nearest(t, candidates).stream())
              .distinct()
              .map(s -> "; did you mean " + s + "?")
              .collect(java.util.stream.Collectors.joining());
      throw usage(
          "--target "
              + String.join(", ", plan.unmatchedTargets())
              + " matches no client: give a client name, a client id, or a file that declares a"
              + " client"
              + hints);
    }
  }

  /** Plans the declared clients against Cognito. */
  Plan reconcile(
      CognitoGateway gateway,
      LoadedRun run,
      AwsMixin aws,
      TargetMixin targets,
      boolean prune,
      boolean unmanagedNeeded) {
    return reconcile(gateway, run, aws, targets, prune, unmanagedNeeded, EarlyListings.NONE);
  }

  /** Plans the declared clients, taking the listings that {@code early} started. */
  Plan reconcile(
      CognitoGateway gateway,
      LoadedRun run,
      AwsMixin aws,
      TargetMixin targets,
      boolean prune,
      boolean unmanagedNeeded,
      EarlyListings early) {
    Plan plan =
        new Reconciler(gateway, aws.concurrency, progress(aws, "reading clients"), early)
            .reconcile(
                run.state(),
                new Reconciler.Options(
                    prune, unmanagedNeeded, targets.targets(), run.rules(), targets.includeDcr));
    checkTargets(plan, run.state());
    RuleTally tally = RuleTally.of(plan);
    printLateDiagnostics(Optional.of(run), tally.located());
    tally.perRule().forEach(this::printWarning);
    return plan;
  }

  /** Prints each diagnostic, and under GitHub Actions its annotation too. */
  void printDiagnostics(List<Diagnostic> diagnostics) {
    DiagnosticRenderer renderer = new DiagnosticRenderer(terminal.stderrColour());
    for (Diagnostic diagnostic : diagnostics) {
      err().print(renderer.render(diagnostic));
      command(WorkflowCommands.annotation(diagnostic));
    }
    err().flush();
  }

  /**
   * Prints {@code ccr: error: message} for an error about no file in particular, and under GitHub
   * Actions an annotation without a file.
   */
  void printError(String message) {
    printMessage("error: " + message);
    command(WorkflowCommands.error(message));
  }

  /**
   * Prints {@code ccr: warning: message} for a warning about no file in particular, and under
   * GitHub Actions an annotation without a file.
   */
  void printWarning(String message) {
    printMessage("warning: " + message);
    command(WorkflowCommands.warning(message));
  }

  /**
   * Prints one of ccr's own workflow commands on stderr; only under GitHub Actions (as it is when
   * stderr goes to a file, which the runner does not read).
   */
  void command(String command) {
    if (err() instanceof ActionsWriter actions) {
      actions.command(command);
    } else if (terminal.githubActions()) {
      err().println(command);
    }
  }

  /**
   * Prints diagnostics made after loading: with the run whose files were read, quoting their source
   * lines and naming the variables their values came from; without one (a saved plan, whose
   * recorded file names are not opened) as they are.
   */
  void printLateDiagnostics(Optional<LoadedRun> run, List<Diagnostic> diagnostics) {
    printDiagnostics(
        run.map(r -> SourceLines.fill(r.state().substitutions().explain(diagnostics)))
            .orElse(diagnostics));
  }

  /**
   * Prints what could not be read ({@link FailureReport}).
   *
   * @param run the run whose files were read, empty for a saved plan ({@link
   *     #printLateDiagnostics})
   */
  void reportFailures(Plan plan, Optional<LoadedRun> run) {
    FailureReport report = FailureReport.of(plan);
    printLateDiagnostics(run, report.located());
    report.errors().forEach(this::printError);
    report.summary().ifPresent(this::printMessage);
  }

  /**
   * A gateway for a command that never writes (writes keep Cognito's quota).
   *
   * @param base the AWS options the command line's fall back on: the selected environment's
   */
  CognitoGateway gateway(AwsMixin aws, AwsSettings base) {
    return open(aws, base, Pacing.COGNITO_CATEGORY_RPS);
  }

  /**
   * A gateway for apply, paced to its {@code --max-write-rps}.
   *
   * @param base the AWS options the command line's fall back on: the selected environment's, or
   *     those a saved plan was made with
   */
  CognitoGateway gateway(AwsMixin aws, AwsSettings base, WriteRateMixin writes) {
    return open(aws, base, writes.maxWriteRps);
  }

  /**
   * The gateway of a plan, opened while its files are read to list each pool as soon as a file
   * declares it ({@link EarlyListings}), or after them as before: when no pool is listed early,
   * when the AWS options are wrong (reported as always, once the files are read), or when {@code
   * mayRead} says the run is to stop before any call. Closing it closes the gateway.
   */
  final class EarlyReads implements AutoCloseable {
    private final AwsMixin aws;
    private CognitoGateway gateway;
    final EarlyListings listings;

    EarlyReads(AwsMixin aws, LoadedRun.Selection selection, BooleanSupplier mayRead) {
      this.aws = aws;
      Optional<String> region =
          Optional.ofNullable(aws.region)
              .or(() -> selection.environment().flatMap(e -> e.aws().region()));
      this.listings =
          new EarlyListings(
              () -> mayRead.getAsBoolean() ? open(selection) : null,
              region,
              Math.max(1, aws.concurrency));
    }

    private CognitoGateway open(LoadedRun.Selection selection) {
      try {
        gateway = BaseCommand.this.gateway(aws, selection.aws());
      } catch (CommandLine.ParameterException e) {
        // Reported by gateway(run) after the files, as without early reads.
      }
      return gateway;
    }

    /** The gateway of the run: the one opened early, else one opened now. */
    CognitoGateway gateway(LoadedRun run) {
      if (gateway == null) {
        gateway = BaseCommand.this.gateway(aws, run.aws());
      }
      return gateway;
    }

    @Override
    public void close() {
      if (gateway != null) {
        gateway.close();
      }
    }
  }

  /** The command line's AWS options over the base ones; a role session per command. */
  private CognitoGateway open(AwsMixin aws, AwsSettings base, double maxWriteRps) {
    return context.gateways().open(awsOptions(aws, base, maxWriteRps));
  }

  /**
   * The command line's AWS options over the base ones, with --debug's lines: what the gateway and
   * the secret operations are opened with.
   */
  AwsOptions awsOptions(AwsMixin aws, AwsSettings base, double maxWriteRps) {
    try {
      return debugged(aws, aws.options(maxWriteRps, base, "ccr-" + spec.name(), context.env()));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /**
   * The plan with the secrets of its clients whose documents declare a secret policy ({@link
   * SecretPhase}); {@code incident} plans a rotation now. None are read when the credentials or the
   * network failed the plan's calls.
   */
  Plan withSecrets(AwsMixin aws, LoadedRun run, Plan plan, boolean incident) {
    if (plan.failures().stream().anyMatch(Plan.Everywhere.class::isInstance)) {
      return plan; // the credentials or the network failed every call: reported once already
    }
    return secretPhase(aws, run.aws(), Pacing.COGNITO_CATEGORY_RPS)
        .read(run.state(), plan, incident, this::printMessage);
  }

  /** The secret phase with the command line's AWS options over {@code base}. */
  SecretPhase secretPhase(AwsMixin aws, AwsSettings base, double maxWriteRps) {
    return new SecretPhase(awsOptions(aws, base, maxWriteRps), java.time.Clock.systemUTC());
  }

  /**
   * Prints why the secrets of clients could not be read; true when there was any (the run exits 1).
   */
  boolean reportSecretErrors(Plan plan) {
    List<String> errors = SecretPhase.errors(plan);
    errors.forEach(e -> printMessage("cannot read the secrets of " + e));
    return !errors.isEmpty();
  }

  /** The options with a line per AWS call on stderr, under --debug or CCR_LOG=debug. */
  AwsOptions debugged(AwsMixin aws, AwsOptions options) {
    if (!aws.debugging(context.env())) {
      return options;
    }
    PrintWriter err = err();
    return options.withDebug(line -> println(err, message(line)));
  }

  /** One whole line from any thread. */
  private static void println(PrintWriter writer, String line) {
    synchronized (writer) {
      writer.println(line);
      writer.flush();
    }
  }

  /** How a plan made by this run is made: its environment and the AWS options in effect. */
  PlanFile.Made made(LoadedRun run, AwsMixin aws) {
    try {
      return new PlanFile.Made(
          run.selection().environmentName(), aws.settings(run.aws(), context.env()));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /**
   * Progress of a long run on stderr, or nothing with --quiet or when stderr is no terminal; every
   * client's read time goes to {@link #readTimes}.
   */
  ClientReader.Listener progress(AwsMixin aws, String what) {
    ClientReader.Listener line = ProgressLine.forStderr(err(), what, aws.quiet);
    return new ClientReader.Listener() {
      @Override
      public void progressed(int done, int total) {
        line.progressed(done, total);
      }

      @Override
      public void described(String userPoolId, String clientId, Duration took) {
        readTimes.merge(userPoolId + "/" + clientId, took, Duration::plus);
      }
    };
  }

  /** How long reading each client ({@code POOL/ID}) took in this run. */
  final Map<String, Duration> readTimes = new java.util.concurrent.ConcurrentHashMap<>();
}
