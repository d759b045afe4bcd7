package dev.ccr.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes every call to another gateway and counts the calls of each operation in {@link Counts}
 * that outlive the gateway (a command line opens one gateway per run).
 */
public final class CountingGateway implements CognitoGateway {
  private final CognitoGateway delegate;
  private final Counts counts;

  /** Calls by operation, across gateways. */
  public static final class Counts {
    private final Map<FakeCognitoGateway.Operation, AtomicInteger> counts =
        new ConcurrentHashMap<>();
    private final List<Map<String, Object>> updates =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The configurations sent with UpdateUserPoolClient so far, in order. */
    public List<Map<String, Object>> updates() {
      return List.copyOf(updates);
    }

    /** Calls of {@code operation} so far. */
    public int of(FakeCognitoGateway.Operation operation) {
      return counts.computeIfAbsent(operation, k -> new AtomicInteger()).get();
    }

    /** Calls of every operation so far. */
    public int total() {
      return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Writes (create, update, delete) so far. */
    public int writes() {
      return of(FakeCognitoGateway.Operation.CREATE)
          + of(FakeCognitoGateway.Operation.UPDATE)
          + of(FakeCognitoGateway.Operation.DELETE);
    }

    void add(FakeCognitoGateway.Operation operation) {
      counts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  public CountingGateway(CognitoGateway delegate, Counts counts) {
    this.delegate = delegate;
    this.counts = counts;
  }

  @Override
  public LiveClient describe(String userPoolId, String clientId) {
    counts.add(FakeCognitoGateway.Operation.DESCRIBE);
    return delegate.describe(userPoolId, clientId);
  }

  @Override
  public List<ClientSummary> list(String userPoolId) {
    counts.add(FakeCognitoGateway.Operation.LIST);
    return delegate.list(userPoolId);
  }

  @Override
  public LiveClient create(
      String userPoolId, Map<String, Object> configuration, boolean generateSecret) {
    counts.add(FakeCognitoGateway.Operation.CREATE);
    return delegate.create(userPoolId, configuration, generateSecret);
  }

  @Override
  public LiveClient update(String userPoolId, String clientId, Map<String, Object> configuration) {
    counts.add(FakeCognitoGateway.Operation.UPDATE);
    counts.updates.add(Map.copyOf(configuration));
    return delegate.update(userPoolId, clientId, configuration);
  }

  @Override
  public void delete(String userPoolId, String clientId) {
    counts.add(FakeCognitoGateway.Operation.DELETE);
    delegate.delete(userPoolId, clientId);
  }

  @Override
  public LivePool.Description describePool(String userPoolId) {
    counts.add(FakeCognitoGateway.Operation.DESCRIBE_POOL);
    return delegate.describePool(userPoolId);
  }

  @Override
  public List<LivePool.ResourceServer> listResourceServers(String userPoolId) {
    counts.add(FakeCognitoGateway.Operation.LIST_RESOURCE_SERVERS);
    return delegate.listResourceServers(userPoolId);
  }

  @Override
  public List<String> listIdentityProviders(String userPoolId) {
    counts.add(FakeCognitoGateway.Operation.LIST_IDENTITY_PROVIDERS);
    return delegate.listIdentityProviders(userPoolId);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
