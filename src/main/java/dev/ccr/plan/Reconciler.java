package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.live.LiveClient;
import dev.ccr.live.LivePool;
import dev.ccr.live.Parallel;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.OtherEnvironmentDocument;
import dev.ccr.spec.RuleSettings;
import dev.ccr.spec.Severity;
import dev.ccr.spec.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The plan phase: gives every declared client one {@link ClientAction}. It lists the clients of
 * every declared pool (ListUserPoolClients, every page), finds the clients that documents name by
 * ClientName, reads every client with DescribeUserPoolClient, compares each with its file, and with
 * {@code --prune} adds a delete for every client of a declared pool that no document declares. Each
 * client to create or update is checked on the configuration the write would send: the rules on the
 * live client with the file laid over it, and the checks against its pool (read once per pool,
 * DescribeUserPool, ListResourceServers and ListIdentityProviders, while the clients are read); a
 * failure makes it {@link ClientAction.Invalid}, and so do two documents that name one client and a
 * rename that would leave two clients of one name. {@code --prune} keeps the clients that documents
 * of other environments name, and deletes nothing when the desired state could not be read whole.
 * Reads run concurrently and are paced by the gateway; one failed read does not hide the others.
 */
public final class Reconciler {
  private final CognitoGateway gateway;
  private final ClientReader reader;
  private final ClientReader poolReader;
  private final Planner planner = new Planner();

