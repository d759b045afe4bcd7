package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.live.GatewayException;
import dev.ccr.live.GatewayException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccr apply} in process, against the fake gateway with Cognito's reset-on-omit semantics.
 */
class ApplyCommandTest {
  private static final String POOL = "us-east-1_Example12";
  private static final Terminal PIPE = new Terminal(false, false, false);
  private static final Terminal TTY = new Terminal(true, false, false);

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway();

  private Path file(String clientId, String body) throws IOException {
    Path file = dir.resolve(clientId + ".yaml");
    Files.writeString(file, "UserPoolId: " + POOL + "\nClientId: " + clientId + "\n" + body);
    return file;
  }

  private CliRun run(Terminal terminal, String stdin, String... args) {
    Context context =
        new Context(
            Map.of(),
            options -> fake,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return CliRun.run(context, terminal, args);
  }

  private long updates() {
    return fake.calls().stream().filter(c -> c.operation() == Operation.UPDATE).count();
  }

  private void seedWeb() throws IOException {
    fake.seed(
        POOL,
        "web",
        map("ClientName", "web", "PreventUserExistenceErrors", "LEGACY", "AuthSessionValidity", 9),
        false);
    file("web", "ClientName: web\nPreventUserExistenceErrors: ENABLED\n");
  }

  @Test
  void applyPath_withoutTerminalOrAutoApprove_refusesWith64AndWritesNothing() throws IOException {
    seedWeb();
    CliRun run = run(PIPE, "yes\n", "apply", dir.toString());
    assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("there is no terminal to ask on; nothing was applied"), run.err());
    assertTrue(run.err().contains("--auto-approve"), run.err());
    assertEquals(0, updates());
  }

