package dev.ccr.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way ccr runs calls to Cognito at once: a bounded pool of daemon threads (a run that ends
 * early never waits for them), calls started round-robin across user pools ({@link #fairOrder}) so
 * that one pool's per-operation quota does not hold up the others, and the results handed back in
 * the order of the keys, whatever order the calls complete in.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Applies {@code call} to every key on at most {@code threads} threads.
   *
   * @param poolOf the user pool of a key, for the order the calls start in
   * @param name the name of the threads, for a thread dump
   * @return the results in the order of {@code keys}
   */
  public static <K, R> List<R> map(
      List<K> keys, Function<K, String> poolOf, int threads, String name, Function<K, R> call) {
    if (keys.isEmpty()) {
      return List.of();
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, keys.size())), daemon(name));
    try {
      List<Future<R>> futures = new ArrayList<>(Collections.nCopies(keys.size(), null));
      for (int index : fairOrder(keys.stream().map(poolOf).toList())) {
        K key = keys.get(index);
        futures.set(index, executor.submit(() -> call.apply(key)));
      }
      List<R> results = new ArrayList<>(keys.size());
      for (Future<R> future : futures) {
        results.add(join(future, name));
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Starts {@code call} on a daemon thread of its own, to run while the caller does something else.
   *
   * @return what waits for the call's result (and rethrows what it threw)
   */
  public static <T> Supplier<T> start(String name, Supplier<T> call) {
    ExecutorService executor = Executors.newSingleThreadExecutor(daemon(name));
    Future<T> future = executor.submit(call::get);
    executor.shutdown();
    return () -> join(future, name);
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

  private static <T> T join(Future<T> future, String name) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
