package dev.ccr.live;

import java.util.List;
import java.util.Map;

/**
 * The only door to Cognito. Implementations are safe to call from several threads; a failed call
 * throws {@link GatewayException}.
 */
public interface CognitoGateway extends AutoCloseable {

  /** DescribeUserPoolClient, with the secret dropped. */
  LiveClient describe(String userPoolId, String clientId);

  /**
   * UpdateUserPoolClient with the complete configuration. Cognito resets every member the request
   * leaves out, so {@code configuration} must hold every updatable member the client should keep
   * (keys and values as in {@link LiveClient#attributes()}).
   */
  void update(String userPoolId, String clientId, Map<String, Object> configuration);

  /** ListUserPoolClients, every page. */
  List<ClientSummary> list(String userPoolId);

  /** Releases connections; a gateway without any does nothing. */
  @Override
  default void close() {}
}
