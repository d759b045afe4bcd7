package dev.ccr.cli;

import dev.ccr.apply.Applier;
import dev.ccr.live.CognitoGateway;
import dev.ccr.plan.Plan;
import dev.ccr.plan.PlanFile;
import dev.ccr.report.ApplyJsonRenderer;
import dev.ccr.report.ApplyTextRenderer;
import dev.ccr.report.PlanRenderer;
import dev.ccr.report.SecretRenderer;
import dev.ccr.secret.Secrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ccr apply}: writes a saved plan, or plans the files and writes that after confirmation.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    header = "Creates, updates and deletes clients as planned.",
    description = {
      "With --plan FILE: applies a plan saved by 'ccr plan --out FILE', without asking.",
      "With PATH...: plans the files, shows the plan and asks for confirmation on a terminal;"
          + " without a terminal it needs --auto-approve.",
      "Every client is read again first; if a managed attribute moved since the plan, a client"
          + " went away, a client of a name to create appeared, or the plan was applied in whole"
          + " or in part, nothing is written (exit 4).",
      "Then each client is read again right before its write. An update sends the client's"
          + " complete configuration with the changes laid over it, so Cognito resets nothing; the"
          + " client Cognito returns is checked against what was sent.",
      "The secret actions of clients whose documents declare ccr: {secret:} run after every"
          + " client was written, each client's in the safe order (docs/secrets.md); a saved"
          + " plan's secrets are read again first, and nothing is applied when they moved (exit"
          + " 4)."
    },
    footer = ExitCode.HELP_TABLE)
final class ApplyCommand extends BaseCommand {
  static final String PROMPT = "Apply these changes? Only 'yes' is accepted: ";

