package dev.ccr.plan;

import dev.ccr.live.LiveClient;
import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.DurationUnit;
import dev.ccr.spec.Severity;
import dev.ccr.spec.TokenLifetime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a desired client with a live one and says what drifted. Pure: it reads nothing and
 * writes nothing. Every comparison is driven by {@link Attribute#kind()} and {@link
 * Attribute#defaultValue()}; the one coupling is a token validity with its unit.
 *
 * <ul>
 *   <li>Set-like lists compare as sets, nested objects per sub-key, validities as durations.
 *   <li>A live attribute that DescribeUserPoolClient leaves out holds Cognito's default.
 *   <li>A validity without its unit in the file takes the live unit; if that puts it out of range,
 *       the comparison reports an error instead of a change.
 * </ul>
 */
public final class Planner {

  /**
   * What comparing one desired client with its live state found.
   *
   * @param changes the drifted managed attributes, in the order of the attribute table
   * @param diagnostics plan-time problems; a change that would be invalid is not among {@code
   *     changes}
   */
  public record Comparison(List<AttributeChange> changes, List<Diagnostic> diagnostics) {
    public Comparison {
      changes = List.copyOf(changes);
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /** Compares a desired client with the live client it names. */
  public Comparison compare(ClientSpec desired, LiveClient live) {
    Comparison comparison = compare(desired, live.attributes(), "live");
    List<Diagnostic> diagnostics = new ArrayList<>(comparison.diagnostics());
    secretMismatch(desired, live.hasSecret()).ifPresent(diagnostics::add);
    return new Comparison(comparison.changes(), diagnostics);
  }

  /**
   * What creating the desired client sets: every managed attribute, from nothing to its value.
   * Validities without a unit in the file count in Cognito's default unit.
   */
  public Comparison creation(ClientSpec desired) {
    Comparison against = compare(desired, Map.of(), "default");
    List<AttributeChange> changes = new ArrayList<>();
    Effective defaults = new Effective(Map.of());
    for (Attribute attribute : Attribute.values()) {
      created(attribute, desired, defaults, changes);
    }
    return new Comparison(changes, against.diagnostics());
  }

  private static void created(
      Attribute attribute, ClientSpec desired, Effective defaults, List<AttributeChange> out) {
    String name = attribute.memberName();
    switch (attribute.kind()) {
      case IDENTIFIER -> {}
      case STRING, INTEGER, BOOLEAN ->
          desired
              .get(name)
              .ifPresent(v -> out.add(AttributeChange.of(name, Value.NONE, Value.of(v))));
      case SET ->
          desired
              .get(name)
              .ifPresent(
                  v -> {
                    List<String> items = strings(v);
                    out.add(
                        new AttributeChange(
                            name, Value.NONE, new Value.Items(items), distinct(items), List.of()));
                  });
      case OBJECT -> {
        if (attribute != Attribute.TOKEN_VALIDITY_UNITS) {
          Effective.asMap(desired.get(name).orElse(null))
              .forEach(
                  (key, v) ->
                      out.add(AttributeChange.of(name + "/" + key, Value.NONE, Value.of(v))));
        }
      }
      case VALIDITY -> {
        if (desired.get(name).isPresent() || desiredUnit(desired, attribute).isPresent()) {
          out.add(
              AttributeChange.of(name, Value.NONE, desiredDuration(attribute, desired, defaults)));
        }
      }
    }
  }

  /**
   * @param baseline what the live values are, for messages: {@code live} or {@code default}
   */
  private static Comparison compare(
      ClientSpec desired, Map<String, Object> liveAttributes, String baseline) {
    Effective current = new Effective(liveAttributes);
    List<AttributeChange> changes = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Attribute attribute : Attribute.values()) {
      switch (attribute.kind()) {
        case IDENTIFIER -> {}
        case STRING, INTEGER, BOOLEAN ->
            scalar(attribute, desired, current).ifPresent(changes::add);
        case SET -> set(attribute, desired, current).ifPresent(changes::add);
        case OBJECT -> changes.addAll(object(attribute, desired, current));
        case VALIDITY ->
            validity(attribute, desired, current, baseline, diagnostics).ifPresent(changes::add);
      }
    }
    return new Comparison(changes, diagnostics);
  }

  /**
   * GenerateSecret against the live client: a secret can only be chosen when a client is created.
   * (The rules that need a secret are checked on the configuration a write sends, {@link
   * dev.ccr.spec.Rules#onWrite}.)
   */
  private static Optional<Diagnostic> secretMismatch(ClientSpec desired, boolean hasSecret) {
    Optional<Boolean> generate = desired.generateSecret();
    if (generate.isEmpty() || generate.get() == hasSecret) {
      return Optional.empty();
    }
    return Optional.of(
        error(
            desired,
            "/GenerateSecret",
            "GenerateSecret: "
                + generate.get()
                + ", but the live client "
                + (hasSecret ? "has a" : "has no")
                + " secret; a secret can only be chosen when a client is created, so this needs"
                + " a new client (a new ClientId): create one under another name, move the"
                + " applications to it, then delete this one"));
  }

  private static Diagnostic error(ClientSpec desired, String pointer, String message) {
    return new Diagnostic(
        Severity.ERROR, message, desired.source().file(), desired.positionOf(pointer), pointer, "");
  }

  private static Optional<AttributeChange> scalar(
      Attribute attribute, ClientSpec desired, Effective current) {
    if (desired.removed().contains(attribute.memberName())) {
      return current
          .value(attribute)
          .map(live -> AttributeChange.of(attribute.memberName(), Value.of(live), Value.NONE));
    }
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

  /**
   * The items a list stands for. {@code ExplicitAuthFlows: []} is Cognito's default set: Cognito
   * accepts it, Describe then returns no flows (or, in some emulators, an empty list), and the
   * client supports its default flows, so an empty list and the default set compare equal.
   */
  private static List<String> stored(Attribute attribute, List<String> items) {
    if (attribute == Attribute.EXPLICIT_AUTH_FLOWS && items.isEmpty()) {
      return strings(attribute.defaultValue().orElseThrow());
    }
    return items;
  }

  private static Optional<AttributeChange> set(
      Attribute attribute, ClientSpec desired, Effective current) {
    Optional<Object> want = desired.get(attribute.memberName());
    if (want.isEmpty()) {
      return Optional.empty();
    }
    List<String> after = stored(attribute, strings(want.get()));
    List<String> before =
        stored(attribute, current.value(attribute).map(Planner::strings).orElse(List.of()));
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
    if (desired.removed().contains(attribute.memberName())) {
      for (String key : current.subKeys(attribute)) {
        current
            .sub(attribute, key)
            .ifPresent(
                live ->
                    changes.add(
                        AttributeChange.of(
                            attribute.memberName() + "/" + key, Value.of(live), Value.NONE)));
      }
      return changes;
    }
    Effective.asMap(desired.get(attribute.memberName()).orElse(null))
        .forEach(
            (key, want) ->
                changed(attribute.memberName() + "/" + key, current.sub(attribute, key), want)
                    .ifPresent(changes::add));
    return changes;
  }

  private static Optional<AttributeChange> validity(
      Attribute attribute,
      ClientSpec desired,
      Effective current,
      String baseline,
      List<Diagnostic> diagnostics) {
    if (desired.get(attribute.memberName()).isEmpty()
        && desiredUnit(desired, attribute).isEmpty()) {
      return Optional.empty();
    }
    Value.Duration before = current.duration(attribute);
    Value.Duration after = desiredDuration(attribute, desired, current);
    if (!TokenLifetime.inRange(attribute, after.seconds())) {
      diagnostics.add(outOfRange(attribute, desired, after, baseline));
      return Optional.empty();
    }
    if (before.seconds() == after.seconds()) {
      return Optional.empty();
    }
    return Optional.of(AttributeChange.of(attribute.memberName(), before, after));
  }

  /** The file's amount (else the live one) in the file's unit (else the live one). */
  private static Value.Duration desiredDuration(
      Attribute attribute, ClientSpec desired, Effective current) {
    Value.Duration live = current.duration(attribute);
    return new Value.Duration(
        desired
            .get(attribute.memberName())
            .map(a -> ((Number) a).longValue())
            .orElse(live.amount()),
        desiredUnit(desired, attribute).orElse(live.unit()));
  }

  private static Diagnostic outOfRange(
      Attribute attribute, ClientSpec desired, Value.Duration after, String baseline) {
    String name = attribute.memberName();
    String unitKey = attribute.unitKey().orElseThrow();
    boolean fileAmount = desired.get(name).isPresent();
    String pointer = fileAmount ? "/" + name : "/TokenValidityUnits/" + unitKey;
    String outside =
        after.display() + " is outside the allowed range " + TokenLifetime.range(attribute);
    String message;
    if (desiredUnit(desired, attribute).isPresent() == fileAmount) {
      message = name + " " + outside;
    } else {
      String origin =
          fileAmount
              ? name
                  + " "
                  + after.amount()
                  + " takes the "
                  + baseline
                  + " unit "
                  + after.unit().word()
                  + " (the file gives no TokenValidityUnits."
                  + unitKey
                  + ")"
              : "TokenValidityUnits."
                  + unitKey
                  + " "
                  + after.unit().word()
                  + " applies to the "
                  + baseline
                  + " "
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
    return error(desired, pointer, message);
  }

  /** The unit the file gives a validity in TokenValidityUnits, if it gives one. */
  static Optional<DurationUnit> desiredUnit(ClientSpec desired, Attribute validity) {
    Object units = desired.get(Attribute.TOKEN_VALIDITY_UNITS.memberName()).orElse(null);
    return Optional.ofNullable(Effective.asMap(units).get(validity.unitKey().orElseThrow()))
        .map(word -> DurationUnit.parse((String) word));
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  private static List<String> distinct(List<String> items) {
    return List.copyOf(new LinkedHashSet<>(items));
  }

  /** The distinct items of {@code from} that {@code other} lacks, in the order of {@code from}. */
  private static List<String> minus(List<String> from, List<String> other) {
    Set<String> result = new LinkedHashSet<>(from);
    other.forEach(result::remove);
    return List.copyOf(result);
  }
}
