package dev.ccr.plan;

import dev.ccr.live.LiveClient;
import dev.ccr.spec.Attribute;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A live client's configuration as a plan records it: normalised (keys sorted, Cognito's defaults
 * filled in, sets sorted, validities as lifetimes in seconds, integers as Long, no secret) with its
 * SHA-256 fingerprint. Apply compares it with the client it reads again to tell what moved.
 *
 * @param fingerprint lower-case hex SHA-256 of {@code configuration}
 */
public record Snapshot(String fingerprint, Map<String, Object> configuration) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public Snapshot {
    if (!SHA256_HEX.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + fingerprint);
    }
    configuration = freeze(configuration);
  }

  /** The snapshot of a client as read. */
  public static Snapshot of(LiveClient live) {
    return of(live.attributes());
  }

  /** The snapshot of a configuration in the live clients' shape. */
  public static Snapshot of(Map<String, Object> attributes) {
    Map<String, Object> canonical = Fingerprint.canonical(attributes);
    return new Snapshot(Fingerprint.ofCanonical(canonical), canonical);
  }

  /** Whether the recorded configuration is the one the fingerprint hashes (a plan file's check). */
  public boolean consistent() {
    return Fingerprint.ofCanonical(configuration).equals(fingerprint);
  }

  /**
   * The configuration in the live clients' shape, as {@link LiveClient#attributes()} holds it: each
   * validity in the largest unit that counts its lifetime exactly, with that unit in
   * TokenValidityUnits; integers as Integer where they fit. Its snapshot is this one again.
   *
   * @throws IllegalArgumentException for a validity whose amount no unit brings within the range of
   *     an integer (a plan file edited by hand)
   */
  public Map<String, Object> attributes() {
    Map<String, Object> attributes = new TreeMap<>();
    Map<String, Object> units = new TreeMap<>();
    configuration.forEach(
        (key, value) -> {
          Optional<Attribute> validity =
              Attribute.byMemberName(key).filter(a -> a.kind() == Attribute.Kind.VALIDITY);
          if (validity.isPresent() && value instanceof Long seconds && seconds >= 0) {
            Value.Duration lifetime = Value.Duration.ofSeconds(seconds);
            attributes.put(key, integer(key, lifetime.amount()));
            units.put(validity.get().unitKey().orElseThrow(), lifetime.unit().word());
          } else {
            attributes.put(key, live(value));
          }
        });
    if (!units.isEmpty()) {
      attributes.put(Attribute.TOKEN_VALIDITY_UNITS.memberName(), units);
    }
    return attributes;
  }

  @SuppressWarnings("unchecked")
  private static Object live(Object value) {
    if (value instanceof Map<?, ?> nested) {
      Map<String, Object> copy = new TreeMap<>();
      ((Map<String, Object>) nested).forEach((k, v) -> copy.put(k, live(v)));
      return copy;
    }
    boolean fits =
        value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
    return fits ? Integer.valueOf(((Long) value).intValue()) : value;
  }

  private static Integer integer(String path, long number) {
    if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + ": " + number + " is out of range");
    }
    return (int) number;
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
