package dev.ccr.plan;

import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.SourceRef;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the plan does with one client.
 *
 * @param clientName the live name, or the client id when the live client has none
 * @param action {@link Action#UPDATE} exactly when {@code changes} is not empty
 * @param changes the drifted attributes, in the order of the attribute table
 * @param fingerprint the SHA-256 (lower-case hex) of the normalised live configuration
 * @param diagnostics plan-time problems (a validity that the live unit puts out of range); a client
 *     with an error is not updatable, and its invalid change is not among {@code changes}
 */
public record ClientPlan(
    SourceRef source,
    String userPoolId,
    String clientId,
    String clientName,
    Action action,
    List<AttributeChange> changes,
    String fingerprint,
    List<Diagnostic> diagnostics) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ClientPlan {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(action, "action");
    changes = List.copyOf(changes);
    diagnostics = List.copyOf(diagnostics);
    if ((action == Action.UPDATE) == changes.isEmpty()) {
      throw new IllegalArgumentException(action + " does not fit " + changes.size() + " changes");
    }
    if (!SHA256_HEX.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + fingerprint);
    }
  }

  /** A plan without plan-time problems. */
  public ClientPlan(
      SourceRef source,
      String userPoolId,
      String clientId,
      String clientName,
      List<AttributeChange> changes,
      String fingerprint) {
    this(
        source,
        userPoolId,
        clientId,
        clientName,
        changes.isEmpty() ? Action.NO_OP : Action.UPDATE,
        changes,
        fingerprint,
        List.of());
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Whether apply will write this client: it has changes and no errors. */
  public boolean isUpdate() {
    return action == Action.UPDATE && !hasErrors();
  }
}
