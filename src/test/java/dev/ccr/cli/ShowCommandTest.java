package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccr show}: a saved plan printed as plan printed it, with apply's checks, no AWS call. */
class ShowCommandTest {
  private static final String POOL = "us-east-1_Example12";

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway();
  private Path plan;
  private CliRun planRun;

  private CliRun run(String... args) {
    return CliRun.run(new Context(Map.of(), options -> fake), args);
  }

  @BeforeEach
  void savePlan() throws IOException {
    Map<String, Object> live = new LinkedHashMap<>();
    live.put("ClientName", "web");
    live.put("PreventUserExistenceErrors", "LEGACY");
    fake.seed(POOL, "web", live, false);
    Files.writeString(
        dir.resolve("web.yaml"),
        "UserPoolId: "
            + POOL
            + "\nClientId: web\nClientName: web\nPreventUserExistenceErrors: ENABLED\n");
    plan = dir.resolve("plans/nested/plan.json");
    planRun = run("plan", dir.resolve("web.yaml").toString(), "--out", plan.toString());
    assertEquals(ExitCode.OK, planRun.exitCode(), planRun.err());
  }

  @Test
  void planOut_createsMissingFolders() {
    assertTrue(Files.isRegularFile(plan), "plan --out made plans/nested/");
  }

  @Test
  void show_printsTheSavedPlanAsPlanDidAndMakesNoCall() {
    int calls = fake.calls().size();

    CliRun show = run("show", plan.toString());

    assertEquals(ExitCode.OK, show.exitCode(), show.err());
    assertEquals(planRun.out(), show.out());
    assertTrue(show.out().contains("~ PreventUserExistenceErrors: LEGACY -> ENABLED"), show.out());
    assertEquals(calls, fake.calls().size(), "show reads no client");
  }

  @Test
  void showJson_isThePlanFileAgain() throws IOException {
    CliRun show = run("show", plan.toString(), "--format", "json");

    assertEquals(ExitCode.OK, show.exitCode(), show.err());
    assertEquals(Files.readString(plan), show.out());
  }

  @Test
  void showJson_withUnmanagedClients_isStillThePlanFileByteForByte() throws IOException {
    Map<String, Object> stray = new LinkedHashMap<>();
    stray.put("ClientName", "stray");
    fake.seed(POOL, "stray", stray, false);
    CliRun again = run("plan", dir.resolve("web.yaml").toString(), "--out", plan.toString());
    assertTrue(again.out().contains("1 client of the declared pools is declared in no file"));

    CliRun show = run("show", plan.toString(), "--format", "json");

    assertEquals(ExitCode.OK, show.exitCode(), show.err());
    assertEquals(Files.readString(plan), show.out());
    assertTrue(show.out().contains("\"unmanaged\": 1"), show.out());
  }

  @Test
  void showMarkdown_isPlansMarkdown() {
    CliRun show = run("show", plan.toString(), "--format", "markdown");
    CliRun markdown = run("plan", dir.resolve("web.yaml").toString(), "--format", "markdown");

    assertEquals(ExitCode.OK, show.exitCode(), show.err());
    assertEquals(markdown.out(), show.out());
  }

  @Test
  void show_editedPlan_exits1NamingTheProblem() throws IOException {
    Files.writeString(plan, Files.readString(plan).replace("ENABLED", "LEGACY"));

    CliRun show = run("show", plan.toString());

    assertEquals(ExitCode.ERROR, show.exitCode());
    assertTrue(show.err().contains("the plan file was modified after ccr wrote it"), show.err());
    assertEquals("", show.out());
    assertFalse(show.hasStackTrace(), show.err());
  }

  @Test
  void showAndApply_aPlanFileOverTheLimit_areRefusedUnread() throws IOException {
    Path big = dir.resolve("big.json");
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(dev.ccr.plan.PlanFile.MAX_BYTES + 1);
    }

    for (String[] args :
        List.of(
            new String[] {"show", big.toString()},
            new String[] {"apply", "--plan", big.toString()})) {
      CliRun run = run(args);
      assertEquals(ExitCode.ERROR, run.exitCode(), run.err());
      assertTrue(run.err().contains("bytes, over the limit of 16777216 bytes (16 MiB)"), run.err());
    }
  }

  @Test
  void show_missingFileOrDirectory_isAUsageError() {
    CliRun missing = run("show", dir.resolve("nope.json").toString());
    CliRun folder = run("show", dir.toString());
    CliRun none = run("show");

    assertEquals(ExitCode.USAGE, missing.exitCode());
    assertTrue(missing.err().contains("no such plan file: "), missing.err());
    assertEquals(ExitCode.USAGE, folder.exitCode());
    assertTrue(folder.err().contains("is not a regular file but a directory"), folder.err());
    assertEquals(ExitCode.USAGE, none.exitCode());
    assertTrue(none.err().contains("Missing required parameter: 'PLANFILE'"), none.err());
  }

  @Test
  void showHelp_describesTheCommand() {
    CliRun help = run("show", "--help");

    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().contains("Usage: ccr show"), help.out());
    assertTrue(help.out().contains("--format=FORMAT"), help.out());
    assertTrue(run("--help").out().contains("show"), "top-level help lists show");
  }
}
