package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.plan.PrettyJson;
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
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.ssm.SsmClient;
import tools.jackson.databind.JsonNode;

/** ccr secrets and ccr rotate through the command line, against the emulator. */
@ExtendWith(MotoServer.class)
class SecretsCommandMotoTest {
  @TempDir Path dir;
  private URI endpoint;
  private SeededClient web;
  private SecretsManagerClient secretsManager;

  /** Every output of the runs, searched for secret values at the end of each test. */
  private final List<String> outputs = new ArrayList<>();

  @BeforeEach
  void seed(URI moto) throws IOException {
    endpoint = moto;
    try (MotoSeeder seeder = new MotoSeeder(moto)) {
      String pool = seeder.createUserPool();
      web = seeder.createClient(pool, "web-app", true, b -> {});
    }
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
            "      secretsManager: prod/${app}",
            ""));
    secretsManager =
        SecretsManagerClient.builder()
            .endpointOverride(moto)
            .region(MotoSeeder.REGION)
            .credentialsProvider(MotoSeeder.CREDENTIALS)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
  }

  @AfterEach
  void close() {
    secretsManager.close();
  }

  private CliRun ccr(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint-url", endpoint.toString()));
    if (!args[0].equals("export")) {
      all.addAll(List.of("--var", "app=web-app", "--var", "grace=2 days"));
    }
    CliRun run = CliRun.run(Map.of(), all.toArray(String[]::new));
    outputs.add(run.out());
    outputs.add(run.err());
    return run;
  }

  /** Every value the store ever held, and the client's first secret. */
  private Set<String> values() {
    Set<String> values = new HashSet<>();
    web.secret().ifPresent(values::add);
    ListSecretVersionIdsResponse versions =
        secretsManager.listSecretVersionIds(
            b -> b.secretId("prod/web-app").includeDeprecated(true));
    versions
        .versions()
        .forEach(
            v ->
                values.add(
                    secretsManager
                        .getSecretValue(b -> b.secretId("prod/web-app").versionId(v.versionId()))
                        .secretString()));
    return values;
  }

  /** No output and no file the run wrote holds a secret value. */
  private void assertNoValueAnywhere() throws IOException {
    Set<String> values = values();
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

  @Test
  void secrets_plansDeliversAndRotatesWithoutShowingAValue() throws IOException {
    CliRun planned = ccr("secrets", dir.toString(), "--detailed-exitcode", "--debug");
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
        planned.out().contains("deliver  secretsManager:prod/web-app holds no secret"),
        planned.out());
    assertTrue(planned.out().contains("policy: secretsManager:prod/web-app holds no secret"));

    CliRun applied = ccr("secrets", dir.toString(), "--apply");
    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    assertTrue(applied.out().contains("done: deliver: added " + web.clientId() + "--"));

    CliRun again = ccr("secrets", dir.toString(), "--detailed-exitcode", "--format", "json");
    assertEquals(ExitCode.OK, again.exitCode(), again.all());
    JsonNode client = PrettyJson.MAPPER.readTree(again.out()).path("clients").path(0);
    assertEquals(2, client.path("secrets").size(), again.out());
    assertTrue(client.path("secrets").path(1).path("delivered").asBoolean(), again.out());
    assertEquals(0, client.path("actions").size());

    CliRun markdown = ccr("secrets", dir.toString(), "--format", "markdown");
    assertTrue(markdown.out().contains("| none |  | as the policy wants |"), markdown.out());

    CliRun rotated = ccr("rotate", dir.toString(), "--target", "web-app");
    assertEquals(ExitCode.OK, rotated.exitCode(), rotated.all());
    assertTrue(rotated.out().contains("retire   " + web.clientId() + "--"), rotated.out());
    assertTrue(rotated.out().contains("done: rotate: added"), rotated.out());
    assertTrue(rotated.out().contains("0 failed."), rotated.out());

    Files.writeString(dir.resolve("secrets.md"), markdown.out());
    Path reports = dir.resolve("reports");
    Files.createDirectories(reports);
    ccr("plan", dir.toString(), "--out", reports.resolve("plan.json").toString());
    ccr("plan", dir.toString(), "--format", "json");
    ccr(
        "drift",
        dir.toString(),
        "--format",
        "sarif",
        "--output",
        reports.resolve("d.sarif").toString());
    ccr(
        "drift",
        dir.toString(),
        "--format",
        "json",
        "--output",
        reports.resolve("d.json").toString());
    ccr("apply", dir.toString(), "--auto-approve", "--format", "json");
    ccr(
        "export",
        "--user-pool-id",
        web.userPoolId(),
        "--output-dir",
        reports.resolve("export").toString());
    assertTrue(Files.exists(reports.resolve("plan.json")));
    assertTrue(Files.exists(reports.resolve("d.sarif")));
    assertTrue(Files.isDirectory(reports.resolve("export")), String.join("\n", outputs));
    assertNoValueAnywhere();
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
    CliRun early = ccr("secrets", created.toString());
    assertEquals(ExitCode.ERROR, early.exitCode(), early.all());
    assertTrue(early.err().contains("the client does not exist yet"), early.err());

    CliRun applied = ccr("apply", created.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    CliRun dryRun = ccr("rotate", created.toString(), "--target", "reports", "--dry-run");
    assertEquals(ExitCode.OK, dryRun.exitCode(), dryRun.all());
    assertFalse(dryRun.out().contains("done:"), dryRun.out());
    CliRun delivered = ccr("secrets", created.toString(), "--apply");
    assertEquals(ExitCode.OK, delivered.exitCode(), delivered.all());
    assertTrue(delivered.out().contains("delivered to ssmParameter:/prod/web-app/reports"));

    String clientId =
        PrettyJson.MAPPER
            .readTree(ccr("secrets", created.toString(), "--format", "json").out())
            .path("clients")
            .path(0)
            .path("clientId")
            .asString();
    try (SsmClient ssm =
            SsmClient.builder()
                .endpointOverride(endpoint)
                .region(MotoSeeder.REGION)
                .credentialsProvider(MotoSeeder.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        CognitoIdentityProviderClient cognito =
            CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(MotoSeeder.REGION)
                .credentialsProvider(MotoSeeder.CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
      String stored =
          ssm.getParameter(b -> b.name("/prod/web-app/reports").withDecryption(true))
              .parameter()
              .value();
      String live =
          cognito
              .describeUserPoolClient(b -> b.userPoolId(web.userPoolId()).clientId(clientId))
              .userPoolClient()
              .clientSecret();
      assertEquals(live, stored, "the store holds the client's newest secret");
      for (String output : outputs) {
        assertFalse(output.contains(stored), "the delivered value appears in an output");
      }
    }
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
    CliRun run = ccr("secrets", dir.toString());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertTrue(run.err().contains("web-app.yaml:6:"), run.err());
    assertTrue(run.err().contains("90 weeks"), run.err());
    assertTrue(run.err().contains("is not an age"), run.err());
  }
}
