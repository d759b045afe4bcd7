package dev.ccr.live;

import java.util.Objects;

/**
 * A call to Cognito that failed, classified so the user can be told what to do.
 *
 * @see Reason
 */
public final class GatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a call failed. */
  public enum Reason {
    /** The pool or the client does not exist (ResourceNotFoundException). */
    NOT_FOUND,
    /** The caller may not make the call (AccessDeniedException, NotAuthorizedException). */
    ACCESS_DENIED,
    /** No credentials were found, or AWS rejected them (expired, unknown key, bad signature). */
    CREDENTIALS,
    /** The endpoint could not be reached (DNS, connection refused, timeout). */
    UNREACHABLE,
    /** Still throttled after the retries (TooManyRequestsException). */
    THROTTLED,
    /**
     * A transient failure worth another try: ConcurrentModificationException,
     * InternalErrorException or another server-side (HTTP 5xx) error.
     */
    RETRYABLE,
    /** Cognito rejected a value (InvalidParameter, ScopeDoesNotExist, InvalidOAuthFlow, ...). */
    REJECTED,
    /** Anything else, Cognito's message says what. */
    OTHER
  }

  private final Reason reason;
  private final String errorCode;
  private final String action;

  /**
   * @param errorCode the AWS error code ({@code ResourceNotFoundException}), empty when none
   * @param action the IAM action of the failed call ({@code cognito-idp:DescribeUserPoolClient})
   */
  public GatewayException(Reason reason, String errorCode, String action, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.action = Objects.requireNonNull(action, "action");
  }

  public Reason reason() {
    return reason;
  }

  public String errorCode() {
    return errorCode;
  }

  public String action() {
    return action;
  }

  /** The message with the AWS error code after it, unless the message already names it. */
  public String messageWithCode() {
    boolean named = errorCode.isEmpty() || getMessage().contains(errorCode);
    return named ? getMessage() : getMessage() + " (" + errorCode + ")";
  }
}
