package dev.ccr.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * How ccr names one app client, everywhere: its user pool, and its id, its name, or both. A
 * document names its client by id, or by name within the pool; once the live client is known the
 * reference carries both. A client about to be created has a name and no id yet.
 *
 * <p>Two references are the same client when their pools match and either both have ids that match,
 * or neither has an id and their names match ({@link #sameClient}, {@link #identity}).
 */
public record ClientRef(String userPoolId, Optional<String> clientId, Optional<String> clientName) {
  public ClientRef {
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientName, "clientName");
    if (clientId.isEmpty() && clientName.isEmpty()) {
      throw new IllegalArgumentException("a client needs an id or a name in " + userPoolId);
    }
  }

  /** The client with this id. */
  public static ClientRef byId(String userPoolId, String clientId) {
    return new ClientRef(userPoolId, Optional.of(clientId), Optional.empty());
  }

  /** The client with this name in the pool. */
  public static ClientRef byName(String userPoolId, String clientName) {
    return new ClientRef(userPoolId, Optional.empty(), Optional.of(clientName));
  }

  /** This reference, now knowing the client's id. */
  public ClientRef withId(String id) {
    return new ClientRef(userPoolId, Optional.of(id), clientName);
  }

  /** This reference, now knowing the client's name (an empty name leaves it unknown). */
  public ClientRef withName(String name) {
    return name.isEmpty() ? this : new ClientRef(userPoolId, clientId, Optional.of(name));
  }

  /** How a sentence or a table names the client: its name, else its id. */
  public String displayName() {
    return clientName.or(() -> clientId).orElseThrow();
  }

  /**
   * The client id.
   *
   * @throws IllegalStateException for a client that is known by name only
   */
  public String id() {
    return clientId.orElseThrow(() -> new IllegalStateException("no client id for " + this));
  }

  /** Whether both references name the same client: the same id, or without ids the same name. */
  public boolean sameClient(ClientRef other) {
    return identity().equals(other.identity());
  }

  /**
   * The part of the reference that identifies the client, as a key for maps and sets: the pool and
   * the id, or the pool and the name when there is no id.
   */
  public ClientRef identity() {
    return clientId.isPresent()
        ? new ClientRef(userPoolId, clientId, Optional.empty())
        : new ClientRef(userPoolId, Optional.empty(), clientName);
  }

  /** The region of the pool: the prefix of its id ({@code eu-west-1_Abc} gives eu-west-1). */
  public String region() {
    return regionOf(userPoolId).orElse("");
  }

  /** The region prefix of a user pool id, if it has one. */
  public static Optional<String> regionOf(String userPoolId) {
    int underscore = userPoolId.indexOf('_');
    return underscore > 0 ? Optional.of(userPoolId.substring(0, underscore)) : Optional.empty();
  }

  /**
   * How users read it: {@code web-app (us-east-1_Abc/3n4b5urk1ft4fl3mg5e62d9ado)}, {@code web-app
   * (us-east-1_Abc)} for a client known by name only (one to create), or {@code
   * us-east-1_Abc/3n4b5urk1ft4fl3mg5e62d9ado} for one whose name is not known.
   */
  public String title() {
    String where = userPoolId + clientId.map(id -> "/" + id).orElse("");
    return clientName.map(name -> name + " (" + where + ")").orElse(where);
  }

  @Override
  public String toString() {
    return title();
  }
}
