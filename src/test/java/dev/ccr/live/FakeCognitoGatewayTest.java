package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway.Call;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.live.GatewayException.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeCognitoGatewayTest {
  private static final String POOL = "eu-west-1_Pool1";
  private static final String CLIENT = "client1";

  private static Map<String, Object> full() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("ClientName", "web");
    attributes.put("AccessTokenValidity", 30);
    attributes.put("IdTokenValidity", 30);
    attributes.put("RefreshTokenValidity", 7);
    attributes.put(
        "TokenValidityUnits",
        Map.of("AccessToken", "minutes", "IdToken", "minutes", "RefreshToken", "days"));
    attributes.put("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH"));
    attributes.put("CallbackURLs", List.of("https://app.example.com/cb"));
    attributes.put("DefaultRedirectURI", "https://app.example.com/cb");
    attributes.put("AllowedOAuthFlows", List.of("code"));
    attributes.put("AllowedOAuthScopes", List.of("openid"));
    attributes.put("AllowedOAuthFlowsUserPoolClient", true);
    attributes.put("PreventUserExistenceErrors", "ENABLED");
    attributes.put("EnableTokenRevocation", false);
    attributes.put("AuthSessionValidity", 10);
    return attributes;
  }

  @Test
  void update_omittedMembers_goBackToCognitoDefaultsOrDisappear() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seed(POOL, CLIENT, full(), false);

    fake.update(POOL, CLIENT, Map.of("ClientName", "renamed", "AccessTokenValidity", 45));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("ClientName", "renamed");
    expected.put("RefreshTokenValidity", 30);
    expected.put("AccessTokenValidity", 45);
    expected.put("IdTokenValidity", 1);
    expected.put(
        "TokenValidityUnits",
        Map.of("AccessToken", "hours", "IdToken", "hours", "RefreshToken", "days"));
    expected.put(
        "ExplicitAuthFlows",
        List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"));
    expected.put("AllowedOAuthFlowsUserPoolClient", false);
    expected.put("PreventUserExistenceErrors", "LEGACY");
    expected.put("EnableTokenRevocation", true);
    expected.put("EnablePropagateAdditionalUserContextData", false);
    expected.put("AuthSessionValidity", 3);
    expected.put(
        "RefreshTokenRotation", Map.of("Feature", "DISABLED", "RetryGracePeriodSeconds", 0));
    assertEquals(expected, fake.describe(POOL, CLIENT).attributes());
  }

  @Test
  void update_completeConfiguration_isKeptExactly() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seed(POOL, CLIENT, Map.of(), false);
    Map<String, Object> configuration = new LinkedHashMap<>(full());
    configuration.put("EnablePropagateAdditionalUserContextData", false);
    configuration.put(
        "RefreshTokenRotation", Map.of("Feature", "DISABLED", "RetryGracePeriodSeconds", 0));

    fake.update(POOL, CLIENT, configuration);

    assertEquals(configuration, fake.describe(POOL, CLIENT).attributes());
  }

  @Test
  void update_partialNestedObject_resetsTheOtherSubKeys() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seed(POOL, CLIENT, full(), false);

    fake.update(POOL, CLIENT, Map.of("TokenValidityUnits", Map.of("AccessToken", "minutes")));

    assertEquals(
        Map.of("AccessToken", "minutes", "IdToken", "hours", "RefreshToken", "days"),
        fake.describe(POOL, CLIENT).attributes().get("TokenValidityUnits"));
  }

  @Test
  void update_emptyList_isKeptAsManagedAndEmpty() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seed(POOL, CLIENT, full(), false);

    fake.update(POOL, CLIENT, Map.of("CallbackURLs", List.of()));

    assertEquals(List.of(), fake.describe(POOL, CLIENT).attributes().get("CallbackURLs"));
  }

  @Test
  void update_keepsTheSecretAndConvertsLongsToIntegers() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seed(POOL, CLIENT, full(), true);

    fake.update(POOL, CLIENT, Map.of("AccessTokenValidity", 20L));

    LiveClient client = fake.describe(POOL, CLIENT);
    assertTrue(client.hasSecret());
    assertEquals(20, client.attributes().get("AccessTokenValidity"));
  }

  @Test
  void update_unknownMember_isABugAndChangesNothing() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seed(POOL, CLIENT, full(), false);

    assertThrows(
        IllegalArgumentException.class,
        () -> fake.update(POOL, CLIENT, Map.of("ClientSecret", "x")));
    assertThrows(
        IllegalArgumentException.class, () -> fake.update(POOL, CLIENT, Map.of("ClientId", "x")));

    assertEquals(full(), fake.stored(POOL, CLIENT).orElseThrow().attributes());
    assertEquals(List.of(), fake.calls());
  }

  @Test
  void calls_recordEveryOperationInOrder() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seed(POOL, CLIENT, full(), false);

    fake.list(POOL);
    fake.describe(POOL, CLIENT);
    fake.update(POOL, CLIENT, Map.of("ClientName", "x"));

    assertEquals(
        List.of(
            new Call(Operation.LIST, POOL, "", Optional.empty()),
            new Call(Operation.DESCRIBE, POOL, CLIENT, Optional.empty()),
            new Call(Operation.UPDATE, POOL, CLIENT, Optional.of(Map.of("ClientName", "x")))),
        fake.calls());
  }

  @Test
  void describe_missingClientOrPool_isNotFoundWithCognitosMessage() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);

    GatewayException client =
        assertThrows(GatewayException.class, () -> fake.describe(POOL, "nope"));
    GatewayException pool =
        assertThrows(GatewayException.class, () -> fake.list("eu-west-1_Missing"));

    assertEquals(Reason.NOT_FOUND, client.reason());
    assertEquals("User pool client nope does not exist.", client.getMessage());
    assertEquals("User pool eu-west-1_Missing does not exist.", pool.getMessage());
    assertEquals("cognito-idp:ListUserPoolClients", pool.action());
  }

  @Test
  void throttle_failsTheGivenNumberOfTimesThenSucceeds() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seed(POOL, CLIENT, full(), false);
    fake.throttle(Operation.UPDATE, POOL, CLIENT, 2);

    for (int i = 0; i < 2; i++) {
      GatewayException e =
          assertThrows(
              GatewayException.class, () -> fake.update(POOL, CLIENT, Map.of("ClientName", "x")));
      assertEquals(Reason.THROTTLED, e.reason());
    }
    fake.update(POOL, CLIENT, Map.of("ClientName", "x"));

    assertEquals("x", fake.describe(POOL, CLIENT).clientName());
    assertEquals(4, fake.calls().size());
  }

  @Test
  void failAlways_failsEveryCallAndLeavesTheClientUnchanged() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seed(POOL, CLIENT, full(), false);
    GatewayException denied =
        new GatewayException(
            Reason.ACCESS_DENIED,
            "AccessDeniedException",
            "cognito-idp:UpdateUserPoolClient",
            "no");
    fake.failAlways(Operation.UPDATE, POOL, CLIENT, denied);

    for (int i = 0; i < 3; i++) {
      assertSame(
          denied,
          assertThrows(
              GatewayException.class, () -> fake.update(POOL, CLIENT, Map.of("ClientName", "x"))));
    }

    assertEquals("web", fake.describe(POOL, CLIENT).clientName());
    assertFalse(fake.describe(POOL, CLIENT).hasSecret());
  }
}
