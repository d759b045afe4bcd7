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

/** {@code ccr init}: a repository that validates and plans at once, never over a file. */
class InitCommandTest {
  private static final String POOL = "us-east-1_Example12";

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway();

  private CliRun run(String... args) {
    return CliRun.run(new Context(Map.of(), options -> fake), args);
  }

  private CliRun inRepository(String command, String... more) {
    String[] args = new String[more.length + 4];
    args[0] = command;
    args[1] = "--config";
    args[2] = dir.resolve("ccr.yaml").toString();
    System.arraycopy(more, 0, args, 3, more.length);
    args[args.length - 1] = dir.resolve("clients").toString();
    return run(args);
  }

  @Test
  void init_writesTwoEnvironmentsAndAFirstClient_whosePlaceholderPoolValidateRefuses_untilReplaced()
      throws IOException {
    CliRun init = run("init", dir.toString());

    assertEquals(ExitCode.OK, init.exitCode(), init.err());
    String project = Files.readString(dir.resolve("ccr.yaml"));
    assertTrue(project.contains("\n  dev:\n    vars:\n      pool: us-east-1_ReplaceMe #"), project);
    assertTrue(project.contains("\n  prod:\n"), project);
    assertTrue(
        Files.readString(dir.resolve("clients/my-app.yaml")).contains("UserPoolId: ${pool}"));
    assertTrue(init.err().contains("replace us-east-1_ReplaceMe in "), init.err());
    assertTrue(init.err().contains("ccr plan clients/ --env dev"), init.err());

    CliRun placeholder = inRepository("validate");
    assertEquals(ExitCode.INVALID, placeholder.exitCode(), placeholder.err());
    assertTrue(
        placeholder
            .err()
            .contains(
                "error: UserPoolId is us-east-1_ReplaceMe, the placeholder ccr init wrote: replace"
                    + " it with your user pool's id"),
        placeholder.err());
    assertTrue(placeholder.err().contains("ccr.yaml:8)"), "names the line to edit");

    Files.writeString(
        dir.resolve("ccr.yaml"), project.replace("us-east-1_ReplaceMe", "us-east-1_Example12"));
    CliRun validate = inRepository("validate");
    assertEquals(ExitCode.OK, validate.exitCode(), validate.err());
    assertEquals(
        "dev: 1 client in 1 file: valid.\nprod: 1 client in 1 file: valid.\n", validate.out());
    assertEquals("", validate.err(), "no warning on the scaffolded client");
    CliRun fmt =
        run("fmt", "--check", "--config", dir.resolve("ccr.yaml").toString(), dir.toString());
    assertEquals(ExitCode.OK, fmt.exitCode(), "init writes in fmt's layout: " + fmt.out());
  }

  @Test
  void init_withAPool_thenPlanCreatesTheFirstClient() {
    fake.seedPool(POOL);
    assertEquals(
        ExitCode.OK,
        run(
                "init",
                dir.toString(),
                "--user-pool-id",
                POOL,
                "--client-name",
                "web",
                "--env",
                "staging")
            .exitCode());

    CliRun plan = inRepository("plan", "--env", "staging");

    assertEquals(ExitCode.OK, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("+ web (" + POOL + ")"), plan.out());
    assertTrue(plan.out().contains("Plan: 1 to create"), plan.out());
    assertFalse(
        plan.err().contains("warning"), "no security warning on the new client: " + plan.err());
  }

  @Test
  void init_overAnExistingFile_writesNothingUnlessForced() throws IOException {
    Files.writeString(dir.resolve("ccr.yaml"), "environments: {}\n");

    CliRun refused = run("init", dir.toString());

    assertEquals(ExitCode.ERROR, refused.exitCode());
    assertTrue(refused.err().contains("ccr.yaml exists already"), refused.err());
    assertTrue(refused.err().contains("pass --force"), refused.err());
    assertEquals("environments: {}\n", Files.readString(dir.resolve("ccr.yaml")));
    assertFalse(Files.exists(dir.resolve("clients")), "nothing written");

    CliRun forced = run("init", dir.toString(), "--force");
    assertEquals(ExitCode.OK, forced.exitCode(), forced.err());
    assertTrue(Files.readString(dir.resolve("ccr.yaml")).contains("environments:\n  dev:"));
  }

  @Test
  void attack_linksInTheRepository_areNeverWrittenThrough_andNothingIsWritten() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createSymbolicLink(repo.resolve("clients"), elsewhere);

