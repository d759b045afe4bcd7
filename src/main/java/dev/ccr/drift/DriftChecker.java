package dev.ccr.drift;

import dev.ccr.drift.DriftReport.ClientResult;
import dev.ccr.drift.DriftReport.DriftedAttribute;
import dev.ccr.drift.DriftReport.PoolError;
import dev.ccr.drift.DriftReport.Problem;
import dev.ccr.drift.DriftReport.ProblemKind;
import dev.ccr.drift.DriftReport.UnmanagedClient;
import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.FleetPlanner;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks declared clients for drift: reads and plans them as {@code plan} does, lists the clients
 * of every pool the files mention, and assembles a {@link DriftReport}. Writes nothing.
 */
public final class DriftChecker {
  private final CognitoGateway gateway;
  private final int concurrency;
  private final ClientReader.Listener progress;

  public DriftChecker(CognitoGateway gateway, int concurrency) {
    this(gateway, concurrency, ClientReader.Listener.NONE);
  }

  /**
   * @param progress hears how many declared clients have been read
   */
  public DriftChecker(CognitoGateway gateway, int concurrency, ClientReader.Listener progress) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.concurrency = concurrency;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** The clients of one pool as ListUserPoolClients gave them, or why it failed. */
  public sealed interface PoolListing permits Listed, Unlisted {
    String userPoolId();
  }

  /** Every client of the pool. */
  public record Listed(String userPoolId, List<ClientSummary> clients) implements PoolListing {
    public Listed {
      Objects.requireNonNull(userPoolId, "userPoolId");
      clients = List.copyOf(clients);
    }
  }

  /** The pool could not be listed. */
  public record Unlisted(String userPoolId, GatewayException error) implements PoolListing {
    public Unlisted {
      Objects.requireNonNull(userPoolId, "userPoolId");
      Objects.requireNonNull(error, "error");
    }
  }

  /** Reads every declared client and lists every pool they name. */
  public DriftReport check(List<ClientSpec> declared, boolean failOnUnmanaged) {
    return assemble(declared, read(declared), list(declared), failOnUnmanaged);
  }

  /** Reads and plans every declared client, concurrently. */
  public FleetPlanner.Result read(List<ClientSpec> declared) {
    return new FleetPlanner(gateway, concurrency, progress).plan(declared);
  }

  /** Lists the clients of every pool the declared clients name, in file order. */
  public List<PoolListing> list(List<ClientSpec> declared) {
    return firstDeclarations(declared).keySet().stream().map(this::list).toList();
  }

  private PoolListing list(String userPoolId) {
    try {
      return new Listed(userPoolId, gateway.list(userPoolId));
    } catch (GatewayException e) {
      return new Unlisted(userPoolId, e);
    }
  }

  /**
   * The report of the declared clients, from the plan of those that could be read, the failures of
   * the others, and the listings of their pools.
   */
  public static DriftReport assemble(
      List<ClientSpec> declared,
      FleetPlanner.Result result,
      List<PoolListing> listings,
      boolean failOnUnmanaged) {
    List<ClientResult> clients = new ArrayList<>();
    for (ClientSpec spec : declared) {
      clients.add(clientResult(spec, result));
    }
    Map<String, ClientSpec> first = firstDeclarations(declared);
    Set<String> known = new HashSet<>();
    declared.forEach(spec -> known.add(key(spec.userPoolId(), spec.clientId().orElseThrow())));
    List<UnmanagedClient> unmanaged = new ArrayList<>();
    List<PoolError> poolErrors = new ArrayList<>();
    for (PoolListing listing : listings) {
      ClientSpec declaring = first.get(listing.userPoolId());
      if (declaring == null) {
        throw new IllegalArgumentException("no file declares pool " + listing.userPoolId());
      }
      String file = declaring.source().file();
      var position = declaring.positionOf("/UserPoolId");
      if (listing instanceof Listed listed) {
        listed.clients().stream()
            .filter(c -> !known.contains(key(c.userPoolId(), c.clientId())))
            .forEach(
                c ->
                    unmanaged.add(
                        new UnmanagedClient(
                            c.userPoolId(), c.clientId(), c.clientName(), file, position)));
      } else if (listing instanceof Unlisted unlisted) {
        String message =
            "cannot list the clients of pool "
                + listing.userPoolId()
                + ": "
                + unlisted.error().getMessage();
        poolErrors.add(new PoolError(listing.userPoolId(), message, file, position));
      }
    }
    return new DriftReport(clients, unmanaged, poolErrors, failOnUnmanaged);
  }

  private static ClientResult clientResult(ClientSpec spec, FleetPlanner.Result result) {
    Optional<ClientPlan> plan =
        result.plan().clients().stream()
            .filter(
                p ->
                    p.userPoolId().equals(spec.userPoolId())
                        && spec.clientId().equals(java.util.Optional.of(p.clientId())))
            .findFirst();
    if (plan.isPresent()) {
      ClientPlan p = plan.get();
      List<DriftedAttribute> drifted =
          p.changes().stream()
              .map(change -> new DriftedAttribute(change, positionOf(spec, change)))
              .toList();
      List<Problem> problems =
          p.diagnostics().stream()
              .filter(Diagnostic::isError)
              .map(d -> new Problem(ProblemKind.PLAN, d.message(), d.position()))
              .toList();
      return result(spec, p.clientName(), drifted, problems);
    }
    Diagnostic failure =
        result.failures().stream()
            .filter(f -> f.spec() == spec)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "neither read nor failed: "
                            + key(spec.userPoolId(), spec.clientId().orElseThrow())))
            .diagnostic();
    String name = spec.clientName().orElse(spec.clientId().orElseThrow());
    return result(
        spec,
        name,
        List.of(),
        List.of(new Problem(ProblemKind.READ, failure.message(), failure.position())));
  }

  private static ClientResult result(
      ClientSpec spec, String name, List<DriftedAttribute> drifted, List<Problem> problems) {
    return new ClientResult(
        spec.source().file(),
        spec.source().position(),
        spec.userPoolId(),
        spec.clientId().orElseThrow(),
        name,
        drifted,
        problems);
  }

  /** The key of the attribute in the file: the sub-key for a nested change, else the member. */
  private static dev.ccr.spec.Position positionOf(ClientSpec spec, AttributeChange change) {
    String pointer = "/" + change.path();
    String member = "/" + change.path().split("/", 2)[0];
    return spec.positions().containsKey(pointer)
        ? spec.positionOf(pointer)
        : spec.positionOf(member);
  }

  /** The first client declared in each pool, by pool, in file order. */
  private static Map<String, ClientSpec> firstDeclarations(List<ClientSpec> declared) {
    Map<String, ClientSpec> first = new LinkedHashMap<>();
    declared.forEach(spec -> first.putIfAbsent(spec.userPoolId(), spec));
    return first;
  }

  private static String key(String userPoolId, String clientId) {
    return userPoolId + "/" + clientId;
  }
}
