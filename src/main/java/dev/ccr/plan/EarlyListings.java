package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.Parallel;
import dev.ccr.spec.ClientRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The listings (ListUserPoolClients) of the declared pools, each started as soon as the loading of
 * the files parses the first document naming its pool, before that document is checked and while
 * the other files are still read: the plan's first read waits neither for the schema nor for every
 * file. Only reads are started; a run that stops because its files are invalid leaves them unused.
 * At most {@code limit} pools are listed early (one thread each); {@link Reconciler} lists the
 * others, and every pool nobody asked for here, itself.
 */
public final class EarlyListings {
  /** Lists nothing early. */
  public static final EarlyListings NONE = new EarlyListings(() -> null, Optional.empty(), 0);

  private final Supplier<CognitoGateway> opener;
  private final Optional<String> region;
  private final int limit;
  private final Map<String, Supplier<ClientReader.Result<List<ClientSummary>>>> started =
      new ConcurrentHashMap<>();
  private CognitoGateway gateway;

  /**
   * @param opener opens the gateway when the first listing starts (never, when no pool is listed
   *     early), or gives null to list nothing early
   * @param region the region the run is confined to ({@code --region}): a pool of another region is
   *     never listed early (the run stops before any call)
   * @param limit the most pools to list early
   */
  public EarlyListings(Supplier<CognitoGateway> opener, Optional<String> region, int limit) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.region = Objects.requireNonNull(region, "region");
    this.limit = limit;
  }

  /**
   * Hears of a pool a document names: starts its listing unless it is started already. Called by
   * the thread that reads the files.
   */
  public void declared(String pool) {
    if (started.size() >= limit || started.containsKey(pool)) {
      return;
    }
    if (region.isPresent() && !ClientRef.regionOf(pool).equals(region)) {
      return;
    }
    if (gateway == null) {
      gateway = opener.get();
      if (gateway == null) {
        return;
      }
    }
    CognitoGateway through = gateway;
    started.put(
        pool,
        Parallel.start(
            "ccr-early-listing", () -> new ClientReader(through, 1).listAll(List.of(pool)).get(0)));
  }

  /** The listing of a pool started early, once it is done; empty when none was started. */
  Optional<ClientReader.Result<List<ClientSummary>>> take(String pool) {
    Supplier<ClientReader.Result<List<ClientSummary>>> listing = started.get(pool);
    return listing == null ? Optional.empty() : Optional.of(listing.get());
  }

  /** Whether the listing of a pool was started early. */
  boolean started(String pool) {
    return started.containsKey(pool);
  }

  /** The gateway the listings went through, once one started. */
  Optional<CognitoGateway> gateway() {
    return Optional.ofNullable(gateway);
  }
}
