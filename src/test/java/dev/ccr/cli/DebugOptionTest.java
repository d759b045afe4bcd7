package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
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

/** {@code --debug} and {@code CCR_LOG=debug}: a line per AWS call on stderr, never the secret. */
@ExtendWith(MotoServer.class)
class DebugOptionTest {
  @TempDir Path dir;
  private URI endpoint;
  private SeededClient client;

  @BeforeEach
  void seed(URI moto) throws IOException {
    endpoint = moto;
    try (MotoSeeder seeder = new MotoSeeder(moto)) {
      client = seeder.createClient(seeder.createUserPool(), "web", true, b -> {});
    }
    Files.writeString(
        dir.resolve("web.yaml"),
        "UserPoolId: "
            + client.userPoolId()
            + "\nClientId: "
            + client.clientId()
            + "\nClientName: web\nEnableTokenRevocation: true\n");
  }

  private CliRun plan(Map<String, String> env, String... more) {
    String[] args = new String[more.length + 4];
    args[0] = "plan";
    args[1] = dir.toString();
    args[2] = "--endpoint-url";
    args[3] = endpoint.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.run(env, args);
  }

  @Test
  void debug_printsALinePerCallOnStderrAndNeverTheSecret() {
    CliRun run = plan(Map.of(), "--debug");

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    String pool = client.userPoolId();
    assertTrue(
        run.err()
            .contains(
                "ccr: debug: DescribeUserPoolClient region=us-east-1 pool="
                    + pool
                    + " client="
                    + client.clientId()
                    + " status=200 latency="),
        run.err());
    assertTrue(run.err().contains("ccr: debug: ListUserPoolClients region=us-east-1 pool=" + pool));
    assertFalse(run.out().contains("debug:"), "stdout keeps the plan alone");
    assertFalse(run.all().contains(client.secret().orElseThrow()), "no secret");
  }

  @Test
  void ccrLogDebug_isTheSameAsDebug_andWithoutEitherThereIsNoLine() {
    CliRun logged = plan(Map.of("CCR_LOG", "debug"));
    CliRun quiet = plan(Map.of());

    assertTrue(logged.err().contains("ccr: debug: DescribeUserPoolClient"), logged.err());
    assertFalse(quiet.err().contains("debug:"), quiet.err());
  }
}
