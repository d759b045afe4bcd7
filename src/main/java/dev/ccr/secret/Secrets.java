package dev.ccr.secret;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans and applies the secret actions of clients with a secret policy, in the safe order: retire a
 * secret the store does not hold, Add, write the value (and its id) to the store. A failure stops
 * the client's remaining steps; whatever is left, the store holds a secret Cognito accepts and the
 * next plan repairs the rest.
 */
public final class Secrets {
  private final SecretGateway gateway;
  private final SecretStore store;
  private final Clock clock;

  public Secrets(SecretGateway gateway, SecretStore store, Clock clock) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The clock plans are made by. */
  Clock clock() {
    return clock;
  }

  /** Reads a client's secrets and plans its actions; {@code incident} rotates now. */
  public ClientSecrets plan(ClientSecrets.Target target, boolean incident) {
    Instant now = clock.instant();
    SecretPlanner.State state;
    try {
      state = read(target);
    } catch (SecretException e) {
      return ClientSecrets.failed(target, e.getMessage(), now);
    }
    return new ClientSecrets(
        target.ref(),
        target.source(),
        target.policy(),
        Optional.of(state),
        SecretPlanner.plan(target.policy(), state, now, incident),
        SecretPlanner.violations(target.policy(), state, now),
        Optional.empty(),
        now);
  }

  private SecretPlanner.State read(ClientSecrets.Target target) {
    List<SecretDescriptor> live = gateway.list(target.ref().userPoolId(), target.ref().id());
    return new SecretPlanner.State(
        live,
        store.heldId(
            target.policy().store(),
            target.region(),
            live.stream().map(SecretDescriptor::id).toList()));
  }

  /** What apply did for one client: the steps done, and the failure that stopped it. */
  public record Outcome(ClientSecrets planned, List<String> done, Optional<String> failure) {
    public Outcome {
      Objects.requireNonNull(planned, "planned");
      done = List.copyOf(done);
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * Why a planned client's actions may no longer be taken: its secrets could not be read again, or
   * they or the id its store holds are not what the plan read (another run got there first). Empty
   * when they are as planned.
   */
  public Optional<String> moved(ClientSecrets.Target target, ClientSecrets planned) {
    SecretPlanner.State now;
    try {
      now = read(target);
    } catch (SecretException e) {
      return Optional.of(e.getMessage());
    }
    if (planned.state().equals(Optional.of(now))) {
      return Optional.empty();
    }
    return Optional.of(
        "its secrets changed since the plan (planned "
            + describe(planned.state())
            + ", now "
            + describe(Optional.of(now))
            + ")");
  }

  private static String describe(Optional<SecretPlanner.State> state) {
    if (state.isEmpty()) {
      return "unread";
    }
    List<String> ids =
        state.get().secrets().stream().map(d -> d.id() + " of " + d.created()).toList();
    return (ids.isEmpty() ? "no secret" : String.join(", ", ids))
        + "; the store holds "
        + state.get().held().orElse("none");
  }

  /**
   * Takes a planned client's actions, in order, after reading its secrets again: when they are not
   * as planned ({@link #moved}), nothing is done and the outcome says the plan is stale.
   */
  public Outcome apply(ClientSecrets.Target target, ClientSecrets planned) {
    if (planned.actions().isEmpty()) {
      return new Outcome(planned, List.of(), Optional.empty());
    }
    Optional<String> moved = moved(target, planned);
    if (moved.isPresent()) {
      return new Outcome(
          planned,
          List.of(),
          Optional.of("stale: " + moved.get() + "; nothing was done, plan again"));
    }
    List<String> done = new ArrayList<>();
    for (SecretAction action : planned.actions()) {
      try {
        done.add(step(target, action));
      } catch (SecretException e) {
        return new Outcome(planned, done, Optional.of(e.getMessage()));
      }
    }
    return new Outcome(planned, done, Optional.empty());
  }

  private String step(ClientSecrets.Target target, SecretAction action) {
    String pool = target.ref().userPoolId();
    String client = target.ref().id();
    if (action instanceof SecretAction.Retire retire) {
      String id = retire.secret().id();
      List<SecretDescriptor> live = gateway.list(pool, client);
      Optional<String> held =
          store.heldId(
              target.policy().store(),
              target.region(),
              live.stream().map(SecretDescriptor::id).toList());
      if (held.equals(Optional.of(id)) || live.size() < 2) {
        throw new SecretException(
            AwsSecretGateway.DELETE,
            "refused to retire " + id + ": the store holds it, or it is the client's last secret");
      }
      gateway.delete(pool, client, id);
      return "retired " + id;
    }
    NewSecret added = gateway.add(pool, client);
    String id = added.descriptor().id();
    try {
      store.write(target.policy().store(), target.region(), id, added.value());
    } catch (SecretException e) {
      throw new SecretException(
          e.action(),
          "added "
              + id
              + " but did not deliver it ("
              + e.getMessage()
              + "); the store still holds the previous secret, and the next plan retires "
              + id
              + " and delivers again");
    }
    return action.label() + ": added " + id + ", delivered to " + target.policy().store().label();
  }
}
