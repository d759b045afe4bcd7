package dev.ccr.apply;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter (the delay before retry {@code n} is uniform in {@code [0,
 * min(cap, base * 2^n)]}), bounded by {@code maxAttempts} attempts in all.
 *
 * @param random given a bound, a number in {@code [0, bound]}; tests fix it
 */
public record Backoff(
    int maxAttempts, Duration base, Duration cap, Sleeper sleeper, LongUnaryOperator random) {

  /** Waits; tests give one that records instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public Backoff {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
  }

  /** Five attempts, 250 ms base, 10 s cap, real sleeping. */
  public static Backoff standard() {
    return new Backoff(
        5,
        Duration.ofMillis(250),
        Duration.ofSeconds(10),
        d -> Thread.sleep(d.toMillis()),
        bound -> ThreadLocalRandom.current().nextLong(bound + 1));
  }

  /** The same bounds with another sleeper. */
  public Backoff withSleeper(Sleeper other) {
    return new Backoff(maxAttempts, base, cap, other, random);
  }

  /** The delay before retry {@code retry} (0 for the first retry). */
  Duration delay(int retry) {
    long ceiling = base.toMillis() << Math.min(retry, 30);
    long bound = Math.min(cap.toMillis(), ceiling < 0 ? Long.MAX_VALUE : ceiling);
    return Duration.ofMillis(random.applyAsLong(bound));
  }
}
