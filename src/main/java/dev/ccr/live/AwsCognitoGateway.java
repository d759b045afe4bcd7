package dev.ccr.live;

import dev.ccr.spec.DurationUnit;
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
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.endpoints.CognitoIdentityProviderEndpointProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConcurrentModificationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListIdentityProvidersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListResourceServersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The {@link CognitoGateway} of the AWS SDK: one SDK client per region, created on first use and
 * closed by {@link #close()}.
 *
 * <p>It is long because it maps each Cognito operation ccr calls (clients, pools, resource servers,
 * identity providers) onto the SDK with the same client set-up, pacing and error classification;
 * splitting it per operation would copy that set-up.
 */
public final class AwsCognitoGateway implements CognitoGateway, AutoCloseable {
  private static final String DESCRIBE = "cognito-idp:DescribeUserPoolClient";
  private static final String UPDATE = "cognito-idp:UpdateUserPoolClient";
  private static final String LIST = "cognito-idp:ListUserPoolClients";
  private static final String CREATE = "cognito-idp:CreateUserPoolClient";
  private static final String DELETE = "cognito-idp:DeleteUserPoolClient";
  private static final String ASSUME_ROLE = "sts:AssumeRole";
  private static final String DESCRIBE_POOL = "cognito-idp:DescribeUserPool";
  private static final String LIST_RESOURCE_SERVERS = "cognito-idp:ListResourceServers";
  private static final String LIST_IDENTITY_PROVIDERS = "cognito-idp:ListIdentityProviders";
  private static final int PAGE_SIZE = 60;
  private static final int RESOURCE_SERVER_PAGE_SIZE = 50;

  /**
   * How SDK clients are built beyond {@link AwsOptions}; tests shorten timeouts, pass static
   * credentials and add interceptors.
   *
   * @param credentials replaces the profile and default chains when present
   * @param maxAttempts attempts per call, including the first (5 by default; the SDK's is 3)
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
          Optional.empty(), List.of(), Duration.ofSeconds(5), Duration.ofSeconds(30), 5);
    }
  }

  private final AwsOptions options;
  private final Tuning tuning;
  private final Pacer pacer;
  private final ConcurrentHashMap<String, CognitoIdentityProviderClient> clients =
      new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** The credentials of every regional client, made on first use: one role session per run. */
  private AwsCredentialsProvider credentials;

  private StsClient sts;

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
    return live(DESCRIBE, userPoolId, clientSubject(userPoolId, clientId), client);
  }

  @Override
  public LiveClient create(
      String userPoolId, Map<String, Object> configuration, boolean generateSecret) {
    CreateUserPoolClientRequest request =
        AttributeMapper.toCreateRequest(userPoolId, configuration, generateSecret).toBuilder()
            .overrideConfiguration(o -> o.addPlugin(this::throttlingRetriesOnly))
            .build();
    String subject = "a new client in user pool " + userPoolId;
    UserPoolClientType client =
        call(
            CREATE, userPoolId, subject, sdk -> sdk.createUserPoolClient(request).userPoolClient());
    return live(CREATE, userPoolId, subject, client);
  }

  @Override
  public LiveClient update(String userPoolId, String clientId, Map<String, Object> configuration) {
    UpdateUserPoolClientRequest request =
        AttributeMapper.toRequest(userPoolId, clientId, configuration);
    String subject = clientSubject(userPoolId, clientId);
    UserPoolClientType client =
        call(
            UPDATE, userPoolId, subject, sdk -> sdk.updateUserPoolClient(request).userPoolClient());
    return live(UPDATE, userPoolId, subject, client);
  }

  @Override
  public void delete(String userPoolId, String clientId) {
    call(
        DELETE,
        userPoolId,
        clientSubject(userPoolId, clientId),
        sdk -> sdk.deleteUserPoolClient(b -> b.userPoolId(userPoolId).clientId(clientId)));
  }

  /** The client of a response, its secret dropped. */
  static LiveClient live(
      String action, String userPoolId, String subject, UserPoolClientType client) {
    if (client == null || client.clientId() == null) {
      throw new GatewayException(
          GatewayException.Reason.OTHER, "", action, "Cognito returned no client for " + subject);
    }
    Map<String, Object> attributes = AttributeMapper.toAttributes(client);
    unknownUnit(attributes)
        .ifPresent(
            unit -> {
              throw new GatewayException(
                  GatewayException.Reason.OTHER,
                  "",
                  action,
                  "Cognito returned "
                      + unit
                      + " for "
                      + subject
                      + ", a unit this version of ccr does not know (it knows seconds, minutes,"
                      + " hours and days), so it cannot compare or keep that token's lifetime;"
                      + " nothing is written to this client. Upgrade ccr, or set the unit in the"
                      + " console");
            });
    return new LiveClient(
        userPoolId,
        client.clientId(),
        attributes,
        client.clientSecret() != null,
        client.clientTypeAsString() == null ? "" : client.clientTypeAsString());
  }

  /**
   * The first unit of TokenValidityUnits that is none of Cognito's documented four, as {@code
   * TokenValidityUnits.AccessToken "fortnights"}: a lifetime ccr cannot count.
   */
  private static Optional<String> unknownUnit(Map<String, Object> attributes) {
    if (!(attributes.get("TokenValidityUnits") instanceof Map<?, ?> units)) {
      return Optional.empty();
    }
    return units.entrySet().stream()
        .filter(e -> !DurationUnit.isKnown(String.valueOf(e.getValue())))
        .map(e -> "TokenValidityUnits." + e.getKey() + " \"" + e.getValue() + "\"")
        .findFirst();
  }

  @Override
  public List<ClientSummary> list(String userPoolId) {
    return call(
            LIST,
            userPoolId,
            "user pool " + userPoolId,
            sdk ->
                this.<ListUserPoolClientsResponse>pages(
                        LIST, "the clients of user pool " + userPoolId, sdk, userPoolId)
                    .read(
                        (token, limits) ->
                            sdk.listUserPoolClients(
                                b ->
                                    b.userPoolId(userPoolId)
                                        .maxResults(PAGE_SIZE)
                                        .nextToken(token)
                                        .overrideConfiguration(limits)),
                        ListUserPoolClientsResponse::userPoolClients,
                        ListUserPoolClientsResponse::nextToken))
        .stream()
        .map(
            c ->
                new ClientSummary(
                    userPoolId, c.clientId(), c.clientName() == null ? "" : c.clientName()))
        .toList();
  }

  /** The reader of a listing's pages, its messages naming the endpoint of {@code sdk}. */
  private <P> Pages<P> pages(
      String action, String what, CognitoIdentityProviderClient sdk, String userPoolId) {
    return new Pages<>(
        action, what, options.timeouts(), () -> endpointOf(sdk, regionOf(userPoolId)).url());
  }

  @Override
  public LivePool.Description describePool(String userPoolId) {
    UserPoolType pool =
        call(
            DESCRIBE_POOL,
            userPoolId,
            "user pool " + userPoolId,
            sdk -> sdk.describeUserPool(b -> b.userPoolId(userPoolId)).userPool());
    if (pool == null) {
      throw new GatewayException(
          GatewayException.Reason.OTHER,
          "",
          DESCRIBE_POOL,
          "Cognito returned no user pool for " + userPoolId);
    }
    return new LivePool.Description(
        Optional.ofNullable(pool.userPoolTierAsString()).filter(t -> !t.isEmpty()),
        present(pool.domain()) || present(pool.customDomain()),
        pool.schemaAttributes().stream()
            .filter(a -> a.name() != null)
            .map(a -> new LivePool.SchemaAttribute(a.name(), !Boolean.FALSE.equals(a.mutable())))
            .toList());
  }

  @Override
  public List<LivePool.ResourceServer> listResourceServers(String userPoolId) {
    return call(
            LIST_RESOURCE_SERVERS,
            userPoolId,
            "user pool " + userPoolId,
            sdk ->
                this.<ListResourceServersResponse>pages(
                        LIST_RESOURCE_SERVERS,
                        "the resource servers of user pool " + userPoolId,
                        sdk,
                        userPoolId)
                    .read(
                        (token, limits) ->
                            sdk.listResourceServers(
                                b ->
                                    b.userPoolId(userPoolId)
                                        .maxResults(RESOURCE_SERVER_PAGE_SIZE)
                                        .nextToken(token)
                                        .overrideConfiguration(limits)),
                        ListResourceServersResponse::resourceServers,
                        ListResourceServersResponse::nextToken))
        .stream()
        .map(
            r ->
                new LivePool.ResourceServer(
                    r.identifier() == null ? "" : r.identifier(),
                    r.scopes().stream()
                        .map(ResourceServerScopeType::scopeName)
                        .filter(Objects::nonNull)
                        .toList()))
        .toList();
  }

  @Override
  public List<String> listIdentityProviders(String userPoolId) {
    return call(
            LIST_IDENTITY_PROVIDERS,
            userPoolId,
            "user pool " + userPoolId,
            sdk ->
                this.<ListIdentityProvidersResponse>pages(
                        LIST_IDENTITY_PROVIDERS,
                        "the identity providers of user pool " + userPoolId,
                        sdk,
                        userPoolId)
                    .read(
                        (token, limits) ->
                            sdk.listIdentityProviders(
                                b ->
                                    b.userPoolId(userPoolId)
                                        .maxResults(PAGE_SIZE)
                                        .nextToken(token)
                                        .overrideConfiguration(limits)),
                        ListIdentityProvidersResponse::providers,
                        ListIdentityProvidersResponse::nextToken))
        .stream()
        .map(ProviderDescription::providerName)
        .filter(Objects::nonNull)
        .toList();
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  /** Closes every SDK client; the gateway cannot be used afterwards. */
  @Override
  public void close() {
    closed = true;
    clients.values().forEach(CognitoIdentityProviderClient::close);
    clients.clear();
    synchronized (this) {
      if (credentials instanceof StsAssumeRoleCredentialsProvider provider) {
        provider.close();
      }
      if (sts != null) {
        sts.close();
      }
    }
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
    options.role().ifPresent(role -> assume(role, region));
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
   * The JDK's HTTP client drains the rest of an answer abandoned mid-body (a timeout) in a
   * background thread to reuse the connection, holding the connection's lock meanwhile; an endpoint
   * that drips its answer would hold it for hours, and the next close of that answer waits for it,
   * past every timeout. With no data to drain (a documented networking property of the JDK, read
   * once), such a connection is closed instead; answers read to the end are reused as before.
   */
  private static final String REMAINING_DATA_PROPERTY = "http.KeepAlive.remainingData";

  static {
    if (System.getProperty(REMAINING_DATA_PROPERTY) == null) {
      System.setProperty(REMAINING_DATA_PROPERTY, "0");
    }
  }

  /**
   * Idle connections the JDK keeps open per host for reuse ({@code http.maxConnections}, 5 unless
   * set): more than the reading threads, so that each thread finds its connection again instead of
   * opening (and with TLS, negotiating) a new one for most calls.
   */
  static final int IDLE_CONNECTIONS = 64;

  /**
   * The JDK networking properties every SDK client of ccr needs ({@code
   * http.KeepAlive.remainingData} 0, {@code http.maxConnections} raised), set before the process's
   * first connection: the secret operations call it too, since they may open the first one ({@code
   * apply --plan} checks secrets before it reads clients).
   */
  public static void prepareJdkHttp() {
    keepIdleConnections(); // http.KeepAlive.remainingData: set as this class was initialised
  }

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

  /**
   * Gets the SDK's classes for a client loaded and initialised on a daemon thread, without sending
   * anything ({@link SdkWarmUp}): a command starts it before it reads its files, and its first call
   * no longer waits for that.
   */
  public static void warmUp() {
    SdkWarmUp.start();
  }

  private CognitoIdentityProviderClient newClient(String region) {
    keepIdleConnections();
    CognitoIdentityProviderClientBuilder builder =
        CognitoIdentityProviderClient.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials(region))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .tlsTrustManagersProvider(JdkTrust::managers)
                    .connectionTimeout(tuning.connectTimeout())
                    .socketTimeout(tuning.socketTimeout()))
            .overrideConfiguration(
                o ->
                    o.retryStrategy(retryStrategy())
                        .executionInterceptors(interceptors(region))
                        .apiCallTimeout(options.timeouts().call())
                        .apiCallAttemptTimeout(options.timeouts().attempt()));
    options.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * Pacing first, so every attempt, retries included, waits for its turn; then the line per call of
   * {@code --debug}.
   */
  private List<ExecutionInterceptor> interceptors(String region) {
    List<ExecutionInterceptor> all = new ArrayList<>();
    all.add(new PacingInterceptor(pacer, region));
    all.add(new AnswerCheck());
    options.debug().ifPresent(sink -> all.add(new CallLog(sink, region)));
    all.addAll(tuning.interceptors());
    return all;
  }

  private synchronized AwsCredentialsProvider credentials(String region) {
    if (credentials == null) {
      credentials =
          options.role().isPresent()
              ? assumedRole(options.role().get(), region)
              : baseCredentials();
    }
    return credentials;
  }

  private AwsCredentialsProvider baseCredentials() {
    if (tuning.credentials().isPresent()) {
      return tuning.credentials().get();
    }
    return options
        .profile()
        .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  /**
   * Credentials of the role, assumed with STS in the region of the first client, starting from the
   * profile's or the default credentials. STS takes the SDK's own endpoint (AWS_ENDPOINT_URL_STS,
   * AWS_ENDPOINT_URL or the regional one), never --endpoint-url, which names Cognito's.
   */
  private AwsCredentialsProvider assumedRole(AwsOptions.AssumedRole role, String region) {
    sts =
        StsClient.builder()
            .region(Region.of(region))
            .overrideConfiguration(
                o ->
                    options
                        .debug()
                        .ifPresent(sink -> o.addExecutionInterceptor(new CallLog(sink, region))))
            .credentialsProvider(baseCredentials())
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .tlsTrustManagersProvider(JdkTrust::managers)
                    .connectionTimeout(tuning.connectTimeout())
                    .socketTimeout(tuning.socketTimeout()))
            .build();
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> r.roleArn(role.arn()).roleSessionName(role.sessionName()))
        .build();
  }

  /**
   * Makes sure the role's credentials are at hand (the provider caches them), so that a failure to
   * assume the role is reported as such and not as a failure of the Cognito call.
   */
  private void assume(AwsOptions.AssumedRole role, String region) {
    try {
      credentials(region).resolveCredentials();
    } catch (SdkException e) {
      String start = "cannot assume role " + role.arn() + " (session " + role.sessionName() + ")";
      if (ErrorClassifier.unreachable(e)) {
        throw new GatewayException(
            GatewayException.Reason.UNREACHABLE,
            "",
            ASSUME_ROLE,
            start
                + ": cannot reach STS ("
                + ErrorClassifier.rootCause(e)
                + "); check the network, or AWS_ENDPOINT_URL_STS");
      }
      GatewayException error =
          ErrorClassifier.classify(
              e,
              ASSUME_ROLE,
              "role " + role.arn(),
              () -> new ErrorClassifier.Endpoint("STS", options.timeouts()));
      throw new GatewayException(
          GatewayException.Reason.CREDENTIALS,
          error.errorCode(),
          ASSUME_ROLE,
          start + ": " + error.getMessage());
    }
  }

  /**
   * ccr's one retry layer: the SDK's standard strategy (exponential backoff with jitter; retries
   * throttling, HTTP 5xx and I/O failures), plus ConcurrentModificationException. Every request ccr
   * sends is safe to repeat except CreateUserPoolClient ({@link #throttlingRetries}).
   */
  private RetryStrategy retryStrategy() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(tuning.maxAttempts())
        .retryOnException(ConcurrentModificationException.class)
        .build();
  }

  /**
   * Retries for CreateUserPoolClient: only throttling, which Cognito answers before doing anything.
   * A create that failed in the network or on the server may have created the client, and a second
   * one would be a duplicate with the same name; plan shows what happened instead.
   */
  private void throttlingRetriesOnly(SdkServiceClientConfiguration.Builder config) {
    config.overrideConfiguration(
        config.overrideConfiguration().toBuilder().retryStrategy(throttlingRetries()).build());
  }

  private RetryStrategy throttlingRetries() {
    return StandardRetryStrategy.builder()
        .maxAttempts(tuning.maxAttempts())
        .retryOnException(TooManyRequestsException.class)
        .treatAsThrottling(e -> e instanceof TooManyRequestsException)
        .build();
  }

  /** Where the calls of a region go (a password in the URL masked) and how long they may take. */
  private ErrorClassifier.Endpoint endpointOf(CognitoIdentityProviderClient sdk, String region) {
    return new ErrorClassifier.Endpoint(EndpointUrl.mask(urlOf(sdk, region)), options.timeouts());
  }

  private static String urlOf(CognitoIdentityProviderClient sdk, String region) {
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
