package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.LiveClient;
import dev.ccr.testing.Golden;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A healthy fleet is quiet: a security rule that fires on values no file sets is one line per rule
 * in the text output, with the number of clients and the first few; JSON and SARIF keep one result
 * per client, and a finding on a value a file sets stays at its line.
 */
class FleetWarningsTest {
  private static final String POOL = "us-east-1_Example12";
  private static final Terminal PIPE = new Terminal(false, false, false);

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);

  @Test
  void plan_thousandUntouchedClientsWithCognitosDefaults_printsAtMostTwentyLinesOfWarnings()
      throws IOException {
    fleet(1000);

    CliRun run = run("plan", dir.toString(), "--detailed-exitcode");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals("No changes. 1000 clients match their files.\n", run.out());
    List<String> warnings = run.err().lines().filter(l -> l.contains("warning")).toList();
    assertTrue(warnings.size() <= 20, warnings.size() + " lines of warnings:\n" + run.err());
    assertTrue(run.err().lines().count() <= 20, run.err());
    assertEquals(
        List.of(
            "ccr: warning: CCR101 UserExistenceErrorsNotPrevented on 1000 clients, from values"
                + " their files do not set (app-0001, app-0002, app-0003 and 997 more)",
            "ccr: warning: CCR107 PublicClientWithoutRotation on 1000 clients, from values their"
                + " files do not set (app-0001, app-0002, app-0003 and 997 more)"),
        warnings.stream().map(l -> l.substring(0, l.indexOf("):") + 1)).toList(),
        run.err());
    assertTrue(
        warnings.get(0).endsWith("or --allow CCR101. JSON and SARIF output list each client."),
        warnings.get(0));
    assertTrue(warnings.get(0).contains("rules: {allow: [CCR101]} in ccr.yaml"), warnings.get(0));
    String rules = Files.readString(Golden.projectDir().resolve("docs/rules.md"));
    assertTrue(
        rules.contains("```console\n$ ccr plan clients/\n" + run.err() + run.out() + "```\n"),
        "docs/rules.md shows this output as it is:\n" + run.err() + run.out());
  }

  @Test
  void driftJsonAndSarif_keepOneResultPerClient() throws IOException {
    fleet(5);

    CliRun json = run("drift", dir.toString(), "--format", "json");
    CliRun sarif = run("drift", dir.toString(), "--format", "sarif");

    JsonNode findings = JsonMapper.shared().readTree(json.out()).get("securityFindings");
    assertEquals(10, findings.size(), json.out());
    JsonNode results = JsonMapper.shared().readTree(sarif.out()).at("/runs/0/results");
    assertEquals(10, results.size(), sarif.out());
    assertEquals(
        "",
        findings.get(0).get("pointer").asString(),
        "at the document: the file sets none of the values");
    assertEquals(
        2,
        json.err().lines().filter(l -> l.contains("warning")).count(),
        "the text on stderr sums up: " + json.err());
  }

  @Test
  void plan_findingOnAValueAFileSets_staysAtItsLine_andIsNotCounted() throws IOException {
    fleet(4);
    Path loose = dir.resolve("app-0002.yaml");
    Files.writeString(loose, Files.readString(loose) + "PreventUserExistenceErrors: LEGACY\n");

    CliRun run = run("plan", dir.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(
        run.err().contains(loose + ":4:1: warning: PreventUserExistenceErrors: LEGACY"), run.err());
    assertTrue(
        run.err()
            .contains(
                "CCR101 UserExistenceErrorsNotPrevented on 3 clients, from values their files do"
                    + " not set (app-0001, app-0003, app-0004): "),
        run.err());
  }

  @Test
  void plan_oneClient_namesItInTheSingular() throws IOException {
    fleet(1);

    CliRun run = run("plan", dir.toString(), "--allow", "CCR107");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(
        List.of(
            "ccr: warning: CCR101 UserExistenceErrorsNotPrevented on 1 client, from a value its"
                + " file does not set (app-0001): Sign-in, confirmation and password recovery tell"
                + " an attacker which user names exist. Set PreventUserExistenceErrors: ENABLED"
                + " (the API's default is LEGACY; the console picks ENABLED). To silence it, set"
                + " the value in the file or allow the rule: ccr: {allow: [CCR101]} in a document,"
                + " rules: {allow: [CCR101]} in ccr.yaml, or --allow CCR101. JSON and SARIF output"
                + " list each client."),
        run.err().lines().toList());
    assertFalse(run.err().contains("CCR107"), run.err());
  }

  @Test
  void plan_underGithubActions_givesOneWarningAnnotationPerRule() throws IOException {
    fleet(4);

    CliRun run = run(new Terminal(false, false, true), "plan", dir.toString(), "--allow", "CCR107");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    List<String> annotations = run.err().lines().filter(l -> l.startsWith("::warning")).toList();
    assertEquals(1, annotations.size(), run.err());
    assertTrue(
        annotations
            .get(0)
            .startsWith(
                "::warning::CCR101 UserExistenceErrorsNotPrevented on 4 clients, from values"
                    + " their files do not set (app-0001, app-0002, app-0003 and 1 more): "),
        annotations.get(0));
  }

  // ---- the project's rules in ccr.yaml, merged with --allow, --strict, environments, documents

  @Test
  void plan_projectAllow_silencesTheRuleForEveryClient_andEnvironmentAndDocumentAllowAdd()
      throws IOException {
    fleet(3);
    Path config =
        project("rules:\n  allow: [CCR101]\nenvironments:\n  dev: {allow: [CCR107]}\n  prod: {}\n");
    Path first = dir.resolve("app-0001.yaml");
    Files.writeString(first, Files.readString(first) + "ccr: {allow: [CCR107]}\n");

    CliRun dev = run("plan", dir.toString(), "--config", config.toString(), "--env", "dev");
    CliRun prod = run("plan", dir.toString(), "--config", config.toString(), "--env", "prod");

    assertEquals(ExitCode.OK, dev.exitCode(), dev.all());
    assertEquals("", dev.err(), "CCR101 by the project, CCR107 by the environment");
    assertEquals(ExitCode.OK, prod.exitCode(), prod.all());
    assertFalse(prod.err().contains("CCR101"), prod.err());
    assertTrue(
        prod.err()
            .contains(
                "CCR107 PublicClientWithoutRotation on 2 clients, from values their files do not"
                    + " set (app-0002, app-0003): "),
        "app-0001 allows CCR107 itself: " + prod.err());
  }

  @Test
  void plan_projectStrict_makesTheWarningsErrors_andAllowOrNoStrictOnTheCommandLineLiftsThem()
      throws IOException {
    fleet(2);
    Path config = project("rules:\n  strict: true\n  allow: [CCR107]\n");

    CliRun strict = run("plan", dir.toString(), "--config", config.toString());
    CliRun allowed =
        run("plan", dir.toString(), "--config", config.toString(), "--allow", "CCR101");
    CliRun lenient = run("plan", dir.toString(), "--config", config.toString(), "--no-strict");

    assertEquals(ExitCode.INVALID, strict.exitCode(), strict.all());
    assertTrue(
        strict.err().contains("error: PreventUserExistenceErrors: LEGACY (live, unmanaged)"),
        strict.err());
    assertFalse(strict.err().contains("CCR107"), strict.err());
    assertEquals(ExitCode.OK, allowed.exitCode(), allowed.all());
    assertEquals("", allowed.err());
    assertEquals(ExitCode.OK, lenient.exitCode(), lenient.all());
    assertTrue(
        lenient.err().startsWith("ccr: warning: CCR101 UserExistenceErrorsNotPrevented on 2"),
        "--no-strict keeps them warnings: " + lenient.err());
    assertFalse(lenient.err().contains("CCR107"), "the project's allow still holds");
  }

  @Test
  void plan_projectAllowOfAnUnknownRule_isAnErrorInTheProjectFileWithASuggestion()
      throws IOException {
    fleet(1);
    Path config = project("rules:\n  allow: [CCR101, CCR180]\n");
    int calls = fake.calls().size();

    CliRun run = run("plan", dir.toString(), "--config", config.toString());

    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains(
                config
                    + ":2:19: error: rules.allow[1]: no security rule CCR180; did you mean CCR108"
                    + " (LocalhostRedirect)?"),
        run.err());
    assertEquals(calls, fake.calls().size(), "nothing is read from Cognito");
  }

  private Path project(String text) throws IOException {
    return Files.writeString(dir.resolve("ccr.yaml"), text);
  }

  /** Clients created with a name only, each declared by its own file that gives no other value. */
  private void fleet(int size) throws IOException {
    for (int i = 1; i <= size; i++) {
      String name = String.format("app-%04d", i);
      LiveClient client = fake.create(POOL, Map.of("ClientName", name), false);
      Files.writeString(
          dir.resolve(name + ".yaml"),
          "UserPoolId: "
              + POOL
              + "\nClientId: "
              + client.clientId()
              + "\nClientName: "
              + name
              + "\n");
    }
  }

  private CliRun run(String... args) {
    return run(PIPE, args);
  }

  private CliRun run(Terminal terminal, String... args) {
    Context context = new Context(Map.of(), options -> fake, new ByteArrayInputStream(new byte[0]));
    CliRun run = CliRun.run(context, terminal, args);
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }
}
