package dev.ccr.spec;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The desired state of one app client, as one YAML document declares it.
 *
 * @param attributes the managed attributes by member name, identifiers excluded; a key that is
 *     absent is unmanaged. Values are {@code String}, {@code Integer}, {@code Boolean}, {@code
 *     List<String>} or, for nested objects, a {@code Map<String, Object>} of the same kinds; never
 *     null.
 * @param positions the position of each value by JSON Pointer ({@code /CallbackURLs/1})
 */
public record ClientSpec(
    SourceRef source,
    String userPoolId,
    String clientId,
    Map<String, Object> attributes,
    Map<String, Position> positions) {

  public ClientSpec {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(clientId, "clientId");
    attributes = AttributeValues.copyOf(attributes);
    positions = Map.copyOf(positions);
  }

  /** The region the pool lives in: the prefix of its id ({@code eu-west-1_Abc} gives eu-west-1). */
  public String region() {
    int underscore = userPoolId.indexOf('_');
    return underscore < 0 ? "" : userPoolId.substring(0, underscore);
  }

  /** The desired value of a top-level attribute, empty when it is unmanaged. */
  public Optional<Object> get(String memberName) {
    return Optional.ofNullable(attributes.get(memberName));
  }

  /** Where the value at a JSON Pointer stands, or the start of the document. */
  public Position positionOf(String pointer) {
    return positions.getOrDefault(pointer, source.position());
  }

  /** The client's name in the file, if the file manages it. */
  public Optional<String> clientName() {
    return get("ClientName").map(String.class::cast);
  }
}
