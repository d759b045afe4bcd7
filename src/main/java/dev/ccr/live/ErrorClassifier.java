package dev.ccr.live;

import dev.ccr.live.GatewayException.Reason;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns an SDK failure into a {@link GatewayException} whose one-line message tells the user what
 * to do. Messages never carry a stack trace, a cause or a secret: only AWS error codes, Cognito's
 * own error message, the IAM action, the endpoint (a password in its URL masked) and a timeout.
 */
final class ErrorClassifier {
  static final String NO_CREDENTIALS =
      "no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
          + " or pass --profile";

  private static final Set<String> DENIED =
      Set.of("AccessDeniedException", "AccessDenied", "NotAuthorizedException");
  private static final Set<String> BAD_CREDENTIALS =
      Set.of(
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "SignatureDoesNotMatch",
          "InvalidClientTokenId",
          "IncompleteSignature",
          "MissingAuthenticationTokenException",
          "RequestExpired");
  private static final Set<String> THROTTLING =
      Set.of("TooManyRequestsException", "ThrottlingException", "Throttling");
  private static final Set<String> REJECTED =
      Set.of(
          "InvalidParameterException",
          "ScopeDoesNotExistException",
          "InvalidOAuthFlowException",
          "FeatureUnavailableInTierException");

  private static final Set<String> TRANSIENT =
      Set.of("ConcurrentModificationException", "InternalErrorException");

  private ErrorClassifier() {}

  /**
   * Where a call went and how long it could take, for messages.
   *
   * @param url the endpoint's URL, any password in it masked
   */
  record Endpoint(String url, Timeouts timeouts) {
    Endpoint {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(timeouts, "timeouts");
    }
  }

  /**
   * @param action the IAM action of the failed call
   * @param subject what the call was about, for messages ({@code user pool us-east-1_X})
   * @param endpoint the endpoint the call went to, computed only when needed
   */
  static GatewayException classify(
      SdkException error, String action, String subject, Supplier<Endpoint> endpoint) {
    if (error instanceof AwsServiceException service) {
      return fromService(service, action, subject);
    }
    if (missingCredentials(error)) {
      return new GatewayException(Reason.CREDENTIALS, "", action, NO_CREDENTIALS);
    }
    if (timedOut(error)) {
      return new GatewayException(Reason.UNREACHABLE, "", action, timeout(error, endpoint.get()));
    }
    if (AnswerCheck.notJson(error)) {
      String message = error.getMessage() == null ? "" : error.getMessage();
      String what =
          message.startsWith(AnswerCheck.NOT_JSON)
              ? oneLine(message)
              : AnswerCheck.NOT_JSON + " (" + rootCause(error) + ")";
      return new GatewayException(
          Reason.OTHER,
          "",
          action,
          "Cognito at "
              + endpoint.get().url()
              + " "
              + what
              + "; check --endpoint-url: a proxy, a sign-in page or another service answered");
    }
    if (unreachable(error)) {
      return new GatewayException(
          Reason.UNREACHABLE,
          "",
          action,
          "cannot reach Cognito at "
              + endpoint.get().url()
              + " ("
              + rootCause(error)
              + "); check the network, --region and --endpoint-url");
    }
    return new GatewayException(Reason.OTHER, "", action, oneLine(error.getMessage()));
  }

  /** Whether the SDK gave up on a call or its last attempt for taking too long. */
  private static boolean timedOut(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String timeout(Throwable error, Endpoint endpoint) {
    boolean wholeCall = false;
    for (Throwable t = error; t != null; t = t.getCause()) {
      wholeCall |= t instanceof ApiCallTimeoutException;
    }
    Duration limit = wholeCall ? endpoint.timeouts().call() : endpoint.timeouts().attempt();
    String option = wholeCall ? "--timeout" : "--attempt-timeout";
    return "Cognito at "
        + endpoint.url()
        + " did not answer within "
        + seconds(limit)
        + " ("
        + option
        + (wholeCall ? ", retries included" : "")
        + "); check the network and --endpoint-url, or raise "
        + option;
  }

  /** {@code 1 second}, {@code 0.5 seconds}, {@code 60 seconds}. */
  static String seconds(Duration duration) {
    String number =
        java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    return number + (number.equals("1") ? " second" : " seconds");
  }

  private static GatewayException fromService(
      AwsServiceException error, String action, String subject) {
    AwsErrorDetails details = error.awsErrorDetails();
    String code = details == null || details.errorCode() == null ? "" : details.errorCode();
    String message =
        oneLine(details == null || details.errorMessage() == null ? "" : details.errorMessage());
    if (code.equals("ResourceNotFoundException")) {
      return new GatewayException(
          Reason.NOT_FOUND,
          code,
          action,
          message.isEmpty() ? subject + " does not exist" : message);
    }
    if (DENIED.contains(code)) {
      return new GatewayException(
          Reason.ACCESS_DENIED,
          code,
          action,
          "the AWS identity in use is not allowed to call "
              + action
              + " on "
              + subject
              + "; grant it in IAM ("
              + code
              + ": "
              + message
              + ")");
    }
    if (BAD_CREDENTIALS.contains(code) || code.startsWith("ExpiredToken")) {
      return new GatewayException(
          Reason.CREDENTIALS,
          code,
          action,
          "AWS rejected the credentials ("
              + code
              + ": "
              + message
              + "); refresh them or choose others with AWS_PROFILE or --profile");
    }
    if (THROTTLING.contains(code) || error.isThrottlingException()) {
      return new GatewayException(
          Reason.THROTTLED,
          code,
          action,
          "Cognito still throttles "
              + action
              + " after retries; try again later or manage fewer clients per run");
    }
    if (REJECTED.contains(code)) {
      return new GatewayException(Reason.REJECTED, code, action, message);
    }
    if (TRANSIENT.contains(code) || error.statusCode() >= 500) {
      return new GatewayException(Reason.RETRYABLE, code, action, describe(error, code, message));
    }
    return new GatewayException(Reason.OTHER, code, action, describe(error, code, message));
  }

  /** Code and message when Cognito gave them, else the HTTP status and the SDK's own words. */
  private static String describe(AwsServiceException error, String code, String message) {
    if (!code.isEmpty() && !message.isEmpty()) {
      return code + ": " + message;
    }
    String fallback = oneLine(error.getMessage() == null ? "" : error.getMessage());
    return "HTTP "
        + error.statusCode()
        + (code.isEmpty() ? "" : " " + code)
        + (fallback.isEmpty() ? "" : ": " + fallback);
  }

  private static boolean missingCredentials(SdkException error) {
    String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
    return message.contains("unable to load credentials")
        || message.contains("contained no credentials");
  }

  static boolean unreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  static String rootCause(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = oneLine(root.getMessage());
    if (root instanceof java.net.UnknownHostException) {
      return "unknown host " + message;
    }
    if (root instanceof java.net.SocketTimeoutException) {
      return "timed out" + (message.isEmpty() ? "" : ": " + message);
    }
    return message.isEmpty() ? root.getClass().getSimpleName() : message;
  }

  /** The text on one line, without the password of any URL in it. */
  private static String oneLine(String text) {
    return text == null ? "" : EndpointUrl.mask(text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
  }
}
