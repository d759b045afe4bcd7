package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsCognitoGateway;
import dev.ccr.live.CountingGateway;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
import dev.ccr.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** plan, apply and plan again through the command line, against moto with the real SDK. */
@ExtendWith(MotoServer.class)
class ApplyMotoTest {
  @TempDir Path dir;
  private URI endpoint;
  private String pool;
  private SeededClient web;
  private SeededClient api;
  private final CountingGateway.Counts counts = new CountingGateway.Counts();

  @BeforeEach
  void seed(URI moto) throws IOException {
    endpoint = moto;
    try (MotoSeeder seeder = new MotoSeeder(moto)) {
      pool = seeder.createUserPool();
      web =
          seeder.createClient(
              pool,
              "web-app",
              true,
              b ->
                  b.callbackURLs("https://app.example.com/cb", "https://old.example.com/cb")
                      .allowedOAuthFlowsWithStrings("code")
                      .allowedOAuthScopes("openid")
                      .allowedOAuthFlowsUserPoolClient(true)
                      .preventUserExistenceErrors("LEGACY")
                      .accessTokenValidity(1)
                      .logoutURLs("https://app.example.com/out"));
      api = seeder.createClient(pool, "api", false, b -> b.authSessionValidity(5));
    }
    Files.writeString(
        dir.resolve("web-app.yaml"),
        String.join(
            "\n",
            "UserPoolId: " + pool,
            "ClientId: " + web.clientId(),
            "ClientName: web-app",
            "CallbackURLs: [https://app.example.com/cb]",
            "AllowedOAuthFlowsUserPoolClient: true",
            "PreventUserExistenceErrors: ENABLED",
            "AccessTokenValidity: 30",
            "TokenValidityUnits: {AccessToken: minutes}",
            ""));
    Files.writeString(
        dir.resolve("api.yaml"),
        "UserPoolId: " + pool + "\nClientId: " + api.clientId() + "\nAuthSessionValidity: 5\n");
  }

  /** Runs the CLI with the real AWS gateway, counting UpdateUserPoolClient calls. */
  private CliRun ccr(String... args) {
    Context context =
        new Context(
            Map.of(),
            options -> new CountingGateway(new AwsCognitoGateway(options), counts),
            new ByteArrayInputStream(new byte[0]));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--endpoint-url";
    all[args.length + 1] = endpoint.toString();
    return CliRun.run(context, new Terminal(false, false, false), all);
  }

  @Test
  void planApplyPlan_convergesAndASecondApplyMakesNoUpdate() throws IOException {
    Path plan = dir.resolve("plan.json");
    CliRun planned = ccr("plan", dir.toString(), "--out", plan.toString(), "--detailed-exitcode");
    assertEquals(ExitCode.CHANGES, planned.exitCode(), planned.err());

    CliRun applied = ccr("apply", "--plan", plan.toString());
    assertEquals(ExitCode.OK, applied.exitCode(), applied.err());
    assertTrue(
        applied.out().endsWith("Apply: 0 created, 1 updated, 0 deleted, 0 failed, 1 unchanged.\n"),
        applied.out());
    assertEquals(1, counts.of(FakeCognitoGateway.Operation.UPDATE));

    CliRun again = ccr("plan", dir.toString(), "--detailed-exitcode");
    assertEquals(ExitCode.OK, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().startsWith("No changes."), again.out());

    CliRun second = ccr("apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, second.exitCode(), second.err());
    assertTrue(second.out().startsWith("No changes."), second.out());
    CliRun secondSaved = ccr("apply", "--plan", plan.toString());
    assertEquals(ExitCode.STALE, secondSaved.exitCode(), "the old plan is stale once applied");
    assertEquals(
        1,
        counts.of(FakeCognitoGateway.Operation.UPDATE),
        "no UpdateUserPoolClient after the first apply");

    try (CognitoIdentityProviderClient sdk = sdk()) {
      var live =
          sdk.describeUserPoolClient(b -> b.userPoolId(pool).clientId(web.clientId()))
              .userPoolClient();
      assertEquals(
          List.of("https://app.example.com/out"),
          live.logoutURLs(),
          "unmanaged attributes are kept");
      assertEquals(List.of("openid"), live.allowedOAuthScopes());
      assertEquals("ENABLED", live.preventUserExistenceErrorsAsString());
    }
  }

  @Test
  void applyPlan_clientChangedAfterPlan_exits4NamingTheAttributeWithoutAnyUpdate() {
    Path plan = dir.resolve("plan.json");
    assertEquals(ExitCode.OK, ccr("plan", dir.toString(), "--out", plan.toString()).exitCode());
    try (CognitoIdentityProviderClient sdk = sdk()) {
      sdk.updateUserPoolClient(
          b -> b.userPoolId(pool).clientId(web.clientId()).accessTokenValidity(2));
    }

    CliRun run = ccr("apply", "--plan", plan.toString());

    assertEquals(ExitCode.STALE, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                dir.resolve("web-app.yaml")
                    + ":1: web-app ("
                    + pool
                    + "/"
                    + web.clientId()
                    + "): AccessTokenValidity changed since the plan: 1 hour -> 2 hours"),
        run.err());
    assertEquals(0, counts.of(FakeCognitoGateway.Operation.UPDATE));
    try (CognitoIdentityProviderClient sdk = sdk()) {
      assertEquals(
          "LEGACY",
          sdk.describeUserPoolClient(b -> b.userPoolId(pool).clientId(web.clientId()))
              .userPoolClient()
              .preventUserExistenceErrorsAsString(),
          "web-app was not written");
    }
  }

  @Test
  void theSecretOfAConfidentialClient_appearsNowhere() throws IOException {
    String secret = web.secret().orElseThrow();
    Path plan = dir.resolve("plan.json");
    CliRun planned = ccr("plan", dir.toString(), "--out", plan.toString());
    CliRun json = ccr("plan", dir.toString(), "--format", "json");
    CliRun applied = ccr("apply", "--plan", plan.toString());
    CliRun again = ccr("apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, applied.exitCode(), applied.err());
    for (String text :
        List.of(
            Files.readString(plan),
            planned.out() + planned.err(),
            json.out(),
            applied.out() + applied.err(),
            again.out() + again.err())) {
      assertFalse(text.contains(secret), text);
    }
  }

  private CognitoIdentityProviderClient sdk() {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(MotoSeeder.REGION)
        .credentialsProvider(MotoSeeder.CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
