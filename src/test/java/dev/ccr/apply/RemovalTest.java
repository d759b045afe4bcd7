package dev.ccr.apply;

import static dev.ccr.apply.ApplierTest.ID;
import static dev.ccr.apply.ApplierTest.POOL;
import static dev.ccr.apply.ApplierTest.applied;
import static dev.ccr.apply.ApplierTest.map;
import static dev.ccr.apply.ApplierTest.plan;
import static dev.ccr.apply.ApplierTest.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;
import dev.ccr.plan.PlanFile;
import dev.ccr.plan.Value;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code null} removes DefaultRedirectURI or AnalyticsConfiguration: the plan shows the removal,
 * the update is the complete configuration without it (Cognito's reset removes it), and the next
 * plan is empty. Runs against the fake, which resets omitted attributes as Cognito does.
 */
class RemovalTest {
  private static final String CB = "https://a.example.com/cb";
  private static final Map<String, Object> ANALYTICS =
      map(
          "ApplicationId", "0123abcd",
          "RoleArn", "arn:aws:iam::123456789012:role/analytics",
          "UserDataShared", true);

  private final FakeCognitoGateway fake =
      new FakeCognitoGateway()
          .seed(
              POOL,
              ID,
              map(
                  "ClientName",
                  "web",
                  "AllowedOAuthFlowsUserPoolClient",
                  true,
                  "CallbackURLs",
                  List.of(CB),
                  "DefaultRedirectURI",
                  CB,
                  "AnalyticsConfiguration",
                  ANALYTICS,
                  "AuthSessionValidity",
                  7),
              false);

  @Test
  void removeDefaultRedirect_plansTheRemovalSendsWithoutItAndConverges() {
    ClientSpec desired = removing("DefaultRedirectURI");

    Plan plan = plan(fake, desired);

    ClientAction.Update update = assertInstanceOf(ClientAction.Update.class, plan.actions().get(0));
    assertEquals(
        List.of(AttributeChange.of("DefaultRedirectURI", new Value.Text(CB), Value.NONE)),
        update.changes());
    assertTrue(update.managed().contains("DefaultRedirectURI"));

    Applier.Applied applied =
        applied(
            new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                .apply(plan, true));

    assertInstanceOf(ApplyResult.Updated.class, applied.results().get(0), applied.toString());
    Map<String, Object> request = sent(fake, Operation.UPDATE).get(0);
    assertFalse(request.containsKey("DefaultRedirectURI"), request.toString());
    assertEquals(7, request.get("AuthSessionValidity"), "the rest of the client is sent as it was");
    assertEquals(ANALYTICS, request.get("AnalyticsConfiguration"));
    assertFalse(fake.stored(POOL, ID).orElseThrow().attributes().containsKey("DefaultRedirectURI"));
    assertInstanceOf(ClientAction.NoOp.class, plan(fake, desired).actions().get(0));
  }

  @Test
  void removeAnalytics_removesEverySubKeyAsOneAttribute() {
    ClientSpec desired = removing("AnalyticsConfiguration");

    Plan plan = plan(fake, desired);

    assertEquals(
        List.of(
            "AnalyticsConfiguration/ApplicationId",
            "AnalyticsConfiguration/RoleArn",
            "AnalyticsConfiguration/UserDataShared"),
        plan.actions().get(0).changes().stream().map(AttributeChange::path).toList());
    assertTrue(plan.actions().get(0).changes().stream().allMatch(c -> c.after() == Value.NONE));

    applied(
        new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
            .apply(plan, true));

    assertFalse(sent(fake, Operation.UPDATE).get(0).containsKey("AnalyticsConfiguration"));
    assertFalse(
        fake.stored(POOL, ID).orElseThrow().attributes().containsKey("AnalyticsConfiguration"));
    assertInstanceOf(ClientAction.NoOp.class, plan(fake, desired).actions().get(0));
  }

  @Test
  void removeWhatTheClientDoesNotHave_isNoChange() {
    fake.seed(POOL, ID, map("ClientName", "web"), false);

    assertInstanceOf(
        ClientAction.NoOp.class, plan(fake, removing("DefaultRedirectURI")).actions().get(0));
  }

  @Test
  void savedPlanWithARemoval_readsBackTheSameAndAppliesIt() throws Exception {
    Plan plan = plan(fake, removing("DefaultRedirectURI"));
    String json = PlanFile.toJson(plan, "ccr test", PlanFile.Made.NONE);
    assertTrue(json.contains("\"after\": {\n            \"type\": \"none\"\n          }"), json);

    Plan read = PlanFile.parse(json, "plan.json").plan();

    assertEquals(plan.actions().get(0).changes(), read.actions().get(0).changes());
    applied(
        new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
            .apply(read, true));
    assertFalse(fake.stored(POOL, ID).orElseThrow().attributes().containsKey("DefaultRedirectURI"));
  }

  private static ClientSpec removing(String member) {
    return new ClientSpec(
        new SourceRef("clients/web.yaml", new Position(3, 1)),
        POOL,
        Optional.of(ID),
        Map.of(),
        Set.of(member),
        Optional.empty(),
        ClientSpec.Settings.DEFAULT,
        Map.of());
  }
}
