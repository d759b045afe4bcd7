package dev.ccr.secret;

import dev.ccr.spec.SecretPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The {@link SecretStore} of the AWS SDK.
 *
 * <p>Secrets Manager: the value is written with PutSecretValue (CreateSecret when the secret does
 * not exist), which makes the new version AWSCURRENT and the old one AWSPREVIOUS; the version's id
 * (its ClientRequestToken) is a name-based UUID of the ClientSecretId, so the version records which
 * secret it holds in the same call. SSM: PutParameter of a SecureString with overwrite, whose
 * Description, written in the same call, names the ClientSecretId.
 */
final class AwsSecretStore implements SecretStore, AutoCloseable {
  static final String DESCRIBE_SECRET = "secretsmanager:DescribeSecret";
  static final String PUT_SECRET_VALUE = "secretsmanager:PutSecretValue";
  static final String CREATE_SECRET = "secretsmanager:CreateSecret";
  static final String DESCRIBE_PARAMETERS = "ssm:DescribeParameters";
  static final String PUT_PARAMETER = "ssm:PutParameter";

  /** How an SSM parameter's Description names the secret it holds. */
  static final String DESCRIPTION = "Cognito app client secret; ccr secret id: ";

  private final AwsConnection connection;
  private final Map<String, SecretsManagerClient> secretsManagers = new ConcurrentHashMap<>();
  private final Map<String, SsmClient> ssms = new ConcurrentHashMap<>();

  AwsSecretStore(AwsConnection connection) {
    this.connection = connection;
  }

  /** The Secrets Manager version id that records {@code secretId}. */
  static String versionOf(String secretId) {
    return UUID.nameUUIDFromBytes(("ccr:" + secretId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public Optional<String> heldId(
      SecretPolicy.Store store, String region, Collection<String> candidates) {
    return store instanceof SecretPolicy.SecretsManager s
        ? heldBySecret(s, region, candidates)
        : heldByParameter((SecretPolicy.SsmParameter) store, region);
  }

  @Override
  public void write(SecretPolicy.Store store, String region, String secretId, String value) {
    if (store instanceof SecretPolicy.SecretsManager s) {
      writeSecret(s, region, secretId, value);
    } else {
      writeParameter((SecretPolicy.SsmParameter) store, region, secretId, value);
    }
  }

  private Optional<String> heldBySecret(
      SecretPolicy.SecretsManager store, String region, Collection<String> candidates) {
    DescribeSecretResponse secret;
    try {
      secret = secretsManager(store, region).describeSecret(b -> b.secretId(store.name()));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsSecretGateway.failure(DESCRIBE_SECRET, store.label(), e, null);
    }
    Optional<String> current =
        secret.versionIdsToStages().entrySet().stream()
            .filter(e -> e.getValue().contains("AWSCURRENT"))
            .map(Map.Entry::getKey)
            .findFirst();
    return current.flatMap(
        version -> candidates.stream().filter(id -> versionOf(id).equals(version)).findFirst());
  }

  private void writeSecret(
      SecretPolicy.SecretsManager store, String region, String secretId, String value) {
    SecretsManagerClient sdk = secretsManager(store, region);
    String version = versionOf(secretId);
    try {
      sdk.putSecretValue(
          b -> b.secretId(store.name()).clientRequestToken(version).secretString(value));
    } catch (ResourceNotFoundException e) {
      if (store.name().startsWith("arn:")) {
        throw AwsSecretGateway.failure(PUT_SECRET_VALUE, store.label(), e, value);
      }
      try {
        sdk.createSecret(
            b ->
                b.name(store.name())
                    .clientRequestToken(version)
                    .description("Cognito app client secret, delivered by ccr")
                    .secretString(value));
      } catch (SdkException c) {
        throw AwsSecretGateway.failure(CREATE_SECRET, store.label(), c, value);
      }
    } catch (SdkException e) {
      throw AwsSecretGateway.failure(PUT_SECRET_VALUE, store.label(), e, value);
    }
  }

  private Optional<String> heldByParameter(SecretPolicy.SsmParameter store, String region) {
    List<ParameterMetadata> found;
    try {
      found =
          ssm(region)
              .describeParameters(
                  b -> b.parameterFilters(f -> f.key("Name").option("Equals").values(store.name())))
              .parameters();
    } catch (SdkException e) {
      throw AwsSecretGateway.failure(DESCRIBE_PARAMETERS, store.label(), e, null);
    }
    return found.stream()
        .filter(p -> p.type() == ParameterType.SECURE_STRING)
        .map(ParameterMetadata::description)
        .filter(d -> d != null && d.startsWith(DESCRIPTION))
        .map(d -> d.substring(DESCRIPTION.length()))
        .findFirst();
  }

  private void writeParameter(
      SecretPolicy.SsmParameter store, String region, String secretId, String value) {
    try {
      ssm(region)
          .putParameter(
              b ->
                  b.name(store.name())
                      .type(ParameterType.SECURE_STRING)
                      .overwrite(true)
                      .description(DESCRIPTION + secretId)
                      .value(value));
    } catch (SdkException e) {
      throw AwsSecretGateway.failure(PUT_PARAMETER, store.label(), e, value);
    }
  }

  private SecretsManagerClient secretsManager(SecretPolicy.SecretsManager store, String region) {
    String where = store.name().startsWith("arn:") ? arnRegion(store.name(), region) : region;
    return secretsManagers.computeIfAbsent(
        where, r -> connection.build(SecretsManagerClient.builder(), r));
  }

  private SsmClient ssm(String region) {
    return ssms.computeIfAbsent(region, r -> connection.build(SsmClient.builder(), r));
  }

  /** The region of an ARN ({@code arn:aws:secretsmanager:REGION:...}), else {@code fallback}. */
  static String arnRegion(String arn, String fallback) {
    String[] parts = arn.split(":", 6);
    return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : fallback;
  }

  @Override
  public void close() {
    secretsManagers.values().forEach(SecretsManagerClient::close);
    ssms.values().forEach(SsmClient::close);
  }
}
