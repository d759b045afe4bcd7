package dev.ccr.live;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.endpoints.CognitoIdentityProviderEndpointProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConcurrentModificationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The {@link CognitoGateway} of the AWS SDK: one SDK client per region, created on first use and
 * closed by {@link #close()}.
 */
public final class AwsCognitoGateway implements CognitoGateway, AutoCloseable {
  private static final String DESCRIBE = "cognito-idp:DescribeUserPoolClient";
  private static final String UPDATE = "cognito-idp:UpdateUserPoolClient";
  private static final String LIST = "cognito-idp:ListUserPoolClients";
  private static final int PAGE_SIZE = 60;

  /**
   * How SDK clients are built beyond {@link AwsOptions}; tests shorten timeouts, pass static
   * credentials and add interceptors.
   *
   * @param credentials replaces the profile and default chains when present
   * @param maxAttempts attempts per call, including the first (the standard strategy's is 3)
   */
  record Tuning(
      Optional<AwsCredentialsProvider> credentials,
      List<ExecutionInterceptor> interceptors,
      Duration connectTimeout,
      Duration socketTimeout,
      int maxAttempts) {
    Tuning {
      Objects.requireNonNull(credentials, "credentials");
      interceptors = List.copyOf(interceptors);
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(socketTimeout, "socketTimeout");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
    }

    static Tuning defaults() {
      return new Tuning(
          Optional.empty(), List.of(), Duration.ofSeconds(5), Duration.ofSeconds(30), 3);
    }
  }

  private final AwsOptions options;
  private final Tuning tuning;
  private final Pacer pacer;
  private final ConcurrentHashMap<String, CognitoIdentityProviderClient> clients =
      new ConcurrentHashMap<>();
  private volatile boolean closed;

  public AwsCognitoGateway(AwsOptions options) {
    this(options, Tuning.defaults());
  }

  AwsCognitoGateway(AwsOptions options, Tuning tuning) {
    this.options = Objects.requireNonNull(options, "options");
    this.tuning = Objects.requireNonNull(tuning, "tuning");
    this.pacer = Pacer.of(options.pacing());
  }

  @Override
  public LiveClient describe(String userPoolId, String clientId) {
    UserPoolClientType client =
        call(
            DESCRIBE,
            userPoolId,
            clientSubject(userPoolId, clientId),
            sdk ->
                sdk.describeUserPoolClient(b -> b.userPoolId(userPoolId).clientId(clientId))
                    .userPoolClient());
    if (client == null) {
      throw new GatewayException(
          GatewayException.Reason.OTHER,
          "",
          DESCRIBE,
          "Cognito returned no client for " + clientSubject(userPoolId, clientId));
    }
    return new LiveClient(
        userPoolId, clientId, AttributeMapper.toAttributes(client), client.clientSecret() != null);
  }

  @Override
  public void update(String userPoolId, String clientId, Map<String, Object> configuration) {
    UpdateUserPoolClientRequest request =
        AttributeMapper.toRequest(userPoolId, clientId, configuration);
    call(
        UPDATE,
        userPoolId,
        clientSubject(userPoolId, clientId),
        sdk -> sdk.updateUserPoolClient(request));
  }

  @Override
  public List<ClientSummary> list(String userPoolId) {
    return call(
        LIST,
        userPoolId,
        "user pool " + userPoolId,
        sdk ->
            sdk
                .listUserPoolClientsPaginator(b -> b.userPoolId(userPoolId).maxResults(PAGE_SIZE))
                .userPoolClients()
                .stream()
                .map(
                    c ->
                        new ClientSummary(
                            userPoolId, c.clientId(), c.clientName() == null ? "" : c.clientName()))
                .toList());
  }

  /** Closes every SDK client; the gateway cannot be used afterwards. */
  @Override
  public void close() {
    closed = true;
    clients.values().forEach(CognitoIdentityProviderClient::close);
    clients.clear();
  }

  /** The region of calls about {@code userPoolId}: {@code --region}, else the id's prefix. */
  String regionOf(String userPoolId) {
    if (options.region().isPresent()) {
      return options.region().get();
    }
    int underscore = userPoolId.indexOf('_');
    if (underscore <= 0) {
      throw new IllegalArgumentException(
          "user pool id " + userPoolId + " has no region prefix; pass --region");
    }
    return userPoolId.substring(0, underscore);
  }

  private <T> T call(
      String action,
      String userPoolId,
      String subject,
      Function<CognitoIdentityProviderClient, T> body) {
    String region = regionOf(userPoolId);
    CognitoIdentityProviderClient sdk = client(region);
    try {
      return body.apply(sdk);
    } catch (SdkException e) {
      GatewayException error =
          ErrorClassifier.classify(e, action, subject, () -> endpointOf(sdk, region));
      if (error.reason() == GatewayException.Reason.CREDENTIALS
          && error.errorCode().isEmpty()
          && options.profile().isPresent()) {
        throw new GatewayException(
            error.reason(),
            "",
            action,
            "profile "
                + options.profile().get()
                + " gave no AWS credentials: check it in ~/.aws/config and ~/.aws/credentials"
                + " (or the files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name)");
      }
      throw error;
    }
  }

  private CognitoIdentityProviderClient client(String region) {
    if (closed) {
      throw new IllegalStateException("the gateway is closed");
    }
    return clients.computeIfAbsent(region, this::newClient);
  }

  /**
   * Idle connections the JDK keeps open per host for reuse ({@code http.maxConnections}, 5 unless
   * set): more than the reading threads, so that each thread finds its connection again instead of
   * opening (and with TLS, negotiating) a new one for most calls.
   */
  static final int IDLE_CONNECTIONS = 64;

  /**
   * Raises {@code http.maxConnections} to {@link #IDLE_CONNECTIONS} unless it is set (with {@code
   * -D} in {@code CCR_JAVA_OPTS}). The JDK reads it once, on the first connection of the process,
   * so this runs before any SDK client exists.
   */
  static void keepIdleConnections() {
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", String.valueOf(IDLE_CONNECTIONS));
    }
  }

  private CognitoIdentityProviderClient newClient(String region) {
    keepIdleConnections();
    CognitoIdentityProviderClientBuilder builder =
        CognitoIdentityProviderClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials())
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(tuning.connectTimeout())
                    .socketTimeout(tuning.socketTimeout()))
            .overrideConfiguration(
                o -> o.retryStrategy(retryStrategy()).executionInterceptors(interceptors(region)));
    options.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** Pacing first, so every attempt, retries included, waits for its turn. */
  private List<ExecutionInterceptor> interceptors(String region) {
    List<ExecutionInterceptor> all = new ArrayList<>();
    all.add(new PacingInterceptor(pacer, region));
    all.addAll(tuning.interceptors());
    return all;
  }

  private AwsCredentialsProvider credentials() {
    if (tuning.credentials().isPresent()) {
      return tuning.credentials().get();
    }
    return options
        .profile()
        .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  /** The standard strategy (backoff; retries throttling and 5xx), plus concurrent updates. */
  private RetryStrategy retryStrategy() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(tuning.maxAttempts())
        .retryOnException(ConcurrentModificationException.class)
        .build();
  }

  private String endpointOf(CognitoIdentityProviderClient sdk, String region) {
    Optional<URI> override = sdk.serviceClientConfiguration().endpointOverride();
    if (override.isPresent()) {
      return override.get().toString();
    }
    try {
      return CognitoIdentityProviderEndpointProvider.defaultProvider()
          .resolveEndpoint(p -> p.region(Region.of(region)))
          .join()
          .url()
          .toString();
    } catch (CompletionException | SdkException e) {
      return "the Cognito endpoint of " + region;
    }
  }

  private static String clientSubject(String userPoolId, String clientId) {
    return "user pool client " + clientId + " in user pool " + userPoolId;
  }
}
