package dev.ccr.live;

import dev.ccr.spec.ClientRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads many clients (or lists many pools) concurrently on a bounded pool of threads and hands the
 * results back in the order they were asked for, whatever order the calls complete in. One failed
 * read does not hide the others. Reads start round-robin across user pools ({@link
 * Parallel#fairOrder}), so that the per-pool rate limit of one pool does not hold up the reads of
 * the others.
 */
public final class ClientReader {
  /** Threads reading at once unless told otherwise. */
  public static final int DEFAULT_CONCURRENCY = 16;

  private final CognitoGateway gateway;
  private final int concurrency;
  private final Listener listener;

  public ClientReader(CognitoGateway gateway, int concurrency) {
    this(gateway, concurrency, Listener.NONE);
  }

  public ClientReader(CognitoGateway gateway, int concurrency, Listener listener) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.concurrency = concurrency;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Hears how many calls have finished; called from the reading threads. */
  @FunctionalInterface
  public interface Listener {
    /** Hears nothing. */
    Listener NONE = (done, total) -> {};

    /** {@code done} of {@code total} calls have finished; the last call has done == total. */
    void progressed(int done, int total);

    /**
     * Describing {@code client} of {@code userPoolId} took {@code took}, retries and the wait for
     * its turn included, whether it succeeded or not.
     */
    default void described(String userPoolId, String clientId, Duration took) {}
  }

  /** The outcome of one call. */
  public sealed interface Result<T> permits Found, Failed {}

  /** What the call returned. */
  public record Found<T>(T value) implements Result<T> {}

  /** The call failed; the exception says why and what to do. */
  public record Failed<T>(GatewayException error) implements Result<T> {}

  /** Describes every client (each with an id); the results are in the order of {@code clients}. */
  public List<Result<LiveClient>> readAll(List<ClientRef> clients) {
    return run(clients, ClientRef::userPoolId, this::describe);
  }

  private LiveClient describe(ClientRef client) {
    long start = System.nanoTime();
    try {
      return gateway.describe(client.userPoolId(), client.id());
    } finally {
      listener.described(
          client.userPoolId(), client.id(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** Lists the clients of every pool; the results are in the order of {@code pools}. */
  public List<Result<List<ClientSummary>>> listAll(List<String> pools) {
    return run(pools, pool -> pool, gateway::list);
  }

  /**
   * Reads what plan checks its clients against in every pool: DescribeUserPool, ListResourceServers
   * and ListIdentityProviders, each once; the results are in the order of {@code pools}, each part
   * found or failed on its own.
   */
  @SuppressWarnings("unchecked")
  public List<LivePool> readPools(List<String> pools) {
    List<PoolPart> parts = new ArrayList<>();
    for (String pool : pools) {
      for (int part = 0; part < 3; part++) {
        parts.add(new PoolPart(pool, part));
      }
    }
    List<Result<Object>> read = run(parts, PoolPart::pool, this::readPart);
    List<LivePool> result = new ArrayList<>();
    for (int i = 0; i < pools.size(); i++) {
      result.add(
          new LivePool(
              pools.get(i),
              (Result<LivePool.Description>) (Result<?>) read.get(3 * i),
              (Result<List<LivePool.ResourceServer>>) (Result<?>) read.get(3 * i + 1),
              (Result<List<String>>) (Result<?>) read.get(3 * i + 2)));
    }
    return result;
  }

  /** One of the three reads of a pool: 0 describes it, 1 lists its resource servers, 2 its IdPs. */
  private record PoolPart(String pool, int part) {}

  private Object readPart(PoolPart part) {
    return switch (part.part()) {
      case 0 -> gateway.describePool(part.pool());
      case 1 -> gateway.listResourceServers(part.pool());
      default -> gateway.listIdentityProviders(part.pool());
    };
  }

  private <K, T> List<Result<T>> run(
      List<K> keys, Function<K, String> poolOf, Function<K, T> call) {
    AtomicInteger done = new AtomicInteger();
    return Parallel.map(
        keys,
        poolOf,
        concurrency,
        "ccr-reader",
        key -> {
          Result<T> result = attempt(() -> call.apply(key));
          listener.progressed(done.incrementAndGet(), keys.size());
          return result;
        });
  }

  private static <T> Result<T> attempt(java.util.function.Supplier<T> call) {
    try {
      return new Found<>(call.get());
    } catch (GatewayException e) {
      return new Failed<>(e);
    }
  }
}
