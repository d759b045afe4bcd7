package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SIGTERM (what CI sends on cancel, and what {@link Process#destroy} sends) to {@code ccr apply}
 * running as its own process against a loopback endpoint whose writes are slow: the write in flight
 * finishes, the others are not started, the output says which is which, and the exit code is 5.
 */
class ApplyCancelTest {
  private static final String POOL = "us-east-1_Cancel1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger updates = new AtomicInteger();
  private final CountDownLatch firstUpdate = new CountDownLatch(1);
  private final CountDownLatch firstDescribe = new CountDownLatch(1);
  private volatile Duration describeDelay = Duration.ZERO;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    StringBuilder clients = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      clients
          .append(i == 0 ? "" : "---\n")
          .append("UserPoolId: ")
          .append(POOL)
          .append("\nClientId: id")
          .append(i)
          .append("\nClientName: web")
          .append(i)
          .append("\nAuthSessionValidity: 5\n");
    }
    Files.writeString(dir.resolve("clients.yaml"), clients);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String operation = target.substring(target.indexOf('.') + 1);
    String body =
        switch (operation) {
          case "DescribeUserPoolClient" -> {
            firstDescribe.countDown();
            pause(describeDelay);
            String id = request.get("ClientId").asString();
            yield "{\"UserPoolClient\":{\"UserPoolId\":\""
                + POOL
                + "\",\"ClientId\":\""
                + id
                + "\",\"ClientName\":\"web"
                + id.substring(2)
                + "\",\"AuthSessionValidity\":3}}";
          }
          case "UpdateUserPoolClient" -> {
            updates.incrementAndGet();
            firstUpdate.countDown();
            pause(Duration.ofSeconds(2));
            ObjectNode client = (ObjectNode) request;
            yield "{\"UserPoolClient\":" + client + "}";
          }
          case "DescribeUserPool" -> "{\"UserPool\":{\"Id\":\"" + POOL + "\"}}";
          case "ListResourceServers" -> "{\"ResourceServers\":[]}";
          case "ListIdentityProviders" -> "{\"Providers\":[]}";
          case "ListUserPoolClients" -> "{\"UserPoolClients\":[]}";
          default -> "{}";
        };
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A finished run of ccr as its own process. */
  private record Run(int exitCode, String out, String err) {}

  /** Starts apply, sends SIGTERM once {@code when} is reached, and waits for the process. */
  private Run applyAndTerminate(CountDownLatch when, String... extra) throws Exception {
    return applyAndSignal(when, "TERM", extra);
  }

  /** Starts apply, sends the signal once {@code when} is reached, and waits for the process. */
  private Run applyAndSignal(CountDownLatch when, String signal, String... extra) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.ccr.Main",
                "apply",
                "--auto-approve",
                "--concurrency",
                "1",
                "--endpoint-url",
                "http://127.0.0.1:" + server.getAddress().getPort()));
    command.addAll(List.of(extra));
    command.add(dir.resolve("clients.yaml").toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("GITHUB_") || k.equals("CI"));
    env.put("AWS_ACCESS_KEY_ID", "testing");
    env.put("AWS_SECRET_ACCESS_KEY", "testing");
    env.put("AWS_CONFIG_FILE", dir.resolve("none").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
    builder.redirectOutput(dir.resolve("out.txt").toFile());
    builder.redirectError(dir.resolve("err.txt").toFile());
    Process process = builder.start();
    try {
      assertTrue(when.await(60, TimeUnit.SECONDS), "the moment to cancel never came");
      if (signal.equals("TERM")) {
        process.destroy();
      } else {
        assertEquals(
            0,
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .start()
                .waitFor());
      }
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ccr did not end after SIGTERM");
    } finally {
      process.destroyForcibly();
    }
    return new Run(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void sigtermDuringAWrite_finishesIt_writesNoOther_saysWhich_andExits5() throws Exception {
    Run run = applyAndTerminate(firstUpdate);

    assertEquals(ExitCode.CANCELLED, run.exitCode(), run.out() + run.err());
    assertEquals(1, updates.get(), "writes sent");
    assertTrue(
        run.out().contains("web0 (" + POOL + "/id0): updated AuthSessionValidity\n"), run.out());
    assertTrue(
        run.out().contains("web1 (" + POOL + "/id1): not written (apply was cancelled)\n")
            && run.out().contains("web2 (" + POOL + "/id2): not written (apply was cancelled)\n"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "Apply: 0 created, 1 updated, 0 deleted, 0 failed, 0 unchanged, 2 not written"
                    + " (cancelled).\n"),
        run.out());
    assertTrue(
        run.err()
            .contains(
                "ccr: apply was cancelled (SIGINT or SIGTERM): 1 client written, 2 not written;"
                    + " the writes already sent were finished. Run plan to see what remains.\n"),
        run.err());
  }

  @Test
  void sigtermDuringAWrite_withFormatJson_printsTheResult() throws Exception {
    Run run = applyAndTerminate(firstUpdate, "--format", "json");

    assertEquals(ExitCode.CANCELLED, run.exitCode(), run.out() + run.err());
    JsonNode result = JSON.readTree(run.out());
    assertEquals("cancelled", result.get("outcome").asString());
    assertEquals(1, result.get("summary").get("updated").asInt());
    assertEquals(2, result.get("summary").get("notWritten").asInt());
    assertEquals(
        List.of("updated", "not-written", "not-written"),
        result.get("clients").valueStream().map(c -> c.get("result").asString()).toList());
  }

  @Test
  void sigintDuringAWrite_isTakenAsSigtermIs() throws Exception {
    Run run = applyAndSignal(firstUpdate, "INT");

    assertEquals(ExitCode.CANCELLED, run.exitCode(), run.out() + run.err());
    assertEquals(1, updates.get(), "writes sent");
    assertTrue(run.err().contains("1 client written, 2 not written"), run.err());
  }

  @Test
  void sigtermBeforeAnyWrite_writesNothing_andExits5() throws Exception {
    describeDelay = Duration.ofSeconds(2);

    Run run = applyAndTerminate(firstDescribe, "--format", "json");

    assertEquals(ExitCode.CANCELLED, run.exitCode(), run.out() + run.err());
    assertEquals(0, updates.get(), "writes sent");
    assertTrue(
        run.err()
            .contains(
                "ccr: apply was cancelled (SIGINT or SIGTERM) before any write; nothing was"
                    + " written.\n"),
        run.err());
    assertEquals("cancelled", JSON.readTree(run.out()).get("outcome").asString());
  }
}
