package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.plan.PrettyJson;
import dev.ccr.testing.MotoSecrets;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
import dev.ccr.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Secrets through plan, apply, drift and rotate on the command line, against the emulator; after
 * each test, no output and no file the runs wrote (plan files and reports included) holds a value.
 */
@ExtendWith(MotoServer.class)
class SecretsMotoTest {
  private static final String STORE = "prod/web-app";

  @TempDir Path dir;
  private URI endpoint;
  private SeededClient web;
  private MotoSecrets emulator;

  /** Every output of the runs, searched for secret values at the end of each test. */
  private final List<String> outputs = new ArrayList<>();

  /** Every value delivered or generated that the test knows of. */
  private final Set<String> values = new HashSet<>();

  @BeforeEach
  void seed(URI moto) throws IOException {
    endpoint = moto;
    try (MotoSeeder seeder = new MotoSeeder(moto)) {
      String pool = seeder.createUserPool();
      web = seeder.createClient(pool, "web-app", true, b -> {});
    }
    web.secret().ifPresent(values::add);
    document("secretsManager: prod/${app}");
    emulator = new MotoSecrets(moto);
  }

  private void document(String store) throws IOException {
    Files.writeString(
        dir.resolve("web-app.yaml"),
        String.join(
            "\n",
            "UserPoolId: " + web.userPoolId(),
            "ClientId: " + web.clientId(),
            "ClientName: web-app",
            "ccr:",
            "  secret:",
            "    rotateAfter: 90 days",
            "    grace: ${grace}",
            "    store:",
            "      " + store,
            ""));
  }

  @AfterEach
  void noValueAnywhere() throws IOException {
    values.addAll(emulator.secretValues(STORE));
    values.add(emulator.described(web.userPoolId(), web.clientId()));
    emulator.close();
    assertTrue(values.size() >= 2, "the test knows values to look for: " + values.size());
    List<String> texts = new ArrayList<>(outputs);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    for (String value : values) {
      for (String text : texts) {
        assertFalse(text.contains(value), "a secret value appears in an output or file");
      }
    }
  }

  private CliRun ccr(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint-url", endpoint.toString()));
    if (!args[0].equals("export") && !(args.length > 1 && args[1].equals("--plan"))) {
      all.addAll(List.of("--var", "app=web-app", "--var", "grace=2 days"));
    }
    CliRun run = CliRun.run(Map.of(), all.toArray(String[]::new));
    outputs.add(run.out());
    outputs.add(run.err());
    return run;
  }

  private List<String> liveIds() {
    return emulator.liveIds(web.userPoolId(), web.clientId());
  }

