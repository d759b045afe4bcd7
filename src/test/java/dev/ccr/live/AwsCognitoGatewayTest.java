package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsCognitoGateway.Tuning;
import dev.ccr.live.GatewayException.Reason;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
import dev.ccr.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real SDK against moto on loopback. */
@ExtendWith(MotoServer.class)
class AwsCognitoGatewayTest {
  /** What moto 5.2.1 stores on CreateUserPoolClient when the request leaves these out. */
  private static final Map<String, Object> MOTO_CREATE_DEFAULTS =
      Map.of(
          "AllowedOAuthFlowsUserPoolClient", false,
          "AuthSessionValidity", 3,
          "EnablePropagateAdditionalUserContextData", false,
          "EnableTokenRevocation", true,
          "RefreshTokenValidity", 30);

  private static final List<String> UPDATE_BODIES = new CopyOnWriteArrayList<>();

  private static URI endpoint;
  private static MotoSeeder seeder;
  private static AwsCognitoGateway gateway;
  private static String pool;

  @BeforeAll
  static void setUp(URI motoEndpoint) {
    endpoint = motoEndpoint;
    seeder = new MotoSeeder(endpoint);
    gateway = gateway(endpoint, List.of(new UpdateBodyRecorder()), 3);
    pool = seeder.createUserPool();
  }

  @AfterAll
  static void tearDown() {
    gateway.close();
    seeder.close();
  }

  private static AwsCognitoGateway gateway(
      URI endpoint, List<ExecutionInterceptor> interceptors, int maxAttempts) {
    return new AwsCognitoGateway(
        new AwsOptions(Optional.empty(), Optional.empty(), Optional.of(endpoint)),
        tuning(interceptors, maxAttempts));
  }

  private static Tuning tuning(List<ExecutionInterceptor> interceptors, int maxAttempts) {
    return new Tuning(
        Optional.of(MotoSeeder.CREDENTIALS),
        interceptors,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        maxAttempts);
  }

