package dev.ccr.secret;

import java.util.Objects;

/**
 * A secret AddUserPoolClientSecret just made, with the value Cognito returns only then. It lives
 * only between the Add and the store's write; {@link #toString()} never shows the value.
 */
public record NewSecret(SecretDescriptor descriptor, String value) {
  public NewSecret {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "NewSecret[" + descriptor + ", value hidden]";
  }
}
