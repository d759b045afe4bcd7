package dev.ccr.cli;

import static dev.ccr.plan.Clients.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * Clients registered at run time through dynamic client registration ({@code ClientType: DCR}), and
 * clients of a type ccr does not know: plan, apply, drift and export leave them alone unless the
 * run has {@code --include-dcr}, and read no more than they must to tell them apart.
 */
class RegisteredClientsTest {
  private static final String POOL = "us-east-1_Dcr1";

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway();
  private Path clients;

  @BeforeEach
  void seed() throws IOException {
    fake.seed(POOL, "web0id", map("ClientName", "web"), false);
    fake.seed(POOL, "stray0id", map("ClientName", "stray"), false);
    fake.seedTyped(POOL, "agent0id", map("ClientName", "agent"), "DCR");
    fake.seedTyped(POOL, "later0id", map("ClientName", "later"), "SOMETHING_LATER");
    clients = Files.createDirectories(dir.resolve("clients"));
    write("web.yaml", "UserPoolId: " + POOL + "\nClientId: web0id\nClientName: web\n");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(clients.resolve(name), text);
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

  private List<String> described() {
    return fake.calls().stream()
        .filter(c -> c.operation() == Operation.DESCRIBE)
        .map(FakeCognitoGateway.Call::clientId)
        .sorted()
        .toList();
  }

  // ---- adoption by name

  @Test
  void plan_onlyARegisteredClientHasTheFileName_createsARegularOneWithAWarningNamingIt()
      throws IOException {
    write("agent.yaml", "UserPoolId: " + POOL + "\nClientName: agent\n");

    CliRun run = ccr("plan", clients.toString(), "--detailed-exitcode");

    assertEquals(ExitCode.CHANGES, run.exitCode(), run.all());
    assertTrue(run.out().contains("+ agent"), run.out());
    assertTrue(
        run.err()
            .contains(
                "warning: ClientName: the client agent0id (ClientType DCR) of pool "
                    + POOL
                    + " named agent is not a regular client"),
        run.err());
    assertTrue(run.err().contains("add its ClientId to the file, or run with --include-dcr"));
  }

  @Test
  void apply_onlyARegisteredClientHasTheFileName_createsARegularOneAndLeavesItAlone()
      throws IOException {
    write("agent.yaml", "UserPoolId: " + POOL + "\nClientName: agent\nAuthSessionValidity: 7\n");

    CliRun run = ccr("apply", clients.toString(), "--auto-approve");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(1, calls(Operation.CREATE));
    assertEquals(0, calls(Operation.UPDATE), "the registered client is not written");
    assertFalse(
        fake.stored(POOL, "agent0id")
            .orElseThrow()
            .attributes()
            .containsKey("AuthSessionValidity"));
    CliRun again = ccr("plan", clients.toString());
    assertEquals(
        ExitCode.OK, again.exitCode(), "the created client is found by name: " + again.all());
  }

  @Test
  void applySavedPlan_createBesideARegisteredClientOfTheName_isNotStale() throws IOException {
    write("agent.yaml", "UserPoolId: " + POOL + "\nClientName: agent\n");
    Path saved = dir.resolve("plan.json");
    ccr("plan", clients.toString(), "--out", saved.toString());

    CliRun run = ccr("apply", "--plan", saved.toString(), "--auto-approve");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(1, calls(Operation.CREATE));
  }

  @Test
  void plan_aRegisteredAndARegularClientShareTheFileName_adoptsTheRegularOne() throws IOException {
    fake.seed(POOL, "agent1id", map("ClientName", "agent"), false);
    write("agent.yaml", "UserPoolId: " + POOL + "\nClientName: agent\n");

    CliRun run = ccr("plan", clients.toString(), "--format", "json");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    JsonNode plan = JsonMapper.shared().readTree(run.out());
    assertTrue(plan.toString().contains("agent1id"), run.out());
    assertFalse(plan.toString().contains("agent0id"), run.out());
    assertEquals(
        List.of("agent0id", "agent1id", "web0id"),
        described(),
        "each client of the name read once, and no other undeclared client");
  }

  @Test
  void plan_includeDcr_adoptsTheRegisteredClientByName() throws IOException {
    write("agent.yaml", "UserPoolId: " + POOL + "\nClientName: agent\nAuthSessionValidity: 7\n");

    CliRun run = ccr("plan", clients.toString(), "--include-dcr", "--detailed-exitcode");

    assertEquals(ExitCode.CHANGES, run.exitCode(), run.all());
    assertTrue(run.out().contains("~ agent (" + POOL + "/agent0id)"), run.out());
    assertFalse(run.err().contains("not a regular client"), run.err());
  }

  @Test
  void plan_aFileNamingARegisteredClientById_managesIt() throws IOException {
    write(
        "agent.yaml",
        "UserPoolId: "
            + POOL
            + "\nClientId: agent0id\nClientName: agent\nAuthSessionValidity: 7\n");

    CliRun run = ccr("plan", clients.toString(), "--detailed-exitcode");

    assertEquals(ExitCode.CHANGES, run.exitCode(), run.all());
    assertTrue(run.out().contains("~ agent (" + POOL + "/agent0id)"), run.out());
  }

  @Test
  void plan_withoutPruneOrDrift_readsOnlyTheDeclaredClients() {
    CliRun run = ccr("plan", clients.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(List.of("web0id"), described());
  }

  // ---- --prune

  @Test
  void planPrune_deletesTheRegularStrayOnlyAndReadsEachUndeclaredClientOnce() {
    CliRun run = ccr("plan", clients.toString(), "--prune", "--detailed-exitcode");

    assertEquals(ExitCode.CHANGES, run.exitCode(), run.all());
    assertTrue(run.out().contains("- stray (" + POOL + "/stray0id)"), run.out());
    assertFalse(run.out().contains("- agent"), run.out());
    assertFalse(run.out().contains("- later"), run.out());
    assertTrue(
        run.out()
            .contains(
                "2 clients registered at run time (DCR) are left alone; --include-dcr treats them"
                    + " like the others."),
        run.out());
    assertEquals(List.of("agent0id", "later0id", "stray0id", "web0id"), described());
  }

  @Test
  void applyPrune_deletesOnlyTheRegularStray() {
    CliRun run = ccr("apply", clients.toString(), "--prune", "--auto-approve");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(fake.stored(POOL, "stray0id").isEmpty());
    assertTrue(fake.stored(POOL, "agent0id").isPresent());
    assertTrue(fake.stored(POOL, "later0id").isPresent());
  }

  @Test
  void applyPrune_includeDcr_deletesTheRegisteredClientsToo() {
    CliRun run = ccr("apply", clients.toString(), "--prune", "--include-dcr", "--auto-approve");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(3, calls(Operation.DELETE));
    assertTrue(fake.stored(POOL, "agent0id").isEmpty());
  }

  // ---- drift

  @Test
  void drift_listsRegisteredClientsApartAndTheyDoNotFailOnUnmanaged() {
    CliRun run = ccr("drift", clients.toString(), "--fail-on-unmanaged", "--format", "json");

    JsonNode report = JsonMapper.shared().readTree(run.out());
    assertEquals(1, report.get("summary").get("unmanaged").asInt(), run.out());
    assertEquals(2, report.get("summary").get("registered").asInt(), run.out());
    assertEquals("stray0id", report.get("unmanaged").get(0).get("clientId").asString());
    assertEquals("DCR", report.get("registered").get(0).get("clientType").asString());
    assertEquals("SOMETHING_LATER", report.get("registered").get(1).get("clientType").asString());
  }

  @Test
  void drift_includeDcr_countsThemAsUnmanaged() {
    CliRun run = ccr("drift", clients.toString(), "--include-dcr", "--format", "json");

    JsonNode report = JsonMapper.shared().readTree(run.out());
    assertEquals(3, report.get("summary").get("unmanaged").asInt(), run.out());
    assertEquals(0, report.get("summary").get("registered").asInt(), run.out());
    assertEquals(List.of("web0id"), described(), "--include-dcr reads no undeclared client");
  }

  @Test
  void drift_text_saysHowManyAreRegisteredAtRunTime() {
    CliRun run = ccr("drift", clients.toString());

    assertTrue(
        run.out()
            .contains(
                "No drift. 1 client matches its file; 1 unmanaged client; 2 clients registered at"
                    + " run time (DCR)."),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "registered at run time through dynamic client registration (ClientType DCR)"),
        run.out());
  }

  // ---- export

  @Test
  void export_wholePool_leavesRegisteredClientsOutAndSaysSo() {
    CliRun run = ccr("export", "--user-pool-id", POOL);

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(run.out().contains("ClientName: web"), run.out());
    assertFalse(run.out().contains("ClientName: agent"), run.out());
    assertTrue(
        run.err()
            .contains(
                "ccr: left out 2 clients registered at run time (not REGULAR): agent0id (ClientType"
                    + " DCR), later0id (ClientType SOMETHING_LATER); --include-dcr exports them"
                    + " too"),
        run.err());
    assertTrue(run.err().contains("Exported 2 clients of " + POOL), run.err());
  }

  @Test
  void export_includeDcrOrByClientId_exportsThem() {
    CliRun all = ccr("export", "--user-pool-id", POOL, "--include-dcr");
    CliRun one = ccr("export", "--user-pool-id", POOL, "--client-id", "agent0id");

    assertTrue(all.out().contains("ClientName: agent"), all.out());
    assertTrue(all.err().contains("Exported 4 clients"), all.err());
    assertTrue(one.out().contains("ClientName: agent"), one.out());
  }
}
