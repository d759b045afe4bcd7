package dev.ccr.plan;

import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the complete configuration for UpdateUserPoolClient: every live attribute, with the
 * managed ones laid over it and the removed ones ({@code null} in the file) left out, so that
 * Cognito's reset removes them. Nested objects are merged per sub-key, and a token validity is
 * always sent with its unit.
 */
final class Merger {
  private Merger() {}

  static Map<String, Object> merge(ClientSpec desired, Map<String, Object> live) {
    Map<String, Object> merged = new LinkedHashMap<>(live);
    desired.attributes().forEach((name, value) -> merged.put(name, layered(name, value, live)));
    desired.removed().forEach(merged::remove);
    coupleValidities(desired, live, merged);
    return inTableOrder(merged);
  }

  private static Object layered(String name, Object desired, Map<String, Object> live) {
    Optional<Attribute> attribute = Attribute.byMemberName(name);
    if (attribute.isEmpty() || attribute.get().kind() != Attribute.Kind.OBJECT) {
      return desired;
    }
    Map<String, Object> base =
        Effective.overlay(Effective.defaults(attribute.get()), Effective.asMap(live.get(name)));
    return Effective.overlay(base, Effective.asMap(desired));
  }

  /** A validity whose unit the file manages is sent too, and every sent validity has its unit. */
  private static void coupleValidities(
      ClientSpec desired, Map<String, Object> live, Map<String, Object> merged) {
    Effective current = new Effective(live);
    boolean anyValidity = false;
    for (Attribute validity : validities()) {
      if (Planner.desiredUnit(desired, validity).isPresent()) {
        merged.putIfAbsent(validity.memberName(), current.value(validity).orElseThrow());
      }
      anyValidity |= merged.containsKey(validity.memberName());
    }
    if (anyValidity) {
      String units = Attribute.TOKEN_VALIDITY_UNITS.memberName();
      merged.put(
          units,
          Effective.overlay(
              Effective.defaults(Attribute.TOKEN_VALIDITY_UNITS),
              Effective.asMap(merged.get(units))));
    }
  }

  private static Attribute[] validities() {
    return Arrays.stream(Attribute.values())
        .filter(a -> a.kind() == Attribute.Kind.VALIDITY)
        .toArray(Attribute[]::new);
  }

  private static Map<String, Object> inTableOrder(Map<String, Object> merged) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String name : Attribute.memberNames()) {
      if (merged.containsKey(name)) {
        ordered.put(name, merged.get(name));
      }
    }
    merged.forEach(ordered::putIfAbsent);
    return ordered;
  }
}
