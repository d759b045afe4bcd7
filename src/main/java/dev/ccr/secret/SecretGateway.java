package dev.ccr.secret;

import java.util.List;

/**
 * Cognito's client-secret operations. A client holds at most two secrets; the last one cannot be
 * deleted; a value is known only from the Add that generated it. Failures are {@link
 * SecretException}s.
 */
public interface SecretGateway {
  /** ListUserPoolClientSecrets: the client's active secrets, oldest first, without values. */
  List<SecretDescriptor> list(String userPoolId, String clientId);

  /** AddUserPoolClientSecret with a value Cognito generates. */
  NewSecret add(String userPoolId, String clientId);

  /** DeleteUserPoolClientSecret. */
  void delete(String userPoolId, String clientId, String secretId);
}
