package dev.ccr.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.live.GatewayException;
import dev.ccr.live.GatewayException.Reason;
import dev.ccr.live.LiveClient;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;
import dev.ccr.plan.Reconciler;
import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        "CallbackURLs", List.of("https://a.example.com/cb", "https://b.example.com/cb"),
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
          List.of("https://a.example.com/cb"),
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

  /**
   * Every path but AllowedOAuthFlowsUserPoolClient: turning it off alone leaves the client's OAuth
   * settings without it, which plan refuses (a test in ReconcilerChecksTest).
   */
  static Stream<String> everyPathThatCanChangeAlone() {
    return everyPath().filter(path -> !path.equals("AllowedOAuthFlowsUserPoolClient"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPathThatCanChangeAlone")
  void apply_changingOneAttribute_leavesEveryOtherAttributeAsItWas(String path) {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, ID, everyAttributeNonDefault(), true);
    ClientSpec desired = spec(setAt(new LinkedHashMap<>(), path, OTHER_VALUE.get(path)));
    Plan plan = plan(fake, desired);
    assertEquals(1, plan.actions().get(0).changes().size(), plan.toString());

    Applier.Applied applied =
        applied(
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertInstanceOf(ApplyResult.Updated.class, applied.results().get(0), applied.toString());
    Map<String, Object> expected =
        setAt(deepCopy(everyAttributeNonDefault()), path, OTHER_VALUE.get(path));
    assertEquals(expected, fake.stored(POOL, ID).orElseThrow().attributes());
    assertTrue(fake.stored(POOL, ID).orElseThrow().hasSecret());
  }

  @Test
  void apply_savedPlan_sendsTheCompleteConfigurationAndVerifiesThePlannedChanges() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, ID, everyAttributeNonDefault(), true);
    ClientSpec desired =
        spec(map("AccessTokenValidity", 2, "TokenValidityUnits", map("AccessToken", "hours")));
    Plan plan = plan(fake, desired);

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertInstanceOf(ApplyResult.Updated.class, applied.results().get(0));
    Map<String, Object> sent = sent(fake, Operation.UPDATE).get(0);
    assertEquals(everyAttributeNonDefault().keySet(), sent.keySet());
    assertEquals(2, sent.get("AccessTokenValidity"));
    assertEquals(
        map("AccessToken", "hours", "IdToken", "minutes", "RefreshToken", "hours"),
        sent.get("TokenValidityUnits"));
  }

  @Test
  void apply_checksEveryClientFirstThenReadsEachAgainRightBeforeItsWrite() {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    List<ClientSpec> desired = new ArrayList<>();
    for (String id : List.of("c1", "c2", "c3")) {
      fake.seed(POOL, id, map("ClientName", id), false);
      desired.add(specFor(id, map("ClientName", id + "-new")));
    }
    Plan plan = plan(fake, desired.toArray(ClientSpec[]::new));
    int before = fake.calls().size();

    applied(
        new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
            .apply(plan, true));

    List<String> calls =
        fake.calls().subList(before, fake.calls().size()).stream()
            .map(c -> c.operation() + " " + c.clientId())
            .toList();
    assertEquals(
        List.of(
            "DESCRIBE c1",
            "DESCRIBE c2",
            "DESCRIBE c3",
            "DESCRIBE c1",
            "UPDATE c1",
            "DESCRIBE c2",
            "UPDATE c2",
            "DESCRIBE c3",
            "UPDATE c3"),
        calls,
        "the check reads all three; each write follows its own read; no read after a write");
  }

  @Test
  void apply_writesRoundRobinAcrossPools_soOnePoolsQuotaDoesNotHoldUpTheOthers() {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    List<ClientSpec> desired = new ArrayList<>();
    for (String pool : List.of("us-east-1_A", "us-east-1_B")) {
      for (String id : List.of("1", "2")) {
        fake.seed(pool, pool + id, map("ClientName", "c"), false);
        desired.add(
            new ClientSpec(
                new SourceRef("c.yaml", Position.START),
                pool,
                pool + id,
                map("ClientName", "c-new-" + id),
                Map.of()));
      }
    }
    Plan plan =
        new Reconciler(fake, 1, ClientReader.Listener.NONE)
            .reconcile(desired, Reconciler.Options.PLAN);
    int before = fake.calls().size();

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, false));

    assertEquals(
        List.of("us-east-1_A1", "us-east-1_B1", "us-east-1_A2", "us-east-1_B2"),
        fake.calls().subList(before, fake.calls().size()).stream()
            .filter(c -> c.operation() == Operation.UPDATE)
            .map(FakeCognitoGateway.Call::clientId)
            .toList());
    assertEquals(
        List.of("us-east-1_A1", "us-east-1_A2", "us-east-1_B1", "us-east-1_B2"),
        applied.results().stream().map(r -> r.action().ref().id()).toList(),
        "results in plan order");
  }

  @Test
  void apply_liveValueMovedIntoARuleBreakSincePlan_failsWithThePlanMessageAndWritesNothing() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(
                POOL,
                ID,
                map(
                    "AllowedOAuthFlowsUserPoolClient",
                    true,
                    "CallbackURLs",
                    List.of("https://a.example.com/cb", "https://b.example.com/cb")),
                false);
    Plan plan = plan(fake, spec(map("CallbackURLs", List.of("https://b.example.com/cb"))));
    assertInstanceOf(ClientAction.Update.class, plan.actions().get(0));
    fake.change(POOL, ID, map("DefaultRedirectURI", "https://a.example.com/cb"));

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    ApplyResult.Failed failed =
        assertInstanceOf(ApplyResult.Failed.class, applied.results().get(0), applied.toString());
    assertTrue(
        failed
            .diagnostic()
            .message()
            .contains(
                "not written: the configuration to send breaks a rule, so Cognito would refuse it"
                    + " or keep a client it documents as invalid: DefaultRedirectURI"
                    + " https://a.example.com/cb (live, unmanaged) is not one of CallbackURLs after"
                    + " this change"),
        failed.diagnostic().message());
    assertEquals("/CallbackURLs", failed.diagnostic().pointer());
    assertEquals(0, writes(fake));
  }

  @Test
  void apply_managedAttributeMovedSincePlan_refusesEverythingAndNamesIt() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(POOL, ID, map("ClientName", "web", "PreventUserExistenceErrors", "LEGACY"), false)
            .seed(POOL, "second", map("ClientName", "other"), false);
    Plan plan =
        plan(
            fake,
            spec(map("ClientName", "web-app", "PreventUserExistenceErrors", "LEGACY")),
            specFor("second", map("ClientName", "renamed")));
    fake.change(POOL, ID, map("PreventUserExistenceErrors", "ENABLED"));
    int writes = writes(fake);

    Applier.Stale stale =
        assertInstanceOf(
            Applier.Stale.class,
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertEquals(writes, writes(fake), "nothing written");
    assertEquals(
        List.of(
            "clients/web.yaml:3: web (us-east-1_Every1/every0client0id): PreventUserExistenceErrors changed since the plan: LEGACY -> ENABLED"),
        stale.moved().stream().map(Moved::message).toList());
    assertEquals(1, stale.clientCount());
    assertFalse(stale.alreadyApplied());
  }

  @Test
  void apply_unmanagedAttributeMovedSincePlan_isKeptAndMentioned() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(
                POOL, ID, map("ClientName", "web", "PreventUserExistenceErrors", "LEGACY"), false);
    Plan plan = plan(fake, spec(map("ClientName", "web-app")));
    fake.change(POOL, ID, map("PreventUserExistenceErrors", "ENABLED", "AccessTokenValidity", 2));

    Applier.Applied applied =
        applied(
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertInstanceOf(ApplyResult.Updated.class, applied.results().get(0));
    LiveClient stored = fake.stored(POOL, ID).orElseThrow();
    assertEquals("web-app", stored.clientName());
    assertEquals("ENABLED", stored.attributes().get("PreventUserExistenceErrors"));
    assertEquals(2, stored.attributes().get("AccessTokenValidity"));
    assertEquals(2, applied.notes().size(), applied.notes().toString());
    assertTrue(
        applied
            .notes()
            .get(1)
            .contains(
                "PreventUserExistenceErrors changed since the plan (LEGACY -> ENABLED); the file does"
                    + " not manage it, so the new value is kept"),
        applied.notes().toString());
  }

  @Test
  void apply_clientDeletedSincePlan_refusesEverything() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(POOL, ID, map("ClientName", "web"), false)
            .seed(POOL, "second", map("ClientName", "other"), false);
    Plan plan =
        plan(
            fake,
            spec(map("ClientName", "web-app")),
            specFor("second", map("ClientName", "renamed")));
    fake.delete(POOL, "second");
    int writes = writes(fake);

    Applier.Stale stale =
        assertInstanceOf(
            Applier.Stale.class,
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertEquals(writes, writes(fake), "nothing written, not even the client that still exists");
    assertEquals(1, stale.moved().size());
    assertTrue(
        stale.moved().get(0).message().endsWith("the client was deleted since the plan"),
        stale.moved().get(0).message());
  }

  @Test
  void apply_planAppliedTwice_isRecognisedAsAlreadyApplied() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, ID, map("ClientName", "web"), false).seedPool(POOL);
    ClientSpec create = byName("new-app", map("PreventUserExistenceErrors", "ENABLED"));
    Plan plan = plan(fake, spec(map("ClientName", "web-app")), create);
    applied(
        new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
            .apply(plan, true));
    int writes = writes(fake);

    Applier.Stale again =
        assertInstanceOf(
            Applier.Stale.class,
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertTrue(again.alreadyApplied(), again.moved().toString());
    assertEquals(2, again.moved().size());
    assertEquals(writes, writes(fake));
  }

  @Test
  void apply_createDoneByAnotherWriterAndDeletePending_isStaleNamingBothNotAlreadyApplied() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, "stray2", map("ClientName", "stray2"), false);
    Plan plan = plan(fake, byName("c3-app", map("AuthSessionValidity", 9)), absent("stray2"));
    fake.create(POOL, map("ClientName", "c3-app", "AuthSessionValidity", 9), false);
    int writes = writes(fake);

    Applier.Stale stale =
        assertInstanceOf(
            Applier.Stale.class,
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertFalse(stale.alreadyApplied(), "stray2 is still to delete");
    assertTrue(stale.partlyApplied());
    assertEquals(
        List.of(Moved.Kind.ALREADY_APPLIED, Moved.Kind.PENDING),
        stale.moved().stream().map(Moved::kind).toList());
    assertTrue(
        stale
            .moved()
            .get(1)
            .message()
            .endsWith(
                "stray2 (us-east-1_Every1/stray2): not yet as the"
                    + " plan leaves it: still to delete"),
        stale.moved().get(1).message());
    assertEquals(writes, writes(fake), "nothing written");
    assertTrue(fake.stored(POOL, "stray2").isPresent());
  }

  @Test
  void apply_oneUpdateFixedByHandAnotherPending_isStaleInPlanOrder() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(POOL, "mobile", map("ClientName", "mobile", "AuthSessionValidity", 3), false)
            .seed(POOL, "shop", map("ClientName", "shop", "AuthSessionValidity", 3), false);
    Plan plan =
        plan(
            fake,
            specFor("mobile", map("AuthSessionValidity", 5)),
            specFor("shop", map("AuthSessionValidity", 6)));
    fake.change(POOL, "shop", map("AuthSessionValidity", 6));

    Applier.Stale stale =
        assertInstanceOf(
            Applier.Stale.class,
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertEquals(
        List.of("mobile:PENDING", "shop:ALREADY_APPLIED"),
        stale.moved().stream().map(m -> m.action().ref().id() + ":" + m.kind()).toList());
    assertEquals(1, stale.count(Moved.Kind.PENDING));
    assertEquals(1, stale.count(Moved.Kind.ALREADY_APPLIED));
    assertEquals(0, stale.clientCount(), "nothing moved any other way");
    assertEquals(0, writes(fake));
  }

  @Test
  void apply_appliedInPartAndAnotherClientMoved_isStaleCountingOnlyTheMovedOne() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(POOL, "a", map("ClientName", "a", "AuthSessionValidity", 3), false)
            .seed(POOL, "b", map("ClientName", "b", "AuthSessionValidity", 3), false)
            .seed(POOL, "c", map("ClientName", "c", "AuthSessionValidity", 3), false);
    Plan plan =
        plan(
            fake,
            specFor("a", map("AuthSessionValidity", 5)),
            specFor("b", map("AuthSessionValidity", 5)),
            specFor("c", map("AuthSessionValidity", 5)));
    fake.change(POOL, "a", map("AuthSessionValidity", 5));
    fake.change(POOL, "b", map("AuthSessionValidity", 7));

    Applier.Stale stale =
        assertInstanceOf(
            Applier.Stale.class,
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertFalse(stale.partlyApplied(), "b moved elsewhere: stale, not only applied in part");
    assertEquals(1, stale.clientCount());
    assertEquals(
        List.of(Moved.Kind.ALREADY_APPLIED, Moved.Kind.ATTRIBUTE, Moved.Kind.PENDING),
        stale.moved().stream().map(Moved::kind).toList());
  }

  @Test
  void apply_createWhoseAnswerWasLost_saysItMayHaveBeenCreatedAndToRunPlan() {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    Plan plan = plan(fake, byName("new-app", map()));
    fake.failAlways(
        Operation.CREATE,
        POOL,
        "",
        new GatewayException(
            Reason.UNREACHABLE,
            "",
            Operation.CREATE.action(),
            "cannot reach Cognito at http://127.0.0.1:1 (Unexpected end of file from server)"));

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    ApplyResult.Failed failed =
        assertInstanceOf(ApplyResult.Failed.class, applied.results().get(0));
    assertEquals(
        "new-app (us-east-1_Every1): create failed: cannot reach Cognito at http://127.0.0.1:1"
            + " (Unexpected end of file from server); the client may have been created all the same"
            + " (the answer was lost): run 'ccr plan' before applying again, which finds a client"
            + " of this name and adopts it instead of creating a second one",
        failed.diagnostic().message());
    assertEquals(
        1,
        fake.calls().stream().filter(c -> c.operation() == Operation.CREATE).count(),
        "a create is never sent twice");
  }

  @Test
  void apply_createRefusedByCognito_saysNothingOfAClientThatMayExist() {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    Plan plan = plan(fake, byName("new-app", map()));
    fake.failAlways(
        Operation.CREATE,
        POOL,
        "",
        new GatewayException(
            Reason.REJECTED, "InvalidParameterException", Operation.CREATE.action(), "bad value"));

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    String message =
        assertInstanceOf(ApplyResult.Failed.class, applied.results().get(0)).diagnostic().message();
    assertFalse(message.contains("may have been created"), message);
  }

  @Test
  void apply_createWhoseSentNameAppeared_isStaleWhateverNameThePlanShows() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);
    ClientAction.Create real =
        assertInstanceOf(
            ClientAction.Create.class,
            plan(fake, byName("adoptee", map("AuthSessionValidity", 5))).actions().get(0));
    ClientAction.Create shownElse =
        new ClientAction.Create(
            dev.ccr.spec.ClientRef.byName(POOL, "shown-name"),
            real.origin(),
            real.changes(),
            false,
            List.of());
    fake.create(POOL, map("ClientName", "adoptee", "AuthSessionValidity", 9), false);
    int writes = writes(fake);

    Applier.Stale stale =
        assertInstanceOf(
            Applier.Stale.class,
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(new Plan(List.of(shownElse)), true));

    assertEquals(Moved.Kind.APPEARED, stale.moved().get(0).kind());
    assertEquals(writes, writes(fake), "no second adoptee");
  }

  @Test
  void apply_createsAClientAndReportsItsNewId() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);
    ClientSpec desired =
        new ClientSpec(
            new SourceRef("clients/m2m.yaml", new Position(1, 1)),
            POOL,
            Optional.empty(),
            map(
                "ClientName",
                "m2m",
                "AllowedOAuthFlowsUserPoolClient",
                true,
                "AllowedOAuthFlows",
                List.of("client_credentials"),
                "AccessTokenValidity",
                15,
                "TokenValidityUnits",
                map("AccessToken", "minutes")),
            Optional.of(true),
            ClientSpec.Settings.DEFAULT,
            Map.of());
    Plan plan = plan(fake, desired);
    ClientAction.Create create = assertInstanceOf(ClientAction.Create.class, plan.actions().get(0));
    assertTrue(create.generateSecret());

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    ApplyResult.Created created =
        assertInstanceOf(ApplyResult.Created.class, applied.results().get(0));
    LiveClient stored = fake.stored(POOL, created.clientId()).orElseThrow();
    assertEquals("m2m", stored.clientName());
    assertTrue(stored.hasSecret());
    assertEquals(15, stored.attributes().get("AccessTokenValidity"));
    assertEquals(
        "minutes", ((Map<?, ?>) stored.attributes().get("TokenValidityUnits")).get("AccessToken"));
    assertEquals(1, fake.calls().stream().filter(c -> c.operation() == Operation.CREATE).count());
    assertEquals(
        List.of(),
        plan(fake, byName("m2m", desired.attributes())).actions().get(0).changes(),
        "plan after apply is empty");
  }

  @Test
  void apply_clientOfANameToCreateAppeared_isStale() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);
    Plan plan = plan(fake, byName("new-app", map()));
    fake.create(POOL, Map.of("ClientName", "new-app", "AuthSessionValidity", 9), false);
    int writes = writes(fake);

    Applier.Stale stale =
        assertInstanceOf(
            Applier.Stale.class,
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertEquals(writes, writes(fake));
    assertEquals(
        Moved.Kind.ALREADY_APPLIED, stale.moved().get(0).kind(), "it has the planned name");
  }

  @Test
  void apply_deletesAndFindsAlreadyDeletedOnesGone() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(POOL, ID, map("ClientName", "web"), false)
            .seed(POOL, "second", map("ClientName", "other"), false);
    ClientSpec absent = absent(ID);
    ClientSpec secondAbsent = absent("second");
    Plan plan = plan(fake, absent, secondAbsent);
    assertInstanceOf(ClientAction.Delete.class, plan.actions().get(0));

    Applier.Applied applied =
        applied(
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, false));

    assertEquals(
        List.of(ApplyResult.Deleted.class, ApplyResult.Deleted.class),
        applied.results().stream().map(Object::getClass).toList());
    assertTrue(fake.stored(POOL, ID).isEmpty());
    assertTrue(fake.stored(POOL, "second").isEmpty());
    Plan again = plan(fake, absent, secondAbsent);
    assertFalse(again.hasChanges(), "already gone is no change");
  }

  @Test
  void apply_deleteTargetChangedSincePlan_isStale() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, ID, map("ClientName", "web"), false);
    Plan plan = plan(fake, absent(ID));
    fake.change(POOL, ID, map("AuthSessionValidity", 10));

    Applier.Stale stale =
        assertInstanceOf(
            Applier.Stale.class,
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertTrue(
        stale
            .moved()
            .get(0)
            .message()
            .contains("the client changed since the plan: AuthSessionValidity 3 -> 10"),
        stale.moved().get(0).message());
    assertTrue(fake.stored(POOL, ID).isPresent());
  }

  @Test
  void apply_anotherWriterBetweenCheckAndWrite_isNotOverwritten() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(POOL, "c1", map("ClientName", "c1"), false)
            .seed(
                POOL, "c2", map("ClientName", "c2", "PreventUserExistenceErrors", "LEGACY"), false);
    Plan plan =
        plan(
            fake,
            specFor("c1", map("ClientName", "c1-new")),
            specFor("c2", map("ClientName", "c2-new", "PreventUserExistenceErrors", "LEGACY")));
    // The console change lands after the check, while c1 is being written.
    fake.afterWrite(
        stored -> {
          if (stored.clientId().equals("c1")) {
            fake.change(POOL, "c2", map("PreventUserExistenceErrors", "ENABLED"));
          }
        });

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertInstanceOf(ApplyResult.Updated.class, applied.results().get(0));
    ApplyResult.Failed failed =
        assertInstanceOf(ApplyResult.Failed.class, applied.results().get(1));
    assertTrue(
        failed
            .diagnostic()
            .message()
            .contains(
                "changed since the plan, by another writer during this apply: PreventUserExistenceErrors LEGACY -> ENABLED; not written"),
        failed.diagnostic().message());
    assertEquals(
        "ENABLED",
        fake.stored(POOL, "c2").orElseThrow().attributes().get("PreventUserExistenceErrors"));
    assertEquals("c2", fake.stored(POOL, "c2").orElseThrow().clientName());
    assertTrue(applied.hasProblems());
  }

  @Test
  void apply_anotherWriterRightAfterTheWrite_isNotConvergedAndNamed() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seed(POOL, ID, map("ClientName", "web"), false);
    Plan plan = plan(fake, spec(map("ClientName", "web-app")));
    fake.afterWrite(stored -> fake.change(POOL, ID, map("AuthSessionValidity", 12)));

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    ApplyResult.NotConverged result =
        assertInstanceOf(ApplyResult.NotConverged.class, applied.results().get(0));
    assertEquals(List.of("AuthSessionValidity"), result.paths());
    assertTrue(
        result.diagnostic().message().contains("AuthSessionValidity (sent 3, stored 12)"),
        result.diagnostic().message());
  }

  @Test
  void apply_oneRejected_appliesTheOthers() {
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
    Plan plan = plan(fake, desired.toArray(ClientSpec[]::new));

    Applier.Applied applied =
        applied(
            new Applier(fake, 2, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertEquals(
        List.of(
            ApplyResult.Failed.class,
            ApplyResult.Updated.class,
            ApplyResult.Updated.class,
            ApplyResult.Unchanged.class),
        applied.results().stream().map(Object::getClass).toList());
    assertEquals("c2-new", fake.stored(POOL, "c2").orElseThrow().clientName());
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
  void apply_scopeDoesNotExist_pointsAtTheScopeInTheFile() {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(
                POOL, ID, map("ClientName", "web", "AllowedOAuthFlowsUserPoolClient", true), false)
            .seedResourceServer(POOL, "orders-api", "orders.read", "orders.admin");
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

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan(fake, desired), false));

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
    Plan plan =
        plan(fake, spec(map("PreventUserExistenceErrors", "ENABLED", "ClientName", "web2")));
    fake.afterWrite(stored -> fake.change(POOL, ID, map("PreventUserExistenceErrors", "LEGACY")));

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    ApplyResult.NotConverged result =
        assertInstanceOf(ApplyResult.NotConverged.class, applied.results().get(0));
    assertEquals(List.of("PreventUserExistenceErrors"), result.paths());
    assertTrue(
        result
            .diagnostic()
            .message()
            .contains("PreventUserExistenceErrors (sent ENABLED, stored LEGACY)"),
        result.diagnostic().message());
    assertTrue(applied.hasProblems());
  }

  // ---- helpers

  static Plan plan(FakeCognitoGateway fake, ClientSpec... desired) {
    fake.seedPool(POOL);
    return new Reconciler(fake, 2, ClientReader.Listener.NONE)
        .reconcile(List.of(desired), Reconciler.Options.PLAN);
  }

  static Applier.Applied applied(Applier.Outcome outcome) {
    return assertInstanceOf(Applier.Applied.class, outcome, outcome.toString());
  }

  static int writes(FakeCognitoGateway fake) {
    return (int)
        fake.calls().stream()
            .filter(
                c ->
                    c.operation() == Operation.UPDATE
                        || c.operation() == Operation.CREATE
                        || c.operation() == Operation.DELETE)
            .count();
  }

  static List<Map<String, Object>> sent(FakeCognitoGateway fake, Operation operation) {
    return fake.calls().stream()
        .filter(c -> c.operation() == operation)
        .map(c -> c.configuration().orElseThrow())
        .toList();
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

  static ClientSpec byName(String name, Map<String, Object> attributes) {
    Map<String, Object> withName = new LinkedHashMap<>(attributes);
    withName.put("ClientName", name);
    return new ClientSpec(
        new SourceRef("clients/" + name + ".yaml", new Position(1, 1)),
        POOL,
        Optional.empty(),
        withName,
        Optional.empty(),
        ClientSpec.Settings.DEFAULT,
        Map.of());
  }

  static ClientSpec absent(String clientId) {
    return new ClientSpec(
        new SourceRef("clients/old.yaml", new Position(1, 1)),
        POOL,
        Optional.of(clientId),
        Map.of(),
        Optional.empty(),
        new ClientSpec.Settings(ClientSpec.State.ABSENT, List.of(), List.of()),
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
