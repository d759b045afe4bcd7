package dev.ccr.cli;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.Pacing;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;
import dev.ccr.secret.AwsSecrets;
import dev.ccr.secret.ClientSecrets;
import dev.ccr.secret.SecretReport;
import dev.ccr.secret.Secrets;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.SourceRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code ccr secrets} and {@code ccr rotate} share: reading, planning, applying, output. */
abstract class SecretsBase extends BaseCommand {
  /** The output formats. */
  enum Format {
    text,
    json,
    markdown
  }

  @Mixin SpecMixin specs = new SpecMixin();
  @Mixin AwsMixin aws = new AwsMixin();
  @Mixin TargetMixin targets = new TargetMixin();
  @Mixin RuleMixin rules = new RuleMixin();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--detailed-exitcode",
      description =
          "Without applying: exit 2 when there are actions or policy violations, 0 when there"
              + " are none.")
  boolean detailedExitcode;

  /** Whether the run rotates now, whatever the secrets' ages ({@code ccr rotate}). */
  abstract boolean incident();

  /** Whether the run takes the actions, or only shows them. */
  abstract boolean applying();

  @Override
  int execute() {
    aws.check(spec);
    if (incident() && targets.targets.isEmpty()) {
      throw usage("rotate needs --target NAME (the client whose secret to rotate now)");
    }
    LoadedRun run = loadDesiredState(specs, rules.settings(spec));
    DesiredState state = run.state();
    checkRegion(run, aws);
    Plan plan;
    try (CognitoGateway gateway = gateway(aws, run.aws())) {
      plan = reconcile(gateway, run, aws, targets, false, false);
    }
    reportFailures(plan, Optional.of(run));
    AwsOptions options;
    try {
      options =
          debugged(
              aws,
              aws.options(
                  Pacing.COGNITO_CATEGORY_RPS, run.aws(), "ccr-" + spec.name(), context.env()));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    List<SecretReport.Entry> entries = new ArrayList<>();
    Clock clock = Clock.systemUTC();
    boolean problems = false;
    try (AwsSecrets aws = AwsSecrets.open(options)) {
      Secrets secrets = new Secrets(aws.gateway(), aws.store(), clock);
      for (ClientSecrets.Target target : secretTargets(state, plan, aws)) {
        ClientSecrets planned = secrets.plan(target, incident());
        Optional<Secrets.Outcome> outcome =
            applying() && planned.error().isEmpty()
                ? Optional.of(secrets.apply(target, planned, incident()))
                : Optional.empty();
        problems |=
            planned.error().isPresent() || outcome.flatMap(Secrets.Outcome::failure).isPresent();
        entries.add(new SecretReport.Entry(planned, outcome));
      }
    }
    problems |= unready;
    out().print(render(entries, clock.instant()));
    out().flush();
    if (problems || plan.hasFailures()) {
      return ExitCode.ERROR;
    }
    boolean pending =
        entries.stream()
            .anyMatch(e -> !e.client().actions().isEmpty() || !e.client().violations().isEmpty());
    return !applying() && detailedExitcode && pending ? ExitCode.CHANGES : ExitCode.OK;
  }

  private String render(List<SecretReport.Entry> entries, Instant now) {
    return switch (format) {
      case json -> SecretReport.json(entries, now);
      case markdown -> SecretReport.markdown(entries, now);
      case text -> SecretReport.text(entries, now);
    };
  }

  /** Whether a client with a policy could not be handled (not created yet, no policy to rotate). */
  private boolean unready;

  /** The clients with a secret policy that the plan found, each with its id. */
  private List<ClientSecrets.Target> secretTargets(DesiredState state, Plan plan, AwsSecrets aws) {
    Map<SourceRef, ClientSpec> bySource = new HashMap<>();
    state.clients().forEach(c -> bySource.put(c.source(), c));
    List<ClientSecrets.Target> found = new ArrayList<>();
    for (ClientAction action : plan.actions()) {
      ClientSpec spec = bySource.get(action.origin().source());
      if (spec == null || spec.absent()) {
        continue;
      }
      if (spec.settings().secret().isEmpty()) {
        if (incident()) {
          printMessage(
              action.ref().title()
                  + ": its document declares no ccr.secret policy, so there is no store to"
                  + " deliver a new secret to");
          unready = true;
        }
        continue;
      }
      if (action.ref().clientId().isEmpty()) {
        printMessage(
            action.ref().title()
                + ": the client does not exist yet; 'ccr apply' creates it, then 'ccr secrets"
                + " --apply' delivers its secret");
        unready = true;
        continue;
      }
      if (action instanceof ClientAction.NoOp || action instanceof ClientAction.Update) {
        found.add(
            new ClientSecrets.Target(
                action.ref(),
                spec.source(),
                spec.settings().secret().get(),
                aws.regionOf(action.ref().userPoolId())));
      }
    }
    return found;
  }
}
