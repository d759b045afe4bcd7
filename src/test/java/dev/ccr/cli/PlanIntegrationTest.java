package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsCognitoGateway;
import dev.ccr.live.CountingGateway;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
import dev.ccr.testing.MotoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;

/** {@code ccr plan} end to end: the real SDK against moto on loopback. */
@ExtendWith(MotoServer.class)
class PlanIntegrationTest {
  private static URI endpoint;
  private static MotoSeeder seeder;
  private static String pool;

  @TempDir Path dir;
  private final CountingGateway.Counts counts = new CountingGateway.Counts();

  @BeforeAll
  static void setUp(URI motoEndpoint) {
    endpoint = motoEndpoint;
    seeder = new MotoSeeder(endpoint);
    pool = seeder.createUserPool();
  }

  @AfterAll
  static void tearDown() {
    seeder.close();
  }

  @Test
  void plan_fileChangingTwoAttributes_reportsExactlyThoseTwo() throws IOException {
    SeededClient client = seedWebApp(false);
    Path file =
        write("web.yaml", webApp(client, "ENABLED", "https://app.example.com/new-callback"));

    CliRun run = plan("--detailed-exitcode", file.toString());

    assertEquals(ExitCode.CHANGES, run.exitCode(), run.all());
    assertTrue(run.out().contains("~ web-app (" + pool + "/" + client.clientId() + ")"), run.out());
    assertTrue(run.out().contains("  # " + file + ":1"), run.out());
    assertTrue(run.out().contains("~ PreventUserExistenceErrors: LEGACY -> ENABLED"), run.out());
    assertTrue(run.out().contains("~ CallbackURLs:"), run.out());
    assertTrue(run.out().contains("+ https://app.example.com/new-callback"), run.out());
    assertTrue(run.out().contains("- https://app.example.com/callback"), run.out());
    assertEquals(2, run.out().lines().filter(l -> l.startsWith("    ~ ")).count(), run.out());
    assertTrue(
        run.out().contains("Plan: 0 to create, 1 to update, 0 to delete, 0 unchanged."), run.out());
    assertEquals(0, counts.writes(), "plan never writes");
  }

  @Test
  void plan_fileMatchingLiveClient_saysNoChanges() throws IOException {
    SeededClient client = seedWebApp(false);
    Path file = write("web.yaml", webApp(client, "LEGACY", "https://app.example.com/callback"));

    CliRun run = plan("--detailed-exitcode", file.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(run.out().contains("No changes."), run.out());
    assertEquals(0, counts.writes());
  }

  @Test
  void plan_validityInOtherUnits_isNotDrift() throws IOException {
    SeededClient client = seedWebApp(false);
    // The live client holds 60 minutes; one hour is the same lifetime.
    String text =
        header(client) + "AccessTokenValidity: 1\nTokenValidityUnits: {AccessToken: hours}\n";
    CliRun run = plan("--detailed-exitcode", write("web.yaml", text).toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.all());
  }

  @Test
  void plan_missingClient_namesTheFileAndLineAndStillPlansTheOthers() throws IOException {
    SeededClient present = seedWebApp(false);
    Path file =
        write(
            "clients.yaml",
            webApp(present, "ENABLED", "https://app.example.com/callback")
                + "---\nUserPoolId: "
                + pool
                + "\nClientId: 1example23missing45client6\nClientName: gone\n");

    CliRun run = plan(file.toString());

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains(
                file
                    + ":20:1: error: client gone ("
                    + pool
                    + "/1example23missing45client6) not found"),
        run.err());
    assertTrue(run.err().contains("ClientId: 1example23missing45client6\n^"), run.err());
    assertTrue(run.err().contains("1 client could not be read."), run.err());
    assertTrue(
        run.out().contains("~ PreventUserExistenceErrors: LEGACY -> ENABLED"),
        "the other client is still planned:\n" + run.out());
  }

