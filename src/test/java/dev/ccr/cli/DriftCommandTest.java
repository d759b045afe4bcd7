package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * {@code ccr drift} end to end through the real SDK against moto: a pool with a drifted client, a
 * client in sync, and a client no file declares.
 */
@ExtendWith(MotoServer.class)
class DriftCommandTest {
  private static final ExplicitAuthFlowsType SRP = ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH;
  private static final ExplicitAuthFlowsType REFRESH =
      ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH;
  private static final ExplicitAuthFlowsType PASSWORD =
      ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH;

  @TempDir Path dir;
  private URI endpoint;
  private String pool;
  private String webId;

  @BeforeEach
  void seed(URI endpoint) throws IOException {
    this.endpoint = endpoint;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      pool = seeder.createUserPool();
      webId =
          seeder
              .createClient(
                  pool, "web-app", false, b -> b.explicitAuthFlows(SRP, REFRESH, PASSWORD))
              .clientId();
      String apiId =
          seeder
              .createClient(pool, "api", false, b -> b.explicitAuthFlows(SRP, REFRESH))
              .clientId();
      seeder.createClient(pool, "forgotten-client");
      Files.writeString(dir.resolve("web.yaml"), client(webId, "web-app"));
      Files.writeString(dir.resolve("api.yaml"), client(apiId, "api"));
    }
  }

  private String client(String clientId, String name) {
    return "UserPoolId: "
        + pool
        + "\nClientId: "
        + clientId
        + "\nClientName: "
        + name
        + "\nExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n";
  }

  private CliRun drift(String... options) {
    return drift(Map.of(), options);
  }

  private CliRun drift(Map<String, String> env, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "drift";
    args[1] = dir.toString();
    args[2] = "--endpoint-url";
    args[3] = endpoint.toString();
    System.arraycopy(options, 0, args, 4, options.length);
    return CliRun.run(env, args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "markdown", "junit", "sarif"})
  void drift_namesTheDriftedAttributeAndTheUnmanagedClient_andExitsTwo(String format) {
    CliRun run = drift("--format", format);
    assertEquals(ExitCode.CHANGES, run.exitCode(), run.err());
    assertTrue(run.out().contains("ExplicitAuthFlows"), run.out());
    assertTrue(run.out().contains("ALLOW_USER_PASSWORD_AUTH"), run.out());
    assertTrue(run.out().contains("forgotten-client"), run.out());
    assertFalse(run.hasStackTrace(), run.err());
  }

  @Test
  void drift_text_showsOnlyTheDriftedClientAndTheCounts() {
    CliRun run = drift();
    assertTrue(run.out().contains("~ web-app (" + pool + "/" + webId + ")"), run.out());
    assertTrue(run.out().contains("- ALLOW_USER_PASSWORD_AUTH"), run.out());
    assertFalse(run.out().contains("~ api ("), run.out());
    assertTrue(
        run.out()
            .endsWith(
                "Drift: 1 drifted, 1 in sync, 1 unmanaged. Changes read: live value -> value in the file.\n"),
        run.out());
  }

  @Test
  void attack_controlCharactersInALiveClientName_shownEscaped_inDriftAndPlanText()
      throws IOException {
    String hostile = "evil\u001b[2J\u001b]8;;https://x.example/\u0007click\u001b]8;;\u0007\nforged";
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      seeder.createClient(pool, hostile);
    }
    CliRun drift = drift();
    CliRun plan =
        CliRun.run(
            "plan", dir.toString(), "--prune", "--endpoint-url", endpoint.toString(), "--no-color");

    for (CliRun run : java.util.List.of(drift, plan)) {
      String all = run.all().replace("\n", "");
      assertTrue(
          all.codePoints().noneMatch(c -> c < 0x20 || c == 0x7F),
          "raw control characters in " + run.all());
      assertTrue(
          run.out()
              .contains("evil\\e[2J\\e]8;;https://x.example/\\u0007click\\e]8;;\\u0007\\nforged"),
          run.out());
      assertFalse(run.out().contains("\nforged"), run.out());
    }
  }

  @Test
  void drift_onceTheDriftIsGone_exitsZero_unlessUnmanagedClientsFail() {
    restoreWebClient();
    CliRun run = drift();
    assertEquals(ExitCode.OK, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("forgotten-client"), run.out());
    assertTrue(
        run.out().endsWith("No drift. 2 clients match their files; 1 unmanaged client.\n"),
        run.out());

    CliRun failing = drift("--fail-on-unmanaged");
    assertEquals(ExitCode.CHANGES, failing.exitCode(), failing.out());
  }

  @Test
  void drift_output_writesTheReportToTheFileAndASummaryToStderr() throws IOException {
    Path report = dir.resolve("out/drift.xml");
    Files.createDirectories(report.getParent());
    CliRun run = drift("--format", "junit", "--output", report.toString());
    assertEquals(ExitCode.CHANGES, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(
        Files.readString(report)
            .contains("<failure message=\"1 attribute drifted: ExplicitAuthFlows\""),
        Files.readString(report));
    assertTrue(
        run.err()
            .endsWith(
                "Drift: 1 drifted, 1 in sync, 1 unmanaged. Report written to " + report + ".\n"),
        run.err());
    assertFalse(run.err().contains(": error: "), run.err());
    java.util.regex.Matcher webCase =
        java.util.regex.Pattern.compile("<testcase [^>]*name=\"web-app [^>]*time=\"([0-9.]+)\"")
            .matcher(Files.readString(report));
    assertTrue(webCase.find(), Files.readString(report));
    assertTrue(
        Double.parseDouble(webCase.group(1)) > 0,
        "a declared client carries the time reading it took: " + webCase.group());
  }

  @Test
  void drift_githubSummary_appendsTheMarkdownReport() throws IOException {
    Path summary = dir.resolve("summary.md");
    Files.writeString(summary, "# earlier step\n");
    CliRun run =
        drift(
            Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
            "--format",
            "sarif",
            "--github-summary");
    assertEquals(ExitCode.CHANGES, run.exitCode(), run.err());
    String markdown = Files.readString(summary);
    assertTrue(
        markdown.startsWith("# earlier step\n### ccr drift: 1 drifted, 1 in sync, 1 unmanaged\n"),
        markdown);
    assertTrue(markdown.contains("| web-app | `" + pool + "` | `ExplicitAuthFlows` |"), markdown);
  }

  @Test
  void attack_githubSummaryIsASymbolicLink_isNotWrittenThrough() throws IOException {
    Path target = dir.resolve("elsewhere.txt");
    Files.writeString(target, "keep\n");
    Path summary = dir.resolve("summary.md");
    Files.createSymbolicLink(summary, target);
    CliRun run =
        drift(
            Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
            "--format",
            "sarif",
            "--github-summary");
    assertEquals(ExitCode.ERROR, run.exitCode(), run.err());
    assertEquals("keep\n", Files.readString(target));
    assertTrue(run.err().contains(summary + " is a symbolic link to " + target), run.err());
  }

  @Test
  void drift_invalidFile_exitsThreeWithoutCallingAws() throws IOException {
    Files.writeString(
        dir.resolve("bad.yaml"), "UserPoolId: " + pool + "\nClientId: x\nCallbackUrls: []\n");
    CliRun run = CliRun.run("drift", dir.toString(), "--endpoint-url", "http://127.0.0.1:1");
    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertEquals("", run.out());
  }

  @Test
  void drift_clientThatCannotBeRead_exitsOneAndReportsIt() throws IOException {
    FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(pool);
    CliRun run =
        CliRun.run(
            new Context(Map.of(), options -> fake),
            "drift",
            dir.resolve("web.yaml").toString(),
            "--format",
            "json");
    assertEquals(ExitCode.ERROR, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"status\": \"error\""), run.out());
    assertTrue(
        run.err()
            .contains("web.yaml:2:1: error: client web-app (" + pool + "/" + webId + ") not found"),
        run.err());
  }

  @Test
  void drift_unreachableEndpoint_saysSoOnce() {
    CliRun run = CliRun.run("drift", dir.toString(), "--endpoint-url", "http://127.0.0.1:1");
    assertEquals(ExitCode.ERROR, run.exitCode(), run.err());
    assertEquals(1, run.err().split("cannot reach Cognito at", -1).length - 1, run.err());
  }

  /** Makes the live web client match its file again, through the SDK directly. */
  private void restoreWebClient() {
    try (CognitoIdentityProviderClient sdk =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(endpoint)
            .region(MotoSeeder.REGION)
            .credentialsProvider(MotoSeeder.CREDENTIALS)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      sdk.updateUserPoolClient(
          b ->
              b.userPoolId(pool)
                  .clientId(webId)
                  .clientName("web-app")
                  .explicitAuthFlows(SRP, REFRESH));
    }
  }
}
