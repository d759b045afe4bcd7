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
    String name = "ccr-test-" + UUID.randomUUID();
    return sdk.createUserPool(b -> b.poolName(name)).userPool().id();
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
