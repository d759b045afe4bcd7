package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.plan.PlanFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plan files that ccr did not write, or wrote differently, given to {@code ccr apply --plan}; and
 * links planted where {@code plan --out} and {@code drift --output} write. Each is refused before
 * any call to AWS, with a message that names the plan file and what is wrong.
 */
class PlanFileAttackTest {
  private static final String POOL = "us-east-1_Example12";
  private static final String OUTSIDE = "precious\n";

  @TempDir Path dir;
  private final FakeCognitoGateway fake =
      new FakeCognitoGateway()
          .seed(
              POOL,
              "web",
              Map.of("ClientName", "web", "PreventUserExistenceErrors", "LEGACY"),
              false);
  private final List<AwsOptions> opened = new ArrayList<>();

  /** The calls made to plan, before the apply under test. */
  private int planCalls;

  private CliRun run(String... args) {
    return CliRun.run(
        new Context(
            Map.of(),
            options -> {
              opened.add(options);
              return fake;
            }),
        new Terminal(false, false, false),
        args);
  }

  /** A plan of web's one change, saved by ccr. */
  private Path plan() throws IOException {
    Path file = dir.resolve("web.yaml");
    Files.writeString(
        file, "UserPoolId: " + POOL + "\nClientId: web\nPreventUserExistenceErrors: ENABLED\n");
    Path plan = dir.resolve("plan.json");
    CliRun run = run("plan", file.toString(), "--out", plan.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    opened.clear();
    planCalls = fake.calls().size();
    return plan;
  }

  /** The saved plan, edited, with a digest that matches again: what a careful forger writes. */
  private Path forged(Consumer<ObjectNode> edit) throws IOException {
    Path plan = plan();
    ObjectNode root = (ObjectNode) JsonMapper.shared().readTree(Files.readString(plan));
    edit.accept(root);
    root.put("digest", PlanFile.digest(root));
    Files.writeString(plan, root.toString());
    return plan;
  }

  private void assertNoCallAndNoUsageHint(CliRun run) {
    assertEquals(planCalls, fake.calls().size(), "no call to AWS");
    assertTrue(opened.isEmpty(), "no connection opened");
    assertFalse(run.err().contains("--help"), run.err());
    assertFalse(run.hasStackTrace(), run.err());
  }

  @Test
  void attack_versionOnePlanWithoutDigest_exit1SayingMakeItAgainAndNoCall() throws IOException {
    Path plan = dir.resolve("old.json");
    Files.copy(
        dev.ccr.testing.Golden.projectDir().resolve("src/test/resources/plan-files/version-1.json"),
        plan);

    CliRun run = run("apply", "--plan", plan.toString());

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertEquals(
        "ccr: error: "
            + plan
            + ": this plan was made by an older ccr (plan format version 1), whose plan files carry"
            + " no digest, so ccr cannot tell whether it was edited since; nothing is applied from"
            + " it. Make the plan again with 'ccr plan --out FILE'.\n"
            + "ccr: nothing was applied.\n",
        run.err());
    assertNoCallAndNoUsageHint(run);
  }

  @Test
  void attack_forgedChangeOfAnUnmanagedAttribute_exit1NamingClientAndPathAndNothingWritten()
      throws IOException {
    Path plan =
        forged(
            root -> {
              ObjectNode change =
                  ((ArrayNode) root.get("clients").get(0).get("changes")).addObject();
              change.put("path", "CallbackURLs");
              change.putObject("before").put("type", "set").putArray("items");
              change
                  .putObject("after")
                  .put("type", "set")
                  .putArray("items")
                  .add("https://evil.example.com/cb");
              change.putArray("added").add("https://evil.example.com/cb");
              change.putArray("removed");
            });

    CliRun run = run("apply", "--plan", plan.toString());

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .startsWith(
                "ccr: error: "
                    + plan
                    + ": client web ("
                    + POOL
                    + "/web): CallbackURLs is changed, but it is not among the paths the client's"
                    + " file manages (PreventUserExistenceErrors); the plan file was edited. Run"
                    + " plan again\n"),
        run.err());
    assertNoCallAndNoUsageHint(run);
  }

  @Test
  void attack_endpointUrlInThePlanThatCcrWouldNotTake_exit1NamingPlanFileAndField()
      throws IOException {
    for (String endpoint :
        List.of("ftp://127.0.0.1:21/", "http://127.0.0.1:99999", "http://127.0.0.1:1/?x=1")) {
      Path plan = forged(root -> root.putObject("environment").put("endpointUrl", endpoint));

      CliRun run = run("apply", "--plan", plan.toString());

      assertEquals(ExitCode.ERROR, run.exitCode(), endpoint + ": " + run.all());
      assertTrue(
          run.err().startsWith("ccr: error: " + plan + ": environment.endpointUrl: "), run.err());
      assertTrue(run.err().endsWith("ccr: nothing was applied.\n"), run.err());
      assertNoCallAndNoUsageHint(run);
    }
  }

