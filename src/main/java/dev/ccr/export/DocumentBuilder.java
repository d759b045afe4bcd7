package dev.ccr.export;

import dev.ccr.live.AttributeMapper;
import dev.ccr.live.LiveClient;
import dev.ccr.plan.Planner;
import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a live client into the content of its desired-state document: the identifiers, then every
 * updatable attribute the client has, in {@link Attribute} order, nested objects in the sub-key
 * order of the SDK's model (which the schema follows). A validity always goes with its unit (the
 * live one, or Cognito's default unit).
 */
final class DocumentBuilder {
  /** Sub-keys the schema requires whenever their object is present. */
  static final Map<String, Set<String>> REQUIRED_SUB_KEYS =
      Map.of("RefreshTokenRotation", Set.of("Feature"));

  private static final SourceRef PROBE = new SourceRef("<export>", Position.START);

  private final boolean omitDefaults;
  private final boolean byName;
  private final Planner planner = new Planner();

  /**
   * @param omitDefaults leave out attributes equal to Cognito's defaults
   * @param byName leave out ClientId, so the document names its client by ClientName and can be
   *     applied to another pool (where it creates or adopts the client of that name)
   */
  DocumentBuilder(boolean omitDefaults, boolean byName) {
    this.omitDefaults = omitDefaults;
    this.byName = byName;
  }

  Map<String, Object> build(LiveClient live) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(Attribute.USER_POOL_ID.memberName(), live.userPoolId());
    if (!byName) {
      document.put(Attribute.CLIENT_ID.memberName(), live.clientId());
    }
    Map<String, Object> units = new LinkedHashMap<>();
    for (Attribute attribute : Attribute.values()) {
      String name = attribute.memberName();
      Object value = live.attributes().get(name);
      switch (attribute.kind()) {
        case IDENTIFIER -> {}
        case VALIDITY -> validity(live, attribute, document, units);
        case OBJECT -> {
          if (attribute == Attribute.TOKEN_VALIDITY_UNITS) {
            if (!units.isEmpty()) {
              document.put(name, ordered(name, units));
            }
          } else if (value != null) {
            object(live, name, asMap(value)).ifPresent(map -> document.put(name, map));
          }
        }
        case STRING, INTEGER, BOOLEAN, SET -> {
          if (value != null && !(omitDefaults && isDefault(live, Map.of(name, value)))) {
            document.put(name, value);
          }
        }
      }
    }
    return document;
  }

  /** A validity the client has, with its unit, unless it is omitted as Cognito's default. */
  private void validity(
      LiveClient live,
      Attribute validity,
      Map<String, Object> document,
      Map<String, Object> units) {
    Object amount = live.attributes().get(validity.memberName());
    if (amount == null) {
      return;
    }
    String unitKey = validity.unitKey().orElseThrow();
    Object unit =
        asMap(live.attributes().get(Attribute.TOKEN_VALIDITY_UNITS.memberName()))
            .getOrDefault(unitKey, validity.defaultUnit().orElseThrow());
    Map<String, Object> pair =
        Map.of(
            validity.memberName(),
            amount,
            Attribute.TOKEN_VALIDITY_UNITS.memberName(),
            Map.of(unitKey, unit));
    if (omitDefaults && isDefault(live, pair)) {
      return;
    }
    document.put(validity.memberName(), amount);
    units.put(unitKey, unit);
  }

  private Optional<Map<String, Object>> object(
      LiveClient live, String name, Map<String, Object> value) {
    Map<String, Object> kept = new LinkedHashMap<>();
    ordered(name, value)
        .forEach(
            (key, sub) -> {
              if (!omitDefaults || !isDefault(live, Map.of(name, Map.of(key, sub)))) {
                kept.put(key, sub);
              }
            });
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    for (String required : REQUIRED_SUB_KEYS.getOrDefault(name, Set.of())) {
      if (!kept.containsKey(required) && value.containsKey(required)) {
        kept.put(required, value.get(required));
      }
    }
    return Optional.of(ordered(name, kept));
  }

  /**
   * Whether these attributes, stated in a file, equal what Cognito applies when they are omitted:
   * the planner finds no change against a client that has nothing but defaults, and nothing wrong.
   */
  private boolean isDefault(LiveClient live, Map<String, Object> attributes) {
    ClientSpec probe =
        new ClientSpec(PROBE, live.userPoolId(), live.clientId(), attributes, Map.of());
    LiveClient defaults =
        new LiveClient(live.userPoolId(), live.clientId(), Map.of(), live.hasSecret());
    Planner.Comparison comparison = planner.compare(probe, defaults);
    return comparison.changes().isEmpty() && comparison.diagnostics().isEmpty();
  }

  /** The object's sub-keys in the SDK model's order, then any others in their given order. */
  static Map<String, Object> ordered(String name, Map<String, Object> value) {
    Set<String> keys = new LinkedHashSet<>(AttributeMapper.subKeys(name));
    keys.retainAll(value.keySet());
    keys.addAll(new ArrayList<>(value.keySet()));
    Map<String, Object> ordered = new LinkedHashMap<>();
    keys.forEach(key -> ordered.put(key, value.get(key)));
    return ordered;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
