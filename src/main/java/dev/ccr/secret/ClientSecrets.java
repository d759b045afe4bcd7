package dev.ccr.secret;

import dev.ccr.spec.ClientRef;
import dev.ccr.spec.SecretPolicy;
import dev.ccr.spec.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One client's secrets as planned: what was read, what apply would do, what breaks the policy.
 *
 * @param ref the client, with its id
 * @param state the live secrets and the id the store holds; empty when they could not be read
 * @param error why they could not be read
 * @param at when they were read: the ages plans show are ages then
 */
public record ClientSecrets(
    ClientRef ref,
    SourceRef source,
    SecretPolicy policy,
    Optional<SecretPlanner.State> state,
    List<SecretAction> actions,
    List<String> violations,
    Optional<String> error,
    Instant at) {
  public ClientSecrets {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(state, "state");
    actions = List.copyOf(actions);
    violations = List.copyOf(violations);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(at, "at");
  }

  /** A client whose secrets could not be read. */
  static ClientSecrets failed(Target target, String error, Instant at) {
    return new ClientSecrets(
        target.ref(),
        target.source(),
        target.policy(),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.of(error),
        at);
  }

  /** The client's policy applied to it: the target apply takes its actions on. */
  public Target target(String region) {
    return new Target(ref, source, policy, region);
  }

  /**
   * A client with a secret policy, named by its id.
   *
   * @param region the region of the client's user pool, where a store named by name lives
   */
  public record Target(ClientRef ref, SourceRef source, SecretPolicy policy, String region) {
    public Target {
      Objects.requireNonNull(ref, "ref");
      if (ref.clientId().isEmpty()) {
        throw new IllegalArgumentException("a secret target needs its client's id");
      }
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(region, "region");
    }
  }
}
