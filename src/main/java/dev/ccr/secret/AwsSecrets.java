package dev.ccr.secret;

import dev.ccr.live.AwsOptions;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The secret gateway and the stores of the AWS SDK, sharing the command line's AWS options.
 *
 * <p>IAM permissions: plan needs {@code cognito-idp:ListUserPoolClientSecrets} and, for the store,
 * {@code secretsmanager:DescribeSecret} or {@code ssm:DescribeParameters}; apply also needs {@code
 * cognito-idp:AddUserPoolClientSecret}, {@code cognito-idp:DeleteUserPoolClientSecret}, and {@code
 * secretsmanager:PutSecretValue} (and {@code secretsmanager:CreateSecret} for a secret to create)
 * or {@code ssm:PutParameter} (with {@code kms:Encrypt} on a customer-managed key).
 */
public final class AwsSecrets implements AutoCloseable {
  private final AwsConnection connection;
  private final AwsSecretGateway gateway;
  private final AwsSecretStore store;

  private AwsSecrets(AwsConnection connection) {
    this.connection = connection;
    this.gateway = new AwsSecretGateway(connection);
    this.store = new AwsSecretStore(connection);
  }

  /** Opens clients lazily for the options, with the profile's or the default credentials. */
  public static AwsSecrets open(AwsOptions options) {
    return new AwsSecrets(new AwsConnection(options, Optional.empty()));
  }

  /** With fixed credentials (tests against an emulator). */
  public static AwsSecrets open(AwsOptions options, AwsCredentialsProvider credentials) {
    return new AwsSecrets(new AwsConnection(options, Optional.of(credentials)));
  }

  public SecretGateway gateway() {
    return gateway;
  }

  public SecretStore store() {
    return store;
  }

  /** The region of a user pool's clients: {@code --region}, else the pool id's prefix. */
  public String regionOf(String userPoolId) {
    return connection.regionOf(userPoolId);
  }

  @Override
  public void close() {
    gateway.close();
    store.close();
    connection.close();
  }
}
