package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.StallingServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endpoints that misbehave and endpoint URLs that would fail late or leak: each ends in a message
 * with a documented exit code, in bounded time, and a password in the URL is never printed.
 */
class NetworkAttackTest {
  private static final String CLIENT =
      "UserPoolId: us-east-1_Example12\nClientId: 3n4b5urk1ft4fl3mg5e62d9ado\nClientName: web\n";
  private static final String PASSWORD = "s3cr3t-pa55";

  /** Far below what a hanging call would take, far above the timeouts the tests set. */
  private static final Duration BOUND = Duration.ofSeconds(45);

  @TempDir Path dir;

  /**
   * Each call abandoned mid-answer, and its connection closed: the JDK would otherwise drain the
   * rest of the answer in the background to reuse the connection, holding its lock for as long as
   * the endpoint drips, and a later close of that answer could hang past every timeout.
   */
  @Test
  void attack_drippingEndpoint_exit1AtTheAttemptTimeoutNamingEndpointAndTimeout()
      throws IOException, InterruptedException {
    writeClients(6);
    try (StallingServer server = new StallingServer(StallingServer.Mode.DRIP)) {
      CliRun run =
          aws(
              Map.of(),
              "plan",
              "--concurrency",
              "6",
              "--endpoint-url",
              server.endpoint().toString(),
              "--timeout",
              "20",
              "--attempt-timeout",
              "0.5");

      assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
      assertTrue(
          run.err()
              .contains(
                  "ccr: error: Cognito at "
                      + server.endpoint()
                      + " did not answer within 0.5 seconds (--attempt-timeout); check the network"
                      + " and --endpoint-url, or raise --attempt-timeout\n"),
          run.err());
      assertTrue(
          server.awaitAllClosed(Duration.ofSeconds(5)),
          "connections abandoned mid-answer were left open");
    }
  }

  @Test
  void attack_drippingEndpoint_exit1AtTheCallTimeoutNamingEndpointAndTimeout() throws IOException {
    writeClients(6);
    try (StallingServer server = new StallingServer(StallingServer.Mode.DRIP)) {
      CliRun run =
          aws(
              Map.of(),
              "plan",
              "--concurrency",
              "6",
              "--endpoint-url",
              server.endpoint().toString(),
              "--timeout",
              "1.5",
              "--attempt-timeout",
              "1");

      assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
      assertTrue(
          run.err()
              .contains(
                  "ccr: error: Cognito at "
                      + server.endpoint()
                      + " did not answer within 1.5 seconds (--timeout, retries included)"),
          run.err());
    }
  }

  @Test
  void attack_endpointAnswersAnHtmlPage_saysWhatCameBackNotThatItIsUnreachable()
      throws IOException {
    writeClients(1);
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] page =
        "<!DOCTYPE html>\n<html><body>Sign in to the proxy</body></html>\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    server.start();
    try {
      String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
      CliRun run =
          assertTimeoutPreemptively(
              BOUND, () -> aws(Map.of(), "plan", "--endpoint-url", endpoint, "--timeout", "5"));

      assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
      assertFalse(run.err().contains("cannot reach"), run.err());
      assertTrue(
          run.err()
              .contains(
                  "Cognito at "
                      + endpoint
                      + " answered with something other than Cognito's JSON (HTTP 200,"
                      + " Content-Type text/html; charset=utf-8)"),
          run.err());
      assertTrue(run.err().contains("text/html"), run.err());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void attack_silentEndpoint_exit1WithinTheTimeout() throws IOException {
    try (StallingServer server = new StallingServer(StallingServer.Mode.SILENT)) {
      CliRun run =
          aws(
              Map.of(),
              "drift",
              "--endpoint-url",
              server.endpoint().toString(),
              "--timeout",
              "2",
              "--attempt-timeout",
              "0.5");

      assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
      assertTrue(
          run.err().contains("Cognito at " + server.endpoint() + " did not answer"), run.err());
      assertTrue(server.connections() > 0, "the server was never called");
    }
  }

  @Test
  void attack_endpointPortOutOfRange_usageErrorNamingThePort() throws IOException {
    CliRun run = aws(Map.of(), "plan", "--endpoint-url", "http://127.0.0.1:99999");

    assertEquals(ExitCode.USAGE, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .startsWith(
                "ccr: Invalid value for option '--endpoint-url': port 99999 of"
                    + " 'http://127.0.0.1:99999' is out of range: ports go from 1 to 65535\n"),
        run.err());
  }

  @Test
  void attack_endpointUrlsThatWouldFailLate_areUsageErrorsInWords() throws IOException {
    Map<String, String> expected =
        Map.of(
            "http://127.0.0.1:0", "port 0 of 'http://127.0.0.1:0' is out of range",
            "http://127.0.0.1:8x", "port '8x' of 'http://127.0.0.1:8x' is not a number",
            "http://127.0.0.1:4566/?a=b", "an endpoint URL has no query (?...) or fragment",
            "http://127.0.0.1:4566/#top", "an endpoint URL has no query (?...) or fragment",
            "ftp://127.0.0.1", "URL with a host, not 'ftp://127.0.0.1'",
            "http://under_score:80", "must be an http:// or https:// URL with a host name");
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      CliRun run = aws(Map.of(), "plan", "--endpoint-url", entry.getKey());

      assertEquals(ExitCode.USAGE, run.exitCode(), entry.getKey() + ": " + run.all());
      assertTrue(run.err().contains(entry.getValue()), entry.getKey() + ": " + run.err());
    }
  }

