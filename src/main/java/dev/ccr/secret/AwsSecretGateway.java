package dev.ccr.secret;

import dev.ccr.live.GatewayException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ClientSecretDescriptorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientSecretsResponse;

/** The {@link SecretGateway} of the AWS SDK. */
final class AwsSecretGateway implements SecretGateway, AutoCloseable {
  static final String LIST = "cognito-idp:ListUserPoolClientSecrets";
  static final String ADD = "cognito-idp:AddUserPoolClientSecret";
  static final String DELETE = "cognito-idp:DeleteUserPoolClientSecret";

  private final AwsConnection connection;
  private final Map<String, CognitoIdentityProviderClient> clients = new ConcurrentHashMap<>();

  AwsSecretGateway(AwsConnection connection) {
    this.connection = connection;
  }

  @Override
  public List<SecretDescriptor> list(String userPoolId, String clientId) {
    return call(
        LIST,
        userPoolId,
        clientId,
        sdk -> {
          List<SecretDescriptor> all =
              new ArrayList<>(
                  connection
                      .<ListUserPoolClientSecretsResponse>pages(
                          LIST, "the secrets of client " + clientId + " of user pool " + userPoolId)
                      .read(
                          (token, limits) ->
                              sdk.listUserPoolClientSecrets(
                                  b ->
                                      b.userPoolId(userPoolId)
                                          .clientId(clientId)
                                          .nextToken(token)
                                          .overrideConfiguration(limits)),
                          page ->
                              page.clientSecrets().stream()
                                  .map(AwsSecretGateway::descriptor)
                                  .toList(),
                          ListUserPoolClientSecretsResponse::nextToken));
          all.sort(Comparator.comparing(SecretDescriptor::created));
          return all;
        });
  }

  @Override
  public NewSecret add(String userPoolId, String clientId) {
    ClientSecretDescriptorType d =
        call(
            ADD,
            userPoolId,
            clientId,
            sdk ->
                sdk.addUserPoolClientSecret(b -> b.userPoolId(userPoolId).clientId(clientId))
                    .clientSecretDescriptor());
    if (d == null || d.clientSecretValue() == null) {
      throw new SecretException(
          ADD, "Cognito returned no generated value for the new secret of client " + clientId);
    }
    return new NewSecret(descriptor(d), d.clientSecretValue());
  }

  @Override
  public void delete(String userPoolId, String clientId, String secretId) {
    call(
        DELETE,
        userPoolId,
        clientId,
        sdk ->
            sdk.deleteUserPoolClientSecret(
                b -> b.userPoolId(userPoolId).clientId(clientId).clientSecretId(secretId)));
  }

  private static SecretDescriptor descriptor(ClientSecretDescriptorType d) {
    return new SecretDescriptor(d.clientSecretId(), d.clientSecretCreateDate());
  }

  private <T> T call(
      String action,
      String userPoolId,
      String clientId,
      Function<CognitoIdentityProviderClient, T> body) {
    CognitoIdentityProviderClient sdk =
        clients.computeIfAbsent(
            connection.regionOf(userPoolId),
            region -> connection.build(CognitoIdentityProviderClient.builder(), region));
    try {
      return body.apply(sdk);
    } catch (SdkException e) {
      throw failure(action, "client " + clientId + " of user pool " + userPoolId, e, null);
    } catch (GatewayException e) {
      throw new SecretException(action, e.getMessage());
    }
  }

  /** A {@link SecretException} from an SDK failure, without the value it may quote. */
  static SecretException failure(String action, String subject, SdkException e, String value) {
    String detail =
        e instanceof AwsServiceException service && service.awsErrorDetails() != null
            ? service.awsErrorDetails().errorCode()
                + ": "
                + service.awsErrorDetails().errorMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new SecretException(
        action, action + " failed for " + subject + ": " + SecretException.scrubbed(detail, value));
  }

  @Override
  public void close() {
    clients.values().forEach(CognitoIdentityProviderClient::close);
  }
}
