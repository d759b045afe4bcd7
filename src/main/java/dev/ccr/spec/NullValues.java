package dev.ccr.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What to say about {@code null} where it does not remove anything: an attribute that always has a
 * value gets the default to write instead, anything else how to leave it out.
 */
final class NullValues {
  private static final String UNMANAGED = "remove the key to leave it unmanaged";

  private NullValues() {}

  static String message(String pointer) {
    List<String> tokens = Pointers.tokens(pointer);
    String path = Pointers.display(pointer);
    Optional<Attribute> attribute =
        tokens.isEmpty() ? Optional.empty() : Attribute.byMemberName(tokens.get(0));
    if (attribute.isEmpty() || tokens.size() > 2) {
      return path + " is null: give a value, or " + UNMANAGED;
    }
    if (tokens.size() == 2) {
      return attribute.get().kind() == Attribute.Kind.OBJECT
          ? subKey(attribute.get(), tokens.get(1), path)
          : path + " is null: a list holds values only; remove the item";
    }
    return path + " is null, " + whatToWrite(attribute.get());
  }

  private static String whatToWrite(Attribute attribute) {
    String name = attribute.memberName();
    return switch (attribute.kind()) {
      case IDENTIFIER ->
          name.equals("ClientId")
              ? "but it names the client: give its id, or remove the key to name the client by"
                  + " ClientName"
              : "but it names the user pool: give its id";
      case VALIDITY ->
          "but a client always has one: write "
              + attribute.defaultValue().orElseThrow()
              + " with TokenValidityUnits."
              + attribute.unitKey().orElseThrow()
              + ": "
              + attribute.defaultUnit().orElseThrow()
              + " for Cognito's default, or "
              + UNMANAGED;
      case SET ->
          attribute.defaultValue().map(d -> ((List<?>) d).isEmpty()).orElse(true)
              ? "but a client always has one: write [] for an empty list, or " + UNMANAGED
              : "but a client always has one: write "
                  + yaml(attribute.defaultValue().orElseThrow())
                  + " for Cognito's default, or "
                  + UNMANAGED;
      case STRING, INTEGER, BOOLEAN, OBJECT ->
          attribute
              .defaultValue()
              .map(
                  d ->
                      "but a client always has one: write "
                          + yaml(d)
                          + " for Cognito's default, or "
                          + UNMANAGED)
              .orElse("but a client always has one: give a value, or " + UNMANAGED);
    };
  }

  private static String subKey(Attribute object, String key, String path) {
    Object fallback = object.defaultValue().map(d -> ((Map<?, ?>) d).get(key)).orElse(null);
    if (fallback != null) {
      return path
          + " is null, but it always has a value: write "
          + fallback
          + " for Cognito's default, or "
          + UNMANAGED;
    }
    return path
        + " is null: "
        + UNMANAGED
        + (object.removable()
            ? ", or write " + object.memberName() + ": null to remove the whole object"
            : "");
  }

  /** A default as a user writes it in YAML: {@code [a, b]}, {@code {Feature: DISABLED}}. */
  private static String yaml(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ": " + e.getValue())
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }
}
