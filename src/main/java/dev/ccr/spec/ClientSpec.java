package dev.ccr.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The desired state of one app client, as one YAML document declares it.
 *
 * @param clientId the ClientId the document pins, empty when it names its client by ClientName
 * @param attributes the managed attributes by member name (the members of UpdateUserPoolClient),
 *     identifiers excluded; a key that is absent is unmanaged. Values are {@code String}, {@code
 *     Integer}, {@code Boolean}, {@code List<String>} or, for nested objects, a {@code Map<String,
 *     Object>} of the same kinds; never null.
 * @param generateSecret the document's GenerateSecret, empty when it does not say
 * @param settings ccr's own settings (the {@code ccr:} key)
 * @param positions the position of each key and value by JSON Pointer ({@code /CallbackURLs/1})
 */
public record ClientSpec(
    SourceRef source,
    String userPoolId,
    Optional<String> clientId,
    Map<String, Object> attributes,
    Optional<Boolean> generateSecret,
    Settings settings,
    Map<String, Position> positions) {

  public ClientSpec {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(clientId, "clientId");
    attributes = AttributeValues.copyOf(attributes);
    Objects.requireNonNull(generateSecret, "generateSecret");
    Objects.requireNonNull(settings, "settings");
    positions = Map.copyOf(positions);
    if (clientId.isEmpty() && !(attributes.get("ClientName") instanceof String)) {
      throw new IllegalArgumentException("a client without ClientId needs a ClientName");
    }
  }

  /** A client named by id, present, with default settings and no GenerateSecret. */
  public ClientSpec(
      SourceRef source,
      String userPoolId,
      String clientId,
      Map<String, Object> attributes,
      Map<String, Position> positions) {
    this(
        source,
        userPoolId,
        Optional.of(clientId),
        attributes,
        Optional.empty(),
        Settings.DEFAULT,
        positions);
  }

  /** Whether the client should exist ({@code ccr: {state: present}}, the default) or not. */
  public enum State {
    PRESENT,
    ABSENT
  }

  /**
   * ccr's own settings of a document.
   *
   * @param environments the environments the document belongs to; empty means all
   * @param allow the ids of the rules this client may break
   */
  public record Settings(State state, List<String> environments, List<String> allow) {
    public static final Settings DEFAULT = new Settings(State.PRESENT, List.of(), List.of());

    public Settings {
      Objects.requireNonNull(state, "state");
      environments = List.copyOf(environments);
      allow = List.copyOf(allow);
    }
  }

  /** How the document names its client: by ClientId, else by ClientName in the pool. */
  public ClientRef ref() {
    return new ClientRef(userPoolId, clientId, clientName());
  }

  /** Whether the document declares the client absent ({@code ccr: {state: absent}}). */
  public boolean absent() {
    return settings.state() == State.ABSENT;
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
