package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.GatewayException;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the listings of the declared pools tell the plan: each pool at the first document that
 * declares a client of it, the pools whose clients can be checked, the live clients no document
 * declares, and a listing failure that every read in the pool would repeat.
 */
final class PoolListings {
  private PoolListings() {}

  /** The pools of the documents that may create or update a client. */
  static Map<String, Origin> writtenPools(List<ClientSpec> specs) {
    return pools(specs.stream().filter(spec -> !spec.absent()).toList());
  }

  /** The pools of documents to create or update whose clients could be listed, to check against. */
  static Map<String, Origin> checkedPools(
      List<ClientSpec> specs, Map<String, ClientReader.Result<List<ClientSummary>>> listings) {
    Map<String, Origin> checked = new LinkedHashMap<>();
    writtenPools(specs)
        .forEach(
            (pool, origin) -> {
              if (poolFailure(listings.get(pool)).isEmpty()) {
                checked.put(pool, origin);
              }
            });
    return checked;
  }

  /**
   * The live clients of the declared pools that no document declares, in pool order; adds a problem
   * for each pool that could not be listed.
   */
  static List<Plan.Unmanaged> undeclared(
      Map<String, Origin> pools,
      Map<String, ClientReader.Result<List<ClientSummary>>> listings,
      Set<String> declaredIds,
      List<Plan.PoolProblem> problems,
      Predicate<String> blocking) {
    List<Plan.Unmanaged> undeclared = new ArrayList<>();
    pools.forEach(
        (pool, origin) -> {
          ClientReader.Result<List<ClientSummary>> listing = listings.get(pool);
          if (listing instanceof ClientReader.Failed<List<ClientSummary>> failed) {
            boolean blocks = blocking.test(pool) || poolFailure(listing).isPresent();
            problems.add(new Plan.PoolProblem(pool, origin, failed.error(), blocks));
            return;
          }
          for (ClientSummary client : ((ClientReader.Found<List<ClientSummary>>) listing).value()) {
            if (!declaredIds.contains(client.clientId())) {
              ClientRef ref = ClientRef.byId(pool, client.clientId()).withName(client.clientName());
              undeclared.add(new Plan.Unmanaged(ref, origin));
            }
          }
        });
    return undeclared;
  }

  /** The first document of each pool, at its UserPoolId, by pool in file order. */
  static Map<String, Origin> pools(List<ClientSpec> specs) {
    Map<String, Origin> pools = new LinkedHashMap<>();
    for (ClientSpec spec : specs) {
      pools.computeIfAbsent(
          spec.userPoolId(),
          pool -> Origin.at(new SourceRef(spec.source().file(), spec.positionOf("/UserPoolId"))));
    }
    return pools;
  }

  /** A listing failure that every read in the pool would repeat: no such pool, or no network. */
  static Optional<GatewayException> poolFailure(ClientReader.Result<List<ClientSummary>> listing) {
    if (listing instanceof ClientReader.Failed<List<ClientSummary>> failed) {
      GatewayException error = failed.error();
      if (error.reason() == GatewayException.Reason.NOT_FOUND || Plan.global(error)) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }
}
