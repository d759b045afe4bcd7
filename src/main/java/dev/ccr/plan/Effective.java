package dev.ccr.plan;

import dev.ccr.spec.Attribute;
import dev.ccr.spec.DurationUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A live configuration read through Cognito's defaults: an attribute Describe left out holds its
 * default, and so does each sub-key of a nested object.
 */
final class Effective {
  private final Map<String, Object> attributes;

  Effective(Map<String, Object> attributes) {
    this.attributes = attributes;
  }

  /** The value of a top-level attribute, empty when it is absent and has no default. */
  Optional<Object> value(Attribute attribute) {
    return Optional.ofNullable(attributes.get(attribute.memberName())).or(attribute::defaultValue);
  }

  /** The value of a sub-key of a nested object, empty when absent and without default. */
  Optional<Object> sub(Attribute object, String key) {
    Object live = asMap(attributes.get(object.memberName())).get(key);
    return Optional.ofNullable(live).or(() -> Optional.ofNullable(defaults(object).get(key)));
  }

  /** Every sub-key the object has live or by default, defaults first. */
  Set<String> subKeys(Attribute object) {
    Set<String> keys = new LinkedHashSet<>(defaults(object).keySet());
    keys.addAll(asMap(attributes.get(object.memberName())).keySet());
    return keys;
  }

  /** A validity's live lifetime: its number (or default) in its live unit (or default). */
  Value.Duration duration(Attribute validity) {
    long amount = ((Number) value(validity).orElseThrow()).longValue();
    return new Value.Duration(amount, unit(validity));
  }

  DurationUnit unit(Attribute validity) {
    String word =
        (String)
            sub(Attribute.TOKEN_VALIDITY_UNITS, validity.unitKey().orElseThrow()).orElseThrow();
    return DurationUnit.parse(word);
  }

  /** The object's default sub-keys, empty when it has no default. */
  static Map<String, Object> defaults(Attribute object) {
    return asMap(object.defaultValue().orElse(null));
  }

  /** The object laid over by {@code top}, key by key, in a new mutable map. */
  static Map<String, Object> overlay(Map<String, Object> base, Map<String, Object> top) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    merged.putAll(top);
    return merged;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("not a nested object: " + value);
  }
}
