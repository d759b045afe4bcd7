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
 * @param clientType Cognito's read-only {@code ClientType} as it was returned ({@code REGULAR},
 *     {@code DCR} for a client registered at run time through dynamic client registration, or a
 *     value ccr's SDK does not know, kept as its raw string); empty when Cognito returned none
 */
public record LiveClient(
    String userPoolId,
    String clientId,
    Map<String, Object> attributes,
    boolean hasSecret,
    String clientType) {
  /** The {@code ClientType} of a client made through the API (CreateUserPoolClient). */
  public static final String REGULAR = "REGULAR";

  public LiveClient {
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(clientId, "clientId");
    attributes = AttributeValues.copyOf(attributes);
    Objects.requireNonNull(clientType, "clientType");
  }

  /** A client whose answer carried no {@code ClientType}: a regular one. */
  public LiveClient(
      String userPoolId, String clientId, Map<String, Object> attributes, boolean hasSecret) {
    this(userPoolId, clientId, attributes, hasSecret, "");
  }

  /**
   * Whether the client is a regular one, made through the API: {@code ClientType} is {@code
   * REGULAR} or absent. A runtime-registered ({@code DCR}) client, or one of a type ccr does not
   * know, is not: ccr adopts, prunes and exports such a client only when asked ({@code
   * --include-dcr}).
   */
  public boolean regular() {
    return clientType.isEmpty() || clientType.equals(REGULAR);
  }

  /** The client's name, or an empty string when it has none. */
  public String clientName() {
    Object name = attributes.get("ClientName");
    return name == null ? "" : name.toString();
  }
}
