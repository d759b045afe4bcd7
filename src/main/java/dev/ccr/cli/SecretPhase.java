package dev.ccr.cli;

import dev.ccr.live.AwsOptions;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;
import dev.ccr.secret.AwsSecrets;
import dev.ccr.secret.ClientSecrets;
import dev.ccr.secret.Secrets;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.SourceRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The secrets of plan, drift, apply and rotate: reads the secrets of every existing client whose
 * document declares a secret policy into the plan, checks a plan's secrets before apply writes
 * anything, and takes their actions after the clients are written. Reads and writes go through
 * {@link AwsSecrets}, opened only when a client has a policy.
 */
final class SecretPhase {
  private final AwsOptions options;
  private final Clock clock;

  SecretPhase(AwsOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  /**
   * The plan with the secrets of its clients that have a policy; {@code incident} plans a rotation
   * now ({@code ccr rotate}). A client the plan creates has no secret to read yet: {@code note}
   * says so, once per client.
   */
  Plan read(DesiredState state, Plan plan, boolean incident, Consumer<String> note) {
    List<Found> found = targets(state, plan, note, incident);
    if (found.isEmpty()) {
      return plan;
    }
    List<ClientSecrets> read = new ArrayList<>();
    try (AwsSecrets aws = AwsSecrets.open(options)) {
      Secrets secrets = new Secrets(aws.gateway(), aws.store(), clock);
      for (Found f : found) {
        read.add(
            secrets.plan(
                new ClientSecrets.Target(
                    f.action().ref(),
                    f.spec().source(),
                    f.spec().settings().secret().orElseThrow(),
                    aws.regionOf(f.action().ref().userPoolId())),
                incident));
      }
    }
    return plan.withSecrets(read);
  }

  /** A client with a secret policy, as the plan found it. */
  private record Found(ClientAction action, ClientSpec spec) {}

  private static List<Found> targets(
      DesiredState state, Plan plan, Consumer<String> note, boolean incident) {
    Map<SourceRef, ClientSpec> bySource = new HashMap<>();
    state.clients().forEach(c -> bySource.put(c.source(), c));
    List<Found> found = new ArrayList<>();
    for (ClientAction action : plan.actions()) {
      ClientSpec spec = bySource.get(action.origin().source());
      if (spec == null || spec.absent()) {
        continue;
      }
      if (spec.settings().secret().isEmpty()) {
        if (incident) {
          note.accept(
              action.ref().title()
                  + ": its document declares no ccr.secret policy, so there is no store to"
                  + " deliver a new secret to");
        }
        continue;
      }
      if (action instanceof ClientAction.Create) {
        note.accept(
            action.ref().title()
                + ": apply creates the client; its secret is delivered to "
                + spec.settings().secret().get().store().label()
                + " by the next plan and apply");
      } else if ((action instanceof ClientAction.NoOp || action instanceof ClientAction.Update)
          && action.ref().clientId().isPresent()) {
        found.add(new Found(action, spec));
      }
    }
    return found;
  }

  /**
   * Why the plan's secrets can no longer be applied, a line per client whose secrets or store moved
   * since the plan; empty when every client with a secret action is as planned.
   */
  List<String> moved(Plan plan) {
    List<String> moved = new ArrayList<>();
    forEachPlanned(
        plan,
        (secrets, target, planned) ->
            secrets
                .moved(target, planned)
                .ifPresent(why -> moved.add(planned.ref().title() + ": " + why)));
    return moved;
  }

  /** Takes the secret actions of the plan, client by client, each in its safe order. */
  List<Secrets.Outcome> apply(Plan plan) {
    List<Secrets.Outcome> outcomes = new ArrayList<>();
    forEachPlanned(
        plan, (secrets, target, planned) -> outcomes.add(secrets.apply(target, planned)));
    return outcomes;
  }

  private interface Step {
    void take(Secrets secrets, ClientSecrets.Target target, ClientSecrets planned);
  }

  private void forEachPlanned(Plan plan, Step step) {
    if (!plan.hasSecretActions()) {
      return;
    }
    try (AwsSecrets aws = AwsSecrets.open(options)) {
      Secrets secrets = new Secrets(aws.gateway(), aws.store(), clock);
      for (ClientSecrets planned : plan.secrets()) {
        if (!planned.actions().isEmpty()) {
          step.take(secrets, planned.target(aws.regionOf(planned.ref().userPoolId())), planned);
        }
      }
    }
  }

  /** The clients whose secrets could not be read, as messages. */
  static List<String> errors(Plan plan) {
    return plan.secretErrors().stream()
        .map(c -> c.ref().title() + ": " + c.error().orElseThrow())
        .toList();
  }

  /** Whether an outcome failed. */
  static boolean failed(List<Secrets.Outcome> outcomes) {
    return outcomes.stream().anyMatch(o -> o.failure().isPresent());
  }
}