  /** The store holds the client's newest secret, which Cognito accepts. */
  private void assertStoreHoldsTheNewestSecret() {
    String described = emulator.described(web.userPoolId(), web.clientId());
    values.add(described);
    assertEquals(described, emulator.secretValue(STORE, "AWSCURRENT"));
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void plan_showsTheDelivery_applyPlanTakesIt_andRotateRotatesNow() throws IOException {
    CliRun planned = ccr("plan", dir.toString(), "--detailed-exitcode", "--debug");
    assertEquals(ExitCode.CHANGES, planned.exitCode(), planned.all());
    assertTrue(
        planned.err().contains("ccr: debug: ListUserPoolClientSecrets region=us-east-1 pool="),
        "--debug shows the secret calls too: " + planned.err());
    assertTrue(
        planned
            .out()
            .contains("store: secretsManager:prod/web-app, rotateAfter 90 days, grace 2 days"),
        planned.out());
    assertTrue(
        planned.out().contains("deliver secretsManager:prod/web-app holds no secret"),
        planned.out());
    assertTrue(planned.out().contains("secrets: 0 to rotate, 1 to deliver, 0 to retire"));

    CliRun saved = ccr("plan", dir.toString(), "--out", path("plan.json"));
    assertEquals(ExitCode.OK, saved.exitCode(), saved.all());
    JsonNode file = PrettyJson.MAPPER.readTree(Files.readString(dir.resolve("plan.json")));
    JsonNode client = file.path("secrets").path(0);
    assertEquals(web.clientId(), client.path("clientId").asString());
    assertEquals(liveIds().get(0), client.path("secrets").path(0).path("id").asString());
    assertEquals("deliver", client.path("actions").path(0).path("action").asString());
    assertTrue(client.path("held").isMissingNode(), file.toString());
    CliRun shown = CliRun.run("show", path("plan.json"));
    outputs.add(shown.out());
    assertTrue(
        shown.out().contains("deliver secretsManager:prod/web-app holds no secret"),
        "show prints the saved plan's secret actions: " + shown.out());

    CliRun applied = ccr("apply", "--plan", path("plan.json"), "--format", "json");
    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    JsonNode result = PrettyJson.MAPPER.readTree(applied.out()).path("secrets").path(0);
    assertTrue(
        result.path("done").path(0).asString().startsWith("deliver: added " + web.clientId()),
        applied.out());
    assertEquals(2, liveIds().size(), "delivery adds a secret and keeps the first");
    assertStoreHoldsTheNewestSecret();

    CliRun again = ccr("plan", dir.toString(), "--detailed-exitcode", "--format", "json");
    assertEquals(ExitCode.OK, again.exitCode(), again.all());
    JsonNode now = PrettyJson.MAPPER.readTree(again.out()).path("secrets").path(0);
    assertEquals(liveIds().get(1), now.path("held").asString());
    assertEquals(0, now.path("actions").size());

    CliRun drift = ccr("drift", dir.toString());
    assertEquals(ExitCode.OK, drift.exitCode(), drift.all());

    CliRun dryRun = ccr("rotate", dir.toString(), "--target", "web-app", "--dry-run");
    assertEquals(ExitCode.OK, dryRun.exitCode(), dryRun.all());
    assertTrue(dryRun.out().contains("Rotate: 1 to rotate, 0 to deliver, 1 to retire."));
    assertEquals(2, liveIds().size());
    String delivered = liveIds().get(1);

    CliRun rotated = ccr("rotate", dir.toString(), "--target", "web-app");
    assertEquals(ExitCode.OK, rotated.exitCode(), rotated.all());
    assertTrue(rotated.out().contains("retired " + liveIds().get(0).split("--")[0]), rotated.out());
    assertTrue(rotated.out().contains("rotate: added"), rotated.out());
    assertTrue(rotated.out().contains("Secrets: 2 steps taken, 0 clients failed."));
    assertEquals(delivered, liveIds().get(0), "the secret delivered until now stays valid");
    assertStoreHoldsTheNewestSecret();

    Path reports = dir.resolve("reports");
    Files.createDirectories(reports);
    ccr("plan", dir.toString(), "--format", "markdown");
    ccr("drift", dir.toString(), "--format", "sarif", "--output", path("reports/d.sarif"));
    ccr("drift", dir.toString(), "--format", "json", "--output", path("reports/d.json"));
    ccr("drift", dir.toString(), "--format", "junit", "--output", path("reports/d.xml"));
    ccr("apply", dir.toString(), "--auto-approve", "--format", "json");
    ccr(
        "export",
        "--user-pool-id",
        web.userPoolId(),
        "--output-dir",
        reports.resolve("export").toString());
    assertTrue(Files.exists(reports.resolve("d.sarif")));
    assertTrue(Files.isDirectory(reports.resolve("export")), String.join("\n", outputs));
  }

  @Test
  void applyPlan_whoseSecretsMovedSincePlan_appliesNothingAndExits4() throws IOException {
    ccr("plan", dir.toString(), "--out", path("plan.json"));
    CliRun other = ccr("apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, other.exitCode(), other.all());
    List<String> before = liveIds();

    CliRun stale = ccr("apply", "--plan", path("plan.json"));
    assertEquals(ExitCode.STALE, stale.exitCode(), stale.all());
    assertTrue(stale.err().contains("secrets moved since the plan: web-app"), stale.err());
    assertTrue(stale.err().contains("the store holds none"), stale.err());
    assertEquals(before, liveIds(), "nothing was added or deleted");
    assertStoreHoldsTheNewestSecret();

    CliRun json = ccr("apply", "--plan", path("plan.json"), "--format", "json");
    assertEquals(ExitCode.STALE, json.exitCode());
    assertEquals("stale", PrettyJson.MAPPER.readTree(json.out()).path("outcome").asString());
  }

  @Test
  void aStoreThatRefusesTheWrite_keepsTwoSecretsAtMost_andARerunRepairs() throws IOException {
    document("secretsManager: arn:aws:secretsmanager:us-east-1:123456789012:secret:missing-AbCdEf");
    CliRun refused = ccr("apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.ERROR, refused.exitCode(), refused.all());
    assertTrue(refused.out().contains("ResourceNotFoundException"), refused.out());
    assertTrue(refused.out().contains("but did not deliver it"), refused.out());
    assertEquals(2, liveIds().size(), "the undelivered secret exists");

    CliRun repair = ccr("plan", dir.toString());
    assertTrue(repair.out().contains("retire  " + liveIds().get(1) + ": held by no store"));
    assertTrue(repair.out().contains("deliver "), repair.out());
    CliRun again = ccr("apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.ERROR, again.exitCode(), again.all());
    assertTrue(again.out().contains("retired "), again.out());
    assertEquals(2, liveIds().size(), "the rerun retired the undelivered secret before adding");

    document("secretsManager: prod/${app}");
    CliRun fixed = ccr("apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, fixed.exitCode(), fixed.all());
    assertEquals(2, liveIds().size());
    assertStoreHoldsTheNewestSecret();
  }

  @Test
  void drift_reportsAStoreThatHoldsNoSecretAsAPolicyViolation() throws IOException {
    CliRun text = ccr("drift", dir.toString());
    assertEquals(ExitCode.CHANGES, text.exitCode(), text.all());
    assertTrue(text.out().contains("ccr/secret"), text.out());
    assertTrue(text.out().contains("secretsManager:prod/web-app holds no secret"), text.out());

    CliRun json = ccr("drift", dir.toString(), "--format", "json");
    assertEquals(ExitCode.CHANGES, json.exitCode(), json.all());
    assertTrue(json.out().contains("\"ccr/secret\""), json.out());
    assertTrue(json.out().contains("holds no secret of this client"), json.out());

    for (String format : List.of("sarif", "junit", "markdown")) {
      CliRun report =
          ccr("drift", dir.toString(), "--format", format, "--output", path("drift." + format));
      assertEquals(ExitCode.CHANGES, report.exitCode(), report.all());
      String written = Files.readString(dir.resolve("drift." + format));
      assertTrue(written.contains("ccr/secret"), format + ": " + written);
      assertTrue(written.contains("holds no secret of this client"), format + ": " + written);
    }
  }

  @Test
  void aClientCreatedWithGenerateSecret_getsItsFirstSecretDeliveredToSsm() throws IOException {
    Path created = dir.resolve("new");
    Files.createDirectories(created);
    Files.writeString(
        created.resolve("reports.yaml"),
        String.join(
            "\n",
            "UserPoolId: " + web.userPoolId(),
            "ClientName: reports",
            "GenerateSecret: true",
            "ccr:",
            "  secret:",
            "    rotateAfter: 30 days",
            "    store:",
            "      ssmParameter: /prod/${app}/reports",
            ""));
    CliRun early = ccr("plan", created.toString());
    assertEquals(ExitCode.OK, early.exitCode(), early.all());
    assertTrue(
        early
            .err()
            .contains(
                "apply creates the client; its secret is delivered to"
                    + " ssmParameter:/prod/web-app/reports by the next plan and apply"),
        early.err());

    CliRun create = ccr("apply", created.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, create.exitCode(), create.all());
    CliRun deliver = ccr("apply", created.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, deliver.exitCode(), deliver.all());
    assertTrue(deliver.out().contains("delivered to ssmParameter:/prod/web-app/reports"));

    String clientId =
        PrettyJson.MAPPER
            .readTree(ccr("plan", created.toString(), "--format", "json").out())
            .path("secrets")
            .path(0)
            .path("clientId")
            .asString();
    String live = emulator.described(web.userPoolId(), clientId);
    values.add(live);
    assertEquals(
        java.util.Optional.of(live),
        emulator.parameterValue("/prod/web-app/reports"),
        "the store holds the client's newest secret");
  }

  @Test
  void rotate_withoutTarget_isAUsageError() {
    CliRun run = ccr("rotate", dir.toString());
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("rotate needs --target NAME"), run.err());
  }

  @Test
  void aBadAge_isInvalidAtItsLine() throws IOException {
    Files.writeString(
        dir.resolve("web-app.yaml"),
        Files.readString(dir.resolve("web-app.yaml")).replace("90 days", "90 weeks"));
    CliRun run = ccr("plan", dir.toString());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertTrue(run.err().contains("web-app.yaml:6:"), run.err());
    assertTrue(run.err().contains("90 weeks"), run.err());
    assertTrue(run.err().contains("is not an age"), run.err());
  }
}
