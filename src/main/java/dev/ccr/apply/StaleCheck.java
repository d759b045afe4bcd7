package dev.ccr.apply;

import dev.ccr.plan.Managed;
import dev.ccr.plan.Value;
import dev.ccr.spec.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two normalised configurations (as a plan records them) path by path: a member name, or
 * for a nested object a member and sub-key joined by a slash.
 */
final class StaleCheck {
  private StaleCheck() {}

  /** One path whose value differs, with both values as the user reads them. */
  record Difference(String path, String then, String now) {}

  /** The paths whose values differ, in path order. */
  @SuppressWarnings("unchecked")
  static List<Difference> differences(Map<String, Object> then, Map<String, Object> now) {
    List<Difference> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(then.keySet());
    keys.addAll(now.keySet());
    for (String key : keys) {
      Object before = then.get(key);
      Object after = now.get(key);
      if (same(before, after)) {
        continue;
      }
      if (before instanceof Map<?, ?> || after instanceof Map<?, ?>) {
        Map<String, Object> b = before instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> a = after instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        TreeSet<String> subKeys = new TreeSet<>(b.keySet());
        subKeys.addAll(a.keySet());
        for (String sub : subKeys) {
          if (!same(b.get(sub), a.get(sub))) {
            out.add(
                new Difference(
                    key + "/" + sub, display(sub, b.get(sub)), display(sub, a.get(sub))));
          }
        }
      } else {
        out.add(new Difference(key, display(key, before), display(key, after)));
      }
    }
    return out;
  }

  /** The differences at managed paths. */
  static List<Difference> managed(List<Difference> differences, Managed managed) {
    return differences.stream().filter(d -> managed.contains(d.path())).toList();
  }

  /** The differences at paths the file does not manage. */
  static List<Difference> unmanaged(List<Difference> differences, Managed managed) {
    return differences.stream().filter(d -> !managed.contains(d.path())).toList();
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
      return Value.Duration.ofSeconds(seconds.longValue()).display();
    }
    if (value instanceof List<?> list) {
      return new Value.Items(list.stream().map(String::valueOf).toList()).display();
    }
    return String.valueOf(value);
  }
}
