package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
import dev.ccr.testing.MotoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One set of files, two environments: plan and apply each through the command line against moto,
 * with the endpoint and the variables taken from ccr.yaml.
 */
@ExtendWith(MotoServer.class)
class EnvironmentsMotoTest {
  @TempDir Path dir;
  private URI endpoint;
  private SeededClient dev;
  private SeededClient prod;
  private Path config;
  private Path clients;

  @BeforeEach
  void seed(URI moto) throws IOException {
    endpoint = moto;
    try (MotoSeeder seeder = new MotoSeeder(moto)) {
      dev =
          seeder.createClient(seeder.createUserPool(), "web", false, b -> b.authSessionValidity(3));
      prod =
          seeder.createClient(seeder.createUserPool(), "web", false, b -> b.authSessionValidity(3));
    }
    config = dir.resolve("ccr.yaml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "environments:",
            "  dev:",
            "    endpoint-url: " + endpoint,
            "    vars:",
            "      pool: " + dev.userPoolId(),
            "      client: " + dev.clientId(),
            "      domain: dev.example.com",
            "      session: 5",
            "  prod:",
            "    endpoint-url: " + endpoint,
            "    vars:",
            "      pool: " + prod.userPoolId(),
            "      client: " + prod.clientId(),
            "      domain: example.com",
            "      session: 10",
            ""));
    clients = Files.createDirectories(dir.resolve("clients"));
    Files.writeString(
        clients.resolve("web.yaml"),
        String.join(
            "\n",
            "UserPoolId: ${pool}",
            "ClientId: ${client}",
            "ClientName: web",
            "AuthSessionValidity: ${session}",
            "CallbackURLs:",
            "  - https://${domain}/callback",
            "AllowedOAuthFlowsUserPoolClient: true",
            "AllowedOAuthFlows: [code]",
            "AllowedOAuthScopes: [openid]",
            ""));
  }

  /** {@code ccr COMMAND --config ccr.yaml --env ENVIRONMENT MORE... clients/}. */
  private CliRun inEnvironment(String command, String environment, String... more) {
    String[] args = new String[more.length + 6];
    args[0] = command;
    args[1] = "--config";
    args[2] = config.toString();
    args[3] = "--env";
    args[4] = environment;
    System.arraycopy(more, 0, args, 5, more.length);
    args[args.length - 1] = clients.toString();
    return CliRun.run(Map.of(), args);
  }

  @Test
  void applyPerEnvironment_writesEachPoolWithItsOwnValues_andEachReplansEmpty() {
    CliRun devApply = inEnvironment("apply", "dev", "--auto-approve");
    assertEquals(ExitCode.OK, devApply.exitCode(), devApply.all());
    assertTrue(devApply.out().contains("~ AuthSessionValidity: 3 -> 5"), devApply.out());
    assertTrue(devApply.out().contains("+ https://dev.example.com/callback"), devApply.out());
    assertTrue(devApply.out().contains(dev.userPoolId() + "/" + dev.clientId()), devApply.out());

    CliRun prodApply = inEnvironment("apply", "prod", "--auto-approve");
    assertEquals(ExitCode.OK, prodApply.exitCode(), prodApply.all());
    assertTrue(prodApply.out().contains("~ AuthSessionValidity: 3 -> 10"), prodApply.out());
    assertTrue(prodApply.out().contains("+ https://example.com/callback"), prodApply.out());
    assertFalse(prodApply.out().contains(dev.userPoolId()), prodApply.out());

    for (String environment : new String[] {"dev", "prod"}) {
      CliRun plan = inEnvironment("plan", environment, "--detailed-exitcode");
      assertEquals(ExitCode.OK, plan.exitCode(), environment + ":\n" + plan.all());
      assertTrue(plan.out().startsWith("No changes."), plan.out());
    }
  }

  @Test
  void plan_varOverridesTheEnvironment() {
    assertEquals(ExitCode.OK, inEnvironment("apply", "dev", "--auto-approve").exitCode());
    CliRun plan =
        inEnvironment("plan", "dev", "--detailed-exitcode", "--var", "domain=staging.example.com");
    assertEquals(ExitCode.CHANGES, plan.exitCode(), plan.all());
    assertTrue(plan.out().contains("+ https://staging.example.com/callback"), plan.out());
    assertTrue(plan.out().contains("- https://dev.example.com/callback"), plan.out());
  }

  @Test
  void plan_savedWithAnEnvironment_appliesWithThePlanAlone() throws IOException {
    Path planFile = dir.resolve("prod.json");
    CliRun plan = inEnvironment("plan", "prod", "--out", planFile.toString());
    assertEquals(ExitCode.OK, plan.exitCode(), plan.all());
    assertTrue(Files.readString(planFile).contains("\"name\": \"prod\""));
    Files.delete(config);
    CliRun other = CliRun.run(Map.of(), "apply", "--plan", planFile.toString(), "--env", "dev");
    assertEquals(ExitCode.USAGE, other.exitCode(), other.all());
    assertTrue(other.err().contains("the plan was made for environment prod"), other.err());
    // No ccr.yaml, no --env, no --endpoint-url: the plan's environment says where to go.
    CliRun apply = CliRun.run(Map.of(), "apply", "--plan", planFile.toString());
    assertEquals(ExitCode.OK, apply.exitCode(), apply.all());
    assertTrue(apply.out().contains(prod.clientId() + "): updated "), apply.out());
    assertTrue(apply.out().contains("AuthSessionValidity"), apply.out());
    Files.writeString(
        config,
        "environments:\n  prod:\n    endpoint-url: "
            + endpoint
            + "\n    vars: {pool: "
            + prod.userPoolId()
            + ", client: "
            + prod.clientId()
            + ", domain: example.com, session: 10}\n");
    assertEquals(ExitCode.OK, inEnvironment("plan", "prod", "--detailed-exitcode").exitCode());
  }

  @Test
  void roleArn_isAssumedThroughStsBeforeCognitoIsCalled() throws IOException {
    Files.writeString(
        config,
        Files.readString(config)
            .replace(
                "  prod:\n",
                "  prod:\n    role-arn: arn:aws:iam::123456789012:role/ccr-deployer\n"));
    String previous = System.getProperty("aws.endpointUrlSts");
    try {
      System.setProperty("aws.endpointUrlSts", endpoint.toString());
      CliRun assumed = inEnvironment("plan", "prod", "--detailed-exitcode", "--debug");
      assertEquals(ExitCode.CHANGES, assumed.exitCode(), assumed.all());
      int sts = assumed.err().indexOf("ccr: debug: AssumeRole region=us-east-1 status=200");
      assertTrue(sts >= 0, "--debug shows the STS call too: " + assumed.err());
      assertTrue(sts < assumed.err().indexOf("ccr: debug: ListUserPoolClients"), assumed.err());

      System.setProperty("aws.endpointUrlSts", "http://127.0.0.1:" + closedPort());
      CliRun unreachable = inEnvironment("plan", "prod");
      assertEquals(ExitCode.ERROR, unreachable.exitCode(), unreachable.all());
      assertTrue(
          unreachable
              .err()
              .contains(
                  "cannot assume role arn:aws:iam::123456789012:role/ccr-deployer (session ccr-plan): cannot reach STS"),
          unreachable.err());
      assertFalse(unreachable.hasStackTrace(), unreachable.all());
    } finally {
      if (previous == null) {
        System.clearProperty("aws.endpointUrlSts");
      } else {
        System.setProperty("aws.endpointUrlSts", previous);
      }
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
