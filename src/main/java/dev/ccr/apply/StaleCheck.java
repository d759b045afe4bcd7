package dev.ccr.apply;

import dev.ccr.live.LiveClient;
import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.DurationUnit;
import dev.ccr.plan.Planner;
import dev.ccr.plan.Value;
import dev.ccr.spec.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares a plan's fingerprint with a live client's, and names each attribute that moved: the
 * normalised configuration recorded at plan time against the one now.
 */
final class StaleCheck {
  private StaleCheck() {}

  static boolean isStale(ClientPlan plan, LiveClient now) {
    return !plan.fingerprint().equals(Planner.fingerprint(now));
  }

  /** The moved attributes of a stale client, in member-name order. */
  static List<Moved> moved(ClientPlan plan, LiveClient now) {
    if (plan.live().isEmpty()) {
      return List.of(new Moved(plan, "", "", ""));
    }
    List<Moved> moved = new ArrayList<>();
    diff(plan, "", plan.live(), Planner.normalised(now), moved);
    return moved.isEmpty() ? List.of(new Moved(plan, "", "", "")) : moved;
  }

  @SuppressWarnings("unchecked")
  private static void diff(
      ClientPlan plan,
      String prefix,
      Map<String, Object> then,
      Map<String, Object> now,
      List<Moved> out) {
    TreeSet<String> keys = new TreeSet<>(then.keySet());
    keys.addAll(now.keySet());
    for (String key : keys) {
      Object before = then.get(key);
      Object after = now.get(key);
      if (same(before, after)) {
        continue;
      }
      String path = prefix + key;
      if (prefix.isEmpty() && before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
        diff(plan, path + "/", (Map<String, Object>) b, (Map<String, Object>) a, out);
      } else {
        out.add(new Moved(plan, path, display(key, before), display(key, after)));
      }
    }
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.longValue() == y.longValue();
    }
    return a == null ? b == null : a.equals(b);
  }

  private static String display(String key, Object value) {
    if (value == null) {
      return Value.NONE.display();
    }
    boolean validity =
        Attribute.byMemberName(key).map(a -> a.kind() == Attribute.Kind.VALIDITY).orElse(false);
    if (validity && value instanceof Number seconds) {
      return lifetime(seconds.longValue()).display();
    }
    if (value instanceof List<?> list) {
      return new Value.Items(list.stream().map(String::valueOf).toList()).display();
    }
    return String.valueOf(value);
  }

  /** A lifetime in seconds in the largest unit that counts it exactly. */
  private static Value.Duration lifetime(long seconds) {
    DurationUnit[] units = DurationUnit.values();
    for (int i = units.length - 1; i > 0; i--) {
      if (seconds > 0 && seconds % units[i].seconds() == 0) {
        return new Value.Duration(seconds / units[i].seconds(), units[i]);
      }
    }
    return new Value.Duration(seconds, DurationUnit.SECONDS);
  }
}
