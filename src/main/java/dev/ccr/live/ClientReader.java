package dev.ccr.live;

import dev.ccr.spec.ClientRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads many clients (or lists many pools) concurrently on a bounded pool of threads and hands the
 * results back in the order they were asked for, whatever order the calls complete in. One failed
 * read does not hide the others. Reads start round-robin across user pools ({@link #fairOrder}), so
 * that the per-pool rate limit of one pool does not hold up the reads of the others.
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
  }

  /** The outcome of one call. */
  public sealed interface Result<T> permits Found, Failed {}

  /** What the call returned. */
  public record Found<T>(T value) implements Result<T> {}

  /** The call failed; the exception says why and what to do. */
  public record Failed<T>(GatewayException error) implements Result<T> {}

  /** Describes every client (each with an id); the results are in the order of {@code clients}. */
  public List<Result<LiveClient>> readAll(List<ClientRef> clients) {
    return run(clients, ClientRef::userPoolId, c -> gateway.describe(c.userPoolId(), c.id()));
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
    if (keys.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(concurrency, keys.size()), daemonThreads());
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<Result<T>>> futures = new ArrayList<>(Collections.nCopies(keys.size(), null));
      for (int index : fairOrder(keys.stream().map(poolOf).toList())) {
        K key = keys.get(index);
        futures.set(
            index,
            pool.submit(
                () -> {
                  Result<T> result = attempt(() -> call.apply(key));
                  listener.progressed(done.incrementAndGet(), keys.size());
                  return result;
                }));
      }
      List<Result<T>> results = new ArrayList<>();
      for (Future<Result<T>> future : futures) {
        results.add(join(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The indexes of keys taken round-robin across user pools, pools in order of first appearance and
   * keys of one pool in their own order: pools A A A B B C give A B C A B A.
   */
  public static List<Integer> fairOrder(List<String> pools) {
    Map<String, Deque<Integer>> byPool = new LinkedHashMap<>();
    for (int i = 0; i < pools.size(); i++) {
      byPool.computeIfAbsent(pools.get(i), pool -> new ArrayDeque<>()).add(i);
    }
    List<Integer> order = new ArrayList<>(pools.size());
    while (order.size() < pools.size()) {
      for (Deque<Integer> pool : byPool.values()) {
        if (!pool.isEmpty()) {
          order.add(pool.removeFirst());
        }
      }
    }
    return order;
  }

  private static <T> Result<T> attempt(java.util.function.Supplier<T> call) {
    try {
      return new Found<>(call.get());
    } catch (GatewayException e) {
      return new Failed<>(e);
    }
  }

  private static <T> Result<T> join(Future<Result<T>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading clients", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "ccr-reader");
      thread.setDaemon(true);
      return thread;
    };
  }
}
