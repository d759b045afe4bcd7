package dev.ccr.live;

import dev.ccr.spec.AttributeValues;
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
    attributes = AttributeValues.copyOf(attributes);
  }

  /** The client's name, or an empty string when it has none. */
  public String clientName() {
    Object name = attributes.get("ClientName");
    return name == null ? "" : name.toString();
  }
}
