package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ccr.spec.ClientRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientReaderTest {

  @Test
  void fairOrder_takesPoolsRoundRobin() {
    assertEquals(
        List.of(0, 3, 5, 1, 4, 2), Parallel.fairOrder(List.of("A", "A", "A", "B", "B", "C")));
  }

  @Test
  void readAll_resultsInRequestOrderAndProgressCountsUpToTotal() {
    List<ClientRef> refs = new ArrayList<>();
    FakeCognitoGateway fake = new FakeCognitoGateway();
    for (int i = 0; i < 40; i++) {
      String pool = "us-east-1_pool" + (i / 10);
      refs.add(ClientRef.byId(pool, "client" + i));
      if (i != 7) {
        fake.seed(pool, "client" + i, Map.of("ClientName", "c" + i), false);
      }
    }
    List<Integer> progress = new CopyOnWriteArrayList<>();
    List<ClientReader.Result<LiveClient>> results =
        new ClientReader(fake, 16, (done, total) -> progress.add(done)).readAll(refs);

    for (int i = 0; i < 40; i++) {
      if (i == 7) {
        assertInstanceOf(ClientReader.Failed.class, results.get(i));
      } else {
        assertEquals(
            "client" + i, ((ClientReader.Found<LiveClient>) results.get(i)).value().clientId());
      }
    }
    assertEquals(
        IntStream.rangeClosed(1, 40).boxed().toList(), progress.stream().sorted().toList());
  }

  @Test
  void listAll_givesEachPoolItsClientsOrItsFailure() {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    fake.seed("us-east-1_a", "1", Map.of("ClientName", "one"), false);
    List<ClientReader.Result<List<ClientSummary>>> results =
        new ClientReader(fake, 4).listAll(List.of("us-east-1_a", "us-east-1_missing"));
    assertEquals(
        List.of(new ClientSummary("us-east-1_a", "1", "one")),
        ((ClientReader.Found<List<ClientSummary>>) results.get(0)).value());
    assertEquals(
        GatewayException.Reason.NOT_FOUND,
        ((ClientReader.Failed<List<ClientSummary>>) results.get(1)).error().reason());
  }
}
