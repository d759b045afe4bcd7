package dev.ccr.live;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Paces every HTTP attempt of one region's SDK client, retries included, through the gateway's
 * {@link Pacer}, and tells it about every attempt Cognito throttled (HTTP 400 with {@code
 * x-amzn-ErrorType: TooManyRequestsException}, or 429).
 *
 * <p>The first attempt waits for its turn before the SDK starts the call's clocks ({@code
 * afterMarshalling} runs before them), so a slow pace does not count against {@code --timeout} or
 * {@code --attempt-timeout}; a retry waits in {@code beforeTransmission}, inside both.
 */
final class PacingInterceptor implements ExecutionInterceptor {
  private static final String ERROR_TYPE = "x-amzn-ErrorType";

  /** Set once the first attempt of a call has had its turn, before any clock started. */
  private static final ExecutionAttribute<Boolean> FIRST_ATTEMPT_PACED =
      new ExecutionAttribute<>("ccr.firstAttemptPaced");

  /** When the current attempt was booked to go, on the pacer's clock. */
  private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("ccr.sent");

  private final Pacer pacer;
  private final String region;

  PacingInterceptor(Pacer pacer, String region) {
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.region = Objects.requireNonNull(region, "region");
  }

  @Override
  public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
    acquire(context, attributes);
    attributes.putAttribute(FIRST_ATTEMPT_PACED, true);
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(FIRST_ATTEMPT_PACED))) {
      attributes.putAttribute(FIRST_ATTEMPT_PACED, false);
    } else {
      acquire(context, attributes);
    }
  }

  private void acquire(Context.BeforeExecution context, ExecutionAttributes attributes) {
    try {
      attributes.putAttribute(
          SENT, pacer.acquire(region, operation(attributes), userPoolId(context)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AbortedException.create("interrupted while waiting for Cognito's rate limit", e);
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    int status = context.httpResponse().statusCode();
    String errorType = context.httpResponse().firstMatchingHeader(ERROR_TYPE).orElse("");
    if (isThrottle(status, errorType)) {
      Long sent = attributes.getAttribute(SENT);
      if (sent == null) {
        pacer.throttled(region, operation(attributes), userPoolId(context));
      } else {
        pacer.throttled(region, operation(attributes), userPoolId(context), sent);
      }
    }
  }

  /** Whether a response is Cognito's TooManyRequests (or a generic throttle). */
  static boolean isThrottle(int status, String errorType) {
    if (status == 429) {
      return true;
    }
    return status == 400
        && (errorType.startsWith("TooManyRequestsException")
            || errorType.startsWith("ThrottlingException"));
  }

  private static String operation(ExecutionAttributes attributes) {
    String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    return name == null ? "" : name;
  }

  private static String userPoolId(Context.BeforeExecution context) {
    Optional<String> pool = context.request().getValueForField("UserPoolId", String.class);
    return pool.orElse("");
  }
}
