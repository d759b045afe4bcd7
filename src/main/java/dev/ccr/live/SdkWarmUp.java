package dev.ccr.live;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Gets the AWS SDK ready for a command's first call while the command still reads its files: builds
 * the JDK's HTTP client (its TLS set-up reads the trust store) and an SDK client, and sends one
 * DescribeUserPoolClient and one ListUserPoolClients through the SDK's whole pipeline (endpoint
 * rules, signing with dummy credentials, marshalling, retries, unmarshalling) to an HTTP client
 * that answers from memory. Nothing leaves the process, no credentials are looked up, and whatever
 * goes wrong is left for the command's own client to meet and report.
 */
final class SdkWarmUp implements SdkHttpClient {
  private static final String POOL = "us-east-1_warmUp000";

  private static final byte[] DESCRIBED =
      ("{\"UserPoolClient\":{\"UserPoolId\":\""
              + POOL
              + "\",\"ClientId\":\"warmup\",\"ClientName\":\"warm-up\","
              + "\"RefreshTokenValidity\":30,\"AllowedOAuthFlows\":[\"code\"],"
              + "\"TokenValidityUnits\":{\"AccessToken\":\"hours\"},"
              + "\"LastModifiedDate\":1.7E9,\"CreationDate\":1.7E9}}")
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] LISTED =
      "{\"UserPoolClients\":[{\"ClientId\":\"warmup\",\"ClientName\":\"warm-up\"}]}"
          .getBytes(StandardCharsets.UTF_8);

  private SdkWarmUp() {}

  private static final java.util.concurrent.atomic.AtomicBoolean STARTED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Runs the warm-up on a daemon thread of its own and returns at once; once per process (the
   * process starts it before parsing the command line, and the command asks again).
   */
  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(SdkWarmUp::run, "ccr-sdk-warm-up");
    thread.setDaemon(true);
    thread.start();
    Thread tls = new Thread(SdkWarmUp::httpClient, "ccr-http-warm-up");
    tls.setDaemon(true);
    tls.start();
  }

  /**
   * The JDK's HTTP client as the gateway builds it, TLS set-up included (the trust store apart).
   */
  private static void httpClient() {
    try {
      UrlConnectionHttpClient.builder()
          .tlsTrustManagersProvider(JdkTrust::managers)
          .build()
          .close();
    } catch (RuntimeException | LinkageError e) {
      // Best effort only.
    }
  }

  static void run() {
    try {
      exercise();
    } catch (RuntimeException | LinkageError e) {
      // Best effort only: the command's own client reports any problem.
    }
  }

  /** Sends the two calls to the answers in memory; returns the client Describe answered. */
  static LiveClient exercise() {
    AwsCognitoGateway.keepIdleConnections();
    try (CognitoIdentityProviderClient client =
        CognitoIdentityProviderClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("warm", "up")))
            .httpClient(new SdkWarmUp())
            .overrideConfiguration(
                o ->
                    o.retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .addExecutionInterceptor(new AnswerCheck()))
            .build()) {
      client.listUserPoolClients(b -> b.userPoolId(POOL).maxResults(60)).userPoolClients();
      return AwsCognitoGateway.live(
          "warm-up",
          POOL,
          "warm-up",
          client
              .describeUserPoolClient(b -> b.userPoolId(POOL).clientId("warmup"))
              .userPoolClient());
    }
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
    byte[] body = target.endsWith("ListUserPoolClients") ? LISTED : DESCRIBED;
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        return HttpExecuteResponse.builder()
            .response(
                SdkHttpResponse.builder()
                    .statusCode(200)
                    .putHeader("Content-Type", "application/x-amz-json-1.1")
                    .putHeader("Content-Length", String.valueOf(body.length))
                    .build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  @Override
  public void close() {}
}
