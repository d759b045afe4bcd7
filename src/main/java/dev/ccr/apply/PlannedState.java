package dev.ccr.apply;

import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.Value;
import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The desired state a plan's changes stand for: a {@link ClientSpec} that manages exactly the
 * changed attributes, each at its {@code after} value. A validity change manages the validity and
 * its unit together. Planning it against a client gives no change exactly when every planned change
 * holds, with the Planner's own normalisation.
 */
final class PlannedState {
  private static final String UNITS = Attribute.TOKEN_VALIDITY_UNITS.memberName();

  private PlannedState() {}

  static ClientSpec of(ClientPlan plan) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (AttributeChange change : plan.changes()) {
      put(attributes, change);
    }
    return new ClientSpec(plan.source(), plan.userPoolId(), plan.clientId(), attributes, Map.of());
  }

  private static void put(Map<String, Object> attributes, AttributeChange change) {
    String path = change.path();
    int slash = path.indexOf('/');
    if (slash > 0) {
      nested(attributes, path.substring(0, slash)).put(path.substring(slash + 1), raw(path, change.after()));
      return;
    }
    if (change.after() instanceof Value.Duration duration) {
      Attribute validity =
          Attribute.byMemberName(path)
              .filter(a -> a.kind() == Attribute.Kind.VALIDITY)
              .orElseThrow(() -> new IllegalArgumentException("a duration for " + path));
      attributes.put(path, Math.toIntExact(duration.amount()));
      nested(attributes, UNITS).put(validity.unitKey().orElseThrow(), duration.unit().word());
      return;
    }
    attributes.put(path, raw(path, change.after()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> nested(Map<String, Object> attributes, String member) {
    return (Map<String, Object>) attributes.computeIfAbsent(member, k -> new LinkedHashMap<>());
  }

  /** The model value of a plain change; a plan never asks to remove a value. */
  private static Object raw(String path, Value value) {
    if (value instanceof Value.Text text) {
      return text.text();
    }
    if (value instanceof Value.Number number) {
      return Math.toIntExact(number.number());
    }
    if (value instanceof Value.Flag flag) {
      return flag.flag();
    }
    if (value instanceof Value.Items items) {
      return items.items();
    }
    throw new IllegalArgumentException("cannot apply " + value.display() + " to " + path);
  }
}