  /**
   * @param progress hears how many clients have been read
   */
  public Reconciler(CognitoGateway gateway, int concurrency, ClientReader.Listener progress) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.reader = new ClientReader(gateway, concurrency, progress);
    this.poolReader = new ClientReader(gateway, concurrency);
  }

  /**
   * How to reconcile.
   *
   * @param prune delete the clients of declared pools that no document declares
   * @param unmanagedNeeded whether a pool that cannot be listed fails the run (a drift check),
   *     rather than only leaving its unmanaged clients unknown
   * @param targets the clients the run is narrowed to; unmanaged clients and pruning are still
   *     judged against every document
   */
  public record Options(
      boolean prune, boolean unmanagedNeeded, Targets targets, RuleSettings rules) {
    public static final Options PLAN = new Options(false, false, Targets.ALL);

    public Options {
      Objects.requireNonNull(targets, "targets");
      Objects.requireNonNull(rules, "rules");
    }

    /** Options with every security rule on, as warnings. */
    public Options(boolean prune, boolean unmanagedNeeded, Targets targets) {
      this(prune, unmanagedNeeded, targets, RuleSettings.DEFAULT);
    }
  }

  /** How a document's client was found in its pool. */
  private sealed interface Resolution {
    ClientSpec spec();
  }

  /** The document names an id, or the pool has exactly one client of its name. */
  private record Known(ClientSpec spec, ClientRef ref) implements Resolution {}

  /** No client of the document's name: one to create (or, declared absent, nothing to do). */
  private record Missing(ClientSpec spec) implements Resolution {}

  /** Several clients share the document's name. */
  private record Ambiguous(ClientSpec spec, List<ClientSummary> matches) implements Resolution {}

  /** The pool could not be listed, so the name could not be looked up. */
  private record Unresolved(ClientSpec spec, GatewayException error) implements Resolution {}

  public Plan reconcile(List<ClientSpec> specs, Options options) {
    return reconcile(new DesiredState(specs, List.of(), List.of()), options);
  }

  /**
   * Plans the clients of the desired state. With {@code --prune}, its unread files and its
   * documents of other environments decide whether pruning may go ahead and which clients it keeps.
   */
  public Plan reconcile(DesiredState state, Options options) {
    List<ClientSpec> specs = state.clients();
    Map<String, Origin> pools = pools(specs);
    Map<String, ClientReader.Result<List<ClientSummary>>> listings = list(pools.keySet());
    Map<String, Origin> checkedPools = checkedPools(specs, listings);
    PoolReads poolReads = new PoolReads(List.copyOf(checkedPools.keySet()));
    List<Resolution> resolutions = specs.stream().map(s -> resolve(s, listings)).toList();
    List<Plan.PoolProblem> problems = new ArrayList<>();
    List<Plan.Unmanaged> undeclared =
        undeclared(
            pools, listings, declaredIds(resolutions), problems, blocking(options, resolutions));
    Pruning pruning = pruning(state, pools.keySet(), undeclared, options);
    Map<ClientSpec, List<Diagnostic>> conflicts = new HashMap<>(declaredTwice(resolutions));
    nameClashes(resolutions, listings, deleted(resolutions, pruning))
        .forEach((spec, errors) -> conflicts.merge(spec, errors, Reconciler::both));
    List<Resolution> selected =
        resolutions.stream().filter(r -> options.targets().selects(r.spec(), ref(r))).toList();
    Map<ClientSpec, ClientReader.Result<LiveClient>> live = describe(selected, conflicts, listings);
    Map<String, LivePool> livePools = poolReads.join();
    Checks checks = new Checks(livePools, options.rules());
    List<ClientAction> actions = new ArrayList<>();
    for (Resolution resolution : selected) {
      actions.add(action(resolution, conflicts, live.get(resolution.spec()), checks));
    }
    actions.addAll(prune(pruning.deleted()));
    List<Diagnostic> notes = new ArrayList<>();
    checkedPools.forEach(
        (pool, origin) -> PoolChecks.skipped(livePools.get(pool), origin).ifPresent(notes::add));
    return new Plan(
        actions,
        pruning.unmanaged(),
        problems,
        unmatched(options.targets(), resolutions, undeclared),
        notes,
        pruning.kept(),
        pruning.refused());
  }

  /** The pools of documents to create or update whose clients could be listed, to check against. */
  private static Map<String, Origin> checkedPools(
      List<ClientSpec> specs, Map<String, ClientReader.Result<List<ClientSummary>>> listings) {
    Map<String, Origin> checked = new LinkedHashMap<>();
    pools(specs.stream().filter(spec -> !spec.absent()).toList())
        .forEach(
            (pool, origin) -> {
              if (poolFailure(listings.get(pool)).isEmpty()) {
                checked.put(pool, origin);
              }
            });
    return checked;
  }

  /**
   * Which pools the run needs listed: every pool for a drift check or a prune, else those where a
   * document names its client by ClientName.
   */
  private static Predicate<String> blocking(Options options, List<Resolution> resolutions) {
    return pool -> options.unmanagedNeeded() || options.prune() || needsListing(pool, resolutions);
  }

  /**
   * The live clients of the declared pools that no document declares, in pool order; adds a problem
   * for each pool that could not be listed.
   */
  private static List<Plan.Unmanaged> undeclared(
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

  /**
   * What {@code --prune} does with the undeclared clients the run selects.
   *
   * @param deleted the clients to delete
   * @param kept the clients a document of another environment declares
   * @param unmanaged the clients left as they are and reported as unmanaged
   */
  private record Pruning(
      List<Plan.Unmanaged> deleted,
      List<Plan.Kept> kept,
      List<Plan.Unmanaged> unmanaged,
      Optional<Plan.PruneRefused> refused) {}

  /**
   * Without {@code --prune}, every selected undeclared client is unmanaged. With it, each is
   * deleted unless a document of another environment declares it; and nothing is deleted when a
   * file could not be read or such a document's client cannot be told.
   */
  private static Pruning pruning(
      DesiredState state, Set<String> pools, List<Plan.Unmanaged> undeclared, Options options) {
    List<Plan.Unmanaged> selected =
        undeclared.stream().filter(u -> options.targets().selects(u.ref())).toList();
    if (!options.prune()) {
      return new Pruning(List.of(), List.of(), selected, Optional.empty());
    }
    Optional<Plan.PruneRefused> refused = refusal(state, pools);
    if (refused.isPresent()) {
      return new Pruning(List.of(), List.of(), selected, refused);
    }
    List<Plan.Unmanaged> deleted = new ArrayList<>();
    List<Plan.Kept> kept = new ArrayList<>();
    for (Plan.Unmanaged client : selected) {
      Optional<OtherEnvironmentDocument> keeper =
          state.otherEnvironments().stream().filter(d -> declares(d, client.ref())).findFirst();
      keeper.ifPresentOrElse(
          d -> kept.add(new Plan.Kept(client.ref(), d.source(), d.environments())),
          () -> deleted.add(client));
    }
    return new Pruning(deleted, kept, List.of(), Optional.empty());
  }

  /** Whether a document of another environment names this live client: by id, else by name. */
  private static boolean declares(OtherEnvironmentDocument document, ClientRef client) {
    if (!(document.naming() instanceof OtherEnvironmentDocument.Named named)
        || !named.ref().userPoolId().equals(client.userPoolId())) {
      return false;
    }
    return named.ref().clientId().isPresent()
        ? named.ref().clientId().equals(client.clientId())
        : named.ref().clientName().equals(client.clientName());
  }

  /**
   * Why {@code --prune} cannot go ahead: files that were found and not read, and documents of other
   * environments whose client cannot be told in a declared pool (or whose pool cannot be told).
   */
  private static Optional<Plan.PruneRefused> refusal(DesiredState state, Set<String> pools) {
    List<Diagnostic> unknown = new ArrayList<>();
    for (OtherEnvironmentDocument document : state.otherEnvironments()) {
      if (document.naming() instanceof OtherEnvironmentDocument.Unknown naming
          && naming.userPoolId().map(pools::contains).orElse(true)) {
        unknown.add(cannotTell(document, naming));
      }
    }
    if (state.unreadFiles().isEmpty() && unknown.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Plan.PruneRefused(state.unreadFiles(), unknown));
  }

  private static Diagnostic cannotTell(
      OtherEnvironmentDocument document, OtherEnvironmentDocument.Unknown naming) {
    return new Diagnostic(
        Severity.ERROR,
        "--prune refused: this document belongs to "
            + document.environmentsText()
            + " only, and "
            + naming.problem()
            + ", so ccr cannot tell which client it declares, and pruning could delete it; let"
            + " the document name its client in this environment too, or run without --prune",
        document.source().file(),
        naming.position(),
        naming.pointer(),
        "");
  }

  /** The clients the plan deletes: those declared absent, and those --prune deletes. */
  private static Set<String> deleted(List<Resolution> resolutions, Pruning pruning) {
    Set<String> ids = new HashSet<>();
    for (Resolution resolution : resolutions) {
      if (resolution instanceof Known known && known.spec().absent()) {
        ids.add(known.ref().id());
      }
    }
    pruning.deleted().forEach(u -> ids.add(u.ref().id()));
    return ids;
  }

  private static List<Diagnostic> both(List<Diagnostic> a, List<Diagnostic> b) {
    List<Diagnostic> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The reads of every pool's description, resource servers and identity providers, started once
   * the pools are listed so that they run while the clients are read; a pool that does not exist,
   * or that no call reaches, is not read again (that is reported once, for the listing).
   */
  private final class PoolReads {
    private final List<String> pools;
    private final Supplier<List<LivePool>> reads;

    PoolReads(List<String> pools) {
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

  /** The checks of a client to write, or of one left as it is, beyond its file alone. */
  private record Checks(Map<String, LivePool> pools, RuleSettings rules) {
    /**
     * What the configuration a write sends (or, for a client left as it is, the live client)
     * breaks: the rules on the merged configuration, and for a write the checks against the pool.
     */
    List<Diagnostic> of(WriteRequest request, boolean writes) {
      List<Diagnostic> found = new ArrayList<>(request.findings(rules, writes));
      LivePool pool = pools.get(request.desired().userPoolId());
      if (writes && pool != null) {
        found.addAll(PoolChecks.check(request.configuration(), pool));
      }
      return found;
    }
  }

  private List<String> unmatched(
      Targets targets, List<Resolution> resolutions, List<Plan.Unmanaged> undeclared) {
    return targets.values().stream()
        .filter(v -> resolutions.stream().noneMatch(r -> Targets.matches(v, r.spec(), ref(r))))
        .filter(v -> undeclared.stream().noneMatch(u -> Targets.matches(v, u.ref())))
        .toList();
  }

  /** The first document of each pool, at its UserPoolId, by pool in file order. */
  private static Map<String, Origin> pools(List<ClientSpec> specs) {
    Map<String, Origin> pools = new LinkedHashMap<>();
    for (ClientSpec spec : specs) {
      pools.computeIfAbsent(
          spec.userPoolId(),
          pool -> Origin.at(new SourceRef(spec.source().file(), spec.positionOf("/UserPoolId"))));
    }
    return pools;
  }

  private Map<String, ClientReader.Result<List<ClientSummary>>> list(Set<String> pools) {
    List<String> ordered = List.copyOf(pools);
    List<ClientReader.Result<List<ClientSummary>>> results =
        new ClientReader(gateway, Math.max(1, ordered.size())).listAll(ordered);
    Map<String, ClientReader.Result<List<ClientSummary>>> listings = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      listings.put(ordered.get(i), results.get(i));
    }
    return listings;
  }

  private static Resolution resolve(
      ClientSpec spec, Map<String, ClientReader.Result<List<ClientSummary>>> listings) {
    ClientReader.Result<List<ClientSummary>> listing = listings.get(spec.userPoolId());
    if (spec.clientId().isPresent()) {
      ClientRef ref = spec.ref();
      if (ref.clientName().isEmpty()
          && listing instanceof ClientReader.Found<List<ClientSummary>> found) {
        String id = ref.id();
        ref =
            found.value().stream()
                .filter(c -> c.clientId().equals(id))
                .findFirst()
                .map(c -> spec.ref().withName(c.clientName()))
                .orElse(ref);
      }
      return new Known(spec, ref);
    }
    if (listing instanceof ClientReader.Failed<List<ClientSummary>> failed) {
      return new Unresolved(spec, failed.error());
    }
    String name = spec.clientName().orElseThrow();
    List<ClientSummary> matches =
        ((ClientReader.Found<List<ClientSummary>>) listing)
            .value().stream().filter(c -> c.clientName().equals(name)).toList();
    return switch (matches.size()) {
      case 0 -> new Missing(spec);
      case 1 -> new Known(spec, spec.ref().withId(matches.get(0).clientId()));
      default -> new Ambiguous(spec, matches);
    };
  }

  private ClientRef ref(Resolution resolution) {
    return resolution instanceof Known known ? known.ref() : resolution.spec().ref();
  }

  /** Whether a document of the pool names its client by ClientName, so the listing was needed. */
  private static boolean needsListing(String pool, List<Resolution> resolutions) {
    return resolutions.stream()
        .anyMatch(r -> r instanceof Unresolved && r.spec().userPoolId().equals(pool));
  }

  /** The ids of every client a document declares, found by id or by name. */
  private static Set<String> declaredIds(List<Resolution> resolutions) {
    Set<String> ids = new HashSet<>();
    for (Resolution resolution : resolutions) {
      if (resolution instanceof Known known) {
        ids.add(known.ref().id());
      } else if (resolution instanceof Ambiguous ambiguous) {
        ambiguous.matches().forEach(c -> ids.add(c.clientId()));
      }
    }
    return ids;
  }

  /** An error at each of two documents that turn out to name the same client. */
  private static Map<ClientSpec, List<Diagnostic>> declaredTwice(List<Resolution> resolutions) {
    Map<ClientRef, List<Known>> byClient = new LinkedHashMap<>();
    resolutions.stream()
        .filter(Known.class::isInstance)
        .map(Known.class::cast)
        .forEach(
            k ->
                byClient
                    .computeIfAbsent(
                        ClientRef.byId(k.ref().userPoolId(), k.ref().id()), x -> new ArrayList<>())
                    .add(k));
    Map<ClientSpec, List<Diagnostic>> errors = new HashMap<>();
    for (List<Known> declarations : byClient.values()) {
      if (declarations.size() < 2) {
        continue;
      }
      for (Known known : declarations) {
        String others =
            declarations.stream()
                .filter(other -> other != known)
                .map(other -> other.spec().source().toString())
                .collect(Collectors.joining(", "));
        ClientSpec spec = known.spec();
        String pointer = spec.clientId().isPresent() ? "/ClientId" : "/ClientName";
        errors.put(
            spec,
            List.of(
                error(
                    spec,
                    pointer,
                    "client "
                        + known.ref().title()
                        + " is also declared at "
                        + others
                        + " (by id or by name); declare each client once")));
      }
    }
    return errors;
  }

  /** How a client comes to have its name once the plan is applied. */
  private enum Naming {
    /** A document names it by id and gives it another name. */
    RENAMED,
    /** A document creates it by name. */
    CREATED,
    /** It keeps its live name. */
    KEPT
  }

  /**
   * A client of a pool once the plan is applied, and the name it then has.
   *
   * @param clientId empty for a client to create
   * @param spec the document that declares it, if any
   */
  private record Named(
      Optional<String> clientId,
      String liveName,
      String name,
      Optional<ClientSpec> spec,
      Naming naming) {}

  /**
   * An error at each document that, through a rename by id, would leave its pool with two clients
   * of one name: a rename to a name that another document creates or adopts, that another rename
   * gives, or that another client of the pool keeps (unless the plan deletes it). Later plans that
   * find either client by its name would fail.
   */
  private static Map<ClientSpec, List<Diagnostic>> nameClashes(
      List<Resolution> resolutions,
      Map<String, ClientReader.Result<List<ClientSummary>>> listings,
      Set<String> deleted) {
    Map<ClientSpec, List<Diagnostic>> errors = new HashMap<>();
    listings.forEach(
        (pool, listing) -> {
          if (listing instanceof ClientReader.Found<List<ClientSummary>> found) {
            Map<String, List<Named>> byName = new LinkedHashMap<>();
            for (Named named : afterPlan(pool, found.value(), resolutions, deleted)) {
              byName.computeIfAbsent(named.name(), n -> new ArrayList<>()).add(named);
            }
            byName.values().stream()
                .filter(s -> s.size() > 1 && s.stream().anyMatch(n -> n.naming() == Naming.RENAMED))
                .forEach(shared -> clash(pool, shared, errors));
          }
        });
    return errors;
  }

  /** The clients of a pool once the plan is applied, each with its name then. */
  private static List<Named> afterPlan(
      String pool, List<ClientSummary> listed, List<Resolution> resolutions, Set<String> deleted) {
    Map<String, ClientSpec> declared = new HashMap<>();
    List<Named> clients = new ArrayList<>();
    for (Resolution resolution : resolutions) {
      ClientSpec spec = resolution.spec();
      if (!spec.userPoolId().equals(pool) || spec.absent()) {
        continue;
      }
      if (resolution instanceof Known known) {
        declared.putIfAbsent(known.ref().id(), spec);
      } else if (resolution instanceof Missing) {
        String name = spec.clientName().orElseThrow();
        clients.add(new Named(Optional.empty(), "", name, Optional.of(spec), Naming.CREATED));
      }
    }
    for (ClientSummary client : listed) {
      if (deleted.contains(client.clientId())) {
        continue;
      }
      Optional<ClientSpec> spec = Optional.ofNullable(declared.get(client.clientId()));
      Optional<String> rename =
          spec.filter(s -> s.clientId().isPresent())
              .flatMap(ClientSpec::clientName)
              .filter(name -> !name.equals(client.clientName()));
      clients.add(
          new Named(
              Optional.of(client.clientId()),
              client.clientName(),
              rename.orElse(client.clientName()),
              spec,
              rename.isPresent() ? Naming.RENAMED : Naming.KEPT));
    }
    return clients;
  }

  /** An error at the document of each client that would share its name with the others. */
  private static void clash(
      String pool, List<Named> shared, Map<ClientSpec, List<Diagnostic>> errors) {
    for (Named client : shared) {
      if (client.spec().isEmpty()) {
        continue;
      }
      ClientSpec spec = client.spec().get();
      String others =
          shared.stream()
              .filter(other -> other != client)
              .map(other -> fate(other, false))
              .collect(Collectors.joining(", and "));
      String pointer = spec.clientName().isPresent() ? "/ClientName" : "/ClientId";
      String message =
          pointer.substring(1)
              + ": pool "
              + pool
              + " would have "
              + shared.size()
              + " clients named "
              + client.name()
              + ": "
              + fate(client, true)
              + ", and "
              + others
              + "; give each client a name of its own (a plan that finds a client by a name that"
              + " two clients share fails)";
      errors.merge(spec, List.of(error(spec, pointer, message)), Reconciler::both);
    }
  }

  /** What becomes of a client's name, said of this document or of another one. */
  private static String fate(Named client, boolean self) {
    String who = self ? "this document" : client.spec().map(s -> s.source().toString()).orElse("");
    String id = client.clientId().orElse("");
    return switch (client.naming()) {
      case RENAMED -> who + " renames client " + id + " from " + client.liveName() + " to it";
      case CREATED -> who + " creates a client of that name";
      case KEPT ->
          "client "
              + id
              + " has that name"
              + (self
                  ? " and this document declares it"
                  : client
                      .spec()
                      .map(s -> " (declared at " + s.source() + ")")
                      .orElse(" and no file declares it"));
    };
  }

  /**
   * Reads every selected client that has an id, except those already known to be invalid (declared
   * twice, or sharing a name) and those of a pool that does not exist or cannot be reached.
   */
  private Map<ClientSpec, ClientReader.Result<LiveClient>> describe(
      List<Resolution> selected,
      Map<ClientSpec, List<Diagnostic>> conflicts,
      Map<String, ClientReader.Result<List<ClientSummary>>> listings) {
    List<Known> toRead = new ArrayList<>();
    Map<ClientSpec, ClientReader.Result<LiveClient>> results = new HashMap<>();
    for (Resolution resolution : selected) {
      if (!(resolution instanceof Known known) || conflicts.containsKey(known.spec())) {
        continue;
      }
      Optional<GatewayException> poolFailure = poolFailure(listings.get(known.ref().userPoolId()));
      if (poolFailure.isPresent()) {
        results.put(known.spec(), new ClientReader.Failed<>(poolFailure.get()));
      } else {
        toRead.add(known);
      }
    }
    List<ClientReader.Result<LiveClient>> read =
        reader.readAll(toRead.stream().map(Known::ref).toList());
    for (int i = 0; i < toRead.size(); i++) {
      results.put(toRead.get(i).spec(), read.get(i));
    }
    return results;
  }

  /** A listing failure that every read in the pool would repeat: no such pool, or no network. */
  private static Optional<GatewayException> poolFailure(
      ClientReader.Result<List<ClientSummary>> listing) {
    if (listing instanceof ClientReader.Failed<List<ClientSummary>> failed) {
      GatewayException error = failed.error();
      if (error.reason() == GatewayException.Reason.NOT_FOUND || Plan.global(error)) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }

  private ClientAction action(
      Resolution resolution,
      Map<ClientSpec, List<Diagnostic>> conflicts,
      ClientReader.Result<LiveClient> read,
      Checks checks) {
    ClientSpec spec = resolution.spec();
    Origin origin = Origin.of(spec);
    if (conflicts.containsKey(spec)) {
      return new ClientAction.Invalid(ref(resolution), origin, conflicts.get(spec));
    }
    if (resolution instanceof Unresolved unresolved) {
      return new ClientAction.Unreadable(spec.ref(), origin, unresolved.error());
    }
    if (resolution instanceof Ambiguous ambiguous) {
      return ambiguous(ambiguous);
    }
    if (resolution instanceof Missing) {
      return spec.absent()
          ? new ClientAction.NoOp(spec.ref(), origin, Optional.empty(), Managed.of(spec), List.of())
          : create(spec, checks);
    }
    ClientRef ref = ((Known) resolution).ref();
    if (read instanceof ClientReader.Failed<LiveClient> failed) {
      boolean gone = failed.error().reason() == GatewayException.Reason.NOT_FOUND;
      if (gone && spec.absent()) {
        return new ClientAction.NoOp(ref, origin, Optional.empty(), Managed.of(spec), List.of());
      }
      return new ClientAction.Unreadable(ref, origin, failed.error());
    }
    LiveClient live = ((ClientReader.Found<LiveClient>) read).value();
    ClientRef named = ref.withName(live.clientName());
    if (spec.absent()) {
      return otherName(spec, live)
          .<ClientAction>map(e -> new ClientAction.Invalid(named, origin, List.of(e)))
          .orElseGet(
              () -> new ClientAction.Delete(named, origin, Snapshot.of(live), false, List.of()));
    }
    return compared(spec, named, live, checks);
  }

  /**
   * An error when a document declares a client absent by id and gives a ClientName that is not the
   * client's: a delete cannot be undone, so the name must agree when the document gives one.
   */
  private static Optional<Diagnostic> otherName(ClientSpec spec, LiveClient live) {
    Optional<String> name = spec.clientName();
    if (spec.clientId().isEmpty() || name.isEmpty() || name.get().equals(live.clientName())) {
      return Optional.empty();
    }
    return Optional.of(
        error(
            spec,
            "/ClientName",
            "ClientName: the client with this id is named "
                + live.clientName()
                + ", not "
                + name.get()
                + "; fix ClientName or ClientId (a delete cannot be undone, so ccr deletes a"
                + " client only when its name agrees with the file)"));
  }

  private ClientAction compared(ClientSpec spec, ClientRef ref, LiveClient live, Checks checks) {
    Planner.Comparison comparison = planner.compare(spec, live);
    Origin origin = Origin.of(spec);
    if (comparison.hasErrors()) {
      return new ClientAction.Invalid(ref, origin, comparison.diagnostics());
    }
    boolean writes = !comparison.changes().isEmpty();
    List<Diagnostic> diagnostics = new ArrayList<>(comparison.diagnostics());
    diagnostics.addAll(checks.of(WriteRequest.forUpdate(spec, live), writes));
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new ClientAction.Invalid(ref, origin, diagnostics);
    }
    Snapshot snapshot = Snapshot.of(live);
    if (!writes) {
      return new ClientAction.NoOp(
          ref, origin, Optional.of(snapshot), Managed.of(spec), diagnostics);
    }
    return new ClientAction.Update(
        ref,
        origin,
        comparison.changes(),
        snapshot,
        Managed.of(spec),
        diagnostics,
        spec.clientId().isEmpty());
  }

  private ClientAction create(ClientSpec spec, Checks checks) {
    Planner.Comparison creation = planner.creation(spec);
    if (creation.hasErrors()) {
      return new ClientAction.Invalid(spec.ref(), Origin.of(spec), creation.diagnostics());
    }
    boolean generateSecret = spec.generateSecret().orElse(false);
    List<Diagnostic> diagnostics = new ArrayList<>(creation.diagnostics());
    diagnostics.addAll(checks.of(WriteRequest.forCreate(spec), true));
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new ClientAction.Invalid(spec.ref(), Origin.of(spec), diagnostics);
    }
    return new ClientAction.Create(
        spec.ref(), Origin.of(spec), creation.changes(), generateSecret, diagnostics);
  }

  private static ClientAction ambiguous(Ambiguous ambiguous) {
    ClientSpec spec = ambiguous.spec();
    String ids =
        ambiguous.matches().stream().map(ClientSummary::clientId).collect(Collectors.joining(", "));
    String message =
        "ClientName: "
            + ambiguous.matches().size()
            + " clients of pool "
            + spec.userPoolId()
            + " are named "
            + spec.clientName().orElseThrow()
            + " ("
            + ids
            + "); add the ClientId of the one this file manages";
    return new ClientAction.Invalid(
        spec.ref(), Origin.of(spec), List.of(error(spec, "/ClientName", message)));
  }

  /** Deletes of the clients no document declares, each read first for the plan's record. */
  private List<ClientAction> prune(List<Plan.Unmanaged> pruned) {
    List<ClientReader.Result<LiveClient>> read =
        reader.readAll(pruned.stream().map(Plan.Unmanaged::ref).toList());
    List<ClientAction> deletes = new ArrayList<>();
    for (int i = 0; i < pruned.size(); i++) {
      Plan.Unmanaged client = pruned.get(i);
      ClientReader.Result<LiveClient> result = read.get(i);
      if (result instanceof ClientReader.Found<LiveClient> found) {
        deletes.add(
            new ClientAction.Delete(
                client.ref(), client.origin(), Snapshot.of(found.value()), true, List.of()));
      } else if (result instanceof ClientReader.Failed<LiveClient> failed
          && failed.error().reason() != GatewayException.Reason.NOT_FOUND) {
        deletes.add(new ClientAction.Unreadable(client.ref(), client.origin(), failed.error()));
      }
    }
    return deletes;
  }

  private static Diagnostic error(ClientSpec spec, String pointer, String message) {
    return new Diagnostic(
        Severity.ERROR, message, spec.source().file(), spec.positionOf(pointer), pointer, "");
  }
}
