package dev.ccr.cli;

import static dev.ccr.plan.Clients.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.testing.Golden;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What plan, apply and drift say about clients no file declares, {@code --prune} and {@code
 * --target}, through the command line against the fake gateway.
 */
class PruneCommandTest {
  private static final String POOL = "us-east-1_Prune1";
  private static final String UNMANAGED_NOTE =
      "1 client of the declared pools is declared in no file; 'ccr drift' lists them and --prune"
          + " deletes them.\n";

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway();
  private Path clients;

  @BeforeEach
  void seed() throws IOException {
    fake.seed(POOL, "web0id", map("ClientName", "web"), false);
    fake.seed(POOL, "stray0id", map("ClientName", "stray"), false);
    fake.seed(POOL, "stray1id", map("ClientName", "stray-two"), false);
    clients = Files.createDirectories(dir.resolve("clients"));
    write("web.yaml", "UserPoolId: " + POOL + "\nClientId: web0id\nClientName: web\n");
  }

  private Path write(String name, String text) throws IOException {
    Path file = clients.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private CliRun ccr(String... args) {
    CliRun run =
        CliRun.run(
            new Context(Map.of(), options -> fake, new ByteArrayInputStream(new byte[0])),
            new Terminal(false, false, false),
            args);
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }

  private long calls(Operation operation) {
    return fake.calls().stream().filter(c -> c.operation() == operation).count();
  }

  // ---- --target on a client no file declares

  @Test
  void plan_targetNamingOnlyAnUndeclaredClient_saysNoChangesAndCountsOnlyIt() {
    CliRun run = ccr("plan", clients.toString(), "--target", "stray");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals("No changes.\n" + UNMANAGED_NOTE, run.out());
  }

  @Test
  void plan_targetNamingOnlyAnUndeclaredClient_json_isAValidPlanWithoutClients()
      throws IOException {
    CliRun run = ccr("plan", clients.toString(), "--target", "stray", "--format", "json");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    JsonNode plan = JsonMapper.shared().readTree(run.out());
    assertEquals(0, plan.get("clients").size());
    assertEquals(1, plan.get("summary").get("unmanaged").asInt());
    Schema schema;
    try (InputStream in =
        Files.newInputStream(Golden.projectDir().resolve("schemas/plan.schema.json"))) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(in, InputFormat.JSON);
    }
    assertEquals(List.of(), schema.validate(plan));
  }

  @Test
  void plan_targetNamingOnlyAnUndeclaredClient_markdown_saysNoChanges() {
    CliRun run = ccr("plan", clients.toString(), "--target", "stray", "--format", "markdown");

    assertEquals("### ccr plan: no changes\n\n" + UNMANAGED_NOTE, run.out());
  }

  @Test
  void plan_pruneWithATarget_deletesItAndDropsTheUnmanagedNote() {
    CliRun run = ccr("plan", clients.toString(), "--prune", "--target", "stray");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(
        "- stray ("
            + POOL
            + "/stray0id)\n"
            + "  # no file declares it (--prune); its pool is declared at "
            + clients.resolve("web.yaml")
            + ":1\n\n"
            + "Plan: 0 to create, 0 to update, 1 to delete, 0 unchanged.\n",
        run.out());
  }

  @Test
  void plan_withoutPrune_countsOnlyTheUndeclaredClientsTheTargetsSelect() {
    CliRun all = ccr("plan", clients.toString());
    CliRun narrowed = ccr("plan", clients.toString(), "--target", "web", "--target", "stray");

    assertTrue(all.out().contains("2 clients of the declared pools are declared"), all.out());
    assertTrue(narrowed.out().endsWith(UNMANAGED_NOTE), narrowed.out());
  }

  @Test
  void drift_targetNamingAnUndeclaredClient_listsOnlyIt() {
    CliRun run = ccr("drift", clients.toString(), "--target", "stray");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(run.out().contains("? stray (" + POOL + "/stray0id)"), run.out());
    assertFalse(run.out().contains("stray-two"), run.out());
    assertTrue(run.out().endsWith("; 1 unmanaged client.\n"), run.out());
  }

  // ---- --prune when a file could not be read

  @Test
  void plan_prune_aDanglingLinkAmongTheFiles_refusesNamingItAndDeletesNothing() throws IOException {
    Path link = clients.resolve("zz-adoptee.yaml");
    Files.createSymbolicLink(link, dir.resolve("nonexistent.yaml"));

    CliRun run = ccr("plan", clients.toString(), "--prune");

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertFalse(run.out().contains("- stray"), run.out());
    assertTrue(
        run.err()
            .contains(
                "ccr: error: --prune refused: a file was found and not read, so ccr cannot tell"
                    + " which clients it declares, and pruning could delete them: "
                    + link
                    + " is a symbolic link to "
                    + dir.resolve("nonexistent.yaml")
                    + ", which does not exist. Fix or remove it, or run without --prune; nothing"
                    + " is deleted.\n"),
        run.err());
  }