  @Test
  void plan_missingClientBesideAnUnchangedOne_neverSaysNoChanges() throws IOException {
    SeededClient present = seedWebApp(false);
    Path file =
        write(
            "clients.yaml",
            webApp(present, "LEGACY", "https://app.example.com/callback")
                + "---\nUserPoolId: "
                + pool
                + "\nClientId: 1example23missing45client6\nClientName: gone\n");
    CliRun run = plan("--detailed-exitcode", file.toString());
    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertFalse(run.out().contains("No changes."), run.out());
  }

  @Test
  void plan_confidentialClient_secretAppearsInNoOutputAndNoPlanFile() throws IOException {
    SeededClient client = seedWebApp(true);
    String secret = client.secret().orElseThrow();
    Path file = write("web.yaml", webApp(client, "ENABLED", "https://app.example.com/callback"));
    Path planFile = dir.resolve("plan.json");

    for (String format : List.of("text", "json", "markdown")) {
      CliRun run = plan("--format", format, "--out", planFile.toString(), file.toString());
      assertEquals(ExitCode.OK, run.exitCode(), run.all());
      assertFalse(run.all().contains(secret), "secret in " + format + " output");
      String saved = Files.readString(planFile);
      assertTrue(saved.contains("\"formatVersion\": 2"), saved);
      assertFalse(saved.contains(secret), "secret in the plan file");
    }
  }

  @Test
  void plan_unreachableEndpoint_saysSoOnceWithExitOne() throws IOException {
    SeededClient a = seedWebApp(false);
    Path file =
        write(
            "two.yaml",
            header(a)
                + "ClientName: a\n---\nUserPoolId: "
                + pool
                + "\nClientId: otherclient123\nClientName: b\n");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliRun run =
        CliRun.run(
            Context.DEFAULT,
            "plan",
            "--endpoint-url",
            "http://127.0.0.1:" + closedPort,
            file.toString());
    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertEquals(1, run.err().split("cannot reach Cognito at", -1).length - 1, run.err());
    assertTrue(run.err().contains("2 clients could not be read."), run.err());
    assertFalse(run.all().contains("\tat "), run.all());
  }

  @Test
  void plan_invalidFile_exitsThreeWithoutCallingAws() throws IOException {
    Path file =
        write("bad.yaml", "UserPoolId: " + pool + "\nClientId: abc\nAuthSessionValidity: 99\n");
    CliRun run = plan(file.toString());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertEquals("", run.out());
    assertEquals(0, counts.total(), "no AWS call for an invalid desired state");
  }

  private SeededClient seedWebApp(boolean secret) {
    return seeder.createClient(
        pool,
        "web-app",
        secret,
        b ->
            b.callbackURLs("https://app.example.com/callback")
                .allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid")
                .allowedOAuthFlowsUserPoolClient(true)
                .explicitAuthFlows(
                    ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                    ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .accessTokenValidity(60)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES))
                .preventUserExistenceErrors("LEGACY"));
  }

  private static String header(SeededClient client) {
    return "UserPoolId: " + client.userPoolId() + "\nClientId: " + client.clientId() + "\n";
  }

  private static String webApp(SeededClient client, String existenceErrors, String callback) {
    return header(client)
        + "ClientName: web-app\n"
        + "AccessTokenValidity: 60\n"
        + "TokenValidityUnits:\n"
        + "  AccessToken: minutes\n"
        + "ExplicitAuthFlows:\n"
        + "  - ALLOW_REFRESH_TOKEN_AUTH\n"
        + "  - ALLOW_USER_SRP_AUTH\n"
        + "CallbackURLs:\n"
        + "  - "
        + callback
        + "\n"
        + "AllowedOAuthFlows: [code]\n"
        + "AllowedOAuthScopes: [openid]\n"
        + "AllowedOAuthFlowsUserPoolClient: true\n"
        + "PreventUserExistenceErrors: "
        + existenceErrors
        + "\n"
        + "EnableTokenRevocation: true\n"
        + "AuthSessionValidity: 3\n";
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private CliRun plan(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "plan";
    all[1] = "--endpoint-url";
    all[2] = endpoint.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.run(
        new Context(
            Map.of(), options -> new CountingGateway(new AwsCognitoGateway(options), counts)),
        all);
  }
}
