package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Near misses get a suggestion: commands, --target values and variables. */
class DidYouMeanTest {
  private static final String POOL = "us-east-1_Example12";

  @TempDir Path dir;

  @Test
  void version_asACommand_pointsToTheOption() {
    CliRun run = CliRun.run("version");

    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("Did you mean: ccr --version?"), run.err());
  }

  @Test
  void misspeltOption_suggestsTheCommandsNearestOption() {
    CliRun run = CliRun.run("plan", "--evn", "dev");

    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("Unknown option: '--evn'"), run.err());
    assertTrue(run.err().contains("Did you mean: --env?"), run.err());
    assertTrue(
        CliRun.run("drift", "--fail-on-unmanged").err().contains("--fail-on-unmanaged"),
        "a long option name too");
    assertFalse(
        CliRun.run("plan", "--zzzzzz").err().contains("Did you mean"), "nothing near: no guess");
  }

  @Test
  void otherToolsWords_pointToCcrsCommands() {
    assertTrue(CliRun.run("format").err().contains("Did you mean: ccr fmt?"));
    assertTrue(CliRun.run("diff").err().contains("Did you mean: ccr plan?"));
    assertTrue(CliRun.run("valdate").err().contains("Did you mean: ccr validate"));
  }

  @Test
  void target_misspelt_suggestsTheNearestClientName() throws IOException {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    Map<String, Object> live = new LinkedHashMap<>();
    live.put("ClientName", "dashboard-spa");
    fake.seed(POOL, "spa", live, false);
    Files.writeString(
        dir.resolve("spa.yaml"),
        "UserPoolId: " + POOL + "\nClientId: spa\nClientName: dashboard-spa\n");

    CliRun run =
        CliRun.run(
            new Context(Map.of(), options -> fake),
            "plan",
            dir.toString(),
            "--target",
            "dashbord-spa");

    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(
        run.err().contains("--target dashbord-spa matches no client: give a client name"),
        run.err());
    assertTrue(run.err().contains("; did you mean dashboard-spa?"), run.err());
  }

  @Test
  void variable_misspelt_suggestsTheNearestName() throws IOException {
    Files.writeString(
        dir.resolve("ccr.yaml"), "environments:\n  dev:\n    vars:\n      pool: " + POOL + "\n");
    Files.writeString(dir.resolve("web.yaml"), "UserPoolId: ${pol}\nClientName: web\n");

    CliRun run =
        CliRun.run(
            "validate",
            "--config",
            dir.resolve("ccr.yaml").toString(),
            "--env",
            "dev",
            dir.resolve("web.yaml").toString());

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(run.err().contains("(did you mean pool?)"), run.err());
  }

  @Test
  void variableNoFileUses_isAWarningNamingWhereItIsDefined() throws IOException {
    Path clients = Files.createDirectories(dir.resolve("clients"));
    Files.writeString(
        dir.resolve("ccr.yaml"),
        "environments:\n  dev:\n    vars:\n      pool: " + POOL + "\n      leftover: 1\n");
    Files.writeString(clients.resolve("web.yaml"), "UserPoolId: ${pool}\nClientName: web\n");
    String config = dir.resolve("ccr.yaml").toString();

    CliRun all = CliRun.run("validate", "--config", config, clients.toString());
    CliRun one = CliRun.run("validate", "--config", config, clients.resolve("web.yaml").toString());

    assertEquals(ExitCode.OK, all.exitCode(), all.err());
    assertTrue(
        all.err()
            .contains(
                "ccr: warning: variable leftover (environment dev, "
                    + config
                    + ":5) is used by no file read\n"),
        all.err());
    assertEquals(ExitCode.OK, one.exitCode(), one.err());
    assertEquals("", one.err(), "a single file is not all the files: no such warning");
  }
}
