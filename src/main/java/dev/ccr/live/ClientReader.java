package dev.ccr.live;

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

/**
 * Reads many clients concurrently on a bounded pool of threads and hands the results back in the
 * order they were asked for, whatever order the calls complete in. One failed read does not hide
 * the others. Reads start round-robin across user pools ({@link #fairOrder}), so that the gateway's
 * per-pool rate limit of one pool does not hold up the reads of the others.
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

  /** Hears how many reads have finished; called from the reading threads. */
  @FunctionalInterface
  public interface Listener {
    /** Hears nothing. */
    Listener NONE = (done, total) -> {};

    /** {@code done} of {@code total} reads have finished; the last call has done == total. */
    void progressed(int done, int total);
  }

  /** A client to read. */
  public record Key(String userPoolId, String clientId) {
    public Key {
      Objects.requireNonNull(userPoolId, "userPoolId");
      Objects.requireNonNull(clientId, "clientId");
    }
  }

  /** The outcome of one read. */
  public sealed interface Result permits Found, Failed {
    Key key();
  }

  /** The client as Describe returned it. */
  public record Found(Key key, LiveClient client) implements Result {}

  /** The read failed; the exception says why and what to do. */
  public record Failed(Key key, GatewayException error) implements Result {}

  /** Describes every key; the results are in the order of {@code keys}. */
  public List<Result> readAll(List<Key> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(concurrency, keys.size()), daemonThreads());
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<Result>> futures = new ArrayList<>(Collections.nCopies(keys.size(), null));
      for (int index : fairOrder(keys)) {
        Key key = keys.get(index);
        futures.set(
            index,
            pool.submit(
                () -> {
                  Result result = read(key);
                  listener.progressed(done.incrementAndGet(), keys.size());
                  return result;
                }));
      }
      List<Result> results = new ArrayList<>();
      for (Future<Result> future : futures) {
        results.add(join(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The indexes of {@code keys} taken round-robin across user pools, pools in order of first
   * appearance and keys of one pool in their own order: pools A A A B B C give A B C A B A.
   */
  static List<Integer> fairOrder(List<Key> keys) {
    Map<String, Deque<Integer>> byPool = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      byPool.computeIfAbsent(keys.get(i).userPoolId(), pool -> new ArrayDeque<>()).add(i);
    }
    List<Integer> order = new ArrayList<>(keys.size());
    while (order.size() < keys.size()) {
      for (Deque<Integer> pool : byPool.values()) {
        if (!pool.isEmpty()) {
          order.add(pool.removeFirst());
        }
      }
    }
    return order;
  }

  private Result read(Key key) {
    try {
      return new Found(key, gateway.describe(key.userPoolId(), key.clientId()));
    } catch (GatewayException e) {
      return new Failed(key, e);
    }
  }

  private static Result join(Future<Result> future) {
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
