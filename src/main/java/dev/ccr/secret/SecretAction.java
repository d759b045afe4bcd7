package dev.ccr.secret;

import java.util.Objects;

/** One step apply takes on a client's secrets, in the order the plan lists them. */
public sealed interface SecretAction {
  /** The word of the action in plans: {@code rotate}, {@code deliver} or {@code retire}. */
  String label();

  /** Why the plan takes it, with ids and ages, never a value. */
  String reason();

  /** Add a new secret and deliver it, because the delivered one is old (or an incident). */
  record Rotate(String reason) implements SecretAction {
    public Rotate {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String label() {
      return "rotate";
    }
  }

  /** Add a new secret and deliver it, because the store holds no secret Cognito has. */
  record Deliver(String reason) implements SecretAction {
    public Deliver {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String label() {
      return "deliver";
    }
  }

  /** Delete a secret the store does not hold. */
  record Retire(SecretDescriptor secret, String reason) implements SecretAction {
    public Retire {
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String label() {
      return "retire";
    }
  }
}
