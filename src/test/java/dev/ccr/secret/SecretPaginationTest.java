package dev.ccr.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ccr.live.AwsOptions;
import dev.ccr.live.Pacing;
import dev.ccr.live.Timeouts;
import dev.ccr.testing.MotoSeeder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ListUserPoolClientSecrets from a loopback endpoint whose pages never end: the listing stops as
 * every listing of ccr does, with a message naming the client, in bounded time.
 */
class SecretPaginationTest {
  private static final String POOL = "us-east-1_Example12";
  private static final String CLIENT = "1example23";

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI serve(IntFunction<String> token, Duration delay) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          int n = requests.incrementAndGet();
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          String body =
              "{\"ClientSecrets\":[{\"ClientSecretId\":\""
                  + CLIENT
                  + "--"
                  + n
                  + "\",\"ClientSecretCreateDate\":"
                  + (1700000000 + n)
                  + "}],\"NextToken\":\""
                  + token.apply(n)
                  + "\"}";
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private SecretException list(URI endpoint, Timeouts timeouts) {
    AwsOptions options =
        new AwsOptions(
            Optional.empty(),
            Optional.empty(),
            Optional.of(endpoint),
            new Pacing(1000, 1000),
            Optional.empty(),
            timeouts);
    return assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          try (AwsSecrets aws = AwsSecrets.open(options, MotoSeeder.CREDENTIALS)) {
            return assertThrows(SecretException.class, () -> aws.gateway().list(POOL, CLIENT));
          }
        });
  }

  @Test
  void theSameTokenOnEveryPage_stopsAtTheSecondPage() throws IOException {
    URI endpoint = serve(n -> "same", Duration.ZERO);

    SecretException error = list(endpoint, Timeouts.defaults());

    assertEquals(2, requests.get(), "pages read");
    assertEquals("cognito-idp:ListUserPoolClientSecrets", error.action());
    assertTrue(
        error
            .getMessage()
            .contains(
                "repeated the token of an earlier page (after page 2) listing the secrets of"
                    + " client "
                    + CLIENT
                    + " of user pool "
                    + POOL),
        error.getMessage());
  }

  @Test
  void aNewTokenForever_stopsAtTheCapOfPages() throws IOException {
    URI endpoint = serve(n -> "t" + n, Duration.ZERO);

    SecretException error = list(endpoint, Timeouts.defaults());

    assertEquals(100, requests.get(), "pages read");
    assertTrue(error.getMessage().contains("gave more than 100 pages"), error.getMessage());
  }

  @Test
  void slowPagesForever_theCallTimeoutBoundsTheWholeListing() throws IOException {
    URI endpoint = serve(n -> "t" + n, Duration.ofMillis(300));

    SecretException error =
        list(endpoint, new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)));

    assertTrue(error.getMessage().contains("did not finish listing"), error.getMessage());
    assertTrue(requests.get() < 10, requests.get() + " pages read");
  }

  @Test
  void severalPages_areReadToTheEnd() throws IOException {
    URI endpoint = serve(n -> n < 3 ? "t" + n : "", Duration.ZERO);
    AwsOptions options = new AwsOptions(Optional.empty(), Optional.empty(), Optional.of(endpoint));
    try (AwsSecrets aws = AwsSecrets.open(options, MotoSeeder.CREDENTIALS)) {
      assertEquals(
          3, aws.gateway().list(POOL, CLIENT).size(), "one secret from each of three pages");
    }
  }
}
