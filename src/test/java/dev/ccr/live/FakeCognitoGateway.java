package dev.ccr.live;

import dev.ccr.live.GatewayException.Reason;
import dev.ccr.spec.Attribute;
import dev.ccr.testing.DocumentedDefaults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory {@link CognitoGateway} with Cognito's real update semantics: an update replaces the
 * stored client with exactly the configuration given, and every updatable member it leaves out goes
 * back to the default AWS documents in the cognito-idp service model ({@link DocumentedDefaults},
 * read independently of ccr's {@link Attribute} table), or disappears when AWS documents no
 * default. A default that is an empty list disappears too, as Describe leaves out empty lists.
 * Inside the nested objects, sub-keys left out take their defaults the same way.
 *
 * <p>It records every call, including failed ones, and can be told to fail calls. Thread-safe.
 */
public final class FakeCognitoGateway implements CognitoGateway {

  /** The gateway operations. */
  public enum Operation {
    DESCRIBE("cognito-idp:DescribeUserPoolClient"),
    UPDATE("cognito-idp:UpdateUserPoolClient"),
    LIST("cognito-idp:ListUserPoolClients"),
    CREATE("cognito-idp:CreateUserPoolClient"),
    DELETE("cognito-idp:DeleteUserPoolClient"),
    DESCRIBE_POOL("cognito-idp:DescribeUserPool"),
    LIST_RESOURCE_SERVERS("cognito-idp:ListResourceServers"),
    LIST_IDENTITY_PROVIDERS("cognito-idp:ListIdentityProviders");

    private final String action;

    Operation(String action) {
      this.action = action;
    }

    /** The IAM action of the operation. */
    public String action() {
      return action;
    }
  }

  /**
   * One call as it was made.
   *
   * @param clientId empty for {@link Operation#LIST}
   * @param configuration the configuration of an update, as given; empty for other operations
   */
  public record Call(
      Operation operation,
      String userPoolId,
      String clientId,
      Optional<Map<String, Object>> configuration) {
    public Call {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(userPoolId, "userPoolId");
      Objects.requireNonNull(clientId, "clientId");
      configuration = configuration.map(FakeCognitoGateway::copy);
    }
  }

  private record Target(Operation operation, String userPoolId, String clientId) {}

  /** A planned failure; {@code remaining} is negative for one that never stops. */
  private record Fault(GatewayException error, int remaining) {}

  /**
   * What a pool is unless a test says otherwise: on the Essentials tier, with a domain, and with
   * the standard attributes ({@code sub} the one that cannot be written).
   */
  public static final LivePool.Description STANDARD_POOL =
      new LivePool.Description(Optional.of("ESSENTIALS"), true, standardSchema());

  private final Map<String, Map<String, LiveClient>> pools = new LinkedHashMap<>();
  private final Map<String, LivePool.Description> descriptions = new HashMap<>();
  private final Map<String, List<LivePool.ResourceServer>> resourceServers = new HashMap<>();
  private final Map<String, List<String>> identityProviders = new HashMap<>();
  private final Map<Target, Fault> faults = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private java.util.function.Consumer<LiveClient> afterWrite = stored -> {};
  private int created;

  /** Stores a client exactly as given (no defaults added), creating its pool if needed. */
  public synchronized FakeCognitoGateway seed(
      String userPoolId, String clientId, Map<String, Object> attributes, boolean hasSecret) {
    attributes.keySet().forEach(FakeCognitoGateway::attribute);
    pools
        .computeIfAbsent(userPoolId, k -> new LinkedHashMap<>())
        .put(clientId, new LiveClient(userPoolId, clientId, copy(attributes), hasSecret));
    return this;
  }

  /**
   * Stores a client whose Describe answers {@code clientType}: {@code DCR} for one registered at
   * run time through dynamic client registration, or a raw value ccr's SDK does not know.
   */
  public synchronized FakeCognitoGateway seedTyped(
      String userPoolId, String clientId, Map<String, Object> attributes, String clientType) {
    attributes.keySet().forEach(FakeCognitoGateway::attribute);
    pools
        .computeIfAbsent(userPoolId, k -> new LinkedHashMap<>())
        .put(clientId, new LiveClient(userPoolId, clientId, copy(attributes), false, clientType));
    return this;
  }

  /** Creates an empty pool. */
  public synchronized FakeCognitoGateway seedPool(String userPoolId) {
    pools.computeIfAbsent(userPoolId, k -> new LinkedHashMap<>());
    return this;
  }

  /** Sets what DescribeUserPool returns for a pool (creating it if needed). */
  public synchronized FakeCognitoGateway seedPool(
      String userPoolId, LivePool.Description description) {
    seedPool(userPoolId);
    descriptions.put(userPoolId, description);
    return this;
  }

  /** Adds a resource server with its scopes to a pool. */
  public synchronized FakeCognitoGateway seedResourceServer(
      String userPoolId, String identifier, String... scopes) {
    seedPool(userPoolId);
    resourceServers
        .computeIfAbsent(userPoolId, k -> new ArrayList<>())
        .add(new LivePool.ResourceServer(identifier, List.of(scopes)));
    return this;
  }

  /** Adds an identity provider (a SAML or OIDC provider's name, or Google...) to a pool. */
  public synchronized FakeCognitoGateway seedIdentityProvider(String userPoolId, String name) {
    seedPool(userPoolId);
    identityProviders.computeIfAbsent(userPoolId, k -> new ArrayList<>()).add(name);
    return this;
  }

  /** The standard attributes of a new pool; only {@code sub} is immutable. */
  public static List<LivePool.SchemaAttribute> standardSchema() {
    List<LivePool.SchemaAttribute> schema = new ArrayList<>();
    schema.add(new LivePool.SchemaAttribute("sub", false));
    for (String name :
        List.of(
            "name",
            "given_name",
            "family_name",
            "middle_name",
            "nickname",
            "preferred_username",
            "profile",
            "picture",
            "website",
            "email",
            "email_verified",
            "gender",
            "birthdate",
            "zoneinfo",
            "locale",
            "phone_number",
            "phone_number_verified",
            "address",
            "updated_at")) {
      schema.add(new LivePool.SchemaAttribute(name, true));
    }
    return List.copyOf(schema);
  }

  /** Makes every {@code operation} on the client fail with {@code error}. */
  public synchronized void failAlways(
      Operation operation, String userPoolId, String clientId, GatewayException error) {
    faults.put(new Target(operation, userPoolId, clientId), new Fault(error, -1));
  }

  /** Makes the next {@code times} calls of {@code operation} on the client fail as throttled. */
  public synchronized void throttle(
      Operation operation, String userPoolId, String clientId, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    GatewayException throttled =
        new GatewayException(
            Reason.THROTTLED,
            "TooManyRequestsException",
            operation.action(),
            "Cognito still throttles " + operation.action() + " after retries");
    faults.put(new Target(operation, userPoolId, clientId), new Fault(throttled, times));
  }

  /** Every call so far, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The stored client, read without recording a call. */
  public synchronized Optional<LiveClient> stored(String userPoolId, String clientId) {
    return Optional.ofNullable(pools.getOrDefault(userPoolId, Map.of()).get(clientId));
  }

  @Override
  public synchronized LiveClient describe(String userPoolId, String clientId) {
    calls.add(new Call(Operation.DESCRIBE, userPoolId, clientId, Optional.empty()));
    injectFault(Operation.DESCRIBE, userPoolId, clientId);
    return existing(Operation.DESCRIBE, userPoolId, clientId);
  }

  @Override
  public synchronized LiveClient update(
      String userPoolId, String clientId, Map<String, Object> configuration) {
    Map<String, Object> replaced = resetOmitted(configuration);
    calls.add(new Call(Operation.UPDATE, userPoolId, clientId, Optional.of(configuration)));
    injectFault(Operation.UPDATE, userPoolId, clientId);
    LiveClient current = existing(Operation.UPDATE, userPoolId, clientId);
    LiveClient stored =
        new LiveClient(userPoolId, clientId, replaced, current.hasSecret(), current.clientType());
    pools.get(userPoolId).put(clientId, stored);
    afterWrite.accept(stored);
    return pools.get(userPoolId).get(clientId);
  }

  /**
   * Creates a client with a new id, Cognito's defaults in every member the configuration leaves
   * out, as CreateUserPoolClient does.
   */
  @Override
  public synchronized LiveClient create(
      String userPoolId, Map<String, Object> configuration, boolean generateSecret) {
    calls.add(new Call(Operation.CREATE, userPoolId, "", Optional.of(configuration)));
    injectFault(Operation.CREATE, userPoolId, "");
    Map<String, LiveClient> pool = pool(Operation.CREATE, userPoolId);
    String clientId = String.format("fakeclient%016d", ++created);
    LiveClient stored =
        new LiveClient(userPoolId, clientId, resetOmitted(configuration), generateSecret);
    pool.put(clientId, stored);
    return stored;
  }

  @Override
  public synchronized void delete(String userPoolId, String clientId) {
    calls.add(new Call(Operation.DELETE, userPoolId, clientId, Optional.empty()));
    injectFault(Operation.DELETE, userPoolId, clientId);
    existing(Operation.DELETE, userPoolId, clientId);
    pools.get(userPoolId).remove(clientId);
  }

  /**
   * Runs after every update is stored, inside the gateway's lock: a test's other writer, changing
   * the stored client before the response is read.
   */
  public synchronized void afterWrite(java.util.function.Consumer<LiveClient> action) {
    this.afterWrite = action;
  }

  /** Replaces a stored client's attributes as another writer would, recording no call. */
  public synchronized void change(
      String userPoolId, String clientId, Map<String, Object> attributes) {
    LiveClient current = stored(userPoolId, clientId).orElseThrow();
    Map<String, Object> changed = new LinkedHashMap<>(current.attributes());
    changed.putAll(attributes);
    pools
        .get(userPoolId)
        .put(
            clientId,
            new LiveClient(
                userPoolId, clientId, copy(changed), current.hasSecret(), current.clientType()));
  }

  @Override
  public synchronized List<ClientSummary> list(String userPoolId) {
    calls.add(new Call(Operation.LIST, userPoolId, "", Optional.empty()));
    injectFault(Operation.LIST, userPoolId, "");
    return pool(Operation.LIST, userPoolId).values().stream()
        .map(c -> new ClientSummary(userPoolId, c.clientId(), c.clientName()))
        .toList();
  }

  @Override
  public synchronized LivePool.Description describePool(String userPoolId) {
    calls.add(new Call(Operation.DESCRIBE_POOL, userPoolId, "", Optional.empty()));
    injectFault(Operation.DESCRIBE_POOL, userPoolId, "");
    pool(Operation.DESCRIBE_POOL, userPoolId);
    return descriptions.getOrDefault(userPoolId, STANDARD_POOL);
  }

  @Override
  public synchronized List<LivePool.ResourceServer> listResourceServers(String userPoolId) {
    calls.add(new Call(Operation.LIST_RESOURCE_SERVERS, userPoolId, "", Optional.empty()));
    injectFault(Operation.LIST_RESOURCE_SERVERS, userPoolId, "");
    pool(Operation.LIST_RESOURCE_SERVERS, userPoolId);
    return List.copyOf(resourceServers.getOrDefault(userPoolId, List.of()));
  }

  @Override
  public synchronized List<String> listIdentityProviders(String userPoolId) {
    calls.add(new Call(Operation.LIST_IDENTITY_PROVIDERS, userPoolId, "", Optional.empty()));
    injectFault(Operation.LIST_IDENTITY_PROVIDERS, userPoolId, "");
    pool(Operation.LIST_IDENTITY_PROVIDERS, userPoolId);
    return List.copyOf(identityProviders.getOrDefault(userPoolId, List.of()));
  }

  private void injectFault(Operation operation, String userPoolId, String clientId) {
    Target target = new Target(operation, userPoolId, clientId);
    Fault fault = faults.get(target);
    if (fault == null) {
      return;
    }
    if (fault.remaining() == 1) {
      faults.remove(target);
    } else if (fault.remaining() > 1) {
      faults.put(target, new Fault(fault.error(), fault.remaining() - 1));
    }
    throw fault.error();
  }

  private LiveClient existing(Operation operation, String userPoolId, String clientId) {
    LiveClient client = pool(operation, userPoolId).get(clientId);
    if (client == null) {
      throw notFound(operation, "User pool client " + clientId + " does not exist.");
    }
    return client;
  }

  private Map<String, LiveClient> pool(Operation operation, String userPoolId) {
    Map<String, LiveClient> pool = pools.get(userPoolId);
    if (pool == null) {
      throw notFound(operation, "User pool " + userPoolId + " does not exist.");
    }
    return pool;
  }

  private static GatewayException notFound(Operation operation, String message) {
    return new GatewayException(
        Reason.NOT_FOUND, "ResourceNotFoundException", operation.action(), message);
  }

  /**
   * The client Cognito stores after an update with exactly {@code configuration}: every member it
   * leaves out takes the default AWS documents ({@link DocumentedDefaults}, not ccr's own table).
   */
  private static Map<String, Object> resetOmitted(Map<String, Object> configuration) {
    configuration.keySet().forEach(FakeCognitoGateway::attribute);
    Map<String, Object> configured = copy(configuration);
    Map<String, Object> result = new LinkedHashMap<>();
    for (String name : DocumentedDefaults.members()) {
      Optional<Object> documented = DocumentedDefaults.of(name);
      if (configured.containsKey(name)) {
        result.put(name, withNestedDefaults(documented, configured.get(name)));
      } else {
        documented
            .filter(value -> !(value instanceof List<?> list && list.isEmpty()))
            .ifPresent(value -> result.put(name, value));
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Object withNestedDefaults(Optional<Object> documented, Object value) {
    if (!(value instanceof Map<?, ?> given)
        || !(documented.orElse(null) instanceof Map<?, ?> defaults)) {
      return value;
    }
    Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) defaults);
    merged.putAll((Map<String, Object>) given);
    return merged;
  }

  private static void attribute(String name) {
    if (!DocumentedDefaults.members().contains(name)) {
      throw new IllegalArgumentException(
          "not an updatable member of UpdateUserPoolClient: " + name);
    }
  }

  /** A deep copy with the value kinds the real gateway accepts; integers become Integer. */
  private static Map<String, Object> copy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, normalise(key, value)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object normalise(String path, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Math.toIntExact(((Number) value).longValue());
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof List<?> list) {
      list.forEach(item -> normalise(path + "[]", item));
      return List.copyOf(list);
    }
    if (value instanceof Map<?, ?> nested) {
      return copy((Map<String, Object>) nested);
    }
    throw new IllegalArgumentException(
        "unsupported value for " + path + ": " + (value == null ? "null" : value.getClass()));
  }
}
