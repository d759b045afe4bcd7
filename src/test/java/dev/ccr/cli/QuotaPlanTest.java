package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
import dev.ccr.testing.MotoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan of 100 clients through bench/quota_proxy.py, which answers TooManyRequests like Cognito
 * when a quota is exceeded: pacing keeps every read within the quotas, so the user sees no error
 * and every result is right. The quotas are scaled up (30 reads per second, 10 per operation and
 * pool) to keep the test short; two pools make the per-pool limit the one that binds.
 */
@ExtendWith(MotoServer.class)
class QuotaPlanTest {
  private static final int CLIENTS = 100;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void plan_throughQuotaStandIn_noThrottleErrorAndEveryResultRight(URI moto, @TempDir Path dir)
      throws Exception {
    List<SeededClient> clients = seed(moto, dir);
    Process proxy = startProxy(moto);
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + port(proxy));
      CliRun run =
          CliRun.run(
              "plan",
              dir.toString(),
              "--endpoint-url",
              endpoint.toString(),
              "--max-read-rps",
              "30",
              "--format",
              "json",
              "--detailed-exitcode");

      assertFalse(run.err().contains("TooManyRequests"), run.err());
      assertFalse(run.err().contains("throttle"), run.err());
      assertEquals(ExitCode.CHANGES, run.exitCode(), run.err());
      assertTrue(
          run.err()
              .lines()
              .filter(line -> line.contains(": warning: "))
              .allMatch(
                  line ->
                      line.matches(".*\\[CCR1\\d\\d\\]$")
                          || line.matches("ccr: warning: CCR1\\d\\d .*")),
          "only the security rules warn (Cognito's defaults of the seeded clients): " + run.err());
      JsonNode plan = JSON.readTree(run.out()).get("clients");
      assertEquals(CLIENTS, plan.size());
      for (int i = 0; i < CLIENTS; i++) {
        JsonNode client = plan.get(i);
        assertEquals(clients.get(i).clientId(), client.get("clientId").asString());
        assertEquals(
            i % 10 == 0 ? "update" : "no-op", client.get("action").asString(), "client " + i);
      }
      assertTrue(stats(endpoint).get("throttled").asInt() <= 5, "throttled: " + stats(endpoint));
    } finally {
      proxy.destroy();
      if (!proxy.waitFor(5, TimeUnit.SECONDS)) {
        proxy.destroyForcibly();
      }
    }
  }

  /** Two pools of 50 clients, with access tokens valid 1 hour; every tenth file asks for 2. */
  private static List<SeededClient> seed(URI moto, Path dir) throws IOException {
    List<SeededClient> clients = new ArrayList<>();
    try (MotoSeeder seeder = new MotoSeeder(moto)) {
      for (int p = 0; p < 2; p++) {
        String pool = seeder.createUserPool();
        StringBuilder file = new StringBuilder();
        for (int c = 0; c < CLIENTS / 2; c++) {
          int i = clients.size();
          SeededClient client =
              seeder.createClient(
                  pool,
                  "client-" + i,
                  false,
                  b -> b.accessTokenValidity(1).tokenValidityUnits(u -> u.accessToken("hours")));
          clients.add(client);
          file.append("---\nUserPoolId: ")
              .append(pool)
              .append("\nClientId: '")
              .append(client.clientId())
              .append("'")
              .append("\nClientName: client-")
              .append(i)
              .append("\nAccessTokenValidity: ")
              .append(i % 10 == 0 ? 2 : 1)
              .append("\nTokenValidityUnits: {AccessToken: hours}\n");
        }
        Files.writeString(dir.resolve("pool-" + p + ".yaml"), file.toString());
      }
    }
    return clients;
  }

  private static Process startProxy(URI moto) throws IOException {
    Path script = Golden.projectDir().resolve("bench/quota_proxy.py");
    return new ProcessBuilder(
            "python3",
            script.toString(),
            moto.toString(),
            "--read-rps",
            "30",
            "--op-pool-rps",
            "10")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The port from the proxy's first line, "listening on PORT". */
  private static int port(Process proxy) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("listening on ")) {
      throw new IllegalStateException("quota proxy did not start: " + line);
    }
    return Integer.parseInt(line.substring("listening on ".length()).strip());
  }

  private static JsonNode stats(URI endpoint) throws IOException {
    try (var in = endpoint.resolve("/stats").toURL().openStream()) {
      return JSON.readTree(in);
    }
  }
}
