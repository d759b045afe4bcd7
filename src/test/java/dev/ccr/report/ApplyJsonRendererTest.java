package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ccr.apply.Applier;
import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.plan.Plan;
import dev.ccr.plan.Reconciler;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import dev.ccr.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ApplyJsonRendererTest {
  private static final String POOL = "us-east-1_Apply1";

  /** Applies, then renders, a fleet with one client of each result; or a refused plan. */
  static Applier.Outcome outcome(String name) {
    FakeCognitoGateway fake =
        new FakeCognitoGateway()
            .seed(POOL, "upd", Map.of("ClientName", "web", "AuthSessionValidity", 3), false)
            .seed(POOL, "bad", Map.of("ClientName", "bad"), false)
            .seed(POOL, "same", Map.of("ClientName", "same"), false)
            .seed(POOL, "old", Map.of("ClientName", "old"), false);
    fake.failAlways(
        FakeCognitoGateway.Operation.UPDATE,
        POOL,
        "bad",
        new GatewayException(
            GatewayException.Reason.REJECTED,
            "InvalidParameterException",
            "cognito-idp:UpdateUserPoolClient",
            "ClientName is taken"));
    List<ClientSpec> specs =
        List.of(
            spec("upd", "web.yaml", Map.of("AuthSessionValidity", 5)),
            spec("bad", "bad.yaml", Map.of("ClientName", "bad-new")),
            spec("same", "same.yaml", Map.of("ClientName", "same")),
            new ClientSpec(
                new SourceRef("new.yaml", Position.START),
                POOL,
                Optional.empty(),
                Map.of("ClientName", "new-app"),
                Optional.empty(),
                ClientSpec.Settings.DEFAULT,
                Map.of()),
            new ClientSpec(
                new SourceRef("old.yaml", Position.START),
                POOL,
                Optional.of("old"),
                Map.of(),
                Optional.empty(),
                new ClientSpec.Settings(ClientSpec.State.ABSENT, List.of(), List.of()),
                Map.of()));
    Plan plan =
        new Reconciler(fake, 1, ClientReader.Listener.NONE)
            .reconcile(specs, Reconciler.Options.PLAN);
    return switch (name) {
      case "applied" ->
          new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
              .apply(plan, true);
      case "stale" -> {
        fake.change(POOL, "upd", Map.of("AuthSessionValidity", 9));
        yield new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
            .apply(plan, true);
      }
      case "partly-applied" -> {
        fake.change(POOL, "upd", Map.of("AuthSessionValidity", 5));
        yield new Applier(fake, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
            .apply(plan, true);
      }
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static ClientSpec spec(String id, String file, Map<String, Object> attributes) {
    return new ClientSpec(new SourceRef(file, Position.START), POOL, id, attributes, Map.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"applied", "stale", "partly-applied"})
  void render_matchesGoldenAndTheSchema(String name) throws IOException {
    String json = new ApplyJsonRenderer("ccr 0.1.0").render(outcome(name));
    Golden.assertMatches(
        Golden.projectDir().resolve("src/test/resources/golden/apply/" + name + ".json"), json);
    assertValid(json);
    assertFalse(json.toLowerCase(java.util.Locale.ROOT).contains("secret\""), json);
  }

  private static void assertValid(String json) throws IOException {
    Schema schema;
    try (InputStream in =
        Files.newInputStream(Golden.projectDir().resolve("schemas/apply-result.schema.json"))) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(in, InputFormat.JSON);
    }
    assertEquals(List.of(), schema.validate(JsonMapper.shared().readTree(json)));
  }

  @Test
  void render_withSecretSteps_listsThemPerClient_andAFailureMakesItPartial() throws IOException {
    Plan plan = dev.ccr.plan.Clients.withSecrets();
    List<dev.ccr.secret.ClientSecrets> secrets = plan.secrets();
    List<dev.ccr.secret.Secrets.Outcome> outcomes =
        List.of(
            new dev.ccr.secret.Secrets.Outcome(
                secrets.get(0),
                List.of(
                    "rotate: added 3n4b5urk1ft4fl3mg5e62d9ado--1, delivered to"
                        + " secretsManager:prod/web"),
                Optional.empty()),
            new dev.ccr.secret.Secrets.Outcome(
                secrets.get(1),
                List.of("retired c2--1"),
                Optional.of(
                    "added c2--2 but did not deliver it (ssm:PutParameter failed for"
                        + " ssmParameter:/prod/web-2/secret: AccessDeniedException: denied); the"
                        + " store still holds the previous secret, and the next plan retires c2--2"
                        + " and delivers again")));
    String json =
        new ApplyJsonRenderer("ccr 0.1.0")
            .render(new dev.ccr.apply.Applier.Applied(List.of(), List.of()), outcomes);
    Golden.assertMatches(
        Golden.projectDir().resolve("src/test/resources/golden/apply/secrets.json"), json);
    assertValid(json);
  }

  @Test
  void renderSecretsMoved_isStaleWithEachClientInTheNotes() throws IOException {
    String json =
        new ApplyJsonRenderer("ccr 0.1.0")
            .renderSecretsMoved(List.of("web (us-east-1_Example12/c1): its secrets changed"));
    var root = JsonMapper.shared().readTree(json);
    assertEquals("stale", root.get("outcome").asString());
    assertEquals(
        "secrets moved since the plan: web (us-east-1_Example12/c1): its secrets changed",
        root.get("notes").get(0).asString());
    assertValid(json);
  }
}
