package dev.ccr.plan;

import dev.ccr.live.LiveClient;
import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares desired with live clients and says what drifted (DESIGN.md section 2). Pure: it reads
 * nothing and writes nothing. Every comparison is driven by {@link Attribute#kind()} and {@link
 * Attribute#defaultValue()}; the one coupling is a token validity with its unit.
 */
public final class Planner {
  private static final Lifetime ACCESS_OR_ID =
      new Lifetime(
          new Value.Duration(5, DurationUnit.MINUTES), new Value.Duration(1, DurationUnit.DAYS));
  private static final Lifetime REFRESH =
      new Lifetime(
          new Value.Duration(60, DurationUnit.MINUTES),
          new Value.Duration(3650, DurationUnit.DAYS));

  /** The lifetimes Cognito accepts for a token validity. */
  private record Lifetime(Value.Duration min, Value.Duration max) {
    boolean contains(Value.Duration duration) {
      return duration.seconds() >= min.seconds() && duration.seconds() <= max.seconds();
    }

    @Override
    public String toString() {
      return min.display() + " to " + max.display();
    }
  }

  /** Plans every desired client against the live client with the same pool and client id. */
  public Plan plan(List<ClientSpec> desired, List<LiveClient> live) {
    return new Plan(desired.stream().map(spec -> plan(spec, match(spec, live))).toList());
  }

  private static LiveClient match(ClientSpec spec, List<LiveClient> live) {
    return live.stream()
        .filter(l -> l.userPoolId().equals(spec.userPoolId()))
        .filter(l -> spec.clientId().equals(java.util.Optional.of(l.clientId())))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no live client for " + key(spec)));
  }

  /** Plans one client; {@code live} must be the client {@code desired} names. */
  public ClientPlan plan(ClientSpec desired, LiveClient live) {
    requireSameClient(desired, live);
    Effective current = new Effective(live.attributes());
    List<AttributeChange> changes = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Attribute attribute : Attribute.values()) {
      switch (attribute.kind()) {
        case IDENTIFIER -> {}
        case STRING, INTEGER, BOOLEAN ->
            scalar(attribute, desired, current).ifPresent(changes::add);
        case SET -> set(attribute, desired, current).ifPresent(changes::add);
        case OBJECT -> changes.addAll(object(attribute, desired, current));
        case VALIDITY -> validity(attribute, desired, current, diagnostics).ifPresent(changes::add);
      }
    }
    secretRules(desired, live, diagnostics);
    String name = live.clientName().isEmpty() ? live.clientId() : live.clientName();
    Action action = changes.isEmpty() ? Action.NO_OP : Action.UPDATE;
    return new ClientPlan(
        desired.source(),
        desired.userPoolId(),
        desired.clientId().orElseThrow(),
        name,
        action,
        changes,
        fingerprint(live),
        diagnostics,
        normalised(live));
  }

  /**
   * The rules that need to know whether the client has a secret (COGNITO.md R6, R10), checked where
   * the file manages the attribute. A secret can only be chosen when a client is created.
   */
  private static void secretRules(
      ClientSpec desired, LiveClient live, List<Diagnostic> diagnostics) {
    if (live.hasSecret()) {
      return;
    }
    boolean clientCredentials =
        desired
            .get("AllowedOAuthFlows")
            .map(f -> ((List<?>) f).contains("client_credentials"))
            .orElse(false);
    if (clientCredentials) {
      diagnostics.add(
          secretError(
              desired,
              "/AllowedOAuthFlows",
              "AllowedOAuthFlows: client_credentials needs a client with a secret, and this client has none; create a confidential client for machine-to-machine use"));
    }
    if (Boolean.TRUE.equals(
        desired.get("EnablePropagateAdditionalUserContextData").orElse(false))) {
      diagnostics.add(
          secretError(
              desired,
              "/EnablePropagateAdditionalUserContextData",
              "EnablePropagateAdditionalUserContextData: true needs a client with a secret, and this client has none"));
    }
  }

  private static Diagnostic secretError(ClientSpec desired, String pointer, String message) {
    return new Diagnostic(
        Severity.ERROR, message, desired.source().file(), desired.positionOf(pointer), pointer, "");
  }

  /**
   * The complete configuration to send with UpdateUserPoolClient: every live attribute with the
   * managed ones laid over it; a validity always goes with its unit in TokenValidityUnits.
   */
  public Map<String, Object> mergedConfiguration(ClientSpec desired, LiveClient live) {
    requireSameClient(desired, live);
    return Merger.merge(desired, live);
  }

  /** The fingerprint of a live client's configuration, as recorded in a plan. */
  public static String fingerprint(LiveClient live) {
    return Fingerprint.of(live.attributes());
  }

  /**
   * A live client's configuration in the canonical form its fingerprint hashes, as recorded in
   * {@link ClientPlan#live()}.
   */
  public static Map<String, Object> normalised(LiveClient live) {
    return Fingerprint.canonical(live.attributes());
  }

  /**
   * Whether {@code live} is a configuration in canonical form whose fingerprint is {@code
   * fingerprint}.
   */
  public static boolean matches(Map<String, Object> live, String fingerprint) {
    return Fingerprint.ofCanonical(live).equals(fingerprint);
  }

  private static Optional<AttributeChange> scalar(
      Attribute attribute, ClientSpec desired, Effective current) {
    return desired
        .get(attribute.memberName())
        .flatMap(want -> changed(attribute.memberName(), current.value(attribute), want));
  }

  private static Optional<AttributeChange> changed(
      String path, Optional<Object> live, Object want) {
    Value before = live.map(Value::of).orElse(Value.NONE);
    Value after = Value.of(want);
    return before.equals(after)
        ? Optional.empty()
        : Optional.of(AttributeChange.of(path, before, after));
  }

  private static Optional<AttributeChange> set(
      Attribute attribute, ClientSpec desired, Effective current) {
    Optional<Object> want = desired.get(attribute.memberName());
    if (want.isEmpty()) {
      return Optional.empty();
    }
    List<String> after = strings(want.get());
    List<String> before = current.value(attribute).map(Planner::strings).orElse(List.of());
    List<String> added = minus(after, before);
    List<String> removed = minus(before, after);
    if (added.isEmpty() && removed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AttributeChange(
            attribute.memberName(),
            new Value.Items(before),
            new Value.Items(after),
            added,
            removed));
  }

  private static List<AttributeChange> object(
      Attribute attribute, ClientSpec desired, Effective current) {
    if (attribute == Attribute.TOKEN_VALIDITY_UNITS) {
      return List.of(); // planned with the validities
    }
    List<AttributeChange> changes = new ArrayList<>();
    Effective.asMap(desired.get(attribute.memberName()).orElse(null))
        .forEach(
            (key, want) ->
                changed(attribute.memberName() + "/" + key, current.sub(attribute, key), want)
                    .ifPresent(changes::add));
    return changes;
  }

  private static Optional<AttributeChange> validity(
      Attribute attribute, ClientSpec desired, Effective current, List<Diagnostic> diagnostics) {
    Optional<Object> amount = desired.get(attribute.memberName());
    Optional<DurationUnit> unit = desiredUnit(desired, attribute);
    if (amount.isEmpty() && unit.isEmpty()) {
      return Optional.empty();
    }
    Value.Duration before = current.duration(attribute);
    Value.Duration after =
        new Value.Duration(
            amount.map(a -> ((Number) a).longValue()).orElse(before.amount()),
            unit.orElse(before.unit()));
    Lifetime range = attribute == Attribute.REFRESH_TOKEN_VALIDITY ? REFRESH : ACCESS_OR_ID;
    if (!range.contains(after)) {
      diagnostics.add(outOfRange(attribute, desired, after, range));
      return Optional.empty();
    }
    if (before.seconds() == after.seconds()) {
      return Optional.empty();
    }
    return Optional.of(AttributeChange.of(attribute.memberName(), before, after));
  }

  private static Diagnostic outOfRange(
      Attribute attribute, ClientSpec desired, Value.Duration after, Lifetime range) {
    String name = attribute.memberName();
    String unitKey = attribute.unitKey().orElseThrow();
    boolean fileAmount = desired.get(name).isPresent();
    String pointer = fileAmount ? "/" + name : "/TokenValidityUnits/" + unitKey;
    String outside = after.display() + " is outside the allowed range " + range;
    String message;
    if (desiredUnit(desired, attribute).isPresent() == fileAmount) {
      message = name + " " + outside;
    } else {
      String origin =
          fileAmount
              ? name
                  + " "
                  + after.amount()
                  + " takes the live unit "
                  + after.unit().word()
                  + " (the file gives no TokenValidityUnits."
                  + unitKey
                  + ")"
              : "TokenValidityUnits."
                  + unitKey
                  + " "
                  + after.unit().word()
                  + " applies to the live "
                  + name
                  + " "
                  + after.amount();
      message =
          origin
              + ": "
              + outside
              + "; give "
              + name
              + " and TokenValidityUnits."
              + unitKey
              + " together in the file";
    }
    return new Diagnostic(
        Severity.ERROR, message, desired.source().file(), desired.positionOf(pointer), pointer, "");
  }

  /** The unit the file gives a validity in TokenValidityUnits, if it gives one. */
  static Optional<DurationUnit> desiredUnit(ClientSpec desired, Attribute validity) {
    Object units = desired.get(Attribute.TOKEN_VALIDITY_UNITS.memberName()).orElse(null);
    return Optional.ofNullable(Effective.asMap(units).get(validity.unitKey().orElseThrow()))
        .map(
            word ->
                DurationUnit.of((String) word)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException("unknown token validity unit: " + word)));
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  /** The distinct items of {@code from} that {@code other} lacks, in the order of {@code from}. */
  private static List<String> minus(List<String> from, List<String> other) {
    Set<String> result = new LinkedHashSet<>(from);
    other.forEach(result::remove);
    return List.copyOf(result);
  }

  private static void requireSameClient(ClientSpec desired, LiveClient live) {
    if (!desired.userPoolId().equals(live.userPoolId())
        || !desired.clientId().equals(java.util.Optional.of(live.clientId()))) {
      throw new IllegalArgumentException(
          key(desired) + " planned against " + live.userPoolId() + "/" + live.clientId());
    }
  }

  private static String key(ClientSpec spec) {
    return spec.userPoolId() + "/" + spec.clientId().orElseThrow();
  }
}
