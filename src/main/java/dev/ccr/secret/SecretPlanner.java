package dev.ccr.secret;

import dev.ccr.spec.SecretPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides a client's secret actions from its policy, its live secrets and the id its store holds.
 * Pure. The actions keep one promise: the secret the store holds is never retired, so at every
 * moment the store holds a secret Cognito accepts; a new secret is added only when the client has
 * room for it (a secret no store holds is retired first).
 */
public final class SecretPlanner {
  private SecretPlanner() {}

  /** A client's secrets as read: live secrets, oldest first, and the id its store holds. */
  public record State(List<SecretDescriptor> secrets, Optional<String> held) {
    public State {
      secrets = secrets.stream().sorted(Comparator.comparing(SecretDescriptor::created)).toList();
    }

    /** The live secret the store holds, if Cognito still has it. */
    public Optional<SecretDescriptor> delivered() {
      return held.flatMap(id -> secrets.stream().filter(s -> s.id().equals(id)).findFirst());
    }
  }

  /**
   * The actions that bring a client to its policy.
   *
   * @param incident rotate now, whatever the age, retiring every secret the store does not hold
   */
  public static List<SecretAction> plan(
      SecretPolicy policy, State state, Instant now, boolean incident) {
    if (state.secrets().isEmpty()) {
      return List.of();
    }
    List<SecretAction> actions = new ArrayList<>();
    List<SecretDescriptor> left = new ArrayList<>(state.secrets());
    Optional<SecretDescriptor> delivered = state.delivered();
    if (delivered.isEmpty()) {
      if (left.size() > 1) {
        SecretDescriptor newest = left.remove(left.size() - 1);
        actions.add(
            new SecretAction.Retire(
                newest, "held by no store, to make room for the secret to deliver"));
      }
      actions.add(new SecretAction.Deliver(undelivered(policy, state)));
      return actions;
    }
    SecretDescriptor held = delivered.get();
    for (SecretDescriptor other : state.secrets()) {
      if (other.equals(held)) {
        continue;
      }
      Optional<String> why = retirement(policy, held, other, now, incident);
      if (why.isPresent()) {
        actions.add(new SecretAction.Retire(other, why.get()));
        left.remove(other);
      }
    }
    Duration age = Duration.between(held.created(), now);
    if (left.size() == 1 && (incident || age.compareTo(policy.rotateAfter()) >= 0)) {
      actions.add(
          new SecretAction.Rotate(
              incident
                  ? "rotation requested; the store holds " + held.id() + " (" + age(age) + " old)"
                  : "the store holds "
                      + held.id()
                      + ", "
                      + age(age)
                      + " old (rotateAfter "
                      + SecretPolicy.describe(policy.rotateAfter())
                      + ")"));
    }
    return actions;
  }

  /** Why {@code other} may be retired while the store holds {@code held}, if it may. */
  private static Optional<String> retirement(
      SecretPolicy policy,
      SecretDescriptor held,
      SecretDescriptor other,
      Instant now,
      boolean incident) {
    if (other.created().isAfter(held.created())) {
      return Optional.of("newer than the delivered " + held.id() + " and held by no store");
    }
    Duration since = Duration.between(held.created(), now);
    if (since.compareTo(policy.grace()) >= 0) {
      return Optional.of(
          "grace period of "
              + SecretPolicy.describe(policy.grace())
              + " has passed since "
              + held.id()
              + " was delivered");
    }
    return incident
        ? Optional.of("rotation requested; the store holds " + held.id())
        : Optional.empty();
  }

  private static String undelivered(SecretPolicy policy, State state) {
    String store = policy.store().label();
    return state.held().isEmpty()
        ? store + " holds no secret of this client"
        : store + " holds " + state.held().get() + ", which the client no longer has";
  }

  /**
   * The client's breaches of its policy, for drift: a delivered secret older than rotateAfter, two
   * secrets past the grace period, a store that holds no secret of the client, no secret at all.
   */
  public static List<String> violations(SecretPolicy policy, State state, Instant now) {
    List<String> found = new ArrayList<>();
    if (state.secrets().isEmpty()) {
      found.add(
          "the client has no secret; a secret policy needs a client made with GenerateSecret");
      return found;
    }
    Optional<SecretDescriptor> delivered = state.delivered();
    if (delivered.isEmpty()) {
      found.add(undelivered(policy, state));
    } else {
      Duration age = Duration.between(delivered.get().created(), now);
      if (age.compareTo(policy.rotateAfter()) > 0) {
        found.add(
            "the delivered secret "
                + delivered.get().id()
                + " is "
                + age(age)
                + " old, older than rotateAfter "
                + SecretPolicy.describe(policy.rotateAfter()));
      }
    }
    if (state.secrets().size() > 1) {
      SecretDescriptor newest = state.secrets().get(state.secrets().size() - 1);
      if (Duration.between(newest.created(), now).compareTo(policy.grace()) > 0) {
        found.add(
            "two secrets, the newer "
                + newest.id()
                + " "
                + age(Duration.between(newest.created(), now))
                + " old, past the grace period of "
                + SecretPolicy.describe(policy.grace()));
      }
    }
    return found;
  }

  /** An age in whole days, or hours under a day. */
  public static String age(Duration age) {
    long hours = Math.max(0, age.toHours());
    return hours < 24
        ? hours + (hours == 1 ? " hour" : " hours")
        : SecretPolicy.describe(Duration.ofDays(hours / 24));
  }
}
