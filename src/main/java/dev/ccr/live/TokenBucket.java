package dev.ccr.live;

/**
 * One rate limit as a token bucket that hands out reservations (the generic cell rate algorithm): a
 * request may go at {@link #availableAt}, and {@link #reserve} books it for a time at or after
 * that, so requests booked for the future count at the time they are sent. A throttle empties the
 * burst; a second one within {@link #REPEAT_WINDOW_NANOS} also halves the rate, which recovers
 * additively, a tenth of the full rate per second: a bucket that keeps meeting throttles (another
 * tool spends the same quota) slows down instead of only retrying, while one throttle alone (a
 * request that reached Cognito late, next to the one after it) costs a single interval instead of
 * seconds at half the rate.
 *
 * <p>Times are nanoseconds from any origin, passed in by the caller; not thread-safe (the {@link
 * Pacer} locks).
 */
final class TokenBucket {
  private static final double NANOS = 1e9;

  /** Throttles closer together than this (ten seconds) mean the quota is shared. */
  static final long REPEAT_WINDOW_NANOS = 10_000_000_000L;

  private final double maxRate;
  private final double minRate;
  private final double burst;
  private double rate;
  private long rateChanged;
  private long lastThrottle;
  private boolean throttledBefore;

  /** When the next request would go if every earlier one went one interval apart. */
  private double theoreticalArrival;

  /**
   * @param rate requests per second at full speed
   * @param burst requests that may go at once after a quiet spell, at least 1
   * @param now the current time
   */
  TokenBucket(double rate, double burst, long now) {
    if (!(rate > 0) || !(burst >= 1)) {
      throw new IllegalArgumentException("bad bucket: rate " + rate + ", burst " + burst);
    }
    this.maxRate = rate;
    this.minRate = rate / 16;
    this.burst = burst;
    this.rate = rate;
    this.rateChanged = now;
    this.theoreticalArrival = now;
  }

  /** The earliest time at or after {@code now} when one more request may go. */
  long availableAt(long now) {
    recover(now);
    double tolerance = (burst - 1) * interval();
    return Math.max(now, (long) Math.ceil(theoreticalArrival - tolerance));
  }

  /** Books one request for {@code at}, which must not be before {@link #availableAt}. */
  void reserve(long at) {
    recover(at);
    theoreticalArrival = Math.max(theoreticalArrival, at) + interval();
  }

  /**
   * Cognito throttled a request anyway: empties the burst and waits one new interval, and halves
   * the rate when the bucket was throttled less than {@link #REPEAT_WINDOW_NANOS} before by a
   * request sent after that throttle came back. Requests already on their way when a throttle came
   * back belong to the same event: several threads meeting one full bucket halve nothing.
   *
   * @param sent when the throttled request was booked to go
   */
  void throttled(long now, long sent) {
    recover(now);
    boolean sameEvent = throttledBefore && sent <= lastThrottle;
    if (throttledBefore && !sameEvent && now - lastThrottle < REPEAT_WINDOW_NANOS) {
      rate = Math.max(minRate, rate / 2);
    }
    if (!sameEvent) {
      throttledBefore = true;
      lastThrottle = now;
    }
    rateChanged = now;
    double tolerance = (burst - 1) * interval();
    theoreticalArrival = Math.max(theoreticalArrival, now + tolerance) + interval();
  }

  /** Requests per second now. */
  double rate(long now) {
    recover(now);
    return rate;
  }

  private void recover(long now) {
    if (now <= rateChanged) {
      return;
    }
    if (rate < maxRate) {
      rate = Math.min(maxRate, rate + maxRate / 10 * (now - rateChanged) / NANOS);
    }
    rateChanged = now;
  }

  private double interval() {
    return NANOS / rate;
  }
}
