package dev.ccr.secret;

import dev.ccr.live.AwsCognitoGateway;
import dev.ccr.live.AwsOptions;
import dev.ccr.live.CallLog;
import dev.ccr.live.JdkTrust;
import dev.ccr.live.Pages;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * How the secret operations reach AWS: the command line's options (profile, role, timeouts), the
 * url-connection HTTP client, and {@code --endpoint-url} for Cognito, Secrets Manager and SSM alike
 * (an emulator serves them all at one address).
 */
final class AwsConnection implements AutoCloseable {
  private final AwsOptions options;
  private final AwsCredentialsProvider credentials;
  private StsClient sts;

  AwsConnection(AwsOptions options, Optional<AwsCredentialsProvider> credentials) {
    this.options = Objects.requireNonNull(options, "options");
    this.credentials = credentials.orElseGet(this::credentials);
  }

  /** The region of a user pool: {@code --region}, else the id's prefix. */
  String regionOf(String userPoolId) {
    if (options.region().isPresent()) {
      return options.region().get();
    }
    int underscore = userPoolId.indexOf('_');
    if (underscore <= 0) {
      throw new SecretException(
          "", "user pool id " + userPoolId + " has no region prefix; pass --region");
    }
    return userPoolId.substring(0, underscore);
  }

  <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, String region) {
    AwsCognitoGateway.prepareJdkHttp();
    builder
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .tlsTrustManagersProvider(JdkTrust::managers)
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30)))
        .overrideConfiguration(
            o -> {
              o.apiCallTimeout(options.timeouts().call())
                  .apiCallAttemptTimeout(options.timeouts().attempt());
              options
                  .debug()
                  .ifPresent(sink -> o.addExecutionInterceptor(new CallLog(sink, region)));
            });
    options.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * A listing guarded as every listing of ccr is: a repeated page token, a page beyond the cap and
   * {@code --timeout} for the whole listing end it.
   */
  <P> Pages<P> pages(String action, String what) {
    return new Pages<>(
        action,
        what,
        options.timeouts(),
        () -> options.endpoint().map(URI::toString).orElse("its regional endpoint"));
  }

  private AwsCredentialsProvider credentials() {
    AwsCredentialsProvider base =
        options
            .profile()
            .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
            .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    if (options.role().isEmpty()) {
      return base;
    }
    AwsOptions.AssumedRole role = options.role().get();
    sts =
        StsClient.builder()
            .credentialsProvider(base)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder().tlsTrustManagersProvider(JdkTrust::managers))
            .build();
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> r.roleArn(role.arn()).roleSessionName(role.sessionName()))
        .build();
  }

  @Override
  public void close() {
    if (sts != null) {
      sts.close();
    }
  }
}