    CliRun clientsLink = run("init", repo.toString());

    assertEquals(ExitCode.ERROR, clientsLink.exitCode(), clientsLink.err());
    assertTrue(clientsLink.err().contains("clients is a symbolic link to"), clientsLink.err());
    assertEquals(0, Files.list(elsewhere).count(), "nothing written through the link");
    assertFalse(Files.exists(repo.resolve("ccr.yaml")), "nothing written");

    Path forced = Files.createDirectories(dir.resolve("forced"));
    Files.createSymbolicLink(forced.resolve("ccr.yaml"), elsewhere.resolve("x.yaml"));

    CliRun projectLink = run("init", forced.toString(), "--force");

    assertEquals(ExitCode.ERROR, projectLink.exitCode(), projectLink.err());
    assertTrue(projectLink.err().contains("is a symbolic link"), projectLink.err());
    assertFalse(Files.exists(forced.resolve("clients")), "no client file before the refusal");
    assertFalse(Files.exists(elsewhere.resolve("x.yaml")));

    Path link = Files.createSymbolicLink(dir.resolve("link"), elsewhere);

    CliRun dirLink = run("init", link.toString());

    assertEquals(ExitCode.ERROR, dirLink.exitCode(), dirLink.err());
    assertTrue(dirLink.err().contains("link is a symbolic link to"), dirLink.err());
    assertEquals(0, Files.list(elsewhere).count(), "nothing written through the link");
    assertFalse(dirLink.hasStackTrace(), dirLink.err());
  }

  @Test
  void init_fromPool_exportsItsClientsAndPlansWithNoChanges() throws IOException {
    Map<String, Object> live = new LinkedHashMap<>();
    live.put("ClientName", "web");
    live.put("PreventUserExistenceErrors", "ENABLED");
    live.put("EnableTokenRevocation", true);
    fake.seed(POOL, "1example23web", live, false);

    CliRun init = run("init", dir.toString(), "--from-pool", POOL, "--region", "us-east-1");

    assertEquals(ExitCode.OK, init.exitCode(), init.err());
    assertEquals(
        "# The project file of ccr",
        Files.readString(dir.resolve("ccr.yaml"))
            .substring(0, "# The project file of ccr".length()));
    assertTrue(
        Files.readString(dir.resolve("ccr.yaml"))
            .endsWith("environments:\n  dev:\n    region: us-east-1\n"));
    assertTrue(
        Files.readString(dir.resolve("clients/web.yaml")).contains("ClientId: 1example23web"));
    CliRun plan = inRepository("plan", "--env", "dev");
    assertEquals(ExitCode.OK, plan.exitCode(), plan.err());
    assertTrue(plan.out().startsWith("No changes."), plan.out());
  }

  @Test
  void init_badOptions_areUsageErrorsThatWriteNothing() {
    assertEquals(ExitCode.USAGE, run("init", dir.toString(), "--env", "-x").exitCode());
    assertEquals(ExitCode.USAGE, run("init", dir.toString(), "--client-name", "a b/c").exitCode());
    assertEquals(ExitCode.USAGE, run("init", dir.toString(), "--user-pool-id", "pool").exitCode());
    CliRun twoFromPool =
        run("init", dir.toString(), "--from-pool", POOL, "--env", "dev", "--env", "prod");
    assertEquals(ExitCode.USAGE, twoFromPool.exitCode());
    assertTrue(twoFromPool.err().contains("give one --env at most"), twoFromPool.err());
    assertFalse(Files.exists(dir.resolve("ccr.yaml")));
  }

  @Test
  void initHelp_describesTheCommand() {
    CliRun help = run("init", "--help");
    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().contains("Usage: ccr init"), help.out());
    assertTrue(help.out().contains("--from-pool=ID"), help.out());
  }

  @Test
  void readmeExample_isWhatInitPrints() throws IOException {
    String readme = Files.readString(dev.ccr.testing.Golden.projectDir().resolve("README.md"));
    String command = "$ ccr init --user-pool-id us-east-1_Example12\n";
    int start = readme.indexOf(command) + command.length();
    String shown = readme.substring(start, readme.indexOf("```", start));

    CliRun init = run("init", dir.toString(), "--user-pool-id", POOL);

    assertEquals(ExitCode.OK, init.exitCode(), init.err());
    assertEquals(shown, init.err().replace("cd " + dir + " && ", "").replace(dir + "/", ""));
  }
}
