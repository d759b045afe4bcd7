package dev.ccr.plan;

import dev.ccr.spec.Attribute;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a live configuration in canonical form: defaults filled in, sets sorted, token
 * validities as lifetimes in seconds (so TokenValidityUnits is folded into them), keys sorted. Two
 * configurations that Cognito treats alike have the same fingerprint.
 */
final class Fingerprint {
  private static final JsonMapper JSON = JsonMapper.shared();

  private Fingerprint() {}

  static String of(Map<String, Object> liveAttributes) {
    return sha256(canonicalJson(liveAttributes));
  }

  /** The fingerprint of a configuration already in canonical form (as a plan records it). */
  static String ofCanonical(Map<String, Object> canonical) {
    return sha256(JSON.writeValueAsString(sorted(canonical)));
  }

  static String canonicalJson(Map<String, Object> liveAttributes) {
    return JSON.writeValueAsString(canonical(liveAttributes));
  }

  /**
   * The canonical form: keys sorted, defaults filled in, sets as sorted distinct strings, integers
   * as longs, validities as lifetimes in seconds and no TokenValidityUnits.
   */
  static Map<String, Object> canonical(Map<String, Object> liveAttributes) {
    Effective live = new Effective(liveAttributes);
    Map<String, Object> canonical = new TreeMap<>();
    for (Attribute attribute : Attribute.values()) {
      canonical(attribute, live).ifPresent(v -> canonical.put(attribute.memberName(), v));
    }
    liveAttributes.forEach(
        (key, value) -> {
          if (Attribute.byMemberName(key).isEmpty()) {
            canonical.put(key, sorted(value));
          }
        });
    return canonical;
  }

  private static Optional<Object> canonical(Attribute attribute, Effective live) {
    return switch (attribute.kind()) {
      case IDENTIFIER -> Optional.empty();
      case VALIDITY -> Optional.of(live.duration(attribute).seconds());
      case OBJECT ->
          attribute == Attribute.TOKEN_VALIDITY_UNITS ? Optional.empty() : object(attribute, live);
      case SET, STRING, INTEGER, BOOLEAN -> live.value(attribute).map(Fingerprint::sorted);
    };
  }

  private static Optional<Object> object(Attribute attribute, Effective live) {
    Map<String, Object> subs = new TreeMap<>();
    for (String key : live.subKeys(attribute)) {
      live.sub(attribute, key).ifPresent(v -> subs.put(key, sorted(v)));
    }
    return subs.isEmpty() ? Optional.empty() : Optional.of(subs);
  }

  /** Lists as sorted sets, maps with sorted keys, integers as longs. */
  private static Object sorted(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).distinct().sorted().toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new TreeMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
      return copy;
    }
    if (value instanceof Integer number) {
      return number.longValue();
    }
    return value;
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
