package dev.ccr.live;

import java.util.List;
import java.util.Map;

/**
 * The only door to Cognito. Implementations are safe to call from several threads; a failed call
 * throws {@link GatewayException}. Configurations are attribute maps keyed and shaped as in {@link
 * LiveClient#attributes()}; no call ever returns a client secret.
 */
public interface CognitoGateway extends AutoCloseable {

  /** DescribeUserPoolClient, with the secret dropped. */
  LiveClient describe(String userPoolId, String clientId);

  /** ListUserPoolClients, every page. */
  List<ClientSummary> list(String userPoolId);

  /**
   * CreateUserPoolClient with {@code configuration}; Cognito applies its defaults to every member
   * left out. Returns the stored client from the response (its secret dropped).
   *
   * @param generateSecret whether Cognito generates a client secret
   */
  LiveClient create(String userPoolId, Map<String, Object> configuration, boolean generateSecret);

  /**
   * UpdateUserPoolClient with the complete configuration. Cognito resets every member the request
   * leaves out, so {@code configuration} must hold every updatable member the client should keep.
   * Returns the stored client from the response.
   */
  LiveClient update(String userPoolId, String clientId, Map<String, Object> configuration);

  /** DeleteUserPoolClient. */
  void delete(String userPoolId, String clientId);

  /** DescribeUserPool: the pool's tier, domain and user attributes. */
  LivePool.Description describePool(String userPoolId);

  /** ListResourceServers, every page. */
  List<LivePool.ResourceServer> listResourceServers(String userPoolId);

  /** ListIdentityProviders, every page: the names of the pool's identity providers. */
  List<String> listIdentityProviders(String userPoolId);

  /** Releases connections; a gateway without any does nothing. */
  @Override
  default void close() {}
}
