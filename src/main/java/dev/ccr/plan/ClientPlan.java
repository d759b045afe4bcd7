package dev.ccr.plan;

import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.SourceRef;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
 * @param live the normalised live configuration the plan was computed from, exactly what {@code
 *     fingerprint} hashes (keys sorted, defaults filled in, sets sorted, validities in seconds,
 *     integers as Long, no secret); empty when not recorded. Apply names what moved against it.
 */
public record ClientPlan(
    SourceRef source,
    String userPoolId,
    String clientId,
    String clientName,
    Action action,
    List<AttributeChange> changes,
    String fingerprint,
    List<Diagnostic> diagnostics,
    Map<String, Object> live) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ClientPlan {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientName, "clientName");
    Objects.requireNonNull(action, "action");
    changes = List.copyOf(changes);
    diagnostics = List.copyOf(diagnostics);
    live = freeze(live);
    if ((action == Action.UPDATE) == changes.isEmpty()) {
      throw new IllegalArgumentException(action + " does not fit " + changes.size() + " changes");
    }
    if (!SHA256_HEX.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + fingerprint);
    }
  }

  /** A plan that records no live configuration. */
  public ClientPlan(
      SourceRef source,
      String userPoolId,
      String clientId,
      String clientName,
      Action action,
      List<AttributeChange> changes,
      String fingerprint,
      List<Diagnostic> diagnostics) {
    this(
        source,
        userPoolId,
        clientId,
        clientName,
        action,
        changes,
        fingerprint,
        diagnostics,
        Map.of());
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
        List.of(),
        Map.of());
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Whether apply will write this client: it has changes and no errors. */
  public boolean isUpdate() {
    return action == Action.UPDATE && !hasErrors();
  }

  /** This plan with {@code live} recorded. */
  public ClientPlan withLive(Map<String, Object> live) {
    return new ClientPlan(
        source, userPoolId, clientId, clientName, action, changes, fingerprint, diagnostics, live);
  }

  /** {@code web-app (us-east-1_Abc/3n4b5urk1ft4fl3mg5e62d9ado)}. */
  public String title() {
    return clientName + " (" + userPoolId + "/" + clientId + ")";
  }

  /** A deep, unmodifiable, key-sorted copy; integers become Long. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> freeze(Map<String, Object> map) {
    Map<String, Object> copy = new TreeMap<>();
    map.forEach((key, value) -> copy.put(key, frozen(key, value)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object frozen(String key, Object value) {
    Objects.requireNonNull(value, () -> "null value for " + key);
    if (value instanceof Map<?, ?> nested) {
      return freeze((Map<String, Object>) nested);
    }
    if (value instanceof List<?> list) {
      return List.copyOf(list);
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("unsupported value for " + key + ": " + value.getClass());
  }
}
