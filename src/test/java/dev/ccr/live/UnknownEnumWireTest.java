package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ccr.apply.Applier;
import dev.ccr.apply.ApplyResult;
import dev.ccr.live.AwsCognitoGateway.Tuning;
import dev.ccr.plan.Plan;
import dev.ccr.plan.Reconciler;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import dev.ccr.testing.MotoSeeder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Enum values Cognito returns that this SDK does not know survive a read and an update as their raw
 * strings, proved on the wire against a stub Cognito on loopback.
 */
class UnknownEnumWireTest {
  private static final String POOL = "us-east-1_Stub";
  private static final String CLIENT = "stubclient0000000000000001";
  private static final String DESCRIBED =
      """
      {"UserPoolClient": {"UserPoolId": "us-east-1_Stub", "ClientId": "stubclient0000000000000001",
        "ClientName": "future-app", "ClientType": "SOMETHING_LATER",
        "ExplicitAuthFlows": ["ALLOW_FUTURE_FLOW", "ALLOW_REFRESH_TOKEN_AUTH"],
        "PreventUserExistenceErrors": "SOMETHING_NEW",
        "AllowedOAuthFlows": ["device_code"], "AllowedOAuthFlowsUserPoolClient": true,
        "AllowedOAuthScopes": ["openid"], "SupportedIdentityProviders": ["COGNITO"],
        "CallbackURLs": ["https://app.example.com/cb"]}}
      """;

  private volatile String described = DESCRIBED;
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private final List<String> updates = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    targets.add(target);
    String reply = "{}";
    if (target.endsWith(".DescribeUserPoolClient")) {
      reply = described;
    } else if (target.endsWith(".UpdateUserPoolClient")) {
      updates.add(body);
      ObjectNode client = (ObjectNode) JsonMapper.shared().readTree(body);
      reply = JsonMapper.shared().createObjectNode().set("UserPoolClient", client).toString();
    }
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void unknownEnumValues_areReadAndWrittenBackAsTheirRawStrings() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (AwsCognitoGateway gateway = gateway(endpoint)) {
      LiveClient live = gateway.describe(POOL, CLIENT);
      assertEquals(
          List.of("ALLOW_FUTURE_FLOW", "ALLOW_REFRESH_TOKEN_AUTH"),
          live.attributes().get("ExplicitAuthFlows"));
      assertEquals("SOMETHING_NEW", live.attributes().get("PreventUserExistenceErrors"));
      assertFalse(live.attributes().containsKey("ClientType"), "ClientType is read-only");
      assertEquals(
          "SOMETHING_LATER", live.clientType(), "an unknown ClientType, as Cognito sent it");
      assertFalse(live.regular(), "a type ccr does not know is not taken for a regular client");

      Plan plan = plan(gateway, Map.of("EnableTokenRevocation", false));
      Applier.Applied applied = apply(gateway, plan);

      assertInstanceOf(ApplyResult.Updated.class, applied.results().get(0), plan + " " + targets);
      assertEquals(1, updates.size(), targets.toString());
      JsonNode sent = JsonMapper.shared().readTree(updates.get(0));
      assertEquals(
          "[\"ALLOW_FUTURE_FLOW\",\"ALLOW_REFRESH_TOKEN_AUTH\"]",
          sent.get("ExplicitAuthFlows").toString());
      assertEquals("SOMETHING_NEW", sent.get("PreventUserExistenceErrors").stringValue());
      assertEquals("[\"device_code\"]", sent.get("AllowedOAuthFlows").toString());
      assertFalse(sent.get("EnableTokenRevocation").booleanValue());
      assertFalse(sent.has("ClientType"), "a read-only member is never sent: " + sent);
      assertFalse(updates.get(0).contains("UNKNOWN_TO_SDK_VERSION"), updates.get(0));
    }
  }

  @Test
  void anUnknownTokenValidityUnit_failsThatClientsPlan_namingTheUnit_andNothingIsWritten() {
    described =
        DESCRIBED.replace(
            "\"ClientName\": \"future-app\",",
            "\"ClientName\": \"future-app\", \"AccessTokenValidity\": 2,"
                + " \"TokenValidityUnits\": {\"AccessToken\": \"fortnights\"},");
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (AwsCognitoGateway gateway = gateway(endpoint)) {
      Plan plan = plan(gateway, Map.of("AccessTokenValidity", 60));
      Applier.Applied applied = apply(gateway, plan);

      assertTrue(plan.hasFailures(), plan.toString());
      assertTrue(
          plan.toString().contains("TokenValidityUnits.AccessToken \"fortnights\""),
          plan.toString());
      assertEquals(List.of(), updates, "nothing is written to a client ccr cannot read");
      assertFalse(
          applied.results().stream().anyMatch(ApplyResult.Updated.class::isInstance),
          applied.toString());
    }
  }

  /** The plan of one document of future.yaml for the stub's client, with these attributes. */
  private static Plan plan(AwsCognitoGateway gateway, Map<String, Object> attributes) {
    ClientSpec desired =
        new ClientSpec(
            new SourceRef("future.yaml", Position.START), POOL, CLIENT, attributes, Map.of());
    return new Reconciler(gateway, 1, ClientReader.Listener.NONE)
        .reconcile(List.of(desired), Reconciler.Options.PLAN);
  }

  private static Applier.Applied apply(AwsCognitoGateway gateway, Plan plan) {
    return (Applier.Applied)
        new Applier(gateway, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
            .apply(plan, true);
  }

  private static AwsCognitoGateway gateway(URI endpoint) {
    return new AwsCognitoGateway(
        new AwsOptions(Optional.empty(), Optional.empty(), Optional.of(endpoint)),
        new Tuning(
            Optional.of(MotoSeeder.CREDENTIALS),
            List.of(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            1));
  }
}