  @Test
  void plan_withoutPrune_aDanglingLinkAmongTheFiles_isOnlyAWarning() throws IOException {
    Files.createSymbolicLink(clients.resolve("zz.yaml"), dir.resolve("nonexistent.yaml"));

    CliRun run = ccr("plan", clients.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(run.err().contains("which does not exist; no client is read from it"), run.err());
  }

  @Test
  void applyPath_prune_aDanglingLinkAmongTheFiles_writesNothing() throws IOException {
    Files.createSymbolicLink(clients.resolve("zz.yaml"), dir.resolve("nonexistent.yaml"));
    write("web.yaml", "UserPoolId: " + POOL + "\nClientId: web0id\nClientName: web-renamed\n");

    CliRun run = ccr("apply", clients.toString(), "--prune", "--auto-approve");

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(run.err().contains("--prune refused"), run.err());
    assertEquals(0, calls(Operation.DELETE) + calls(Operation.UPDATE));
  }

  @Test
  void plan_prune_aFileMovedIntoAHiddenDirectory_prunesItsClient() throws IOException {
    Files.createDirectories(clients.resolve(".old"));
    Files.move(clients.resolve("web.yaml"), clients.resolve(".old/web.yaml"));
    write("api.yaml", "UserPoolId: " + POOL + "\nClientId: stray1id\nClientName: stray-two\n");

    CliRun run = ccr("plan", clients.toString(), "--prune");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(run.out().contains("- web (" + POOL + "/web0id)"), run.out());
  }

  // ---- --prune and documents of other environments

  @Test
  void plan_prune_clientDeclaredForAnotherEnvironmentOnly_isKeptAndSaysSoOnce() throws IOException {
    Files.writeString(
        dir.resolve("ccr.yaml"),
        "environments:\n  dev:\n    vars: {pool: "
            + POOL
            + "}\n  prod:\n    vars: {pool: "
            + POOL
            + "}\n");
    Path debug =
        write("debug.yaml", "UserPoolId: ${pool}\nClientName: stray\nccr: {environments: [dev]}\n");

    CliRun run =
        ccr(
            "plan",
            clients.toString(),
            "--config",
            dir.resolve("ccr.yaml").toString(),
            "--env",
            "prod",
            "--prune");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(
        run.out()
            .contains(
                "? stray ("
                    + POOL
                    + "/stray0id)\n  # kept: declared for environment dev only ("
                    + debug
                    + ":1)\n"),
        run.out());
    assertEquals(1, run.out().split("kept:", -1).length - 1, run.out());
    assertTrue(run.out().contains("- stray-two (" + POOL + "/stray1id)"), run.out());
    assertTrue(run.out().endsWith("Plan: 0 to create, 0 to update, 1 to delete, 1 unchanged.\n"));
  }

  @Test
  void planDriftAndApply_classifyAClientOfAnotherEnvironmentAlike_declaredNotUnmanaged()
      throws IOException {
    Files.writeString(
        dir.resolve("ccr.yaml"),
        "environments:\n  dev:\n    vars: {pool: "
            + POOL
            + "}\n  prod:\n    vars: {pool: "
            + POOL
            + "}\n");
    write("debug.yaml", "UserPoolId: ${pool}\nClientName: stray\nccr: {environments: [dev]}\n");
    String config = dir.resolve("ccr.yaml").toString();

    CliRun plan = ccr("plan", clients.toString(), "--config", config, "--env", "prod");
    CliRun drift =
        ccr(
            "drift",
            clients.toString(),
            "--config",
            config,
            "--env",
            "prod",
            "--fail-on-unmanaged",
            "--format",
            "json");
    CliRun apply =
        ccr(
            "apply",
            clients.toString(),
            "--config",
            config,
            "--env",
            "prod",
            "--prune",
            "--auto-approve");

    assertTrue(
        plan.out().contains("1 client of the declared pools is declared in no file"), plan.out());
    assertEquals(ExitCode.CHANGES, drift.exitCode(), drift.all());
    assertTrue(drift.out().contains("\"stray1id\""), drift.out());
    assertFalse(drift.out().contains("\"stray0id\""), "declared for dev: " + drift.out());
    assertEquals(ExitCode.OK, apply.exitCode(), apply.all());
    assertTrue(fake.stored(POOL, "stray0id").isPresent(), "dev's client kept");
    assertFalse(fake.stored(POOL, "stray1id").isPresent(), "the unmanaged one pruned");
    CliRun after =
        ccr(
            "drift",
            clients.toString(),
            "--config",
            config,
            "--env",
            "prod",
            "--fail-on-unmanaged");
    assertEquals(ExitCode.OK, after.exitCode(), after.all());
  }

  // ---- the summary counts errors; adoption is shown

  @Test
  void plan_withAClientThatCannotBeRead_countsItInTheSummary() throws IOException {
    write("web.yaml", "UserPoolId: " + POOL + "\nClientId: web0id\nClientName: web-renamed\n");
    write("gone.yaml", "UserPoolId: " + POOL + "\nClientId: gone0id\n");

    CliRun run = ccr("plan", clients.toString());

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(
        run.out()
            .contains("Plan: 0 to create, 1 to update, 0 to delete, 0 unchanged, 1 with errors."),
        run.out());
  }

  @Test
  void plan_updateOfAClientFoundByName_isShownAsAdopted() throws IOException {
    write("web.yaml", "UserPoolId: " + POOL + "\nClientName: web\nAuthSessionValidity: 7\n");

    CliRun text = ccr("plan", clients.toString());
    CliRun markdown = ccr("plan", clients.toString(), "--format", "markdown");

    assertTrue(text.out().startsWith("~ web (" + POOL + "/web0id) adopted by name\n"), text.out());
    assertTrue(
        markdown.out().contains("| update (adopted by name) | web | `" + POOL + "` | 1 |"),
        markdown.out());
    assertTrue(
        markdown.out().contains("<summary>~ web (" + POOL + "/web0id) adopted by name &middot;"),
        markdown.out());
  }
}
