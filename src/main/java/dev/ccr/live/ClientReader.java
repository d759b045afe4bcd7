package dev.ccr.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads many clients concurrently on a bounded pool of threads and hands the results back in the
 * order they were asked for, whatever order the calls complete in. One failed read does not hide
 * the others.
 */
public final class ClientReader {
  /** Threads reading at once unless told otherwise. */
  public static final int DEFAULT_CONCURRENCY = 8;

  private final CognitoGateway gateway;
  private final int concurrency;

  public ClientReader(CognitoGateway gateway, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.concurrency = concurrency;
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
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, keys.size()), daemonThreads());
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (Key key : keys) {
        futures.add(pool.submit(() -> read(key)));
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
