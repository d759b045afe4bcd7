package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ccr.plan.Clients;
import dev.ccr.plan.Plan;
import dev.ccr.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PlanRendererTest {
  private static final String VERSION = "ccr 0.1.0";

  private static Plan plan(String name) {
    Supplier<Plan> sample =
        switch (name) {
          case "several-clients" -> Clients::severalClients;
          case "all-no-op" -> Clients::allNoOp;
          case "secrets" -> Clients::withSecrets;
          default -> throw new IllegalArgumentException(name);
        };
    return sample.get();
  }

  private static Path golden(String name, String file) {
    return Golden.projectDir()
        .resolve("src/test/resources/golden/plan")
        .resolve(name)
        .resolve(file);
  }

  @ParameterizedTest
  @ValueSource(strings = {"several-clients", "all-no-op", "secrets"})
  void render_matchesGoldenFiles(String name) {
    Plan plan = plan(name);
    Golden.assertMatches(golden(name, "expected.txt"), PlanRenderer.text(false).render(plan));
    Golden.assertMatches(
        golden(name, "expected.json"),
        PlanRenderer.json(VERSION, dev.ccr.plan.PlanFile.Made.NONE).render(plan));
    Golden.assertMatches(golden(name, "expected.md"), PlanRenderer.markdown().render(plan));
  }

  @ParameterizedTest
  @ValueSource(strings = {"several-clients", "all-no-op", "secrets"})
  void renderJson_validatesAgainstThePlanSchema(String name) throws IOException {
    Schema schema;
    try (InputStream in =
        Files.newInputStream(Golden.projectDir().resolve("schemas/plan.schema.json"))) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(in, InputFormat.JSON);
    }
    String json = PlanRenderer.json(VERSION, dev.ccr.plan.PlanFile.Made.NONE).render(plan(name));
    assertEquals(List.of(), schema.validate(JsonMapper.shared().readTree(json)));
  }

  @Test
  void renderText_colourOnlyWhenAsked() {
    Plan plan = Clients.severalClients();
    String plain = PlanRenderer.text(false).render(plan);
    String coloured = PlanRenderer.text(true).render(plan);
    assertFalse(plain.contains("\u001B["));
    assertTrue(coloured.contains("\u001B[32m+\u001B[0m https://app.example.com/cb2"), coloured);
    assertTrue(
        coloured.contains("\u001B[31m-\u001B[0m https://old.example.com/callback"), coloured);
    assertTrue(
        coloured.contains("\u001B[33m~\u001B[0m AccessTokenValidity: 1 hour -> 30 minutes"),
        coloured);
    assertEquals(plain, coloured.replaceAll("\u001B\\[\\d+m", ""));
  }

  @Test
  void renderText_planTimeError_isShownWithTheClient() {
    Plan plan =
        Clients.plan(List.of(Clients.spec("AccessTokenValidity", 60)), List.of(Clients.live()));
    String text = PlanRenderer.text(false).render(plan);
    assertTrue(text.startsWith("! " + Clients.POOL + "/" + Clients.ID + "\n"), text);
    assertTrue(text.contains("    ! AccessTokenValidity 60 takes the live unit hours"), text);
    assertTrue(
        text.endsWith("Plan: 0 to create, 0 to update, 0 to delete, 0 unchanged, 1 with errors.\n"),
        text);
  }
}
