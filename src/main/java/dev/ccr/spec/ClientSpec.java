package dev.ccr.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The desired state of one app client, as one YAML document declares it.
 *
 * @param clientId the ClientId the document pins, empty when it names its client by ClientName
 * @param attributes the managed attributes by member name (the members of UpdateUserPoolClient),
 *     identifiers excluded; a key that is absent is unmanaged. Values are {@code String}, {@code
 *     Integer}, {@code Boolean}, {@code List<String>} or, for nested objects, a {@code Map<String,
 *     Object>} of the same kinds; never null.
 * @param removed the members the document sets to {@code null}: managed, and to be removed from the
 *     client (only {@link Attribute#removable()} ones); never among {@code attributes}
 * @param generateSecret the document's GenerateSecret, empty when it does not say
 * @param settings ccr's own settings (the {@code ccr:} key)
 * @param positions the position of each key and value by JSON Pointer ({@code /CallbackURLs/1})
 */
public record ClientSpec(
    SourceRef source,
    String userPoolId,
    Optional<String> clientId,
    Map<String, Object> attributes,
    Set<String> removed,
    Optional<Boolean> generateSecret,
    Settings settings,
    Map<String, Position> positions) {

  public ClientSpec {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(clientId, "clientId");
    attributes = AttributeValues.copyOf(attributes);
    removed = Set.copyOf(new TreeSet<>(removed));
    for (String member : removed) {
      if (!Attribute.byMemberName(member).map(Attribute::removable).orElse(false)
          || attributes.containsKey(member)) {
        throw new IllegalArgumentException(member + " cannot be removed");
      }
    }
    Objects.requireNonNull(generateSecret, "generateSecret");
    Objects.requireNonNull(settings, "settings");
    positions = Map.copyOf(positions);
    if (clientId.isEmpty() && !(attributes.get("ClientName") instanceof String)) {
      throw new IllegalArgumentException("a client without ClientId needs a ClientName");
    }
  }

  /** A client that removes no attribute. */
  public ClientSpec(
      SourceRef source,
      String userPoolId,
      Optional<String> clientId,
      Map<String, Object> attributes,
      Optional<Boolean> generateSecret,
      Settings settings,
      Map<String, Position> positions) {
    this(source, userPoolId, clientId, attributes, Set.of(), generateSecret, settings, positions);
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
   * @param secret how the client secret is rotated and delivered; empty when ccr leaves it alone
   */
  public record Settings(
      State state, List<String> environments, List<String> allow, Optional<SecretPolicy> secret) {
    public static final Settings DEFAULT = new Settings(State.PRESENT, List.of(), List.of());

    public Settings {
      Objects.requireNonNull(state, "state");
      environments = List.copyOf(environments);
      allow = List.copyOf(allow);
      Objects.requireNonNull(secret, "secret");
    }

    /** Settings without a secret policy. */
    public Settings(State state, List<String> environments, List<String> allow) {
      this(state, environments, allow, Optional.empty());
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

  /** Whether the document manages the member: gives it a value, or removes it. */
  public boolean manages(String memberName) {
    return attributes.containsKey(memberName) || removed.contains(memberName);
  }

  /**
   * Whether the document manages a path of the configuration: a member, or a member and sub-key
   * joined by a slash ({@code RefreshTokenRotation/Feature}). Removing a nested object manages
   * every sub-key of it.
   */
  public boolean managesPath(String path) {
    int slash = path.indexOf('/');
    if (slash < 0) {
      return manages(path);
    }
    String member = path.substring(0, slash);
    return removed.contains(member)
        || get(member)
            .map(v -> ((Map<?, ?>) v).containsKey(path.substring(slash + 1)))
            .orElse(false);
  }

  /** The JSON Pointer of the key that names the client: ClientId, else ClientName. */
  public String identityPointer() {
    return clientId.isPresent() ? "/ClientId" : "/ClientName";
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
