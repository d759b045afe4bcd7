package dev.ccr.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.live.GatewayException;
import dev.ccr.live.GatewayException.Reason;
import dev.ccr.live.LiveClient;
import dev.ccr.plan.Plan;
import dev.ccr.plan.Planner;
import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApplierTest {
  static final String POOL = "us-east-1_Every1";
  static final String ID = "every0client0id";

  /**
   * A client in which every updatable attribute and sub-key holds a value that is not Cognito's
   * default.
   */
  static Map<String, Object> everyAttributeNonDefault() {
    return map(
        "ClientName", "every-attribute",
        "RefreshTokenValidity", 10,
        "AccessTokenValidity", 20,
        "IdTokenValidity", 10,
        "TokenValidityUnits",
            map("AccessToken", "minutes", "IdToken", "minutes", "RefreshToken", "hours"),
        "ReadAttributes", List.of("email", "name"),
        "WriteAttributes", List.of("name"),
        "ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"),
        "SupportedIdentityProviders", List.of("COGNITO"),
        "CallbackURLs", List.of("https://a.example.com/cb"),
        "LogoutURLs", List.of("https://a.example.com/out"),
        "DefaultRedirectURI", "https://a.example.com/cb",
        "AllowedOAuthFlows", List.of("code"),
        "AllowedOAuthScopes", List.of("openid", "email"),
        "AllowedOAuthFlowsUserPoolClient", true,
        "AnalyticsConfiguration",
            map(
                "ApplicationId", "0123abcd",
                "ApplicationArn", "arn:aws:mobiletargeting:us-east-1:123456789012:apps/0123abcd",
                "RoleArn", "arn:aws:iam::123456789012:role/analytics",
                "ExternalId", "ext-1",
                "UserDataShared", true),
        "PreventUserExistenceErrors", "ENABLED",
        "EnableTokenRevocation", false,
        "EnablePropagateAdditionalUserContextData", true,
        "AuthSessionValidity", 7,
        "RefreshTokenRotation", map("Feature", "ENABLED", "RetryGracePeriodSeconds", 10));
  }

  /** Another non-default value for every attribute path. */
  static final Map<String, Object> OTHER_VALUE =
      map(
          "ClientName",
          "renamed",
          "RefreshTokenValidity",
          12,
          "AccessTokenValidity",
          25,
          "IdTokenValidity",
          15,
          "TokenValidityUnits/AccessToken",
          "hours",
          "TokenValidityUnits/IdToken",
          "hours",
          "TokenValidityUnits/RefreshToken",
          "days",
          "ReadAttributes",
          List.of("email"),
          "WriteAttributes",
          List.of("name", "email"),
          "ExplicitAuthFlows",
          List.of("ALLOW_USER_SRP_AUTH"),
          "SupportedIdentityProviders",
          List.of("COGNITO", "Google"),
          "CallbackURLs",
          List.of("https://a.example.com/cb", "https://b.example.com/cb"),
          "LogoutURLs",
          List.of("https://b.example.com/out"),
          "DefaultRedirectURI",
          "https://b.example.com/cb",
          "AllowedOAuthFlows",
          List.of("code", "implicit"),
          "AllowedOAuthScopes",
          List.of("openid"),
          "AllowedOAuthFlowsUserPoolClient",
          false,
          "AnalyticsConfiguration/ApplicationId",
          "4567ef",
          "AnalyticsConfiguration/ApplicationArn",
          "arn:aws:mobiletargeting:us-east-1:123456789012:apps/4567ef",
          "AnalyticsConfiguration/RoleArn",
          "arn:aws:iam::123456789012:role/other",
          "AnalyticsConfiguration/ExternalId",
          "ext-2",
          "AnalyticsConfiguration/UserDataShared",
          false,
          "PreventUserExistenceErrors",
          "LEGACY",
          "EnableTokenRevocation",
          true,
          "EnablePropagateAdditionalUserContextData",
          false,
          "AuthSessionValidity",
          9,
          "RefreshTokenRotation/Feature",
          "DISABLED",
          "RefreshTokenRotation/RetryGracePeriodSeconds",
          20);

  /** Every updatable attribute, and for a nested object every sub-key of the seeded client. */
  @SuppressWarnings("unchecked")
  static Stream<String> everyPath() {
    Map<String, Object> seeded = everyAttributeNonDefault();
    List<String> paths = new ArrayList<>();
    for (Attribute attribute : Attribute.values()) {
      String name = attribute.memberName();
      switch (attribute.kind()) {
        case IDENTIFIER -> {}
        case OBJECT ->
            ((Map<String, Object>) seeded.get(name))
                .keySet()
                .forEach(k -> paths.add(name + "/" + k));
        default -> paths.add(name);
      }
    }
    return paths.stream();
  }

  @Test
  void everyPath_coversEveryUpdatableAttributeWithANonDefaultValue() {
    Map<String, Object> seeded = everyAttributeNonDefault();
    for (Attribute attribute : Attribute.values()) {
      if (attribute.kind() != Attribute.Kind.IDENTIFIER) {
        assertTrue(seeded.containsKey(attribute.memberName()), attribute.memberName());
        assertTrue(
            attribute
                .defaultValue()
                .map(d -> !d.equals(seeded.get(attribute.memberName())))
                .orElse(true),
            attribute.memberName() + " is seeded at its default");
      }
    }
    everyPath()
        .forEach(path -> assertTrue(OTHER_VALUE.containsKey(path), "no other value for " + path));
    assertEquals(OTHER_VALUE.size(), everyPath().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPath")
  void apply_changingOneAttribute_leavesEveryOtherAttributeAsItWas(String path) {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, ID, everyAttributeNonDefault(), true);
    ClientSpec desired = spec(setAt(new LinkedHashMap<>(), path, OTHER_VALUE.get(path)));
    Plan plan = new Plan(List.of(new Planner().plan(desired, fake.describe(POOL, ID))));
    assertEquals(1, plan.clients().get(0).changes().size(), plan.toString());

    Applier.Outcome outcome =
        new Applier(fake, 2, noSleep(new ArrayList<>())).apply(plan, List.of(desired));

    Applier.Applied applied = assertInstanceOf(Applier.Applied.class, outcome);
    assertInstanceOf(ApplyResult.Updated.class, applied.results().get(0), applied.toString());
    Map<String, Object> expected =
        setAt(deepCopy(everyAttributeNonDefault()), path, OTHER_VALUE.get(path));
    assertEquals(expected, fake.stored(POOL, ID).orElseThrow().attributes());
    assertTrue(fake.stored(POOL, ID).orElseThrow().hasSecret());
  }

  @Test
  void apply_savedPlan_sendsTheCompleteConfigurationAndVerifiesThePlannedChanges() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, ID, everyAttributeNonDefault(), false);
    ClientSpec desired =
        spec(map("AccessTokenValidity", 2, "TokenValidityUnits", map("AccessToken", "hours")));
    Plan plan = new Plan(List.of(new Planner().plan(desired, fake.describe(POOL, ID))));

    Applier.Outcome outcome = new Applier(fake, 1, noSleep(new ArrayList<>())).apply(plan);

    assertInstanceOf(ApplyResult.Updated.class, ((Applier.Applied) outcome).results().get(0));
    Map<String, Object> sent =
        fake.calls().stream()
            .filter(c -> c.operation() == Operation.UPDATE)
            .findFirst()
            .orElseThrow()
            .configuration()
            .orElseThrow();
    assertEquals(everyAttributeNonDefault().keySet(), sent.keySet());
    assertEquals(2, sent.get("AccessTokenValidity"));
    assertEquals(
        map("AccessToken", "hours", "IdToken", "minutes", "RefreshToken", "hours"),
        sent.get("TokenValidityUnits"));
  }

  @Test
  void apply_clientMovedSincePlan_refusesEverythingAndNamesTheMovedAttribute() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(POOL, ID, map("ClientName", "web", "PreventUserExistenceErrors", "LEGACY"), false)
            .seed(POOL, "second", map("ClientName", "other"), false);
    List<ClientSpec> desired =
        List.of(
            spec(
                map(
                    "CallbackURLs",
                    List.of("https://x.example.com/cb"),
                    "AllowedOAuthFlowsUserPoolClient",
                    true)),
            specFor("second", map("ClientName", "renamed")));
    Plan plan =
        new Planner()
            .plan(desired, List.of(fake.describe(POOL, ID), fake.describe(POOL, "second")));
    fake.update(
        POOL,
        ID,
        map(
            "ClientName",
            "web",
            "PreventUserExistenceErrors",
            "ENABLED",
            "AccessTokenValidity",
            2));
    int calls = updates(fake);

    Applier.Outcome outcome = new Applier(fake, 2, noSleep(new ArrayList<>())).apply(plan);

    Applier.Stale stale = assertInstanceOf(Applier.Stale.class, outcome);
    assertEquals(calls, updates(fake), "nothing written");
    assertEquals(
        List.of(
            "clients/web.yaml:3: web (us-east-1_Every1/every0client0id): AccessTokenValidity changed since the plan: 1 hour -> 2 hours",
            "clients/web.yaml:3: web (us-east-1_Every1/every0client0id): PreventUserExistenceErrors changed since the plan: LEGACY -> ENABLED"),
        stale.moved().stream().map(Moved::message).toList());
    assertEquals(1, stale.clientCount());
  }

  @Test
  void apply_clientDeletedSincePlan_refusesEverything() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(POOL, ID, map("ClientName", "web"), false)
            .seed(POOL, "second", map("ClientName", "other"), false);
    List<ClientSpec> desired =
        List.of(
            spec(map("ClientName", "web-app")), specFor("second", map("ClientName", "renamed")));
    Plan plan =
        new Planner()
            .plan(desired, List.of(fake.describe(POOL, ID), fake.describe(POOL, "second")));
    fake.failAlways(
        FakeCognitoGateway.Operation.DESCRIBE,
        POOL,
        "second",
        new GatewayException(
            GatewayException.Reason.NOT_FOUND,
            "ResourceNotFoundException",
            "cognito-idp:DescribeUserPoolClient",
            "User pool client second does not exist."));
    int calls = updates(fake);

    Applier.Outcome outcome = new Applier(fake, 2, noSleep(new ArrayList<>())).apply(plan);

    Applier.Stale stale = assertInstanceOf(Applier.Stale.class, outcome);
    assertEquals(calls, updates(fake), "nothing written, not even the client that still exists");
    assertEquals(1, stale.moved().size());
    assertTrue(
        stale.moved().get(0).message().endsWith("the client was deleted since the plan"),
        stale.moved().get(0).message());
  }

  @Test
  void apply_oneRejectedOneThrottledTwice_appliesTheOthersAndRetries() {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    List<ClientSpec> desired = new ArrayList<>();
    for (String id : List.of("c1", "c2", "c3", "c4")) {
      fake.seed(POOL, id, map("ClientName", id), false);
      desired.add(specFor(id, map("ClientName", id.equals("c4") ? id : id + "-new")));
    }
    fake.failAlways(
        Operation.UPDATE,
        POOL,
        "c1",
        new GatewayException(
            Reason.REJECTED, "InvalidParameterException", "u", "ClientName is bad"));
    fake.throttle(Operation.UPDATE, POOL, "c2", 2);
    Plan plan =
        new Planner()
            .plan(
                desired,
                desired.stream()
                    .map(d -> fake.describe(POOL, d.clientId().orElseThrow()))
                    .toList());
    List<Duration> slept = new ArrayList<>();

    Applier.Applied applied =
        (Applier.Applied) new Applier(fake, 2, noSleep(slept)).apply(plan, desired);

    assertEquals(
        List.of(
            ApplyResult.Failed.class,
            ApplyResult.Updated.class,
            ApplyResult.Updated.class,
            ApplyResult.Unchanged.class),
        applied.results().stream().map(Object::getClass).toList());
    assertEquals("c2-new", fake.stored(POOL, "c2").orElseThrow().clientName());
    assertEquals(2, slept.size());
    ApplyResult.Failed failed = (ApplyResult.Failed) applied.results().get(0);
    assertEquals(
        "c1 (us-east-1_Every1/c1): update failed: ClientName is bad (InvalidParameterException); it concerns ClientName",
        failed.diagnostic().message());
    assertEquals("/ClientName", failed.diagnostic().pointer());
    assertEquals(
        0,
        fake.calls().stream()
            .filter(c -> c.operation() == Operation.UPDATE && c.clientId().equals("c4"))
            .count());
  }

  @Test
  void apply_throttledBeyondTheBound_failsAfterMaxAttempts() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, ID, map("ClientName", "web"), false);
    fake.throttle(Operation.UPDATE, POOL, ID, 50);
    ClientSpec desired = spec(map("ClientName", "new"));
    Plan plan = new Plan(List.of(new Planner().plan(desired, fake.describe(POOL, ID))));
    List<Duration> slept = new ArrayList<>();

    Applier.Applied applied = (Applier.Applied) new Applier(fake, 1, noSleep(slept)).apply(plan);

    assertInstanceOf(ApplyResult.Failed.class, applied.results().get(0));
    assertEquals(5, updates(fake));
    assertEquals(4, slept.size());
  }

  @Test
  void backoff_isExponentialWithFullJitterAndACap() {
    Backoff max =
        new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(500), d -> {}, bound -> bound);
    assertEquals(
        List.of(100L, 200L, 400L, 500L, 500L),
        Stream.of(0, 1, 2, 3, 40).map(n -> max.delay(n).toMillis()).toList());
    Backoff min =
        new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(500), d -> {}, bound -> 0);
    assertEquals(0, min.delay(3).toMillis());
    Backoff real = Backoff.standard();
    for (int i = 0; i < 100; i++) {
      long delay = real.delay(2).toMillis();
      assertTrue(delay >= 0 && delay <= 1000, "delay " + delay);
    }
  }

  @Test
  void apply_scopeDoesNotExist_pointsAtTheScopeInTheFile() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(
                POOL, ID, map("ClientName", "web", "AllowedOAuthFlowsUserPoolClient", true), false);
    fake.failAlways(
        Operation.UPDATE,
        POOL,
        ID,
        new GatewayException(
            Reason.REJECTED,
            "ScopeDoesNotExistException",
            "u",
            "Invalid scope requested: orders-api/orders.admin"));
    Map<String, Object> attributes =
        map("AllowedOAuthScopes", List.of("openid", "orders-api/orders.admin"));
    ClientSpec desired =
        new ClientSpec(
            new SourceRef("clients/web.yaml", new Position(3, 1)),
            POOL,
            ID,
            attributes,
            Map.of("/AllowedOAuthScopes/1", new Position(9, 5)));
    Plan plan = new Plan(List.of(new Planner().plan(desired, fake.describe(POOL, ID))));

    Applier.Applied applied =
        (Applier.Applied)
            new Applier(fake, 1, noSleep(new ArrayList<>())).apply(plan, List.of(desired));

    ApplyResult.Failed failed =
        assertInstanceOf(ApplyResult.Failed.class, applied.results().get(0));
    assertEquals(new Position(9, 5), failed.diagnostic().position());
    assertEquals("/AllowedOAuthScopes/1", failed.diagnostic().pointer());
    assertTrue(
        failed
            .diagnostic()
            .message()
            .endsWith("it concerns AllowedOAuthScopes: orders-api/orders.admin"),
        failed.diagnostic().message());
  }

  @Test
  void apply_cognitoIgnoresAChange_isNotConvergedAndNamesTheAttribute() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, ID, map("ClientName", "web"), false);
    ClientSpec desired = spec(map("PreventUserExistenceErrors", "ENABLED", "ClientName", "web2"));
    Plan plan = new Plan(List.of(new Planner().plan(desired, fake.describe(POOL, ID))));
    dev.ccr.live.CognitoGateway stubborn =
        new dev.ccr.live.CognitoGateway() {
          @Override
          public LiveClient describe(String pool, String id) {
            return fake.describe(pool, id);
          }

          @Override
          public void update(String pool, String id, Map<String, Object> configuration) {
            Map<String, Object> ignored = new LinkedHashMap<>(configuration);
            ignored.remove("PreventUserExistenceErrors");
            fake.update(pool, id, ignored);
          }

          @Override
          public List<dev.ccr.live.ClientSummary> list(String pool) {
            return fake.list(pool);
          }
        };

    Applier.Applied applied =
        (Applier.Applied) new Applier(stubborn, 1, noSleep(new ArrayList<>())).apply(plan);

    ApplyResult.NotConverged result =
        assertInstanceOf(ApplyResult.NotConverged.class, applied.results().get(0));
    assertEquals(
        List.of("PreventUserExistenceErrors"),
        result.remaining().stream().map(c -> c.path()).toList());
    assertTrue(
        result
            .diagnostic()
            .message()
            .contains("still differs in PreventUserExistenceErrors (LEGACY, wanted ENABLED)"),
        result.diagnostic().message());
    assertTrue(applied.hasProblems());
  }

  // ---- helpers

  static Backoff noSleep(List<Duration> slept) {
    return Backoff.standard().withSleeper(slept::add);
  }

  static int updates(FakeCognitoGateway fake) {
    return (int) fake.calls().stream().filter(c -> c.operation() == Operation.UPDATE).count();
  }

  static ClientSpec spec(Map<String, Object> attributes) {
    return specFor(ID, attributes);
  }

  static ClientSpec specFor(String clientId, Map<String, Object> attributes) {
    return new ClientSpec(
        new SourceRef("clients/web.yaml", new Position(3, 1)),
        POOL,
        clientId,
        attributes,
        Map.of());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> setAt(Map<String, Object> map, String path, Object value) {
    int slash = path.indexOf('/');
    if (slash < 0) {
      map.put(path, value);
    } else {
      Map<String, Object> nested =
          new LinkedHashMap<>(
              (Map<String, Object>) map.getOrDefault(path.substring(0, slash), Map.of()));
      nested.put(path.substring(slash + 1), value);
      map.put(path.substring(0, slash), nested);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return copy;
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
