package dev.ccr.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable copies of attribute maps, the shape desired and live clients share. */
public final class AttributeValues {
  private AttributeValues() {}

  /**
   * A deep, unmodifiable copy keeping the key order: nested maps and lists are copied too.
   *
   * @throws NullPointerException for a null value: absent attributes are left out, never null
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> copyOf(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          Objects.requireNonNull(value, () -> "null value for " + key);
          if (value instanceof Map<?, ?> nested) {
            copy.put(key, copyOf((Map<String, Object>) nested));
          } else if (value instanceof List<?> list) {
            copy.put(key, List.copyOf(list));
          } else {
            copy.put(key, value);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
