package dev.ccr.live;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * {@code --debug}: one line per AWS call, when it ends, with its operation, region, user pool,
 * client, the HTTP status of its last attempt (or the failure that left none), the latency of the
 * whole call, retries included, the number of retries and the request id. It names only these: no
 * request or response body, header or credential ever reaches the line, so neither the client
 * secret (in CreateUserPoolClient's and DescribeUserPoolClient's answers) nor a key can.
 */
public final class CallLog implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("ccr.started");
  private static final ExecutionAttribute<Integer> ATTEMPTS =
      new ExecutionAttribute<>("ccr.attempts");
  private static final ExecutionAttribute<Integer> STATUS = new ExecutionAttribute<>("ccr.status");
  private static final ExecutionAttribute<String> REQUEST_ID =
      new ExecutionAttribute<>("ccr.requestId");

  private final Consumer<String> sink;
  private final String region;

  /** Writes a line per call of one region's SDK client to {@code sink}. */
  public CallLog(Consumer<String> sink, String region) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.region = Objects.requireNonNull(region, "region");
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, System.nanoTime());
    attributes.putAttribute(ATTEMPTS, 0);
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attributes.putAttribute(ATTEMPTS, attempts(attributes) + 1);
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    attributes.putAttribute(STATUS, context.httpResponse().statusCode());
    context
        .httpResponse()
        .firstMatchingHeader("x-amzn-RequestId")
        .ifPresent(id -> attributes.putAttribute(REQUEST_ID, id));
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    sink.accept(line(context.request(), attributes, Optional.empty()));
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable failure = context.exception();
    String error =
        failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
            ? aws.awsErrorDetails().errorCode()
            : failure.getClass().getSimpleName();
    sink.accept(line(context.request(), attributes, Optional.ofNullable(error)));
  }

  private String line(SdkRequest request, ExecutionAttributes attributes, Optional<String> error) {
    Long started = attributes.getAttribute(STARTED);
    long millis = started == null ? 0 : Duration.ofNanos(System.nanoTime() - started).toMillis();
    Integer status = attributes.getAttribute(STATUS);
    int attempts = attempts(attributes);
    StringBuilder line =
        new StringBuilder("debug: ")
            .append(operation(attributes))
            .append(" region=")
            .append(region);
    field(line, "pool", request, "UserPoolId");
    field(line, "client", request, "ClientId");
    line.append(" status=")
        .append(status == null ? "-" : status.toString())
        .append(" latency=")
        .append(millis)
        .append("ms retries=")
        .append(Math.max(0, attempts - 1));
    error.ifPresent(e -> line.append(" error=").append(e));
    String requestId = attributes.getAttribute(REQUEST_ID);
    if (requestId != null) {
      line.append(" request-id=").append(requestId);
    }
    return line.toString();
  }

  private static void field(StringBuilder line, String name, SdkRequest request, String member) {
    request
        .getValueForField(member, String.class)
        .ifPresent(value -> line.append(' ').append(name).append('=').append(value));
  }

  private static int attempts(ExecutionAttributes attributes) {
    Integer attempts = attributes.getAttribute(ATTEMPTS);
    return attempts == null ? 0 : attempts;
  }

  private static String operation(ExecutionAttributes attributes) {
    String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    return name == null ? "?" : name;
  }
}
