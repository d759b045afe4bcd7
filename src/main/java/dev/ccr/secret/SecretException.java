package dev.ccr.secret;

/**
 * A failed call of the secret gateway or a store. Its message is made by ccr from the error code
 * and the service's message with any secret value removed; it carries no cause, so nothing that an
 * SDK exception may echo of a request reaches a log or a report.
 */
public final class SecretException extends RuntimeException {
  private final String action;

  public SecretException(String action, String message) {
    super(message, null, false, false);
    this.action = action;
  }

  /** The IAM action of the failed call ({@code secretsmanager:PutSecretValue}). */
  public String action() {
    return action;
  }

  /** A message with the value (if any) replaced, for errors that may quote a request. */
  static String scrubbed(String message, String value) {
    String text = message == null ? "" : message;
    return value == null || value.isEmpty() ? text : text.replace(value, "[secret]");
  }
}
