package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.GatewayException.Reason;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

class ErrorClassifierTest {
  private static final String ACTION = "cognito-idp:DescribeUserPoolClient";
  private static final String SUBJECT = "user pool client c1 in user pool us-east-1_Abc";

  private static GatewayException classify(SdkException error) {
    return ErrorClassifier.classify(
        error,
        ACTION,
        SUBJECT,
        () -> new ErrorClassifier.Endpoint("https://cognito-idp.example", Timeouts.defaults()));
  }

  private static SdkException service(String code, String message) {
    return CognitoIdentityProviderException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .statusCode(400)
        .build();
  }

  @Test
  void resourceNotFound_keepsCognitosMessage() {
    GatewayException e =
        classify(service("ResourceNotFoundException", "User pool client c1 does not exist."));

    assertEquals(Reason.NOT_FOUND, e.reason());
    assertEquals("ResourceNotFoundException", e.errorCode());
    assertEquals(ACTION, e.action());
    assertEquals("User pool client c1 does not exist.", e.getMessage());
  }

  @Test
  void accessDenied_namesTheIamAction() {
    for (String code : new String[] {"AccessDeniedException", "NotAuthorizedException"}) {
      GatewayException e = classify(service(code, "denied"));

      assertEquals(Reason.ACCESS_DENIED, e.reason());
      assertEquals(
          "the AWS identity in use is not allowed to call cognito-idp:DescribeUserPoolClient on "
              + SUBJECT
              + "; grant it in IAM ("
              + code
              + ": denied)",
          e.getMessage());
    }
  }

  @Test
  void rejectedCredentials_areCredentials() {
    for (String code :
        new String[] {
          "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException"
        }) {
      assertEquals(Reason.CREDENTIALS, classify(service(code, "bad")).reason(), code);
    }
  }

  @Test
  void missingCredentials_tellTheUserHowToProvideThem() {
    ProfileCredentialsProvider provider =
        ProfileCredentialsProvider.builder()
            .profileFile(
                ProfileFile.builder()
                    .content(new ByteArrayInputStream(new byte[0]))
                    .type(ProfileFile.Type.CREDENTIALS)
                    .build())
            .profileName("ccr-absent")
            .build();
    SdkException fromProfile = assertThrows(SdkException.class, provider::resolveCredentials);
    SdkException fromChain =
        SdkClientException.create(
            "Unable to load credentials from any of the providers in the chain"
                + " AwsCredentialsProviderChain(...)");

    for (SdkException error : new SdkException[] {fromProfile, fromChain}) {
      GatewayException e = classify(error);
      assertEquals(Reason.CREDENTIALS, e.reason());
      assertEquals(
          "no AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
              + " or pass --profile",
          e.getMessage());
    }
  }

  @Test
  void ioFailures_areUnreachableAndNameTheEndpoint() {
    GatewayException refused =
        classify(
            SdkClientException.create(
                "Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused")));
    GatewayException unknownHost =
        classify(
            SdkClientException.create(
                "Unable to execute HTTP request", new UnknownHostException("cognito-idp.example")));

    assertEquals(Reason.UNREACHABLE, refused.reason());
    assertEquals(
        "cannot reach Cognito at https://cognito-idp.example (Connection"
            + " refused); check the network, --region and --endpoint-url",
        refused.getMessage());
    assertEquals(Reason.UNREACHABLE, unknownHost.reason());
    assertTrue(
        unknownHost.getMessage().contains("(unknown host cognito-idp.example)"),
        unknownHost.getMessage());
  }

  @Test
  void throttling_rejections_andTheRest() {
    assertEquals(Reason.THROTTLED, classify(service("TooManyRequestsException", "slow")).reason());
    GatewayException rejected =
        classify(service("ScopeDoesNotExistException", "Invalid scope requested: a/b"));
    assertEquals(Reason.REJECTED, rejected.reason());
    assertEquals("Invalid scope requested: a/b", rejected.getMessage());
    for (String code :
        new String[] {
          "InvalidParameterException",
          "InvalidOAuthFlowException",
          "FeatureUnavailableInTierException"
        }) {
      assertEquals(Reason.REJECTED, classify(service(code, "no")).reason(), code);
    }
    GatewayException other = classify(service("OperationNotEnabledException", "boom\nagain"));
    assertEquals(Reason.OTHER, other.reason());
    assertEquals("OperationNotEnabledException: boom again", other.getMessage());
  }

  @Test
  void concurrentModificationAndInternalError_areRetryable() {
    for (String code : new String[] {"ConcurrentModificationException", "InternalErrorException"}) {
      GatewayException e = classify(service(code, "try\nlater"));
      assertEquals(Reason.RETRYABLE, e.reason(), code);
      assertEquals(code, e.errorCode());
      assertEquals(code + ": try later", e.getMessage());
    }
    SdkException unavailable =
        CognitoIdentityProviderException.builder()
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ServiceUnavailable")
                    .errorMessage("busy")
                    .build())
            .statusCode(503)
            .build();
    assertEquals(Reason.RETRYABLE, classify(unavailable).reason());
    assertEquals(Reason.REJECTED, classify(service("InvalidParameterException", "no")).reason());
  }

  @Test
  void lastAttemptTimedOut_namesTheEndpointAndTheAttemptTimeout() {
    GatewayException e =
        ErrorClassifier.classify(
            ApiCallAttemptTimeoutException.create(500),
            ACTION,
            SUBJECT,
            () ->
                new ErrorClassifier.Endpoint(
                    "http://127.0.0.1:4566",
                    new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(500))));

    assertEquals(Reason.UNREACHABLE, e.reason());
    assertEquals(
        "Cognito at http://127.0.0.1:4566 did not answer within 0.5 seconds (--attempt-timeout);"
            + " check the network and --endpoint-url, or raise --attempt-timeout",
        e.getMessage());
  }

  @Test
  void wholeCallTimedOut_namesTheEndpointAndTheCallTimeout() {
    GatewayException e =
        ErrorClassifier.classify(
            ApiCallTimeoutException.create(60_000),
            ACTION,
            SUBJECT,
            () -> new ErrorClassifier.Endpoint("https://cognito-idp.example", Timeouts.defaults()));

    assertEquals(Reason.UNREACHABLE, e.reason());
    assertEquals(
        "Cognito at https://cognito-idp.example did not answer within 60 seconds (--timeout,"
            + " retries included); check the network and --endpoint-url, or raise --timeout",
        e.getMessage());
  }

  @Test
  void sdkMessageWithAPasswordInAUrl_isMasked() {
    GatewayException e =
        classify(SdkClientException.create("Unable to execute request to http://ops:pw@h:1/x"));

    assertEquals("Unable to execute request to http://****@h:1/x", e.getMessage());
  }

  @Test
  void seconds_areShownAsAUserWouldWriteThem() {
    assertEquals("1 second", ErrorClassifier.seconds(Duration.ofSeconds(1)));
    assertEquals("0.25 seconds", ErrorClassifier.seconds(Duration.ofMillis(250)));
    assertEquals("90 seconds", ErrorClassifier.seconds(Duration.ofSeconds(90)));
  }
}
