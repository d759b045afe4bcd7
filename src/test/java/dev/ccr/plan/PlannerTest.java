package dev.ccr.plan;

import static dev.ccr.plan.Clients.ID;
import static dev.ccr.plan.Clients.POOL;
import static dev.ccr.plan.Clients.live;
import static dev.ccr.plan.Clients.map;
import static dev.ccr.plan.Clients.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.LiveClient;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.DurationUnit;
import dev.ccr.spec.Position;
import dev.ccr.spec.Severity;
import dev.ccr.spec.SourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private final Planner planner = new Planner();

  private static Value.Duration duration(long amount, DurationUnit unit) {
    return new Value.Duration(amount, unit);
  }

  private List<AttributeChange> changes(ClientSpec desired, LiveClient live) {
    return planner.compare(desired, live).changes();
  }

  private void assertNoChange(ClientSpec desired, LiveClient live) {
    Planner.Comparison comparison = planner.compare(desired, live);
    assertEquals(List.of(), comparison.changes());
    assertEquals(List.of(), comparison.diagnostics());
  }

  @Test
  void plan_stringAttribute_reportsBeforeAndAfter() {
    Planner.Comparison plan =
        planner.compare(spec("ClientName", "web-app"), live("ClientName", "web"));
    assertEquals(
        List.of(AttributeChange.of("ClientName", new Value.Text("web"), new Value.Text("web-app"))),
        plan.changes());
  }

  @Test
  void plan_enumAttribute_reportsBeforeAndAfter() {
    assertEquals(
        List.of(
            AttributeChange.of(
                "PreventUserExistenceErrors", new Value.Text("LEGACY"), new Value.Text("ENABLED"))),
        changes(
            spec("PreventUserExistenceErrors", "ENABLED"),
            live("PreventUserExistenceErrors", "LEGACY")));
  }

  @Test
  void plan_integerAttribute_reportsBeforeAndAfter() {
    assertEquals(
        List.of(
            AttributeChange.of("AuthSessionValidity", new Value.Number(3), new Value.Number(15))),
        changes(spec("AuthSessionValidity", 15), live("AuthSessionValidity", 3)));
    assertNoChange(spec("AuthSessionValidity", 15), live("AuthSessionValidity", 15));
  }

  @Test
  void plan_booleanAttribute_reportsBeforeAndAfter() {
    assertEquals(
        List.of(
            AttributeChange.of(
                "EnableTokenRevocation", new Value.Flag(true), new Value.Flag(false))),
        changes(spec("EnableTokenRevocation", false), live("EnableTokenRevocation", true)));
  }

  @Test
  void plan_setAttribute_ignoresOrderAndDuplicates() {
    assertNoChange(
        spec("AllowedOAuthScopes", List.of("openid", "email", "profile")),
        live("AllowedOAuthScopes", List.of("profile", "openid", "email", "openid")));
  }

  @Test
  void plan_setAttribute_listsAddedInFileOrderAndRemovedInLiveOrder() {
    List<String> want = List.of("phone", "openid", "email");
    List<String> have = List.of("profile", "openid", "aws.cognito.signin.user.admin");
    assertEquals(
        List.of(
            new AttributeChange(
                "AllowedOAuthScopes",
                new Value.Items(have),
                new Value.Items(want),
                List.of("phone", "email"),
                List.of("profile", "aws.cognito.signin.user.admin"))),
        changes(spec("AllowedOAuthScopes", want), live("AllowedOAuthScopes", have)));
  }

  @Test
  void plan_nestedObject_comparesManagedSubKeysOnly() {
    ClientSpec desired = spec("RefreshTokenRotation", map("Feature", "ENABLED"));
    LiveClient current =
        live("RefreshTokenRotation", map("Feature", "DISABLED", "RetryGracePeriodSeconds", 10));
    assertEquals(
        List.of(
            AttributeChange.of(
                "RefreshTokenRotation/Feature",
                new Value.Text("DISABLED"),
                new Value.Text("ENABLED"))),
        changes(desired, current));
  }

  @Test
  void plan_nestedObjectWithoutDefault_liveAbsent_isNone() {
    ClientSpec desired = spec("AnalyticsConfiguration", map("UserDataShared", true));
    assertEquals(
        List.of(
            AttributeChange.of(
                "AnalyticsConfiguration/UserDataShared", Value.NONE, new Value.Flag(true))),
        changes(desired, live()));
  }

  @Test
  void plan_absentAttribute_isUnmanaged() {
    LiveClient current =
        live(
            "ClientName",
            "web",
            "AccessTokenValidity",
            12,
            "CallbackURLs",
            List.of("https://a.example.com"),
            "PreventUserExistenceErrors",
            "ENABLED",
            "AnalyticsConfiguration",
            map("UserDataShared", true));
    assertNoChange(spec(), current);
  }

  @Test
  void plan_emptyListInFile_liveAbsent_comparesWithDefault() {
    assertNoChange(spec("CallbackURLs", List.of(), "AllowedOAuthFlows", List.of()), live());
    // ExplicitAuthFlows: [] is Cognito's default set, whether Describe omits the flows or
    // returns an empty list (Terraform's TestAccCognitoIDPUserPoolClient_emptySets).
    assertNoChange(spec("ExplicitAuthFlows", List.of()), live());
    assertNoChange(spec("ExplicitAuthFlows", List.of()), live("ExplicitAuthFlows", List.of()));
    AttributeChange flows =
        changes(
                spec("ExplicitAuthFlows", List.of()),
                live("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH")))
            .get(0);
    assertEquals(List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH"), flows.added());
    assertEquals(List.of(), flows.removed());
  }

  @Test
  void plan_liveOmittedAttribute_equalsItsDefault() {
    ClientSpec defaults =
        spec(
            "PreventUserExistenceErrors",
            "LEGACY",
            "EnableTokenRevocation",
            true,
            "AllowedOAuthFlowsUserPoolClient",
            false,
            "AuthSessionValidity",
            3,
            "ExplicitAuthFlows",
            List.of("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
            "RefreshTokenValidity",
            30,
            "TokenValidityUnits",
            map("RefreshToken", "days"),
            "RefreshTokenRotation",
            map("Feature", "DISABLED"));
    assertNoChange(defaults, live());
  }

  @Test
  void plan_valueWithoutDefault_liveAbsent_isAddedFromNone() {
    assertEquals(
        List.of(
            AttributeChange.of(
                "DefaultRedirectURI", Value.NONE, new Value.Text("https://a.example.com/cb"))),
        changes(spec("DefaultRedirectURI", "https://a.example.com/cb"), live()));
  }

  @Test
  void plan_equalDurations_areNoDrift() {
    ClientSpec sixtyMinutes =
        spec("AccessTokenValidity", 60, "TokenValidityUnits", map("AccessToken", "minutes"));
    assertNoChange(
        sixtyMinutes,
        live("AccessTokenValidity", 1, "TokenValidityUnits", map("AccessToken", "hours")));
    assertNoChange(sixtyMinutes, live("AccessTokenValidity", 1));
    assertNoChange(sixtyMinutes, live());
  }

  @Test
  void plan_validityAndUnitChanged_isOneDurationChange() {
    ClientSpec desired =
        spec("AccessTokenValidity", 30, "TokenValidityUnits", map("AccessToken", "minutes"));
    LiveClient current =
        live("AccessTokenValidity", 1, "TokenValidityUnits", map("AccessToken", "hours"));
    assertEquals(
        List.of(
            AttributeChange.of(
                "AccessTokenValidity",
                duration(1, DurationUnit.HOURS),
                duration(30, DurationUnit.MINUTES))),
        changes(desired, current));
  }

  @Test
  void plan_validityWithoutUnit_takesLiveUnit() {
    LiveClient current =
        live("IdTokenValidity", 30, "TokenValidityUnits", map("IdToken", "minutes"));
    assertEquals(
        List.of(
            AttributeChange.of(
                "IdTokenValidity",
                duration(30, DurationUnit.MINUTES),
                duration(45, DurationUnit.MINUTES))),
        changes(spec("IdTokenValidity", 45), current));
  }

  @Test
  void plan_unitWithoutValidity_keepsLiveNumberAndChangesDuration() {
    LiveClient current =
        live("RefreshTokenValidity", 90, "TokenValidityUnits", map("RefreshToken", "days"));
    assertEquals(
        List.of(
            AttributeChange.of(
                "RefreshTokenValidity",
                duration(90, DurationUnit.DAYS),
                duration(90, DurationUnit.MINUTES))),
        changes(spec("TokenValidityUnits", map("RefreshToken", "minutes")), current));
  }

  @Test
  void plan_validityOutOfRangeWithLiveUnit_isErrorAtItsPosition() {
    Position at = new Position(5, 22);
    ClientSpec desired =
        new ClientSpec(
            new SourceRef("examples/web-app.yaml", new Position(2, 1)),
            POOL,
            ID,
            map("AccessTokenValidity", 60, "ClientName", "web-app"),
            Map.of("/AccessTokenValidity", at));
    Planner.Comparison plan =
        planner.compare(desired, live("AccessTokenValidity", 1, "ClientName", "web"));

    assertEquals(1, plan.diagnostics().size());
    Diagnostic error = plan.diagnostics().get(0);
    assertEquals(Severity.ERROR, error.severity());
    assertEquals(at, error.position());
    assertEquals("/AccessTokenValidity", error.pointer());
    assertEquals("examples/web-app.yaml", error.file());
    assertEquals(
        "AccessTokenValidity 60 takes the live unit hours (the file gives no"
            + " TokenValidityUnits.AccessToken): 60 hours is outside the allowed range 5 minutes to"
            + " 1 day; give AccessTokenValidity and TokenValidityUnits.AccessToken together in the"
            + " file",
        error.message());
    assertTrue(plan.hasErrors());
    assertEquals(
        List.of("ClientName"), plan.changes().stream().map(AttributeChange::path).toList());
  }

  @Test
  void plan_unitOutOfRangeWithLiveValidity_isErrorAtTheUnit() {
    Position at = new Position(7, 40);
    ClientSpec desired =
        new ClientSpec(
            new SourceRef("f.yaml", Position.START),
            POOL,
            ID,
            map("TokenValidityUnits", map("AccessToken", "minutes")),
            Map.of("/TokenValidityUnits/AccessToken", at));
    Diagnostic error = planner.compare(desired, live()).diagnostics().get(0);
    assertEquals(at, error.position());
    assertTrue(
        error
            .message()
            .startsWith(
                "TokenValidityUnits.AccessToken minutes applies to the live AccessTokenValidity 1:"
                    + " 1 minute is outside"),
        error.message());
  }

  @Test
  void fingerprint_ignoresListOrderAndOmittedDefaults() {
    LiveClient sparse =
        live(
            "ExplicitAuthFlows",
            List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
            "AccessTokenValidity",
            60,
            "TokenValidityUnits",
            map("AccessToken", "minutes"));
    LiveClient explicit =
        live(
            "ExplicitAuthFlows",
            List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"),
            "AccessTokenValidity",
            1,
            "PreventUserExistenceErrors",
            "LEGACY",
            "EnableTokenRevocation",
            true,
            "CallbackURLs",
            List.of(),
            "RefreshTokenRotation",
            map("Feature", "DISABLED", "RetryGracePeriodSeconds", 0),
            "TokenValidityUnits",
            map("AccessToken", "hours", "IdToken", "hours", "RefreshToken", "days"));
    assertEquals(Snapshot.of(sparse).fingerprint(), Snapshot.of(explicit).fingerprint());
    assertTrue(Snapshot.of(sparse).fingerprint().matches("[0-9a-f]{64}"));
  }

  @Test
  void fingerprint_changesWithARealChange() {
    LiveClient before = live("CallbackURLs", List.of("https://a.example.com"));
    assertNotEquals(
        Snapshot.of(before).fingerprint(),
        Snapshot.of(live("CallbackURLs", List.of("https://b.example.com"))).fingerprint());
    assertNotEquals(
        Snapshot.of(live()).fingerprint(),
        Snapshot.of(live("AccessTokenValidity", 2)).fingerprint());
    assertNotEquals(
        Snapshot.of(live()).fingerprint(),
        Snapshot.of(live("DefaultRedirectURI", "https://a.example.com")).fingerprint());
  }

  @Test
  void plan_manyClients_matchesLiveClientsByIdAndKeepsFileOrder() {
    Plan plan = Clients.severalClients();
    assertEquals(
        List.of("web-app", "admin-console", "mobile-app"),
        plan.actions().stream().map(a -> a.ref().clientName().orElseThrow()).toList());
    assertEquals(2, plan.count(ClientAction.Update.class));
    assertEquals(1, plan.count(ClientAction.NoOp.class));
  }

  @Test
  void creation_listsEveryManagedAttributeFromNothing() {
    ClientSpec desired =
        new ClientSpec(
            new SourceRef("new.yaml", Position.START),
            POOL,
            java.util.Optional.empty(),
            map(
                "ClientName",
                "new-app",
                "AccessTokenValidity",
                30,
                "TokenValidityUnits",
                map("AccessToken", "minutes"),
                "CallbackURLs",
                List.of("https://a.example.com/cb", "https://b.example.com/cb"),
                "RefreshTokenRotation",
                map("Feature", "DISABLED")),
            java.util.Optional.empty(),
            ClientSpec.Settings.DEFAULT,
            Map.of());
    Planner.Comparison creation = planner.creation(desired);
    assertEquals(List.of(), creation.diagnostics());
    assertEquals(
        List.of(
            "ClientName", "AccessTokenValidity", "CallbackURLs", "RefreshTokenRotation/Feature"),
        creation.changes().stream().map(AttributeChange::path).toList());
    assertTrue(creation.changes().stream().allMatch(c -> c.before() instanceof Value.None));
    assertEquals(duration(30, DurationUnit.MINUTES), creation.changes().get(1).after());
  }

  @Test
  void creation_validityWithoutUnit_countsInTheDefaultUnit() {
    ClientSpec desired =
        new ClientSpec(
            new SourceRef("new.yaml", Position.START),
            POOL,
            java.util.Optional.empty(),
            map("ClientName", "new-app", "AccessTokenValidity", 60),
            java.util.Optional.empty(),
            ClientSpec.Settings.DEFAULT,
            Map.of());
    Diagnostic error = planner.creation(desired).diagnostics().get(0);
    assertTrue(
        error.message().startsWith("AccessTokenValidity 60 takes the default unit hours"),
        error.message());
  }

  @Test
  void compare_generateSecretDisagreeingWithLive_saysANewClientIsNeeded() {
    ClientSpec desired =
        new ClientSpec(
            new SourceRef("web.yaml", Position.START),
            POOL,
            java.util.Optional.of(ID),
            map(),
            java.util.Optional.of(true),
            ClientSpec.Settings.DEFAULT,
            Map.of());
    Diagnostic error = planner.compare(desired, live()).diagnostics().get(0);
    assertEquals("/GenerateSecret", error.pointer());
    assertTrue(error.message().contains("needs a new client"), error.message());
    assertTrue(
        error.message().startsWith("GenerateSecret: true, but the live client has no secret;"),
        error.message());
    ClientSpec noSecret =
        new ClientSpec(
            new SourceRef("web.yaml", Position.START),
            POOL,
            java.util.Optional.of(ID),
            map(),
            java.util.Optional.of(false),
            ClientSpec.Settings.DEFAULT,
            Map.of());
    assertTrue(
        planner
            .compare(noSecret, new LiveClient(POOL, ID, Map.of(), true))
            .diagnostics()
            .get(0)
            .message()
            .startsWith("GenerateSecret: false, but the live client has a secret;"));
    assertEquals(
        List.of(),
        planner.compare(desired, new LiveClient(POOL, ID, Map.of(), true)).diagnostics());
  }
}