  @Test
  void attack_passwordInEndpointUrl_maskedOnStderrAndInEveryDriftFormat() throws IOException {
    String url = "http://ops:" + PASSWORD + "@127.0.0.1:" + closedPort();
    String masked = url.replace("ops:" + PASSWORD, "****");
    List<String> outputs = new ArrayList<>();
    for (String format : new String[] {"text", "json", "markdown", "junit", "sarif"}) {
      CliRun run = aws(Map.of(), "drift", "--format", format, "--endpoint-url", url);
      assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
      assertTrue(run.out().contains(masked), format + ":\n" + run.out());
      outputs.add(run.all());
    }
    outputs.add(aws(Map.of(), "plan", "--endpoint-url", url).all());
    outputs.add(aws(Map.of(), "plan", "--format", "json", "--endpoint-url", url).all());
    outputs.add(
        aws(Map.of(), "plan", "--endpoint-url", "http://ops:" + PASSWORD + "@127.0.0.1:99999")
            .all());
    outputs.add(aws(Map.of(), "plan", "--endpoint-url", url + "/?q").all());
    for (String output : outputs) {
      assertFalse(output.contains(PASSWORD), output);
      assertFalse(output.contains("ops:"), output);
    }
    assertTrue(outputs.get(5).contains("Cognito at " + masked), outputs.get(5));
  }

  @Test
  void attack_passwordInEndpointVariable_maskedAndCheckedLikeTheOption() throws IOException {
    String url = "http://ops:" + PASSWORD + "@127.0.0.1:" + closedPort();

    CliRun run = aws(Map.of("AWS_ENDPOINT_URL", url), "plan");
    CliRun bad = aws(Map.of("AWS_ENDPOINT_URL", "http://ops:" + PASSWORD + "@h:99999"), "plan");

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(run.err().contains(url.replace("ops:" + PASSWORD, "****")), run.err());
    assertEquals(ExitCode.USAGE, bad.exitCode(), bad.all());
    assertTrue(
        bad.err().startsWith("ccr: AWS_ENDPOINT_URL: port 99999 of 'http://****@h:99999'"),
        bad.err());
    assertFalse(run.all().contains(PASSWORD) || bad.all().contains(PASSWORD));
  }

  @Test
  void attack_timeoutOptionsOutOfRange_areUsageErrors() throws IOException {
    String[][] cases = {
      {"--timeout", "0"},
      {"--timeout", "-1"},
      {"--timeout", "NaN"},
      {"--timeout", "Infinity"},
      {"--attempt-timeout", "0.01"},
      {"--attempt-timeout", "7200"},
      {"--timeout", "soon"},
      {"--timeout", "2", "--attempt-timeout", "3"}
    };
    for (String[] options : cases) {
      List<String> args = new ArrayList<>(List.of("plan", "--endpoint-url", "http://127.0.0.1:1"));
      args.addAll(List.of(options));
      CliRun run = aws(Map.of(), args.toArray(String[]::new));

      assertEquals(ExitCode.USAGE, run.exitCode(), String.join(" ", options) + ": " + run.all());
      assertTrue(run.err().contains("timeout"), run.err());
    }
  }

  @Test
  void attack_endlessPagination_planEndsWithinTheTimeout() throws IOException {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    java.util.concurrent.atomic.AtomicInteger pages =
        new java.util.concurrent.atomic.AtomicInteger();
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          int n = pages.incrementAndGet();
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body =
              ("{\"UserPoolClients\":[],\"NextToken\":\"t" + n + "\"}")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      Files.writeString(
          dir.resolve("web.yaml"), "UserPoolId: us-east-1_Example12\nClientName: web\n");
      String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
      long start = System.nanoTime();

      CliRun run = aws(Map.of(), "plan", "--endpoint-url", endpoint, "--timeout", "2");

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
      assertTrue(
          run.err().contains("Cognito at " + endpoint + " did not")
              && run.err().contains("within 2 seconds (--timeout"),
          run.err());
      assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void timeoutOptions_everyAwsCommandTakesThem() {
    for (String command : new String[] {"plan", "apply", "drift", "export"}) {
      String help = CliRun.run(command, "--help").out();
      assertTrue(help.contains("--timeout=SECONDS"), command + ":\n" + help);
      assertTrue(help.contains("--attempt-timeout=SECONDS"), command + ":\n" + help);
    }
  }

  /** A run of an AWS command on one client file, bounded in time, never with a stack trace. */
  private CliRun aws(Map<String, String> env, String... args) throws IOException {
    Path file = dir.resolve("web.yaml");
    if (!Files.exists(file)) {
      Files.writeString(file, CLIENT);
    }
    List<String> all = new ArrayList<>(List.of(args));
    all.add(file.toString());
    CliRun run =
        assertTimeoutPreemptively(BOUND, () -> CliRun.run(env, all.toArray(String[]::new)));
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }

  /** Several clients in one file, read at once: several chances for a call to hang. */
  private void writeClients(int count) throws IOException {
    StringBuilder clients = new StringBuilder();
    for (int i = 0; i < count; i++) {
      clients.append(i == 0 ? "" : "---\n").append(CLIENT.replace("ado\n", "ad" + i + "\n"));
    }
    Files.writeString(dir.resolve("web.yaml"), clients);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
