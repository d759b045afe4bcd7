package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ccr.live.ClientReader.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientReaderTest {

  @Test
  void fairOrder_takesPoolsRoundRobin() {
    List<Key> keys =
        List.of(
            new Key("A", "1"),
            new Key("A", "2"),
            new Key("A", "3"),
            new Key("B", "4"),
            new Key("B", "5"),
            new Key("C", "6"));
    assertEquals(List.of(0, 3, 5, 1, 4, 2), ClientReader.fairOrder(keys));
  }

  @Test
  void readAll_resultsInRequestOrderAndProgressCountsUpToTotal() {
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add(new Key("us-east-1_pool" + (i / 10), "client" + i));
    }
    CognitoGateway gateway =
        new CognitoGateway() {
          @Override
          public LiveClient describe(String userPoolId, String clientId) {
            if (clientId.equals("client7")) {
              throw new GatewayException(GatewayException.Reason.NOT_FOUND, "", "x", "gone");
            }
            return new LiveClient(userPoolId, clientId, Map.of(), false);
          }

          @Override
          public void update(String userPoolId, String clientId, Map<String, Object> c) {}

          @Override
          public List<ClientSummary> list(String userPoolId) {
            return List.of();
          }
        };
    List<Integer> progress = new CopyOnWriteArrayList<>();
    List<ClientReader.Result> results =
        new ClientReader(gateway, 16, (done, total) -> progress.add(done)).readAll(keys);

    assertEquals(keys, results.stream().map(ClientReader.Result::key).toList());
    assertInstanceOf(ClientReader.Failed.class, results.get(7));
    assertEquals(
        IntStream.rangeClosed(1, 40).boxed().toList(), progress.stream().sorted().toList());
  }
}
