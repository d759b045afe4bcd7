package dev.ccr.testing;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Creates user pools and app clients on a moto server through the SDK directly, independent of the
 * code under test. Uses static dummy credentials, never the environment's.
 */
public final class MotoSeeder implements AutoCloseable {
  /** The region of every seeded pool. */
  public static final Region REGION = Region.US_EAST_1;

  /** The dummy credentials moto accepts. */
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  /** A client as CreateUserPoolClient returned it; {@code secret} only with GenerateSecret. */
  public record SeededClient(String userPoolId, String clientId, Optional<String> secret) {}

  private final CognitoIdentityProviderClient sdk;

  public MotoSeeder(URI endpoint) {
    this.sdk =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(endpoint)
            .region(REGION)
            .credentialsProvider(CREDENTIALS)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
  }

  /** Creates a user pool with a unique name and returns its id ({@code us-east-1_...}). */
  public String createUserPool() {
    return createUserPool(b -> {});
  }

  /** Creates a user pool with the settings {@code settings} gives (tier, schema...). */
  public String createUserPool(Consumer<CreateUserPoolRequest.Builder> settings) {
    String name = "ccr-test-" + UUID.randomUUID();
    CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder().poolName(name);
    settings.accept(request);
    return sdk.createUserPool(request.build()).userPool().id();
  }

  /** Gives a pool a managed login domain (a prefix domain). */
  public void createDomain(String userPoolId, String domain) {
    sdk.createUserPoolDomain(b -> b.userPoolId(userPoolId).domain(domain));
  }

  /** Creates a resource server with these scopes ({@code identifier/scope}). */
  public void createResourceServer(String userPoolId, String identifier, String... scopes) {
    sdk.createResourceServer(
        b ->
            b.userPoolId(userPoolId)
                .identifier(identifier)
                .name(identifier)
                .scopes(
                    java.util.Arrays.stream(scopes)
                        .map(
                            scope ->
                                ResourceServerScopeType.builder()
                                    .scopeName(scope)
                                    .scopeDescription(scope)
                                    .build())
                        .toList()));
  }

  /** Creates an OIDC identity provider named {@code name}. */
  public void createIdentityProvider(String userPoolId, String name) {
    sdk.createIdentityProvider(
        b ->
            b.userPoolId(userPoolId)
                .providerName(name)
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(
                    java.util.Map.of(
                        "client_id", "ccr-test",
                        "authorize_scopes", "openid",
                        "oidc_issuer", "https://issuer.example.com",
                        "attributes_request_method", "GET")));
  }

  /** Creates an app client named {@code clientName} with the attributes {@code attributes} sets. */
  public SeededClient createClient(
      String userPoolId,
      String clientName,
      boolean generateSecret,
      Consumer<CreateUserPoolClientRequest.Builder> attributes) {
    CreateUserPoolClientRequest.Builder request =
        CreateUserPoolClientRequest.builder()
            .userPoolId(userPoolId)
            .clientName(clientName)
            .generateSecret(generateSecret);
    attributes.accept(request);
    UserPoolClientType client = sdk.createUserPoolClient(request.build()).userPoolClient();
    return new SeededClient(
        userPoolId, client.clientId(), Optional.ofNullable(client.clientSecret()));
  }

  /** Creates an app client with only a name. */
  public SeededClient createClient(String userPoolId, String clientName) {
    return createClient(userPoolId, clientName, false, b -> {});
  }

  @Override
  public void close() {
    sdk.close();
  }
}
