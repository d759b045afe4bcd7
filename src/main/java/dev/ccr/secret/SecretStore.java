package dev.ccr.secret;

import dev.ccr.spec.SecretPolicy;
import java.util.Collection;
import java.util.Optional;

/**
 * Where applications read a client secret. The store records, in the same write as the value, which
 * secret (by ClientSecretId) it holds, so that the record and the value can never disagree.
 * Failures are {@link SecretException}s.
 *
 * <p>{@code region} is the region of the client's user pool; a store named by ARN lives in the
 * ARN's region instead.
 */
public interface SecretStore {
  /**
   * The id of the secret the store holds, when it is one of {@code candidates} (the client's live
   * secrets) or the store names it; empty when the store is missing or ccr never wrote it.
   */
  Optional<String> heldId(SecretPolicy.Store store, String region, Collection<String> candidates);

  /**
   * Writes the value of {@code secretId} as the store's current one (creating a Secrets Manager
   * secret that does not exist), recording the id with it.
   */
  void write(SecretPolicy.Store store, String region, String secretId, String value);
}
