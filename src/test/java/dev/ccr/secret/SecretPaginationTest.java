package dev.ccr.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.Pacing;
import dev.ccr.live.Timeouts;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.PagingServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
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

  private PagingServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Serves page {@code n} (from 1), one secret on it, with the token {@code token.apply(n)}. */
  private URI serve(IntFunction<String> token, Duration delay) throws IOException {
    server =
        new PagingServer(
            n ->
                "{\"ClientSecrets\":[{\"ClientSecretId\":\""
                    + CLIENT
                    + "--"
                    + n
                    + "\",\"ClientSecretCreateDate\":"
                    + (1700000000 + n)
                    + "}],\"NextToken\":\""
                    + token.apply(n)
                    + "\"}",
            delay);
    return server.endpoint();
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

    assertEquals(2, server.requests(), "pages read");
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

    assertEquals(100, server.requests(), "pages read");
    assertTrue(error.getMessage().contains("gave more than 100 pages"), error.getMessage());
  }

  @Test
  void slowPagesForever_theCallTimeoutBoundsTheWholeListing() throws IOException {
    URI endpoint = serve(n -> "t" + n, Duration.ofMillis(300));

    SecretException error =
        list(endpoint, new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)));

    assertTrue(
        error.getMessage().contains("did not finish listing")
            || error.getMessage().contains("ApiCallTimeoutException"),
        "the listing ends at --timeout, between pages or in the last one: " + error.getMessage());
    assertTrue(server.requests() < 10, server.requests() + " pages read");
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
