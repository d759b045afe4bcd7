package dev.ccr.live;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An app client as DescribeUserPoolClient returned it, without its secret.
 *
 * @param attributes the updatable members that Describe returned, by PascalCase member name,
 *     identifiers excluded; a member Describe left out is absent. Values have the kinds of {@link
 *     dev.ccr.spec.ClientSpec#attributes()}: String, Integer, Boolean, List of String, or a Map for
 *     the nested objects. Read-only members (secret, dates) are never here.
 * @param hasSecret whether the client has a secret; the secret itself is dropped at the gateway
 */
public record LiveClient(
    String userPoolId, String clientId, Map<String, Object> attributes, boolean hasSecret) {

  public LiveClient {
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(clientId, "clientId");
    attributes = deepCopy(attributes);
  }

  /** The client's name, or an empty string when it has none. */
  public String clientName() {
    Object name = attributes.get("ClientName");
    return name == null ? "" : name.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          Objects.requireNonNull(value, () -> "null value for " + key);
          if (value instanceof Map<?, ?> nested) {
            copy.put(key, deepCopy((Map<String, Object>) nested));
          } else if (value instanceof List<?> list) {
            copy.put(key, List.copyOf(list));
          } else {
            copy.put(key, value);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