  @Test
  void attack_planOutsideTheSchema_eachProblemOnALineOfItsOwn() throws IOException {
    Path plan =
        forged(
            root -> {
              ObjectNode client = (ObjectNode) root.get("clients").get(0);
              client.put("action", "skip");
              ((ObjectNode) client.get("changes").get(0).get("after")).put("type", "script");
            });

    CliRun run = run("apply", "--plan", plan.toString());

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertEquals(
        "ccr: error: "
            + plan
            + ": not a valid plan file: clients[0].action: \"skip\" does not have a value in the"
            + " enumeration [\"create\", \"update\", \"delete\", \"no-op\"]\n"
            + "ccr: error: "
            + plan
            + ": not a valid plan file: clients[0].changes[0].after.type: \"script\" does not have"
            + " a value in the enumeration [\"none\", \"string\", \"integer\", \"boolean\","
            + " \"set\", \"duration\"]\n"
            + "ccr: nothing was applied.\n",
        run.err());
    assertNoCallAndNoUsageHint(run);
  }

  @Test
  void attack_planFileThatIsNoRegularFile_usageErrorSayingSo() throws Exception {
    Path fifo = dir.resolve("plan.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Map<Path, String> cases =
        Map.of(
            dir,
            "a directory",
            fifo,
            "a special file (a FIFO, socket or device)",
            Path.of("/dev/null"),
            "a special file (a FIFO, socket or device)");
    for (Map.Entry<Path, String> c : cases.entrySet()) {
      CliRun run = run("apply", "--plan", c.getKey().toString());

      assertEquals(ExitCode.USAGE, run.exitCode(), run.all());
      assertEquals(
          "ccr: "
              + c.getKey()
              + " is not a regular file but "
              + c.getValue()
              + "; give the file 'ccr plan --out FILE' wrote\n",
          run.err());
      assertTrue(opened.isEmpty());
    }
    CliRun missing = run("apply", "--plan", dir.resolve("nope.json").toString());
    assertEquals(ExitCode.USAGE, missing.exitCode());
    assertEquals("ccr: no such plan file: " + dir.resolve("nope.json") + "\n", missing.err());
  }

  // ---- files ccr writes on request never go through a link

  @Test
  void attack_planOutIsASymbolicLink_exit1AndItsTargetKept() throws IOException {
    Path outside = Files.writeString(dir.resolve("precious.txt"), OUTSIDE);
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), outside);
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("new.txt"));
    Files.writeString(
        dir.resolve("web.yaml"),
        "UserPoolId: " + POOL + "\nClientId: web\nPreventUserExistenceErrors: ENABLED\n");

    for (Path out : List.of(link, dangling)) {
      CliRun run = run("plan", dir.resolve("web.yaml").toString(), "--out", out.toString());

      assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
      assertTrue(
          run.err()
              .endsWith(
                  "ccr: cannot write the plan to "
                      + out
                      + ": "
                      + out
                      + " is a symbolic link to "
                      + Files.readSymbolicLink(out)
                      + "; ccr writes only a regular file, never through a link, so it was left"
                      + " as it is\n"),
          run.err());
    }
    assertEquals(OUTSIDE, Files.readString(outside));
    assertFalse(Files.exists(dir.resolve("new.txt")));
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void planOut_aRegularFileThatExists_isReplaced() throws IOException {
    Path out = Files.writeString(dir.resolve("plan.json"), "old\n");
    Path plan = plan();
    assertEquals(out, plan);
    assertTrue(Files.readString(out).startsWith("{\n  \"formatVersion\": 2,"));
  }

  @Test
  void attack_driftOutputIsASymbolicLink_exit1AndItsTargetKept() throws IOException {
    Path outside = Files.writeString(dir.resolve("precious.txt"), OUTSIDE);
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), outside);
    Files.writeString(
        dir.resolve("web.yaml"),
        "UserPoolId: " + POOL + "\nClientId: web\nPreventUserExistenceErrors: ENABLED\n");

    CliRun run =
        run(
            "drift",
            dir.resolve("web.yaml").toString(),
            "--format",
            "json",
            "--output",
            link.toString());

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains(
                "ccr: cannot write "
                    + link
                    + ": "
                    + link
                    + " is a symbolic link to "
                    + outside
                    + "; ccr writes only a regular file, never through a link"),
        run.err());
    assertEquals(OUTSIDE, Files.readString(outside));
    assertEquals(0, fake.calls().stream().filter(c -> c.operation() == Operation.UPDATE).count());
  }
}
