package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void map_givesTheResultsInKeyOrder_whateverOrderTheCallsEnd() {
    List<Integer> keys = List.of(5, 1, 4, 2, 3);
    List<Integer> results =
        Parallel.map(
            keys,
            k -> "pool" + (k % 2),
            4,
            "test",
            k -> {
              sleep(k * 10L);
              return k * k;
            });
    assertEquals(List.of(25, 1, 16, 4, 9), results);
  }

  @Test
  void map_onOneThread_startsTheCallsRoundRobinAcrossPools() {
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    Parallel.map(
        List.of("a1", "a2", "a3", "b1", "b2", "c1"),
        k -> k.substring(0, 1),
        1,
        "test",
        k -> started.add(k));
    assertEquals(List.of("a1", "b1", "c1", "a2", "b2", "a3"), started);
  }

  @Test
  void map_rethrowsWhatACallThrew() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertSame(
        boom,
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.map(
                    List.of(1, 2),
                    k -> "p",
                    2,
                    "test",
                    k -> {
                      if (k == 2) {
                        throw boom;
                      }
                      return k;
                    })));
  }

  @Test
  void start_runsWhileTheCallerWorks_andHandsOnTheResult() {
    Supplier<String> started =
        Parallel.start(
            "test",
            () -> {
              sleep(20);
              return Thread.currentThread().getName()
                  + (Thread.currentThread().isDaemon() ? " daemon" : "");
            });
    assertEquals("test daemon", started.get());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
