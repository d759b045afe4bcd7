package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.live.LiveClient;
import dev.ccr.live.LivePool;
import dev.ccr.plan.Resolution.Ambiguous;
import dev.ccr.plan.Resolution.Known;
import dev.ccr.plan.Resolution.Missing;
import dev.ccr.plan.Resolution.Unresolved;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.RuleSettings;
import dev.ccr.spec.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
  private final EarlyListings early;

  /**
   * @param progress hears how many clients have been read
   */
  public Reconciler(CognitoGateway gateway, int concurrency, ClientReader.Listener progress) {
    this(gateway, concurrency, progress, EarlyListings.NONE);
  }

  /**
   * @param early the listings started while the files were read, through the same gateway
   */
  public Reconciler(
      CognitoGateway gateway,
      int concurrency,
      ClientReader.Listener progress,
      EarlyListings early) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.reader = new ClientReader(gateway, concurrency, progress);
    this.poolReader = new ClientReader(gateway, concurrency);
    this.early = Objects.requireNonNull(early, "early");
    if (early.gateway().filter(g -> g != gateway).isPresent()) {
      throw new IllegalArgumentException("the early listings went through another gateway");
    }
  }

  /**
   * How to reconcile.
   *
   * @param prune delete the clients of declared pools that no document declares
   * @param unmanagedNeeded whether a pool that cannot be listed fails the run (a drift check),
   *     rather than only leaving its unmanaged clients unknown
   * @param targets the clients the run is narrowed to; unmanaged clients and pruning are still
   *     judged against every document
   * @param includeDcr treat the clients that are not regular ones (registered at run time through
   *     dynamic client registration, or of a type ccr does not know) like any other: adopt them by
   *     name, prune them, count them as unmanaged; without it ccr reads the clients it would adopt
   *     by name (and, to prune or for a drift check, the undeclared ones) to leave such clients
   *     alone
   */
  public record Options(
      boolean prune,
      boolean unmanagedNeeded,
      Targets targets,
      RuleSettings rules,
      boolean includeDcr) {
    public static final Options PLAN = new Options(false, false, Targets.ALL);

    public Options {
      Objects.requireNonNull(targets, "targets");
      Objects.requireNonNull(rules, "rules");
    }

    /** Options that leave the clients that are not regular ones alone. */
    public Options(boolean prune, boolean unmanagedNeeded, Targets targets, RuleSettings rules) {
      this(prune, unmanagedNeeded, targets, rules, false);
    }

    /** Options with every security rule on, as warnings. */
    public Options(boolean prune, boolean unmanagedNeeded, Targets targets) {
      this(prune, unmanagedNeeded, targets, RuleSettings.DEFAULT);
    }
  }

  public Plan reconcile(List<ClientSpec> specs, Options options) {
    return reconcile(new DesiredState(specs, List.of(), List.of()), options);
  }

  /**
   * Plans the clients of the desired state. With {@code --prune}, its unread files and its
   * documents of other environments decide whether pruning may go ahead and which clients it keeps.
   */
  public Plan reconcile(DesiredState state, Options options) {
    List<ClientSpec> specs = state.clients();
    Map<String, Origin> pools = PoolListings.pools(specs);
    // The pools' own reads (other quota categories) start with the listing, not after it.
    PoolReads poolReads =
        new PoolReads(poolReader, List.copyOf(PoolListings.writtenPools(specs).keySet()));
    Map<String, ClientReader.Result<List<ClientSummary>>> listings = list(pools.keySet());
    Map<String, Origin> checkedPools = PoolListings.checkedPools(specs, listings);
    List<Resolution> listed = specs.stream().map(s -> Resolution.of(s, listings)).toList();
    ClientTypes matched =
        options.includeDcr() ? ClientTypes.none() : ClientTypes.readMatches(reader, listed);
    List<Resolution> resolutions = listed.stream().map(matched::sift).toList();
    List<Plan.PoolProblem> problems = new ArrayList<>();
    List<Plan.Unmanaged> undeclared =
        PoolListings.undeclared(
            pools,
            listings,
            Resolution.declaredIds(resolutions),
            problems,
            blocking(options, resolutions));
    ClientTypes.Undeclared split =
        options.includeDcr() || !(options.prune() || options.unmanagedNeeded())
            ? ClientTypes.Undeclared.unread(undeclared)
            : ClientTypes.Undeclared.read(reader, undeclared, options.targets());
    Pruning pruning = Pruning.of(state, pools.keySet(), split.regular(), options);
    Map<ClientSpec, List<Diagnostic>> conflicts =
        new HashMap<>(NameClashes.declaredTwice(resolutions));
    NameClashes.nameClashes(resolutions, listings, pruning.deletedIds(resolutions))
        .forEach((spec, errors) -> conflicts.merge(spec, errors, NameClashes::both));
    List<Resolution> selected =
        resolutions.stream().filter(r -> options.targets().selects(r.spec(), r.ref())).toList();
    Map<ClientSpec, ClientReader.Result<LiveClient>> live =
        describe(selected, conflicts, listings, matched);
    Map<String, LivePool> livePools = poolReads.join();
    livePools.keySet().retainAll(checkedPools.keySet());
    WriteChecks checks = new WriteChecks(livePools, options.rules());
    List<ClientAction> actions = new ArrayList<>();
    for (Resolution resolution : selected) {
      actions.add(action(resolution, conflicts, live.get(resolution.spec()), checks));
    }
    actions.addAll(prune(pruning.deleted(), split.types()));
    List<Diagnostic> notes = new ArrayList<>();
    checkedPools.forEach(
        (pool, origin) -> PoolChecks.skipped(livePools.get(pool), origin).ifPresent(notes::add));
    return new Plan(
        actions,
        pruning.unmanaged(),
        problems,
        options.targets().unmatched(resolutions, undeclared),
        notes,
        pruning.kept(),
        pruning.refused(),
        split.registered(),
        List.of()); // the secrets are read after the plan (SecretPhase)
  }

  /**
   * Which pools the run needs listed: every pool for a drift check or a prune, else those where a
   * document names its client by ClientName.
   */
  private static Predicate<String> blocking(Options options, List<Resolution> resolutions) {
    return pool ->
        options.unmanagedNeeded() || options.prune() || Resolution.needsListing(pool, resolutions);
  }

  /** Lists every pool, taking the listings started early where there are any. */
  private Map<String, ClientReader.Result<List<ClientSummary>>> list(Set<String> pools) {
    List<String> rest = new ArrayList<>();
    for (String pool : pools) {
      if (!early.started(pool)) {
        rest.add(pool);
      }
    }
    List<ClientReader.Result<List<ClientSummary>>> results =
        new ClientReader(gateway, Math.max(1, rest.size())).listAll(rest);
    Map<String, ClientReader.Result<List<ClientSummary>>> listings = new HashMap<>();
    for (int i = 0; i < rest.size(); i++) {
      listings.put(rest.get(i), results.get(i));
    }
    for (String pool : pools) {
      early.take(pool).ifPresent(listing -> listings.put(pool, listing));
    }
    return listings;
  }

  /**
   * Reads every selected client that has an id, except those already known to be invalid (declared
   * twice, or sharing a name) and those of a pool that does not exist or cannot be reached.
   */
  private Map<ClientSpec, ClientReader.Result<LiveClient>> describe(
      List<Resolution> selected,
      Map<ClientSpec, List<Diagnostic>> conflicts,
      Map<String, ClientReader.Result<List<ClientSummary>>> listings,
      ClientTypes matched) {
    List<Known> toRead = new ArrayList<>();
    Map<ClientSpec, ClientReader.Result<LiveClient>> results = new HashMap<>();
    for (Resolution resolution : selected) {
      if (!(resolution instanceof Known known) || conflicts.containsKey(known.spec())) {
        continue;
      }
      Optional<GatewayException> poolFailure =
          PoolListings.poolFailure(listings.get(known.ref().userPoolId()));
      ClientReader.Result<LiveClient> read = matched.readOf(known.ref());
      if (poolFailure.isPresent()) {
        results.put(known.spec(), new ClientReader.Failed<>(poolFailure.get()));
      } else if (read != null) {
        results.put(known.spec(), read);
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

  private ClientAction action(
      Resolution resolution,
      Map<ClientSpec, List<Diagnostic>> conflicts,
      ClientReader.Result<LiveClient> read,
      WriteChecks checks) {
    ClientSpec spec = resolution.spec();
    Origin origin = Origin.of(spec);
    if (conflicts.containsKey(spec)) {
      return new ClientAction.Invalid(resolution.ref(), origin, conflicts.get(spec));
    }
    if (resolution instanceof Unresolved unresolved) {
      return new ClientAction.Unreadable(spec.ref(), origin, unresolved.error());
    }
    if (resolution instanceof Ambiguous ambiguous) {
      return ambiguous(ambiguous);
    }
    if (resolution instanceof Missing missing) {
      return spec.absent()
          ? new ClientAction.NoOp(
              spec.ref(), origin, Optional.empty(), Managed.of(spec), missing.warnings())
          : create(spec, checks, missing.warnings());
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

  private ClientAction compared(
      ClientSpec spec, ClientRef ref, LiveClient live, WriteChecks checks) {
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

  private ClientAction create(ClientSpec spec, WriteChecks checks, List<Diagnostic> warnings) {
    Planner.Comparison creation = planner.creation(spec);
    if (creation.hasErrors()) {
      return new ClientAction.Invalid(
          spec.ref(), Origin.of(spec), NameClashes.both(creation.diagnostics(), warnings));
    }
    boolean generateSecret = spec.generateSecret().orElse(false);
    List<Diagnostic> diagnostics = new ArrayList<>(warnings);
    diagnostics.addAll(creation.diagnostics());
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

  /**
   * Deletes of the clients no document declares, each read first for the plan's record (or read
   * already, to tell its type).
   */
  private List<ClientAction> prune(List<Plan.Unmanaged> pruned, ClientTypes types) {
    List<Plan.Unmanaged> unread =
        pruned.stream().filter(u -> types.readOf(u.ref()) == null).toList();
    ClientTypes read = ClientTypes.readUndeclared(reader, unread);
    List<ClientAction> deletes = new ArrayList<>();
    for (Plan.Unmanaged client : pruned) {
      ClientReader.Result<LiveClient> result =
          Optional.ofNullable(types.readOf(client.ref()))
              .orElseGet(() -> read.readOf(client.ref()));
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

  static Diagnostic error(ClientSpec spec, String pointer, String message) {
    return new Diagnostic(
        Severity.ERROR, message, spec.source().file(), spec.positionOf(pointer), pointer, "");
  }
}
