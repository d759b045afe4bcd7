package dev.ccr.secret;

import java.time.Instant;
import java.util.Objects;

/**
 * One active secret of an app client, as ListUserPoolClientSecrets describes it: never its value.
 *
 * @param id the ClientSecretId ({@code <client-id>--<epoch>})
 */
public record SecretDescriptor(String id, Instant created) {
  public SecretDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
  }
}
