package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.FakeCognitoGateway;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Environments and variables through the command line, against the fake gateway. */
class EnvironmentsTest {
  private static final String PROJECT =
      """
      environments:
        dev:
          vars:
            pool: us-east-1_DevPool1
            id: devclient1
            session: 5
          region: us-east-1
          endpoint-url: http://127.0.0.1:4566
        prod:
          vars:
            pool: eu-west-1_ProdPool1
            id: prodclient1
            session: 30
          profile: prod
          role-arn: arn:aws:iam::123456789012:role/ccr-deployer
      """;

  private static final String WEB =
      """
      UserPoolId: ${pool}
      ClientId: ${id}
      ClientName: web
      AuthSessionValidity: ${session}
      """;

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway();
  private final List<AwsOptions> opened = new ArrayList<>();

  private CliRun run(Map<String, String> env, String... args) {
    return CliRun.run(
        new Context(
            env,
            options -> {
              opened.add(options);
              return fake;
            }),
        args);
  }

  private CliRun run(String... args) {
    return run(Map.of(), args);
  }

  private Path project(String text) throws IOException {
    Files.createDirectories(dir.resolve("clients"));
    Files.writeString(dir.resolve("clients/web.yaml"), WEB);
    return Files.writeString(dir.resolve("ccr.yaml"), text);
  }

  private String clients() {
    return dir.resolve("clients").toString();
  }

  @Test
  void validate_withEnv_usesThatEnvironmentsVariables() throws IOException {
    Path config = project(PROJECT);
    CliRun run = run("validate", "--config", config.toString(), "--env", "dev", clients());
    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals("1 client in 1 file: valid.\n", run.out());
  }

  @Test
  void validate_withoutEnv_checksEveryEnvironmentAndNamesTheOneThatFails() throws IOException {
    Path config = project(PROJECT);
    CliRun run = run("validate", "--config", config.toString(), clients());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    String file = dir.resolve("clients/web.yaml").toString();
    assertTrue(
        run.err()
            .startsWith(
                file
                    + ":4:22: error: AuthSessionValidity: 30 must have a maximum value of 15 (${session} from environment prod, "
                    + config
                    + ":13)\nAuthSessionValidity: ${session}\n                     ^\n"),
        run.err());
    assertTrue(run.err().contains("\ndev: 1 client in 1 file: valid.\n"), run.err());
    assertTrue(run.err().endsWith("\nprod: 1 file: 1 error.\n"), run.err());
  }

