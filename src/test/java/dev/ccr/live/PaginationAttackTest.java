package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.PagingServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ListUserPoolClients from a loopback endpoint whose pages never end: a repeated token, a new token
 * forever, and slow pages, each ending in a message in bounded time.
 */
class PaginationAttackTest {
  private static final String POOL = "us-east-1_Example12";

  private PagingServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Serves page {@code n} (from 1) with the token {@code token.apply(n)}, after {@code delay}. */
  private URI serve(IntFunction<String> token, Duration delay) throws IOException {
    server =
        new PagingServer(
            n ->
                "{\"UserPoolClients\":[{\"UserPoolId\":\""
                    + POOL
                    + "\",\"ClientId\":\"id"
                    + n
                    + "\",\"ClientName\":\"c"
                    + n
                    + "\"}],\"NextToken\":\""
                    + token.apply(n)
                    + "\"}",
            delay);
    return server.endpoint();
  }

  private static AwsCognitoGateway gateway(URI endpoint, Timeouts timeouts) {
    AwsOptions options =
        new AwsOptions(
            Optional.empty(),
            Optional.empty(),
            Optional.of(endpoint),
            new Pacing(1000, 1000),
            Optional.empty(),
            timeouts);
    return new AwsCognitoGateway(
        options,
        new AwsCognitoGateway.Tuning(
            Optional.of(MotoSeeder.CREDENTIALS),
            List.of(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            5));
  }

  private GatewayException list(URI endpoint, Timeouts timeouts) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          try (AwsCognitoGateway gateway = gateway(endpoint, timeouts)) {
            return assertThrows(GatewayException.class, () -> gateway.list(POOL));
          }
        });
  }

  @Test
  void attack_theSameTokenOnEveryPage_stopsAtTheSecondPageNamingIt() throws IOException {
    URI endpoint = serve(n -> "same", Duration.ZERO);

    GatewayException error = list(endpoint, Timeouts.defaults());

    assertEquals(2, server.requests(), "pages read");
    assertEquals(
        "Cognito at "
            + endpoint
            + " repeated the token of an earlier page (after page 2) listing the clients of user"
            + " pool "
            + POOL
            + ", so the listing would never end; ccr stopped reading: check --endpoint-url",
        error.getMessage());
  }

  @Test
  void attack_aTokenOfAnEarlierPage_stopsThere() throws IOException {
    URI endpoint = serve(n -> "t" + (n % 3), Duration.ZERO);

    GatewayException error = list(endpoint, Timeouts.defaults());

    assertEquals(4, server.requests(), "pages read");
    assertTrue(error.getMessage().contains("(after page 4)"), error.getMessage());
  }

  @Test
  void attack_aNewTokenForever_stopsAtTheCapOfPages() throws IOException {
    URI endpoint = serve(n -> "t" + n, Duration.ZERO);

    GatewayException error = list(endpoint, Timeouts.defaults());

    assertEquals(Pages.MAX_PAGES, server.requests(), "pages read");
    assertEquals(
        "Cognito at "
            + endpoint
            + " gave more than 100 pages listing the clients of user pool "
            + POOL
            + " (a pool holds at most 1,000 app clients unless its quota was raised, 60 a page, and"
            + " fewer resource servers and identity providers); ccr stopped reading: check"
            + " --endpoint-url",
        error.getMessage());
  }

  @Test
  void attack_slowPagesForever_theCallTimeoutBoundsTheWholeListing() throws IOException {
    URI endpoint = serve(n -> "t" + n, Duration.ofMillis(300));
    long start = System.nanoTime();

    GatewayException error =
        list(endpoint, new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)));

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(GatewayException.Reason.UNREACHABLE, error.reason());
    assertTrue(
        error.getMessage().startsWith("Cognito at " + endpoint + " did not")
            && error.getMessage().contains("2 seconds (--timeout"),
        error.getMessage());
    assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took);
    assertTrue(server.requests() < 10, server.requests() + " pages read");
  }

  @Test
  void aListingOfSeveralPages_isReadToItsEnd() throws IOException {
    URI endpoint = serve(n -> n < 3 ? "t" + n : "", Duration.ZERO);

    try (AwsCognitoGateway gateway = gateway(endpoint, Timeouts.defaults())) {
      assertEquals(
          List.of("c1", "c2", "c3"),
          gateway.list(POOL).stream().map(ClientSummary::clientName).toList());
    }
  }
}