  @Test
  void describe_returnsExactlyTheSeededAttributesAndNoSecret() {
    SeededClient seeded =
        seeder.createClient(
            pool,
            "web-app",
            true,
            b ->
                b.accessTokenValidity(30)
                    .tokenValidityUnits(u -> u.accessToken("minutes"))
                    .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                    .callbackURLs("https://app.example.com/cb")
                    .preventUserExistenceErrors("ENABLED"));

    LiveClient client = gateway.describe(pool, seeded.clientId());

    Map<String, Object> expected = new LinkedHashMap<>(MOTO_CREATE_DEFAULTS);
    expected.put("ClientName", "web-app");
    expected.put("AccessTokenValidity", 30);
    expected.put("TokenValidityUnits", Map.of("AccessToken", "minutes"));
    expected.put("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
    expected.put("CallbackURLs", List.of("https://app.example.com/cb"));
    expected.put("PreventUserExistenceErrors", "ENABLED");
    assertEquals(expected, client.attributes());
    assertTrue(client.hasSecret());
    String secret = seeded.secret().orElseThrow();
    assertFalse(client.toString().contains(secret), "the secret leaked into " + client);
  }

  @Test
  void describe_clientWithoutSecret_hasNoSecret() {
    SeededClient seeded = seeder.createClient(pool, "public-app");

    assertFalse(gateway.describe(pool, seeded.clientId()).hasSecret());
  }

  @Test
  void update_roundTripsEveryUpdatableMember() {
    SeededClient seeded = seeder.createClient(pool, "before");
    Map<String, Object> configuration = allMembers();

    gateway.update(pool, seeded.clientId(), configuration);

    Map<String, Object> expected = new LinkedHashMap<>(configuration);
    expected.put("AccessTokenValidity", 30);
    assertEquals(expected, gateway.describe(pool, seeded.clientId()).attributes());
  }

  @Test
  void update_sendsEveryMemberGivenAndNoReadOnlyMember() throws IOException {
    SeededClient seeded = seeder.createClient(pool, "wire", true, b -> {});
    Map<String, Object> configuration = allMembers();
    gateway.update(pool, seeded.clientId(), configuration);
    LiveClient live = gateway.describe(pool, seeded.clientId());
    UPDATE_BODIES.clear();

    gateway.update(pool, seeded.clientId(), live.attributes());

    assertEquals(1, UPDATE_BODIES.size());
    JsonNode body = JsonMapper.builder().build().readTree(UPDATE_BODIES.get(0));
    Set<String> sent = new HashSet<>(body.propertyNames());
    Set<String> expected = new HashSet<>(configuration.keySet());
    expected.add("UserPoolId");
    expected.add("ClientId");
    assertEquals(expected, sent);
    for (String readOnly : List.of("ClientSecret", "CreationDate", "LastModifiedDate")) {
      assertFalse(sent.contains(readOnly), readOnly);
    }
    assertEquals(30, body.get("AccessTokenValidity").asInt());
    assertEquals("minutes", body.get("TokenValidityUnits").get("AccessToken").asString());
    assertFalse(UPDATE_BODIES.get(0).contains(seeded.secret().orElseThrow()));
  }

  @Test
  void update_emptyList_isSentAndReadBackAsEmpty() {
    SeededClient seeded =
        seeder.createClient(pool, "urls", false, b -> b.logoutURLs("https://app.example.com/out"));

    gateway.update(pool, seeded.clientId(), Map.of("LogoutURLs", List.of()));

    assertEquals(
        List.of(), gateway.describe(pool, seeded.clientId()).attributes().get("LogoutURLs"));
  }

  @Test
  void list_returnsEveryClientAcrossPages() {
    String bigPool = seeder.createUserPool();
    Set<ClientSummary> seeded = new HashSet<>();
    for (int i = 0; i < 65; i++) {
      String name = "client-" + i;
      seeded.add(new ClientSummary(bigPool, seeder.createClient(bigPool, name).clientId(), name));
    }

    List<ClientSummary> listed = gateway.list(bigPool);

    assertEquals(65, listed.size());
    assertEquals(seeded, new HashSet<>(listed));
  }

  @Test
  void describe_missingClient_isNotFoundWithCognitosMessage() {
    GatewayException e =
        assertThrows(GatewayException.class, () -> gateway.describe(pool, "missingclient1"));

    assertEquals(Reason.NOT_FOUND, e.reason());
    assertEquals("ResourceNotFoundException", e.errorCode());
    assertEquals("cognito-idp:DescribeUserPoolClient", e.action());
    assertTrue(e.getMessage().contains("missingclient1"), e.getMessage());
  }

  @Test
  void missingPool_isNotFoundForEveryOperation() {
    String missing = "us-east-1_Missing0";

    GatewayException list = assertThrows(GatewayException.class, () -> gateway.list(missing));
    GatewayException update =
        assertThrows(
            GatewayException.class, () -> gateway.update(missing, "c1", Map.of("ClientName", "x")));

    assertEquals(Reason.NOT_FOUND, list.reason());
    assertEquals("User pool us-east-1_Missing0 does not exist.", list.getMessage());
    assertEquals("cognito-idp:ListUserPoolClients", list.action());
    assertEquals(Reason.NOT_FOUND, update.reason());
    assertEquals("cognito-idp:UpdateUserPoolClient", update.action());
  }

  @Test
  void closedPort_isUnreachableQuicklyAndNamesTheEndpoint() {
    URI closed = URI.create("http://127.0.0.1:" + closedPort());
    long start = System.nanoTime();
    try (AwsCognitoGateway unreachable = gateway(closed, List.of(), 1)) {
      GatewayException e =
          assertThrows(GatewayException.class, () -> unreachable.describe(pool, "c1"));

      assertEquals(Reason.UNREACHABLE, e.reason());
      assertTrue(e.getMessage().startsWith("cannot reach Cognito at " + closed), e.getMessage());
    }
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
  }

  @Test
  void describe_paceSlowerThanTheTimeouts_waitsForItsTurnOutsideThem() {
    SeededClient seeded = seeder.createClient(pool, "paced");
    AwsOptions slow =
        new AwsOptions(
            Optional.empty(),
            Optional.empty(),
            Optional.of(endpoint),
            new Pacing(1.5, 1.5),
            Optional.empty(),
            new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    long start = System.nanoTime();
    try (AwsCognitoGateway paced = new AwsCognitoGateway(slow, tuning(List.of(), 1))) {
      for (int i = 0; i < 3; i++) {
        assertEquals("paced", paced.describe(pool, seeded.clientId()).clientName());
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(
        elapsed.toMillis() >= 3_500, "one Describe per 2 s on a pool, yet took only " + elapsed);
  }

  @Test
  void describe_endpointWithUserAndPassword_isMaskedAndStillWorks() {
    SeededClient seeded = seeder.createClient(pool, "masked");
    URI withPassword =
        URI.create("http://ops:s3cr3t@" + endpoint.getHost() + ":" + endpoint.getPort());
    AwsOptions options =
        new AwsOptions(Optional.empty(), Optional.empty(), Optional.of(withPassword));

    assertEquals(
        "http://****@" + endpoint.getHost() + ":" + endpoint.getPort(),
        options.endpoint().orElseThrow().toString());
    try (AwsCognitoGateway masked = new AwsCognitoGateway(options, tuning(List.of(), 1))) {
      assertEquals("masked", masked.describe(pool, seeded.clientId()).clientName());
    }
  }

  @Test
  void update_unknownMember_isABugAndSendsNothing() {
    UPDATE_BODIES.clear();

    assertThrows(
        IllegalArgumentException.class,
        () -> gateway.update(pool, "c1", Map.of("ClientSecret", "x")));

    assertEquals(List.of(), UPDATE_BODIES);
  }

  @Test
  void regionOf_isTheOverrideElseThePoolIdPrefix() {
    try (AwsCognitoGateway plain = new AwsCognitoGateway(AwsOptions.defaults());
        AwsCognitoGateway overridden =
            new AwsCognitoGateway(
                new AwsOptions(Optional.of("ap-south-1"), Optional.empty(), Optional.empty()))) {
      assertEquals("eu-west-1", plain.regionOf("eu-west-1_Abc"));
      assertEquals("ap-south-1", overridden.regionOf("eu-west-1_Abc"));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> plain.regionOf("NoPrefix"));
      assertEquals("user pool id NoPrefix has no region prefix; pass --region", e.getMessage());
    }
  }

  @Test
  void describePool_readsTheTierTheDomainAndTheSchemaWithCustomAttributes() {
    String described =
        seeder.createUserPool(
            b ->
                b.userPoolTier("LITE")
                    .schema(
                        SchemaAttributeType.builder()
                            .name("tenant")
                            .attributeDataType("String")
                            .mutable(false)
                            .build()));
    seeder.createDomain(described, "ccr-" + described.substring(10).toLowerCase());

    LivePool.Description pool = gateway.describePool(described);

    assertEquals(Optional.of("LITE"), pool.tier());
    assertTrue(pool.hasDomain());
    assertEquals(
        List.of(new LivePool.SchemaAttribute("custom:tenant", false)),
        pool.schema(),
        "moto lists only the attributes the pool was created with; Cognito lists the standard"
            + " ones too");
  }

  @Test
  void describePool_withoutDomainOrTier_saysSo() {
    LivePool.Description plain = gateway.describePool(seeder.createUserPool());

    assertFalse(plain.hasDomain());
    assertEquals(Optional.empty(), plain.tier(), "moto names no tier unless it was given");
  }

  @Test
  void listResourceServersAndIdentityProviders_everyPage() {
    String big = seeder.createUserPool();
    for (int i = 0; i < 55; i++) {
      seeder.createResourceServer(big, "api-" + i, "read", "write");
    }
    for (int i = 0; i < 65; i++) {
      seeder.createIdentityProvider(big, "idp-" + i);
    }

    List<LivePool.ResourceServer> servers = gateway.listResourceServers(big);
    List<String> providers = gateway.listIdentityProviders(big);

    assertEquals(55, servers.size());
    assertTrue(servers.contains(new LivePool.ResourceServer("api-54", List.of("read", "write"))));
    assertEquals(65, providers.size());
    assertTrue(providers.contains("idp-64"));
    assertEquals(List.of(), gateway.listResourceServers(pool));
  }

  @Test
  void poolReads_accessDenied_isClassifiedWithTheirIamActions() {
    try (AwsCognitoGateway denied =
        gateway(endpoint, List.of(new Deny("DescribeUserPool", "ListIdentityProviders")), 1)) {
      GatewayException describe =
          assertThrows(GatewayException.class, () -> denied.describePool(pool));
      GatewayException providers =
          assertThrows(GatewayException.class, () -> denied.listIdentityProviders(pool));

      assertEquals(Reason.ACCESS_DENIED, describe.reason());
      assertEquals("cognito-idp:DescribeUserPool", describe.action());
      assertTrue(
          describe.getMessage().contains("not allowed to call cognito-idp:DescribeUserPool"),
          describe.getMessage());
      assertEquals(Reason.ACCESS_DENIED, providers.reason());
      assertEquals("cognito-idp:ListIdentityProviders", providers.action());
      assertEquals(List.of(), denied.listResourceServers(pool), "the others still answer");
    }
  }

  /** All 21 updatable members; AccessTokenValidity as a Long, as YAML may give it. */
  private static Map<String, Object> allMembers() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("ClientName", "after");
    c.put("RefreshTokenValidity", 7);
    c.put("AccessTokenValidity", 30L);
    c.put("IdTokenValidity", 45);
    c.put(
        "TokenValidityUnits",
        Map.of("AccessToken", "minutes", "IdToken", "minutes", "RefreshToken", "days"));
    c.put("ReadAttributes", List.of("email", "name"));
    c.put("WriteAttributes", List.of("name"));
    c.put("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"));
    c.put("SupportedIdentityProviders", List.of("COGNITO"));
    c.put("CallbackURLs", List.of("https://app.example.com/cb", "http://localhost:3000/cb"));
    c.put("LogoutURLs", List.of("https://app.example.com/out"));
    c.put("DefaultRedirectURI", "https://app.example.com/cb");
    c.put("AllowedOAuthFlows", List.of("code"));
    c.put("AllowedOAuthScopes", List.of("openid", "email"));
    c.put("AllowedOAuthFlowsUserPoolClient", true);
    c.put(
        "AnalyticsConfiguration",
        Map.of(
            "ApplicationId", "0123456789abcdef",
            "RoleArn", "arn:aws:iam::123456789012:role/analytics",
            "UserDataShared", true));
    c.put("PreventUserExistenceErrors", "ENABLED");
    c.put("EnableTokenRevocation", false);
    c.put("EnablePropagateAdditionalUserContextData", true);
    c.put("AuthSessionValidity", 12);
    c.put("RefreshTokenRotation", Map.of("Feature", "ENABLED", "RetryGracePeriodSeconds", 20));
    return c;
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers the named operations as IAM does for a caller without the permission. */
  private static final class Deny implements ExecutionInterceptor {
    private final Set<String> operations;

    Deny(String... operations) {
      this.operations = Set.of(operations);
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(
        Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      if (!operations.contains(operation)) {
        return context.httpResponse();
      }
      return context.httpResponse().toBuilder()
          .statusCode(400)
          .putHeader("x-amzn-ErrorType", "AccessDeniedException")
          .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
        Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      if (!operations.contains(operation)) {
        return context.responseBody();
      }
      String body =
          "{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:iam::123456789012:user/ci"
              + " is not authorized to perform: cognito-idp:"
              + operation
              + "\"}";
      return Optional.of(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Records the HTTP body of every UpdateUserPoolClient request as it goes on the wire. */
  private static final class UpdateBodyRecorder implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      if (!(context.request() instanceof UpdateUserPoolClientRequest)) {
        return;
      }
      context
          .requestBody()
          .ifPresent(
              body -> {
                try (InputStream in = body.contentStreamProvider().newStream()) {
                  UPDATE_BODIES.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
