package dev.ccr.cli;

import dev.ccr.live.CognitoGateway;
import dev.ccr.live.Pacing;
import dev.ccr.plan.Plan;
import dev.ccr.report.SecretRenderer;
import dev.ccr.secret.Secrets;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ccr rotate --target NAME}: rotates a client's secret now, for an incident. */
@Command(
    name = "rotate",
    mixinStandardHelpOptions = true,
    header = "Rotates the secrets of the --target clients now (an incident).",
    description = {
      "For each --target client whose document declares ccr: {secret: ...}: retires every secret its store does not hold, adds a new secret and delivers it to the store. The previously delivered secret stays valid until its grace period has passed (a later 'ccr apply' retires it then), so applications can reload; to cut it off sooner, run 'ccr rotate' again after they have.",
      "With --dry-run it only shows what it would do. See docs/secrets.md."
    },
    footer = ExitCode.HELP_TABLE)
final class RotateCommand extends BaseCommand {
  @Mixin SpecMixin specs = new SpecMixin();
  @Mixin AwsMixin aws = new AwsMixin();
  @Mixin TargetMixin targets = new TargetMixin();
  @Mixin RuleMixin rules = new RuleMixin();

  @Option(names = "--dry-run", description = "Only show what rotate would do.")
  boolean dryRun;

  /** Whether a --target client could not be rotated (no policy, not created yet). */
  private boolean unready;

  @Override
  int execute() {
    aws.check(spec);
    if (targets.targets.isEmpty()) {
      throw usage("rotate needs --target NAME (the client whose secret to rotate now)");
    }
    LoadedRun run = loadDesiredState(specs, rules.settings(spec));
    checkRegion(run, aws);
    Plan plan;
    try (CognitoGateway gateway = gateway(aws, run.aws())) {
      plan = reconcile(gateway, run, aws, targets, false, false);
    }
    reportFailures(plan, Optional.of(run));
    SecretPhase secrets = secretPhase(aws, run.aws(), Pacing.COGNITO_CATEGORY_RPS);
    plan =
        secrets.read(
            run.state(),
            plan,
            true,
            note -> {
              printMessage(note);
              unready = true;
            });
    out().print(SecretRenderer.text(plan.secrets()));
    out()
        .println(
            "Rotate: " + SecretRenderer.counts(plan.secrets()).orElse("no secret action") + ".");
    out().flush();
    boolean problems = reportSecretErrors(plan) || unready || plan.hasFailures();
    if (!dryRun && !problems) {
      List<Secrets.Outcome> outcomes = secrets.apply(plan);
      out().print(SecretRenderer.results(outcomes));
      out().println(SecretRenderer.summary(outcomes));
      out().flush();
      problems = SecretPhase.failed(outcomes);
    }
    return problems ? ExitCode.ERROR : ExitCode.OK;
  }
}
