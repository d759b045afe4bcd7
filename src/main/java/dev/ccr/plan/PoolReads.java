package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.LivePool;
import dev.ccr.live.Parallel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reads of every pool's description, resource servers and identity providers, started with the
 * listing of the pools so that they run while the clients are listed and read; what they find about
 * a pool whose listing failed is left out (that is reported once, for the listing).
 */
final class PoolReads {
  private final List<String> pools;
  private final Supplier<List<LivePool>> reads;

  PoolReads(ClientReader poolReader, List<String> pools) {
    this.pools = pools;
    this.reads = Parallel.start("ccr-pool-reader", () -> poolReader.readPools(pools));
  }

  Map<String, LivePool> join() {
    List<LivePool> read = reads.get();
    Map<String, LivePool> byPool = new HashMap<>();
    for (int i = 0; i < pools.size(); i++) {
      byPool.put(pools.get(i), read.get(i));
    }
    return byPool;
  }
}
