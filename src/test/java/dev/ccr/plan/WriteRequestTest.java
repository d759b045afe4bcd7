package dev.ccr.plan;

import static dev.ccr.plan.Clients.ID;
import static dev.ccr.plan.Clients.POOL;
import static dev.ccr.plan.Clients.live;
import static dev.ccr.plan.Clients.map;
import static dev.ccr.plan.Clients.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.LiveClient;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Configuration;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WriteRequestTest {
  private static Map<String, Object> body(ClientSpec spec, Map<String, Object> live) {
    return WriteRequest.forUpdate(spec, new LiveClient(POOL, ID, live, false)).body();
  }

  @Test
  void body_keepsEveryUnmanagedLiveAttribute() {
    Map<String, Object> liveAttributes =
        map(
            "ClientName",
            "web",
            "RefreshTokenValidity",
            30,
            "AccessTokenValidity",
            60,
            "IdTokenValidity",
            60,
            "TokenValidityUnits",
            map("AccessToken", "minutes", "IdToken", "minutes", "RefreshToken", "days"),
            "ExplicitAuthFlows",
            List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
            "CallbackURLs",
            List.of("https://old.example.com"),
            "AllowedOAuthFlowsUserPoolClient",
            true,
            "AnalyticsConfiguration",
            map("ApplicationId", "abc123", "UserDataShared", false),
            "EnableTokenRevocation",
            true,
            "AuthSessionValidity",
            3);
    Map<String, Object> merged =
        body(spec("CallbackURLs", List.of("https://new.example.com")), liveAttributes);
    Map<String, Object> expected = map();
    expected.putAll(liveAttributes);
    expected.put("CallbackURLs", List.of("https://new.example.com"));
    assertEquals(expected, merged);
  }

  @Test
  void body_sendsValidityWithItsUnit() {
    LiveClient current = live("AccessTokenValidity", 1, "IdTokenValidity", 2, "ClientName", "web");
    Map<String, Object> merged =
        body(
            spec("AccessTokenValidity", 30, "TokenValidityUnits", map("AccessToken", "minutes")),
            current.attributes());
    assertEquals(
        map(
            "ClientName",
            "web",
            "AccessTokenValidity",
            30,
            "IdTokenValidity",
            2,
            "TokenValidityUnits",
            map("AccessToken", "minutes", "IdToken", "hours", "RefreshToken", "days")),
        merged);
  }

  @Test
  void body_unitOnly_sendsLiveValidityWithNewUnit() {
    Map<String, Object> merged =
        body(
            spec("TokenValidityUnits", map("RefreshToken", "hours")),
            live("ClientName", "web").attributes());
    assertEquals(30, merged.get("RefreshTokenValidity"));
    assertEquals(
        map("AccessToken", "hours", "IdToken", "hours", "RefreshToken", "hours"),
        merged.get("TokenValidityUnits"));
  }

  @Test
  void body_nestedObject_mergesSubKeysOverLiveOrDefault() {
    assertEquals(
        map("Feature", "DISABLED", "RetryGracePeriodSeconds", 10),
        body(spec("RefreshTokenRotation", map("RetryGracePeriodSeconds", 10)), Map.of())
            .get("RefreshTokenRotation"));
    assertEquals(
        map("ApplicationId", "abc", "UserDataShared", true),
        body(
                spec("AnalyticsConfiguration", map("UserDataShared", true)),
                live("AnalyticsConfiguration", map("ApplicationId", "abc", "UserDataShared", false))
                    .attributes())
            .get("AnalyticsConfiguration"));
  }

  private static final String SECRET_NEEDED = "client_credentials needs a client with a secret";

  private static Map<String, Object> machineClient() {
    return map(
        "ClientName",
        "jobs",
        "AllowedOAuthFlowsUserPoolClient",
        true,
        "AllowedOAuthFlows",
        List.of("client_credentials"),
        "AllowedOAuthScopes",
        List.of("jobs/read"));
  }

  private static ClientSpec toCreate(Optional<Boolean> generateSecret) {
    return new ClientSpec(
        new SourceRef("jobs.yaml", new Position(1, 1)),
        POOL,
        Optional.empty(),
        machineClient(),
        generateSecret,
        ClientSpec.Settings.DEFAULT,
        Map.of());
  }

  private static boolean needsSecret(WriteRequest request) {
    return request.errors().stream()
        .map(Diagnostic::message)
        .anyMatch(m -> m.contains(SECRET_NEEDED));
  }

  @Test
  void forCreate_judgesTheSecretTheCreateGenerates() {
    assertTrue(needsSecret(WriteRequest.forCreate(toCreate(Optional.empty()))));
    assertTrue(needsSecret(WriteRequest.forCreate(toCreate(Optional.of(false)))));
    assertFalse(needsSecret(WriteRequest.forCreate(toCreate(Optional.of(true)))));
  }

  @Test
  void forCreate_sendsTheDocumentAlone() {
    WriteRequest request = WriteRequest.forCreate(toCreate(Optional.of(true)));
    assertEquals(machineClient(), request.body());
  }

  @Test
  void forUpdate_judgesTheLiveClientsSecret() {
    ClientSpec spec =
        spec(
            machineClient().entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray());
    assertTrue(
        needsSecret(WriteRequest.forUpdate(spec, new LiveClient(POOL, ID, Map.of(), false))));
    assertFalse(
        needsSecret(WriteRequest.forUpdate(spec, new LiveClient(POOL, ID, Map.of(), true))));
  }

  @Test
  void forUpdate_aPlannedChange_sendsTheLiveValuesItKeeps_markedLive() {
    ClientAction.Update update =
        Clients.severalClients().actions().stream()
            .filter(ClientAction.Update.class::isInstance)
            .map(ClientAction.Update.class::cast)
            .findFirst()
            .orElseThrow();
    Map<String, Object> live = update.live().attributes();
    WriteRequest request = WriteRequest.forUpdate(update, PlannedState.of(update), live, true);
    assertEquals(30, request.body().get("AccessTokenValidity"));
    assertEquals(live.get("RefreshTokenValidity"), request.body().get("RefreshTokenValidity"));
    assertEquals(Configuration.Source.FILE, request.configuration().source("AccessTokenValidity"));
    assertEquals(Configuration.Source.LIVE, request.configuration().source("RefreshTokenValidity"));
  }
}