  @Test
  void applyPath_autoApprove_appliesAndKeepsUnmanagedAttributes() throws IOException {
    seedWeb();
    CliRun run = run(PIPE, "", "apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("~ PreventUserExistenceErrors: LEGACY -> ENABLED"), run.out());
    assertTrue(
        run.out().contains("web (us-east-1_Example12/web): updated PreventUserExistenceErrors\n"),
        run.out());
    assertTrue(
        run.out().endsWith("Apply: 0 created, 1 updated, 0 deleted, 0 failed, 0 unchanged.\n"),
        run.out());
    assertEquals(
        "ENABLED",
        fake.stored(POOL, "web").orElseThrow().attributes().get("PreventUserExistenceErrors"));
    assertEquals(9, fake.stored(POOL, "web").orElseThrow().attributes().get("AuthSessionValidity"));
  }

  @Test
  void applyPath_onATerminal_answeredNo_writesNothing() throws IOException {
    seedWeb();
    CliRun run = run(TTY, "no\n", "apply", dir.toString());
    assertEquals(ExitCode.ERROR, run.exitCode(), "the changes remain: " + run.err());
    assertTrue(run.out().contains("Apply these changes? Only 'yes' is accepted: "), run.out());
    assertTrue(run.out().endsWith("Apply cancelled.\n"), run.out());
    assertEquals(0, updates());
  }

  @Test
  void applyPath_onATerminal_answeredYes_applies() throws IOException {
    seedWeb();
    CliRun run = run(TTY, "yes\n", "apply", dir.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertTrue(
        run.out().endsWith("Apply: 0 created, 1 updated, 0 deleted, 0 failed, 0 unchanged.\n"),
        run.out());
    assertEquals(1, updates());
  }

  @Test
  void applyPath_noChanges_saysSoAndMakesNoCallEvenWithoutTerminal() throws IOException {
    fake.seed(POOL, "web", map("ClientName", "web"), false);
    file("web", "ClientName: web\n");
    CliRun run = run(PIPE, "", "apply", dir.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("No changes."), run.out());
    assertEquals(0, updates());
  }

  @Test
  void applyPath_invalidFile_exits3BeforeAnyCall() throws IOException {
    file("web", "AuthSessionValidity: 99\n");
    CliRun run = run(PIPE, "", "apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(fake.calls().isEmpty());
  }

  @Test
  void apply_oneFails_appliesTheOthersAndSummarises() throws IOException {
    for (String id : new String[] {"c1", "c2", "c3", "c4"}) {
      fake.seed(POOL, id, map("ClientName", id), false);
      file(id, "ClientName: " + (id.equals("c4") ? id : id + "-new") + "\n");
    }
    fake.failAlways(
        Operation.UPDATE,
        POOL,
        "c1",
        new GatewayException(
            Reason.REJECTED,
            "InvalidParameterException",
            Operation.UPDATE.action(),
            "ClientName c1-new is taken"));

    CliRun run = run(PIPE, "", "apply", dir.toString(), "--auto-approve");

    assertEquals(ExitCode.ERROR, run.exitCode());
    assertTrue(
        run.out().endsWith("Apply: 0 created, 2 updated, 0 deleted, 1 failed, 1 unchanged.\n"),
        run.out());
    assertTrue(
        run.err()
            .contains(
                dir.resolve("c1.yaml")
                    + ":3:1: error: c1 (us-east-1_Example12/c1): update failed: ClientName c1-new is taken (InvalidParameterException); it concerns ClientName"),
        run.err());
    assertEquals("c2-new", fake.stored(POOL, "c2").orElseThrow().clientName());
    assertEquals("c3-new", fake.stored(POOL, "c3").orElseThrow().clientName());
    assertEquals("c1", fake.stored(POOL, "c1").orElseThrow().clientName());
  }

  @Test
  void applyPlan_anotherFormatVersion_exits1WithAClearMessageAndWritesNothing() throws IOException {
    seedWeb();
    Path plan = dir.resolve("plan.json");
    assertEquals(
        ExitCode.OK,
        run(PIPE, "", "plan", dir.resolve("web.yaml").toString(), "--out", plan.toString())
            .exitCode());
    Files.writeString(
        plan, Files.readString(plan).replace("\"formatVersion\": 2", "\"formatVersion\": 3"));
    int before = fake.calls().size();

    CliRun run = run(PIPE, "", "apply", "--plan", plan.toString());

    assertEquals(ExitCode.ERROR, run.exitCode());
    assertTrue(
        run.err().contains("plan format version 3 is not supported; this ccr reads version 2"),
        run.err());
    assertEquals(before, fake.calls().size(), "no call at all");
  }

  @Test
  void applyPlan_appliesWithoutAskingAndPlanIsThenEmpty() throws IOException {
    seedWeb();
    Path plan = dir.resolve("plan.json");
    run(PIPE, "", "plan", dir.resolve("web.yaml").toString(), "--out", plan.toString());

    CliRun run = run(PIPE, "", "apply", "--plan", plan.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertFalse(run.out().contains("Apply these changes?"));
    assertTrue(
        run.out().endsWith("Apply: 0 created, 1 updated, 0 deleted, 0 failed, 0 unchanged.\n"),
        run.out());
    assertEquals(
        ExitCode.OK,
        run(PIPE, "", "plan", dir.resolve("web.yaml").toString(), "--detailed-exitcode")
            .exitCode());
  }

  @Test
  void applyPlan_clientMoved_exits4NamingTheAttributeAndWritesNothing() throws IOException {
    seedWeb();
    Path plan = dir.resolve("plan.json");
    run(PIPE, "", "plan", dir.resolve("web.yaml").toString(), "--out", plan.toString());
    fake.change(POOL, "web", map("ClientName", "web-renamed"));

    CliRun run = run(PIPE, "", "apply", "--plan", plan.toString());

    assertEquals(ExitCode.STALE, run.exitCode());
    assertTrue(
        run.err()
            .contains(
                dir.resolve("web.yaml")
                    + ":1: web (us-east-1_Example12/web): ClientName changed since the plan: web -> web-renamed"),
        run.err());
    assertTrue(
        run.err()
            .contains("the plan is stale: 1 client changed since it was made; nothing was written"),
        run.err());
    assertEquals(0, updates());
  }

  @Test
  void applyPlan_unmanagedAttributeMoved_appliesKeepsItAndSaysSo() throws IOException {
    seedWeb();
    Path plan = dir.resolve("plan.json");
    run(PIPE, "", "plan", dir.resolve("web.yaml").toString(), "--out", plan.toString());
    fake.change(POOL, "web", map("AuthSessionValidity", 12));

    CliRun run = run(PIPE, "", "apply", "--plan", plan.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                "AuthSessionValidity changed since the plan (9 -> 12); the file does not manage it,"
                    + " so the new value is kept"),
        run.err());
    assertEquals(
        12, fake.stored(POOL, "web").orElseThrow().attributes().get("AuthSessionValidity"));
  }

  @Test
  void applyPlan_runTwice_saysAlreadyAppliedExits4AndWritesNothing() throws IOException {
    seedWeb();
    Path plan = dir.resolve("plan.json");
    run(PIPE, "", "plan", dir.resolve("web.yaml").toString(), "--out", plan.toString());
    assertEquals(ExitCode.OK, run(PIPE, "", "apply", "--plan", plan.toString()).exitCode());
    long writes = updates();

    CliRun again = run(PIPE, "", "apply", "--plan", plan.toString());

    assertEquals(ExitCode.STALE, again.exitCode());
    assertTrue(again.err().contains("the plan was already applied"), again.err());
    assertFalse(again.err().contains("changed since the plan"), again.err());
    assertEquals(writes, updates());
  }

  @Test
  void applyPlan_appliedInPartByAnotherWriter_exits4NamingWhatIsDoneAndWhatIsPending()
      throws IOException {
    seedWeb();
    fake.seed(
        POOL, "shop", map("ClientName", "shop", "PreventUserExistenceErrors", "LEGACY"), false);
    file("shop", "ClientName: shop\nPreventUserExistenceErrors: ENABLED\n");
    Path plan = dir.resolve("plan.json");
    run(PIPE, "", "plan", dir.toString(), "--out", plan.toString());
    fake.change(POOL, "web", map("PreventUserExistenceErrors", "ENABLED"));

    CliRun run = run(PIPE, "", "apply", "--plan", plan.toString());
    CliRun json = run(PIPE, "", "apply", "--plan", plan.toString(), "--format", "json");

    assertEquals(ExitCode.STALE, run.exitCode(), run.all());
    assertEquals(
        dir.resolve("shop.yaml")
            + ":1: shop (us-east-1_Example12/shop): not yet as the plan leaves it: still to update\n"
            + dir.resolve("web.yaml")
            + ":1: web (us-east-1_Example12/web): already as the plan leaves it (every planned"
            + " change holds)\n"
            + "ccr: the plan is stale: it was applied in part since it was made (1 client already"
            + " as it leaves them, 1 client still to write); nothing was written. Run plan again"
            + " for a plan of what remains.\n",
        run.err());
    assertFalse(run.err().contains("already applied"), run.err());
    assertEquals(0, updates());
    assertEquals(ExitCode.STALE, json.exitCode());
    var result = tools.jackson.databind.json.JsonMapper.shared().readTree(json.out());
    assertEquals("stale", result.get("outcome").stringValue());
    assertEquals(
        List.of("pending", "already-applied"),
        result.get("moved").values().stream().map(m -> m.get("kind").stringValue()).toList());
  }

  @Test
  void applyPath_formatJson_printsOnlyTheResultOnStdout() throws IOException {
    seedWeb();
    CliRun run = run(PIPE, "", "apply", dir.toString(), "--auto-approve", "--format", "json");
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    var json = tools.jackson.databind.json.JsonMapper.shared().readTree(run.out());
    assertEquals("applied", json.get("outcome").stringValue());
    assertEquals(1, json.get("summary").get("updated").intValue());
    assertEquals("updated", json.get("clients").get(0).get("result").stringValue());
    assertTrue(run.err().contains("~ PreventUserExistenceErrors: LEGACY -> ENABLED"), run.err());
    assertTrue(run.err().contains("Apply: 0 created, 1 updated"), run.err());
  }

  @Test
  void plan_regionContradictingTheUserPoolIds_isOneUsageErrorBeforeAnyCall() throws IOException {
    file("a", "ClientName: a\n");
    file("b", "ClientName: b\n");
    CliRun run = run(PIPE, "", "plan", dir.toString(), "--region", "eu-west-1");
    assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("--region eu-west-1 contradicts the region of user pool " + POOL),
        run.err());
    assertEquals(1, run.err().split("contradicts", -1).length - 1, "said once: " + run.err());
    assertTrue(fake.calls().isEmpty());
  }

  @Test
  void plan_userPoolThatDoesNotExist_isReportedOnceAndNeverAdvisesDeletingTheFile()
      throws IOException {
    file("a", "ClientName: a\n");
    file("b", "ClientName: b\n");
    CliRun run = run(PIPE, "", "plan", dir.toString());
    assertEquals(ExitCode.ERROR, run.exitCode(), run.err());
    assertTrue(run.err().contains("user pool " + POOL + " not found"), run.err());
    assertEquals(1, run.err().split(" not found", -1).length - 1, "said once: " + run.err());
    assertTrue(run.err().contains("check the UserPoolId, and the region"), run.err());
    assertFalse(run.err().contains("delete"), run.err());
  }

  @Test
  void plan_badOption_isReportedBeforeTheFilesAreRead() throws IOException {
    file("web", "AccessTokenValidity: 2\n");
    CliRun run = run(PIPE, "", "plan", dir.toString(), "--concurrency", "0");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("--concurrency must be at least 1"), run.err());
    assertFalse(run.err().contains("warning"), "no file was read: " + run.err());
  }

  @Test
  void attack_planNamingALocalFile_neverPrintsALineOfIt() throws IOException {
    seedWeb();
    Path plan = dir.resolve("plan.json");
    run(PIPE, "", "plan", dir.resolve("web.yaml").toString(), "--out", plan.toString());
    Path secret = dir.resolve("credentials");
    Files.writeString(secret, "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n");
    var root =
        (tools.jackson.databind.node.ObjectNode)
            tools.jackson.databind.json.JsonMapper.shared().readTree(Files.readString(plan));
    var source = (tools.jackson.databind.node.ObjectNode) root.get("clients").get(0).get("source");
    source.put("file", secret.toString());
    source.put("line", 1);
    root.put("digest", dev.ccr.plan.PlanFile.digest(root));
    Files.writeString(plan, root.toString());
    fake.failAlways(
        Operation.UPDATE,
        POOL,
        "web",
        new GatewayException(Reason.REJECTED, "InvalidParameterException", "u", "rejected"));

    CliRun run = run(PIPE, "", "apply", "--plan", plan.toString());

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(run.err().contains(secret + ":1:1: error:"), "reported at the recorded file");
    assertFalse(run.all().contains("wJalrXUtnFEMI"), "a line of the named file: " + run.all());
  }

  @Test
  void apply_planAndPathsTogether_isUsageError() {
    CliRun run = run(PIPE, "", "apply", "--plan", "p.json", "x.yaml");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("either --plan FILE or PATH"), run.err());
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
