package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ccr.testing.MotoSeeder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --debug}'s line per call, against a loopback server that throttles the first two attempts
 * and then answers with a client that has a secret.
 */
class CallLogTest {
  private static final String POOL = "us-east-1_Example12";
  private static final String SECRET = "1secret2value3that4must5never6show";

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          int n = requests.incrementAndGet();
          String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
          boolean throttle = n <= 2;
          boolean missing = target.endsWith("DescribeUserPool");
          String body =
              throttle
                  ? "{\"__type\":\"TooManyRequestsException\",\"message\":\"Too many requests\"}"
                  : missing
                      ? "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no pool\"}"
                      : "{\"UserPoolClient\":{\"UserPoolId\":\""
                          + POOL
                          + "\",\"ClientId\":\"web\",\"ClientName\":\"web\",\"ClientSecret\":\""
                          + SECRET
                          + "\"}}";
          if (throttle) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
          } else if (missing) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
          }
          exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + n);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(throttle || missing ? 400 : 200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private AwsCognitoGateway gateway() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    AwsOptions options =
        new AwsOptions(Optional.empty(), Optional.empty(), Optional.of(endpoint))
            .withDebug(lines::add);
    return new AwsCognitoGateway(
        options,
        new AwsCognitoGateway.Tuning(
            Optional.of(MotoSeeder.CREDENTIALS),
            List.of(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            5));
  }

  @Test
  void aCallRetriedTwice_isOneLineWithItsStatusLatencyRetriesAndNoSecret() {
    try (AwsCognitoGateway gateway = gateway()) {
      LiveClient client = gateway.describe(POOL, "web");
      assertTrue(client.hasSecret());
    }

    assertEquals(1, lines.size(), lines.toString());
    String line = lines.get(0);
    assertTrue(
        line.matches(
            "debug: DescribeUserPoolClient region=us-east-1 pool=us-east-1_Example12 client=web"
                + " status=200 latency=\\d+ms retries=2 request-id=req-3"),
        line);
    assertFalse(String.join("\n", lines).contains(SECRET));
  }

  @Test
  void aFailedCall_namesItsStatusAndError() {
    requests.set(2);
    try (AwsCognitoGateway gateway = gateway()) {
      try {
        gateway.describePool(POOL);
      } catch (GatewayException expected) {
        // the line is what matters
      }
    }

    assertEquals(1, lines.size(), lines.toString());
    assertTrue(
        lines
            .get(0)
            .matches(
                "debug: DescribeUserPool region=us-east-1 pool=us-east-1_Example12 status=400"
                    + " latency=\\d+ms retries=0 error=ResourceNotFoundException request-id=req-3"),
        lines.get(0));
  }
}
