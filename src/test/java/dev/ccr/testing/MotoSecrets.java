package dev.ccr.testing;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Reads a client's secrets and the stores on the emulator through the SDK directly, independent of
 * the code under test, to check what ccr did: the live secret ids, the value Describe shows (the
 * newest secret), and every value a store ever held (to search outputs for).
 */
public final class MotoSecrets implements AutoCloseable {
  private final CognitoIdentityProviderClient cognito;
  private final SecretsManagerClient secretsManager;
  private final SsmClient ssm;

  public MotoSecrets(URI endpoint) {
    cognito = build(CognitoIdentityProviderClient.builder(), endpoint);
    secretsManager = build(SecretsManagerClient.builder(), endpoint);
    ssm = build(SsmClient.builder(), endpoint);
  }

  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, URI endpoint) {
    return builder
        .endpointOverride(endpoint)
        .region(MotoSeeder.REGION)
        .credentialsProvider(MotoSeeder.CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  public CognitoIdentityProviderClient cognito() {
    return cognito;
  }

  public SecretsManagerClient secretsManager() {
    return secretsManager;
  }

  /** The client's live secret ids, oldest first. */
  public List<String> liveIds(String pool, String client) {
    return cognito
        .listUserPoolClientSecrets(b -> b.userPoolId(pool).clientId(client))
        .clientSecrets()
        .stream()
        .sorted(
            java.util.Comparator.comparing(
                software.amazon.awssdk.services.cognitoidentityprovider.model
                        .ClientSecretDescriptorType
                    ::clientSecretCreateDate))
        .map(d -> d.clientSecretId())
        .toList();
  }

  /** The value DescribeUserPoolClient shows: the client's newest secret. */
  public String described(String pool, String client) {
    return cognito
        .describeUserPoolClient(b -> b.userPoolId(pool).clientId(client))
        .userPoolClient()
        .clientSecret();
  }

  /** The value of a Secrets Manager secret's version in this stage. */
  public String secretValue(String name, String stage) {
    return secretsManager.getSecretValue(b -> b.secretId(name).versionStage(stage)).secretString();
  }

  /** Every value a Secrets Manager secret ever held; none when it does not exist. */
  public Set<String> secretValues(String name) {
    Set<String> values = new HashSet<>();
    try {
      secretsManager.describeSecret(b -> b.secretId(name));
      secretsManager
          .listSecretVersionIds(b -> b.secretId(name).includeDeprecated(true))
          .versions()
          .forEach(
              v ->
                  values.add(
                      secretsManager
                          .getSecretValue(b -> b.secretId(name).versionId(v.versionId()))
                          .secretString()));
    } catch (ResourceNotFoundException e) {
      // never delivered
    }
    return values;
  }

  /** The decrypted value of an SSM parameter; empty when it does not exist. */
  public java.util.Optional<String> parameterValue(String name) {
    try {
      return java.util.Optional.of(
          ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
    } catch (ParameterNotFoundException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public void close() {
    cognito.close();
    secretsManager.close();
    ssm.close();
  }
}
