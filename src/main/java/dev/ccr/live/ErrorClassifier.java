package dev.ccr.live;

import dev.ccr.live.GatewayException.Reason;
import java.io.IOException;
import java.util.Locale;
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
 * own error message, the IAM action and the endpoint.
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
   * @param action the IAM action of the failed call
   * @param subject what the call was about, for messages ({@code user pool us-east-1_X})
   * @param endpoint the endpoint the call went to, computed only when needed
   */
  static GatewayException classify(
      SdkException error, String action, String subject, Supplier<String> endpoint) {
    if (error instanceof AwsServiceException service) {
      return fromService(service, action, subject);
    }
    if (missingCredentials(error)) {
      return new GatewayException(Reason.CREDENTIALS, "", action, NO_CREDENTIALS);
    }
    if (unreachable(error)) {
      return new GatewayException(
          Reason.UNREACHABLE,
          "",
          action,
          "cannot reach Cognito at "
              + endpoint.get()
              + " ("
              + rootCause(error)
              + "); check the network, --region and --endpoint-url");
    }
    return new GatewayException(Reason.OTHER, "", action, oneLine(error.getMessage()));
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
      if (t instanceof IOException
          || t instanceof ApiCallTimeoutException
          || t instanceof ApiCallAttemptTimeoutException) {
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

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