  @Test
  void validate_withoutEnv_aProblemOfSomeEnvironmentsOnly_namesThem() throws IOException {
    Path config = project(PROJECT.replace("session: 30", "session: 3"));
    Files.writeString(
        dir.resolve("clients/web.yaml"), WEB.replace("ClientName: web", "ClientName: ${name}"));
    Files.writeString(
        config,
        Files.readString(config).replace("id: devclient1", "id: devclient1\n      name: web"));
    CliRun run = run("validate", "--config", config.toString(), clients());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains(
                ":3:13: error: variable name has no value in environment prod; environment dev defines it: add it to environments.prod.vars in "
                    + config
                    + ", or pass --var name=VALUE (in environment prod)"),
        run.err());
  }

  @Test
  void environmentAllow_silencesItsRuleInThatEnvironmentOnly() throws IOException {
    Path config =
        project(
            PROJECT
                .replace("session: 30", "session: 10")
                .replace(
                    "    region: us-east-1\n", "    region: us-east-1\n    allow: [ccr108]\n"));
    Files.writeString(
        dir.resolve("clients/web.yaml"),
        WEB
            + "ccr: {allow: [CCR101, CCR107]}\nAllowedOAuthFlowsUserPoolClient: true\n"
            + "AllowedOAuthFlows: [code]\nAllowedOAuthScopes: [openid]\n"
            + "CallbackURLs: [\"http://localhost:3000/cb\"]\n");
    String ccr108 = "is a plain-http loopback URL, fine for development only [CCR108]";

    CliRun each = run("validate", "--config", config.toString(), clients());
    assertEquals(ExitCode.OK, each.exitCode(), each.all());
    assertTrue(each.err().contains(ccr108 + " (in environment prod)"), each.err());
    assertEquals(1, each.err().split("CCR108", -1).length - 1, each.err());

    CliRun dev = run("validate", "--config", config.toString(), "--env", "dev", clients());
    assertEquals("", dev.err(), dev.all());
    CliRun strictDev =
        run("validate", "--config", config.toString(), "--env", "dev", "--strict", clients());
    assertEquals(ExitCode.OK, strictDev.exitCode(), strictDev.all());
    CliRun strictProd =
        run("validate", "--config", config.toString(), "--env", "prod", "--strict", clients());
    assertEquals(ExitCode.INVALID, strictProd.exitCode(), strictProd.all());
    assertTrue(
        strictProd.err().contains("error: CallbackURLs: http://localhost"), strictProd.err());

    fake.seed("us-east-1_DevPool1", "devclient1", Map.of("ClientName", "web"), false);
    CliRun plan = run("plan", "--config", config.toString(), "--env", "dev", clients());
    assertEquals(ExitCode.OK, plan.exitCode(), plan.all());
    assertFalse(
        plan.err().contains("CCR108"), "plan applies the environment's allow too: " + plan.err());
  }

  @Test
  void validateJson_withoutEnv_givesEachEnvironmentsOutcome() throws IOException {
    Path config = project(PROJECT);
    CliRun run = run("validate", "--config", config.toString(), "--format", "json", clients());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    JsonNode report = JsonMapper.shared().readTree(run.out());
    assertFalse(report.get("valid").booleanValue());
    assertEquals(1, report.get("summary").get("files").intValue());
    assertEquals(1, report.get("summary").get("clients").intValue(), "the dev client, once");
    assertEquals(1, report.get("summary").get("errors").intValue());
    JsonNode environments = report.get("environments");
    assertEquals("dev", environments.get(0).get("name").stringValue());
    assertTrue(environments.get(0).get("valid").booleanValue());
    assertEquals("prod", environments.get(1).get("name").stringValue());
    assertFalse(environments.get(1).get("valid").booleanValue());
    assertEquals(0, environments.get(1).get("summary").get("clients").intValue());
    assertTrue(
        report
            .get("diagnostics")
            .get(0)
            .get("message")
            .stringValue()
            .contains("from environment prod"),
        run.out());
    assertEquals(List.of(), ValidateJsonTest.schema().validate(report));
  }

  @Test
  void validate_unknownEnvironment_isAUsageErrorListingTheOthers() throws IOException {
    Path config = project(PROJECT);
    CliRun run = run("validate", "--config", config.toString(), "--env", "staging", clients());
    assertEquals(ExitCode.USAGE, run.exitCode(), run.all());
    assertEquals(
        "ccr: no environment staging in " + config + "; it defines dev, prod\n", run.err());
  }

  @Test
  void validate_envWithoutProjectFile_isAUsageError() throws IOException {
    project(PROJECT);
    CliRun run = run("validate", "--env", "dev", clients());
    assertEquals(ExitCode.USAGE, run.exitCode(), run.all());
    assertTrue(run.err().contains("--env dev needs a project file"), run.err());
    assertTrue(run.err().contains("pass --config FILE"), run.err());
    assertEquals(
        ExitCode.USAGE,
        run("validate", "--config", dir.resolve("nope.yaml").toString(), clients()).exitCode());
  }

  @Test
  void validate_invalidProjectFile_exitsThreeAtThePosition() throws IOException {
    Path config = project("environments:\n  dev:\n    regoin: us-east-1\n");
    CliRun run = run("validate", "--config", config.toString(), clients());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .startsWith(
                config
                    + ":3:5: error: unknown key regoin in environments.dev; did you mean region?\n"),
        run.err());
    assertFalse(run.hasStackTrace(), run.all());
  }

  @Test
  void plan_withoutEnvWhenFilesNeedVariables_saysWhichEnvironmentsExist() throws IOException {
    Path config = project(PROJECT);
    CliRun run = run("plan", "--config", config.toString(), clients());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains(
                ":1:13: error: variable pool has no value; environments dev, prod define it: select one with --env\n"),
        run.err());
    assertTrue(
        run.err()
            .endsWith(
                "ccr: no environment selected; "
                    + config
                    + " defines dev, prod: pass --env NAME\n"),
        run.err());
    assertTrue(opened.isEmpty(), "no AWS call without an environment");
  }

  @Test
  void plan_varBeatsTheEnvironment_andTheProcessEnvironmentFillsTheRest() throws IOException {
    Path config = project(PROJECT.replace("      session: 5\n", ""));
    fake.seed(
        "us-east-1_Other1",
        "devclient1",
        Map.of("ClientName", "web", "AuthSessionValidity", 3),
        false);
    CliRun run =
        run(
            Map.of("CCR_VAR_session", "3"),
            "plan",
            "--config",
            config.toString(),
            "--env",
            "dev",
            "--var",
            "pool=us-east-1_Other1",
            "--detailed-exitcode",
            clients());
    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(run.out().contains("No changes."), run.out());
  }

  @Test
  void plan_environmentsAwsOptions_apply_andTheCommandLineBeatsThem() throws IOException {
    Path config = project(PROJECT.replace("session: 30", "session: 10"));
    fake.seed("eu-west-1_ProdPool1", "prodclient1", Map.of("ClientName", "web"), false);
    run("plan", "--config", config.toString(), "--env", "prod", clients());
    run(
        "drift",
        "--config",
        config.toString(),
        "--env",
        "prod",
        "--profile",
        "other",
        "--role-arn",
        "arn:aws:iam::210987654321:role/reader",
        clients());
    fake.seed("us-east-1_DevPool1", "devclient1", Map.of("ClientName", "web"), false);
    run("plan", "--config", config.toString(), "--env", "dev", clients());
    assertEquals(3, opened.size(), opened.toString());
    assertEquals(Optional.of("prod"), opened.get(0).profile());
    assertEquals(
        Optional.of(
            new AwsOptions.AssumedRole("arn:aws:iam::123456789012:role/ccr-deployer", "ccr-plan")),
        opened.get(0).role());
    assertEquals(Optional.of("other"), opened.get(1).profile());
    assertEquals(
        Optional.of(
            new AwsOptions.AssumedRole("arn:aws:iam::210987654321:role/reader", "ccr-drift")),
        opened.get(1).role());
    assertEquals(Optional.of("us-east-1"), opened.get(2).region());
    assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), opened.get(2).endpoint());
    assertEquals(Optional.empty(), opened.get(2).role());
  }

  @Test
  void savedPlan_recordsTheCommandLineEndpointOverTheEnvironmentsAndApplyGoesThere()
      throws IOException {
    Path config = project(PROJECT);
    fake.seed("us-east-1_DevPool1", "devclient1", Map.of("ClientName", "web"), false);
    Path plan = dir.resolve("plan.json");
    CliRun made =
        run(
            "plan",
            "--config",
            config.toString(),
            "--env",
            "dev",
            "--endpoint-url",
            "http://127.0.0.1:54345/",
            "--out",
            plan.toString(),
            clients());
    assertEquals(ExitCode.OK, made.exitCode(), made.all());
    JsonNode environment = JsonMapper.shared().readTree(Files.readString(plan)).get("environment");
    assertEquals(
        "{\"name\":\"dev\",\"region\":\"us-east-1\",\"endpointUrl\":\"http://127.0.0.1:54345/\"}",
        environment.toString());

    CliRun applied = run("apply", "--plan", plan.toString());

    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    assertEquals(
        Optional.of(URI.create("http://127.0.0.1:54345/")), opened.get(1).endpoint(), "not dev's");
    assertEquals(Optional.of("us-east-1"), opened.get(1).region());
  }

  @Test
  void savedPlan_madeWithoutAnEnvironment_recordsTheOptionsUsedAndApplyGoesThere()
      throws IOException {
    Files.createDirectories(dir.resolve("clients"));
    Files.writeString(
        dir.resolve("clients/web.yaml"),
        "UserPoolId: us-east-1_DevPool1\nClientId: devclient1\nAuthSessionValidity: 5\n");
    fake.seed("us-east-1_DevPool1", "devclient1", Map.of("ClientName", "web"), false);
    Path plan = dir.resolve("plan.json");
    CliRun made =
        run(
            "plan",
            "--endpoint-url",
            "http://user:hunter2@127.0.0.1:54345",
            "--profile",
            "staging",
            "--role-arn",
            "arn:aws:iam::123456789012:role/ccr-deployer",
            "--out",
            plan.toString(),
            clients());
    assertEquals(ExitCode.OK, made.exitCode(), made.all());
    String saved = Files.readString(plan);
    assertFalse(saved.contains("hunter2"), saved);
    assertEquals(
        "{\"profile\":\"staging\",\"endpointUrl\":\"http://****@127.0.0.1:54345\","
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/ccr-deployer\"}",
        JsonMapper.shared().readTree(saved).get("environment").toString(),
        "no name: no environment was selected");

    CliRun applied = run("apply", "--plan", plan.toString());

    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    assertEquals(opened.get(0), withSession(opened.get(1), "ccr-plan"), "where the plan was made");
    CliRun withEnv = run("apply", "--plan", plan.toString(), "--env", "dev");
    assertEquals(ExitCode.USAGE, withEnv.exitCode(), withEnv.all());
    assertTrue(withEnv.err().contains("the plan was made without an environment"), withEnv.err());
  }

  @Test
  void savedPlan_recordsAnEndpointFromTheProcessEnvironment_andTheCommandLineBeatsIt()
      throws IOException {
    Files.createDirectories(dir.resolve("clients"));
    Files.writeString(
        dir.resolve("clients/web.yaml"),
        "UserPoolId: us-east-1_DevPool1\nClientId: devclient1\nAuthSessionValidity: 5\n");
    fake.seed("us-east-1_DevPool1", "devclient1", Map.of("ClientName", "web"), false);
    Path plan = dir.resolve("plan.json");
    run(
        Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
        "plan",
        "--out",
        plan.toString(),
        clients());
    assertTrue(
        Files.readString(plan).contains("\"endpointUrl\": \"http://127.0.0.1:4566\""),
        Files.readString(plan));

    CliRun applied =
        run("apply", "--plan", plan.toString(), "--endpoint-url", "http://127.0.0.1:4577");

    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    assertEquals(Optional.of(URI.create("http://127.0.0.1:4577")), opened.get(1).endpoint());
  }

  private static AwsOptions withSession(AwsOptions options, String sessionName) {
    return new AwsOptions(
        options.region(),
        options.profile(),
        options.endpoint(),
        dev.ccr.live.Pacing.cognitoQuotas(),
        options.role().map(r -> new AwsOptions.AssumedRole(r.arn(), sessionName)),
        options.timeouts());
  }

  @Test
  void plan_environmentRegionContradictingAPool_isAUsageErrorBeforeAnyCall() throws IOException {
    Path config = project(PROJECT.replace("region: us-east-1", "region: us-west-2"));
    CliRun run = run("plan", "--config", config.toString(), "--env", "dev", clients());
    assertEquals(ExitCode.USAGE, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains(
                "region us-west-2 of environment dev contradicts the region of user pool us-east-1_DevPool1"),
        run.err());
    assertTrue(run.err().contains("Leave region out of environment dev in ccr.yaml"), run.err());
    assertTrue(opened.isEmpty());
  }

  @Test
  void export_env_takesTheEnvironmentsAwsOptions() throws IOException {
    Path config = project(PROJECT.replace("session: 30", "session: 10"));
    fake.seed("eu-west-1_ProdPool1", "prodclient1", Map.of("ClientName", "web"), false);
    CliRun run =
        run(
            "export",
            "--config",
            config.toString(),
            "--env",
            "prod",
            "--user-pool-id",
            "eu-west-1_ProdPool1");
    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(run.out().contains("UserPoolId: eu-west-1_ProdPool1"), run.out());
    assertEquals(
        Optional.of(
            new AwsOptions.AssumedRole(
                "arn:aws:iam::123456789012:role/ccr-deployer", "ccr-export")),
        opened.get(0).role());
  }

  @Test
  void varOptions_malformed_areUsageErrors() throws IOException {
    Path config = project(PROJECT);
    CliRun bad = run("validate", "--config", config.toString(), "--var", "pool", clients());
    assertEquals(ExitCode.USAGE, bad.exitCode(), bad.all());
    assertTrue(bad.err().contains("--var takes NAME=VALUE"), bad.err());
    CliRun missing =
        run("validate", "--config", config.toString(), "--var-file", "nope.yaml", clients());
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing.all());
    assertEquals("ccr: no such variable file: nope.yaml\n", missing.err());
  }

  @Test
  void var_numberBeyondTheLongRange_isAnErrorAtTheValueNotACrash() throws IOException {
    Path config = project(PROJECT);
    CliRun run =
        run(
            "validate",
            "--config",
            config.toString(),
            "--env",
            "dev",
            "--var",
            "session=1e400",
            clients());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains(
                "web.yaml:4:22: error: AuthSessionValidity: 1E+400 is out of range: no attribute"
                    + " takes a number beyond \u00b19223372036854775807 (2^63 - 1) (${session}"
                    + " from --var)"),
        run.err());
    assertFalse(run.hasStackTrace(), run.all());
  }

  @Test
  void securityWarningOnAVariablesValue_namesTheVariableAndKeepsItsRuleId() throws IOException {
    Path config = project(PROJECT);
    Files.writeString(
        dir.resolve("clients/web.yaml"), WEB + "PreventUserExistenceErrors: ${pue}\n");
    CliRun run =
        run(
            "validate",
            "--config",
            config.toString(),
            "--env",
            "dev",
            "--var",
            "pue=LEGACY",
            "--format",
            "json",
            clients());
    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    JsonNode warning = JsonMapper.shared().readTree(run.out()).get("diagnostics").get(0);
    assertEquals("CCR101", warning.get("rule").stringValue(), run.out());
    assertTrue(warning.get("message").stringValue().endsWith("(${pue} from --var)"), run.out());
  }

  @Test
  void varFile_givesValuesWithTheirOrigin() throws IOException {
    Path config = project(PROJECT);
    Path vars = Files.writeString(dir.resolve("vars.yaml"), "session: 99\n");
    CliRun run =
        run(
            "validate",
            "--config",
            config.toString(),
            "--env",
            "dev",
            "--var-file",
            vars.toString(),
            clients());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertTrue(run.err().contains("(${session} from " + vars + ":1)"), run.err());
  }

  @Test
  void scan_skipsTheProjectFileExcludedFilesAndOtherProjects() throws IOException {
    Path config = project(PROJECT + "exclude: [misc, \"**/*.draft.yaml\"]\n");
    Files.createDirectories(dir.resolve("misc"));
    Files.writeString(dir.resolve("misc/notes.yml"), "- not a client\n");
    Files.writeString(dir.resolve("clients/next.draft.yaml"), "not: a client\n");
    Files.createDirectories(dir.resolve("vendor/other"));
    Files.writeString(dir.resolve("vendor/other/ccr.yaml"), "{}\n");
    Files.writeString(dir.resolve("vendor/other/c.yaml"), "UserPoolId: ${x}\n");
    CliRun run = run("validate", "--config", config.toString(), "--env", "dev", dir.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(
        "ccr: skipped "
            + dir.resolve("vendor/other")
            + ": it holds its own ccr.yaml; run ccr there or pass --config "
            + dir.resolve("vendor/other/ccr.yaml")
            + "\n",
        run.err());
    assertEquals("1 client in 1 file: valid.\n", run.out());
    CliRun named =
        run(
            "validate",
            "--config",
            config.toString(),
            "--env",
            "dev",
            dir.resolve("clients/next.draft.yaml").toString());
    assertEquals(ExitCode.INVALID, named.exitCode(), "a file named on the command line is read");
  }

  @Test
  void prune_aDirectorySkippedForItsOwnProjectFile_isRefusedUnlessAllowed() throws IOException {
    String pool = "us-east-1_Nested1";
    fake.seed(pool, "outerid", Map.of("ClientName", "outer"), false)
        .seed(pool, "innerid", Map.of("ClientName", "inner"), false);
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(repo.resolve("outer.yaml"), "UserPoolId: " + pool + "\nClientId: outerid\n");
    Path nested = Files.createDirectories(repo.resolve("team"));
    Files.writeString(nested.resolve("ccr.yaml"), "{}\n");
    Files.writeString(
        nested.resolve("inner.yaml"), "UserPoolId: " + pool + "\nClientId: innerid\n");

    for (String command : List.of("plan", "apply")) {
      List<String> args = new ArrayList<>(List.of(command, "--prune", repo.toString()));
      if (command.equals("apply")) {
        args.add("--auto-approve");
      }
      CliRun refused = run(args.toArray(String[]::new));
      assertEquals(ExitCode.ERROR, refused.exitCode(), refused.all());
      assertEquals(
          "ccr: skipped "
              + nested
              + ": it holds its own ccr.yaml; run ccr there or pass --config "
              + nested.resolve("ccr.yaml")
              + "\nccr: error: --prune refused: a directory inside the paths given holds its own"
              + " ccr.yaml and was skipped (above), so the clients declared there count as"
              + " undeclared here and pruning could delete them. Run ccr in each project, or pass"
              + " --allow-nested-projects to prune anyway; nothing is deleted.\n",
          refused.err(),
          command);
      assertTrue(opened.isEmpty(), "no AWS call");
    }

    CliRun allowed = run("plan", "--prune", "--allow-nested-projects", repo.toString());
    assertEquals(ExitCode.OK, allowed.exitCode(), allowed.all());
    assertTrue(allowed.out().contains("- inner (" + pool + "/innerid)"), allowed.out());
    CliRun withoutPrune = run("plan", repo.toString());
    assertEquals(ExitCode.OK, withoutPrune.exitCode(), withoutPrune.all());
  }

  @Test
  void prune_namesTheFilesTheProjectExcludeLeftOut() throws IOException {
    Path config = project(PROJECT + "exclude: [\"**/*.draft.yaml\"]\n");
    Files.writeString(dir.resolve("clients/next.draft.yaml"), "not: a client\n");
    fake.seed("us-east-1_DevPool1", "devclient1", Map.of("ClientName", "web"), false);

    CliRun pruned =
        run("plan", "--prune", "--config", config.toString(), "--env", "dev", clients());
    CliRun plain = run("plan", "--config", config.toString(), "--env", "dev", clients());

    assertTrue(
        pruned
            .err()
            .contains(
                "ccr: note: --prune: the exclude of the project file left out 1 file, whose"
                    + " clients count as undeclared: "
                    + dir.resolve("clients/next.draft.yaml")
                    + "\n"),
        pruned.all());
    assertFalse(plain.err().contains("left out"), plain.all());
  }

  @Test
  void applyAndDriftJson_nameTheProjectFileInUse() throws IOException {
    Path config = project(PROJECT);
    fake.seed("us-east-1_DevPool1", "devclient1", Map.of("ClientName", "web"), false);

    CliRun run =
        run(
            "apply",
            "--auto-approve",
            "--format",
            "json",
            "--config",
            config.toString(),
            "--env",
            "dev",
            clients());

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    JsonNode result = JsonMapper.builder().build().readTree(run.out());
    assertEquals(config.toString(), result.get("projectFile").asString());
    CliRun drift =
        run("drift", "--format", "json", "--config", config.toString(), "--env", "dev", clients());
    assertEquals(
        config.toString(),
        JsonMapper.builder().build().readTree(drift.out()).get("projectFile").asString(),
        drift.all());
  }

  @Test
  void help_listsTheEnvironmentOptions() {
    for (String command : List.of("validate", "plan", "apply", "drift")) {
      String help = run(command, "--help").out();
      for (String option : List.of("--env", "--var", "--var-file", "--config")) {
        assertTrue(help.contains(option), command + " --help lacks " + option);
      }
      assertTrue(help.replaceAll("\\s+", " ").contains("its vars fill ${name} in the files"), help);
    }
    String export = run("export", "--help").out();
    assertTrue(export.contains("--env") && export.contains("--role-arn"), export);
    String flat = export.replaceAll("\\s+", " ");
    assertFalse(flat.contains("vars fill"), "export writes values, it fills in none: " + export);
    assertTrue(flat.contains("nothing is read from the environment's vars"), export);
  }
}