  @Mixin SpecMixin specs = new SpecMixin();
  @Mixin AwsMixin aws = new AwsMixin();
  @Mixin TargetMixin targets = new TargetMixin();
  @Mixin RuleMixin rules = new RuleMixin();
  @Mixin WriteRateMixin writes = new WriteRateMixin();

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description =
          "Apply this saved plan (JSON from 'ccr plan --out FILE'), with the AWS options it was"
              + " made with unless given here.")
  Path planFile;

  @Option(names = "--auto-approve", description = "Apply PATH... without asking for confirmation.")
  boolean autoApprove;

  /** The output formats of apply. */
  enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json prints what"
              + " became of each client on stdout (schemas/apply-result.schema.json); the plan,"
              + " the prompt and the per-client lines then go to stderr.")
  Format format;

  @Option(
      names = "--prune",
      description =
          "With PATH...: also delete the clients of the declared user pools that no file declares"
              + " (a client that a document of another environment declares is kept). Refused,"
              + " writing nothing (exit 1), when a desired-state file was found and could not be"
              + " read.")
  boolean prune;

  @Option(names = "--allow-nested-projects", description = ALLOW_NESTED_PROJECTS)
  boolean allowNestedProjects;

  @Override
  int execute() {
    aws.check(spec);
    AwsMixin.checkRate(spec, "--max-write-rps", writes.maxWriteRps);
    if (planFile != null && !specs.paths.isEmpty()) {
      throw usage("Give either --plan FILE or PATH..., not both.");
    }
    if (planFile != null && (!specs.vars.isEmpty() || specs.varFile != null)) {
      throw usage("--var and --var-file apply to PATH...; a saved plan holds its values already.");
    }
    if (planFile != null && (prune || !targets.targets.isEmpty())) {
      throw usage(
          "--prune and --target shape a plan as it is made; give them to 'ccr plan', not with"
              + " --plan FILE.");
    }
    if (planFile != null && (rules.strict != null || !rules.allow.isEmpty())) {
      throw usage(
          "--allow and --strict judge a plan as it is made; give them to 'ccr plan', not with"
              + " --plan FILE.");
    }
    Duration grace = aws.timeouts().call().multipliedBy(2).plusSeconds(5);
    try (Cancellation cancel = new Cancellation(err(), this::printCancelledBeforeWrites, grace)) {
      cancellation = cancel;
      return planFile != null ? applySaved() : applyFiles();
    }
  }

  /** The signals that cancel this apply; set while it runs. */
  private Cancellation cancellation;

  /** With --format json, the result of an apply cancelled before its first write. */
  private void printCancelledBeforeWrites() {
    if (format == Format.json) {
      out()
          .print(
              new ApplyJsonRenderer(Version.generatedBy(), projectFileInUse().map(Path::toString))
                  .render(Applier.Applied.cancelledBeforeWrites()));
      out().flush();
    }
  }

  /** Applies the plan, no write started once apply is cancelled. */
  private Applier.Outcome apply(CognitoGateway gateway, Plan plan, boolean checkFirst) {
    cancellation.writing();
    return applier(gateway).apply(plan, checkFirst);
  }

  private int applySaved() {
    PlanFile.Saved saved = SavedPlanFile.read(this, planFile, "nothing was applied.");
    checkEnvironment(saved);
    Plan plan = saved.plan();
    if (!plan.hasChanges()) {
      human().println("No changes. The plan has nothing to apply.");
      return ExitCode.OK;
    }
    SecretPhase secrets = secretPhase(aws, saved.made().aws(), writes.maxWriteRps);
    if (secretsMoved(secrets, plan)) {
      return ExitCode.STALE;
    }
    try (CognitoGateway gateway = gateway(aws, saved.made().aws(), writes)) {
      return report(apply(gateway, plan, true), Optional.empty(), secrets, plan);
    }
  }

  /**
   * {@code --env} may name the environment a saved plan was made for again, never another one; the
   * plan holds that environment's AWS options.
   */
  private void checkEnvironment(PlanFile.Saved saved) {
    Optional<String> recorded = saved.made().environment();
    if (specs.environment.name != null && !recorded.equals(Optional.of(specs.environment.name))) {
      throw usage(
          "--env "
              + specs.environment.name
              + ": the plan was made "
              + recorded.map(name -> "for environment " + name).orElse("without an environment")
              + "; apply it without --env (the AWS options it was made with are in the plan), or"
              + " make a plan for "
              + specs.environment.name);
    }
  }

  private int applyFiles() {
    context.gateways().prepare(); // the SDK gets ready beside the reading of the files
    LoadedRun run = loadDesiredState(specs, rules.settings(spec));
    checkNestedProjects(prune, allowNestedProjects);
    checkRegion(run, aws);
    try (CognitoGateway gateway = gateway(aws, run.aws(), writes)) {
      Plan plan = withSecrets(aws, run, reconcile(gateway, run, aws, targets, prune, false), false);
      human().print(PlanRenderer.text(terminal.colour()).render(plan));
      human().flush();
      reportFailures(plan, Optional.of(run));
      boolean secretErrors = reportSecretErrors(plan);
      if (plan.hasFailures() || plan.hasErrors() || secretErrors) {
        printMessage("nothing was applied: fix the errors above and run apply again.");
        return plan.hasFailures() || secretErrors ? ExitCode.ERROR : ExitCode.INVALID;
      }
      if (!plan.hasChanges()) {
        return ExitCode.OK;
      }
      if (!approved(plan)) {
        human().println("Apply cancelled.");
        return ExitCode.ERROR;
      }
      // With --auto-approve the plan was made a moment ago: its reads are the check. After a person
      // confirmed, time has passed, so every client is checked again before the first write.
      SecretPhase secrets = secretPhase(aws, run.aws(), writes.maxWriteRps);
      if (!autoApprove && secretsMoved(secrets, plan)) {
        return ExitCode.STALE;
      }
      return report(apply(gateway, plan, !autoApprove), Optional.of(run), secrets, plan);
    }
  }

  /** Where lines for people go: stdout, or stderr when stdout carries JSON. */
  private java.io.PrintWriter human() {
    return format == Format.json ? err() : out();
  }

  private Applier applier(CognitoGateway gateway) {
    return new Applier(
        gateway,
        aws.concurrency,
        progress(aws, "checking clients"),
        progress(aws, "writing clients"),
        cancellation::requested);
  }

  /** Whether the user confirmed; without a terminal only --auto-approve confirms. */
  private boolean approved(Plan plan) {
    if (autoApprove) {
      return true;
    }
    if (!terminal.interactive()) {
      printMessage(
          "apply needs confirmation and there is no terminal to ask on; nothing was applied."
              + " Pass --auto-approve, or save a plan with 'ccr plan --out FILE' and run 'ccr apply --plan FILE'.");
      throw new Stop(ExitCode.USAGE);
    }
    human().println();
    ApplyTextRenderer.deletionWarning(plan).ifPresent(human()::println);
    human().print(PROMPT);
    human().flush();
    try {
      String answer =
          new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8))
              .readLine();
      human().println();
      return answer != null && answer.strip().equals("yes");
    } catch (IOException e) {
      printMessage("cannot read the answer: " + e.getMessage());
      return false;
    }
  }

  /**
   * Prints the outcome ({@link ApplyTextRenderer}, and {@link ApplyJsonRenderer} on stdout with
   * --format json) and gives the exit code.
   *
   * @param run the run whose files were read, empty for a saved plan
   */
  private int report(
      Applier.Outcome outcome, Optional<LoadedRun> run, SecretPhase secrets, Plan plan) {
    List<Secrets.Outcome> secretOutcomes =
        outcome instanceof Applier.Applied applied && !applied.hasProblems() && !applied.cancelled()
            ? secrets.apply(plan)
            : List.of();
    if (format == Format.json) {
      out()
          .print(
              new ApplyJsonRenderer(Version.generatedBy(), projectFileInUse().map(Path::toString))
                  .render(outcome, secretOutcomes));
      out().flush();
    }
    if (outcome instanceof Applier.Stale stale) {
      ApplyTextRenderer.moved(stale).forEach(err()::println);
    }
    if (outcome instanceof Applier.Applied applied) {
      human().print(ApplyTextRenderer.results(applied));
      human().flush();
      ApplyTextRenderer.notes(applied).forEach(note -> err().println("ccr: " + note));
    }
    printLateDiagnostics(run, ApplyTextRenderer.problems(outcome));
    ApplyTextRenderer.nothingWritten(outcome).ifPresent(this::printMessage);
    int code = exitCode(outcome);
    if (outcome instanceof Applier.Applied applied) {
      human().println(ApplyTextRenderer.summary(applied));
      if (plan.hasSecretActions() && !applied.cancelled()) {
        human().print(SecretRenderer.results(secretOutcomes));
        human()
            .println(
                applied.hasProblems()
                    ? "Secrets: no secret action taken, since a client write failed; plan again."
                    : SecretRenderer.summary(secretOutcomes));
      }
      human().flush();
      ApplyTextRenderer.cancelled(applied).ifPresent(this::printMessage);
    }
    if (code == ExitCode.OK && SecretPhase.failed(secretOutcomes)) {
      code = ExitCode.ERROR;
    }
    cancellation.reported();
    return code;
  }

  /**
   * Whether a client's secrets or store moved since the plan: then each is printed, with the JSON
   * result under --format json, and nothing is applied (exit 4).
   */
  private boolean secretsMoved(SecretPhase secrets, Plan plan) {
    List<String> moved = secrets.moved(plan);
    if (moved.isEmpty()) {
      return false;
    }
    if (format == Format.json) {
      out()
          .print(
              new ApplyJsonRenderer(Version.generatedBy(), projectFileInUse().map(Path::toString))
                  .renderSecretsMoved(moved));
      out().flush();
    }
    moved.forEach(m -> printMessage("secrets moved since the plan: " + m));
    printMessage("nothing was applied: the plan is stale. Run plan again.");
    return true;
  }

  private static int exitCode(Applier.Outcome outcome) {
    if (outcome instanceof Applier.Applied applied) {
      if (applied.cancelled()) {
        return ExitCode.CANCELLED;
      }
      return applied.hasProblems() ? ExitCode.ERROR : ExitCode.OK;
    }
    return outcome instanceof Applier.Stale ? ExitCode.STALE : ExitCode.ERROR;
  }
}
