package dev.ccr.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a call to Cognito may take: {@code call} bounds the whole call, every attempt, the
 * backoff between them and the wait of a retry for its turn under the pacing; {@code attempt}
 * bounds one attempt, from its wait for its turn (retries only) to the last byte of the answer. The
 * wait of a first attempt for its turn is outside both, so a slow pace never looks like a slow
 * network. A Cognito call normally takes well under a second.
 *
 * @param call at least {@code attempt}
 */
public record Timeouts(Duration call, Duration attempt) {
  /**
   * Room for the retry strategy's five attempts and the backoff between them when answers come
   * quickly, and an end to a call whose attempts keep hanging.
   */
  public static final Duration DEFAULT_CALL = Duration.ofSeconds(60);

  /** Ten times a slow answer, and room for a retry's wait for its turn at the default pace. */
  public static final Duration DEFAULT_ATTEMPT = Duration.ofSeconds(10);

  public Timeouts {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(attempt, "attempt");
    if (attempt.isNegative() || attempt.isZero() || call.compareTo(attempt) < 0) {
      throw new IllegalArgumentException(
          "timeouts must be positive, the call's at least the attempt's: " + call + ", " + attempt);
    }
  }

  public static Timeouts defaults() {
    return new Timeouts(DEFAULT_CALL, DEFAULT_ATTEMPT);
  }
}
