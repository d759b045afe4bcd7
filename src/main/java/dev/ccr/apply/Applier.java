package dev.ccr.apply;

import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.live.LiveClient;
import dev.ccr.live.Parallel;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;
import dev.ccr.plan.PlannedState;
import dev.ccr.plan.Planner;
import dev.ccr.plan.Snapshot;
import dev.ccr.plan.WriteRequest;
import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Applies a plan. It keeps two promises:
 *
 * <ol>
 *   <li>A stale plan is refused as a whole before the first write: every client to update or delete
 *       is read again, and the pool of every client to create is listed; if a managed attribute
 *       moved, a client went away, or a client of a name to create appeared, nothing is written.
 *   <li>Each client is read again right before its own write, so that another writer's change can
 *       only be lost in one round trip, not in the length of the run. Its configuration to send is
 *       that fresh read with the planned changes laid over it (Cognito resets whatever an update
 *       leaves out); it passes the rules plan checks before it is sent (a client that breaks one
 *       fails, unwritten), and the client Cognito returns from the write is checked against what
 *       was sent.
 * </ol>
 *
 * The writes run as a pipeline on {@code concurrency} threads: while one client is written, the
 * next ones are read, so reads and writes (separate quota categories) overlap. One failed client
 * does not stop the others. Retries are the gateway's.
 *
 * <p>It is long because its two promises (the whole-plan stale check, and the per-client read,
 * write and verify) share the plan's actions, their planned states and the wording of every
 * failure; the concurrency is Parallel's and what is sent is WriteRequest's.
 */
public final class Applier {
  private final CognitoGateway gateway;
  private final int concurrency;
  private final ClientReader.Listener checkProgress;
  private final ClientReader.Listener writeProgress;
  private final Planner planner = new Planner();
  private final BooleanSupplier cancelled;

  /**
   * @param checkProgress hears how far the stale check is
   * @param writeProgress hears how many clients have been written
   */
  public Applier(
      CognitoGateway gateway,
      int concurrency,
      ClientReader.Listener checkProgress,
      ClientReader.Listener writeProgress) {
    this(gateway, concurrency, checkProgress, writeProgress, () -> false);
  }

  /**
   * @param cancelled whether apply was cancelled: from then on no write is started, a client read
   *     but not yet written is left as it is, and the writes already sent finish
   */
  public Applier(
      CognitoGateway gateway,
      int concurrency,
      ClientReader.Listener checkProgress,
      ClientReader.Listener writeProgress,
      BooleanSupplier cancelled) {
    this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.concurrency = concurrency;
    this.checkProgress = Objects.requireNonNull(checkProgress, "checkProgress");
    this.writeProgress = Objects.requireNonNull(writeProgress, "writeProgress");
  }

  /** What an apply came to. */
  public sealed interface Outcome permits Stale, Unchecked, Applied {}

  /** Some client could not be read to check the plan: nothing was written. */
  public record Unchecked(List<ClientAction.Unreadable> failures) implements Outcome {
    public Unchecked {
      failures = List.copyOf(failures);
    }
  }

  /**
   * The plan no longer holds, and nothing was written: some client moved since the plan, or some
   * already are as the plan leaves them.
   *
   * @param moved what differs from the plan, in plan order; when some clients already are as the
   *     plan leaves them, every client the plan still has to write is there too ({@link
   *     Moved.Kind#PENDING})
   */
  public record Stale(List<Moved> moved) implements Outcome {
    public Stale {
      moved = List.copyOf(moved);
    }

    /** How many clients moved some other way than to what the plan leaves, or are pending. */
    public long clientCount() {
      return clients(m -> m.kind() != Moved.Kind.ALREADY_APPLIED && m.kind() != Moved.Kind.PENDING);
    }

    /** How many clients are of this kind. */
    public long count(Moved.Kind kind) {
      return clients(m -> m.kind() == kind);
    }

    private long clients(java.util.function.Predicate<Moved> which) {
      return moved.stream().filter(which).map(m -> m.action().ref().identity()).distinct().count();
    }

    /** Whether every client of the plan already is as the plan leaves it: it was applied. */
    public boolean alreadyApplied() {
      return moved.stream().allMatch(m -> m.kind() == Moved.Kind.ALREADY_APPLIED);
    }

    /**
     * Whether the plan was applied in part since it was made: some clients already are as it leaves
     * them, the others are as it found them.
     */
    public boolean partlyApplied() {
      return !alreadyApplied() && clientCount() == 0;
    }
  }

  /**
   * The result of every client, in plan order.
   *
   * @param notes what moved since the plan without making it stale (unmanaged attributes, kept)
   * @param cancelled whether apply was cancelled (SIGINT or SIGTERM) while it ran
   */
  public record Applied(List<ApplyResult> results, List<String> notes, boolean cancelled)
      implements Outcome {
    public Applied {
      results = List.copyOf(results);
      notes = List.copyOf(notes);
    }

    public Applied(List<ApplyResult> results, List<String> notes) {
      this(results, notes, false);
    }

    /** Cancelled before the first write: nothing was written. */
    public static Applied cancelledBeforeWrites() {
      return new Applied(List.of(), List.of(), true);
    }

    /** How many clients were written, in whole or in part. */
    public long written() {
      return count(ApplyResult.Created.class)
          + count(ApplyResult.Updated.class)
          + count(ApplyResult.Deleted.class)
          + count(ApplyResult.NotConverged.class);
    }

    public long count(Class<? extends ApplyResult> kind) {
      return results.stream().filter(kind::isInstance).count();
    }

    /** Whether a client failed or did not converge. */
    public boolean hasProblems() {
      return count(ApplyResult.Failed.class) + count(ApplyResult.NotConverged.class) > 0;
    }
  }

  /**
   * Applies the plan.
   *
   * @param checkFirst read every client before the first write and refuse a stale plan (a saved
   *     plan, or one a person confirmed); without it, the plan was made just now and each client is
   *     still compared with it right before its write
   */
  public Outcome apply(Plan plan, boolean checkFirst) {
    List<String> notes = new ArrayList<>();
    if (checkFirst) {
      List<ClientAction.Unreadable> failures = new ArrayList<>();
      List<Moved> moved = check(plan, notes, failures);
      if (!failures.isEmpty()) {
        return new Unchecked(failures);
      }
      if (!moved.isEmpty()) {
        return new Stale(withPending(plan, moved));
      }
    }
    List<ApplyResult> results = writeAll(plan.actions(), notes);
    return new Applied(results, notes, cancelled.getAsBoolean());
  }

  // ---- the check of the whole plan before the first write

  private List<Moved> check(Plan plan, List<String> notes, List<ClientAction.Unreadable> failures) {
    List<ClientAction> existing =
        plan.actions().stream()
            .filter(a -> a instanceof ClientAction.Update || a instanceof ClientAction.Delete)
            .toList();
    List<ClientAction.Create> creates =
        plan.actions().stream()
            .filter(ClientAction.Create.class::isInstance)
            .map(ClientAction.Create.class::cast)
            .toList();
    ClientReader reader = new ClientReader(gateway, concurrency, checkProgress);
    List<ClientReader.Result<LiveClient>> reads =
        reader.readAll(existing.stream().map(ClientAction::ref).toList());
    List<Moved> moved = new ArrayList<>();
    for (int i = 0; i < existing.size(); i++) {
      if (reads.get(i) instanceof ClientReader.Failed<LiveClient> failed
          && failed.error().reason() != GatewayException.Reason.NOT_FOUND) {
        failures.add(unreadable(existing.get(i), failed.error()));
      } else {
        moved.addAll(moved(existing.get(i), reads.get(i), notes));
      }
    }
    moved.addAll(appeared(creates, reader, failures));
    return moved;
  }

  /**
   * What moved in plan order; when some clients already are as the plan leaves them, the plan was
   * applied in part, so each client it still has to write is named as pending too.
   */
  private static List<Moved> withPending(Plan plan, List<Moved> moved) {
    boolean partly = moved.stream().anyMatch(m -> m.kind() == Moved.Kind.ALREADY_APPLIED);
    Map<ClientAction, List<Moved>> byAction = new IdentityHashMap<>();
    moved.forEach(m -> byAction.computeIfAbsent(m.action(), a -> new ArrayList<>()).add(m));
    List<Moved> ordered = new ArrayList<>();
    for (ClientAction action : plan.actions()) {
      if (byAction.containsKey(action)) {
        ordered.addAll(byAction.get(action));
      } else if (partly && action.writes()) {
        ordered.add(Moved.of(action, Moved.Kind.PENDING, ""));
      }
    }
    return ordered;
  }

  private List<Moved> moved(
      ClientAction action, ClientReader.Result<LiveClient> read, List<String> notes) {
    if (read instanceof ClientReader.Failed<LiveClient>) {
      return List.of(
          action instanceof ClientAction.Delete
              ? Moved.of(action, Moved.Kind.ALREADY_APPLIED, "already deleted")
              : Moved.of(action, Moved.Kind.DELETED, ""));
    }
    LiveClient live = ((ClientReader.Found<LiveClient>) read).value();
    if (action instanceof ClientAction.Delete delete) {
      return changedSince(delete, live);
    }
    ClientAction.Update update = (ClientAction.Update) action;
    List<StaleCheck.Difference> differences = differences(update.live(), live);
    StaleCheck.unmanaged(differences, update.managed()).forEach(d -> notes.add(note(update, d)));
    List<StaleCheck.Difference> managed = StaleCheck.managed(differences, update.managed());
    if (managed.isEmpty()) {
      return List.of();
    }
    if (holds(PlannedState.of(update), live)) {
      return List.of(Moved.of(update, Moved.Kind.ALREADY_APPLIED, "every planned change holds"));
    }
    return managed.stream().map(d -> Moved.attribute(update, d.path(), d.then(), d.now())).toList();
  }

  private static List<Moved> changedSince(ClientAction.Delete delete, LiveClient live) {
    List<StaleCheck.Difference> differences = differences(delete.live(), live);
    if (differences.isEmpty()) {
      return List.of();
    }
    String what =
        differences.stream()
            .map(d -> d.path() + " " + d.then() + " -> " + d.now())
            .collect(Collectors.joining(", "));
    return List.of(Moved.of(delete, Moved.Kind.CHANGED, what));
  }

  /** Clients to create whose name a client of their pool has now. */
  private List<Moved> appeared(
      List<ClientAction.Create> creates,
      ClientReader reader,
      List<ClientAction.Unreadable> failures) {
    List<String> pools =
        List.copyOf(
            creates.stream()
                .map(c -> c.ref().userPoolId())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    List<ClientReader.Result<List<ClientSummary>>> listings = reader.listAll(pools);
    Map<String, List<ClientSummary>> byPool = new HashMap<>();
    for (int i = 0; i < pools.size(); i++) {
      if (listings.get(i) instanceof ClientReader.Found<List<ClientSummary>> found) {
        byPool.put(pools.get(i), found.value());
      } else {
        GatewayException error =
            ((ClientReader.Failed<List<ClientSummary>>) listings.get(i)).error();
        String pool = pools.get(i);
        creates.stream()
            .filter(c -> c.ref().userPoolId().equals(pool))
            .forEach(c -> failures.add(unreadable(c, error)));
      }
    }
    List<Moved> moved = new ArrayList<>();
    for (ClientAction.Create create : creates) {
      if (!byPool.containsKey(create.ref().userPoolId())) {
        continue;
      }
      ClientSpec planned = PlannedState.of(create);
      String name = nameSent(planned);
      List<String> ids =
          byPool.get(create.ref().userPoolId()).stream()
              .filter(c -> c.clientName().equals(name))
              .map(ClientSummary::clientId)
              .toList();
      appeared(create, planned, ids).ifPresent(moved::add);
    }
    return moved;
  }

  /**
   * Whether a client of the name to create appeared since the plan, and whether it holds the plan
   * already (a create whose answer was lost). A client registered at run time (not REGULAR) of that
   * name is not one: plan creates a regular client beside it, never adopting it by name.
   */
  private Optional<Moved> appeared(
      ClientAction.Create create, ClientSpec planned, List<String> ids) {
    List<String> regular = new ArrayList<>();
    Map<String, LiveClient> read = new HashMap<>();
    for (String id : ids) {
      try {
        LiveClient live = gateway.describe(create.ref().userPoolId(), id);
        if (live.regular()) {
          regular.add(id);
          read.put(id, live);
        }
      } catch (GatewayException e) {
        regular.add(id); // reported as a name that appeared; the next plan shows the rest
      }
    }
    if (regular.isEmpty()) {
      return Optional.empty();
    }
    if (regular.size() == 1 && read.containsKey(regular.get(0))) {
      if (holds(planned, read.get(regular.get(0)))) {
        return Optional.of(
            Moved.of(create, Moved.Kind.ALREADY_APPLIED, "created as " + regular.get(0)));
      }
    }
    return Optional.of(Moved.of(create, Moved.Kind.APPEARED, String.join(", ", regular)));
  }

  /** The name CreateUserPoolClient would get: the one a client that appeared must not have. */
  private static String nameSent(ClientSpec planned) {
    return String.valueOf(planned.attributes().get(Attribute.CLIENT_NAME.memberName()));
  }

  private static ClientAction.Unreadable unreadable(ClientAction action, GatewayException error) {
    return new ClientAction.Unreadable(action.ref(), action.origin(), error);
  }

  /** Whether the client already holds every planned change ({@link PlannedState#of}). */
  private boolean holds(ClientSpec planned, LiveClient live) {
    return planner.compare(planned, live).changes().isEmpty();
  }

  private static List<StaleCheck.Difference> differences(Snapshot then, LiveClient now) {
    return StaleCheck.differences(then.configuration(), Snapshot.of(now).configuration());
  }

  private static String note(ClientAction action, StaleCheck.Difference d) {
    return action.origin().source()
        + ": "
        + action.ref().title()
        + ": "
        + d.path()
        + " changed since the plan ("
        + d.then()
        + " -> "
        + d.now()
        + "); the file does not manage it, so the new value is kept";
  }

  // ---- the pipeline of writes

  private List<ApplyResult> writeAll(List<ClientAction> actions, List<String> notes) {
    long writes = actions.stream().filter(ClientAction::writes).count();
    AtomicInteger done = new AtomicInteger();
    return Parallel.map(
        actions,
        a -> a.ref().userPoolId(),
        (int) Math.min(concurrency, writes),
        "ccr-apply",
        action -> {
          if (!action.writes()) {
            return new ApplyResult.Unchanged(action);
          }
          if (cancelled.getAsBoolean()) {
            return new ApplyResult.NotWritten(action);
          }
          ApplyResult result = write(action, notes);
          writeProgress.progressed(done.incrementAndGet(), (int) writes);
          return result;
        });
  }

  private ApplyResult write(ClientAction action, List<String> notes) {
    if (action instanceof ClientAction.Create create) {
      return create(create);
    }
    if (action instanceof ClientAction.Update update) {
      return update(update, notes);
    }
    return delete((ClientAction.Delete) action);
  }

  private ApplyResult create(ClientAction.Create create) {
    ClientSpec planned = PlannedState.of(create);
    WriteRequest request = WriteRequest.forCreate(create, planned);
    Optional<ApplyResult> refused = refused(create, request);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (cancelled.getAsBoolean()) {
      return new ApplyResult.NotWritten(create);
    }
    LiveClient stored;
    try {
      stored = gateway.create(create.ref().userPoolId(), request.body(), create.generateSecret());
    } catch (GatewayException e) {
      ApplyResult failed = failure(create, "create failed", e, Culprit.find(e, create));
      return mayHaveHappened(e) ? mayHaveBeenCreated((ApplyResult.Failed) failed) : failed;
    }
    List<Unconverged> remaining =
        planner.compare(planned, stored).changes().stream()
            .map(
                c ->
                    new Unconverged(
                        c.path(), c.before().display() + ", wanted " + c.after().display()))
            .toList();
    if (!remaining.isEmpty()) {
      return notConverged(create, stored.clientId(), remaining);
    }
    return new ApplyResult.Created(create, stored.clientId());
  }

  private ApplyResult update(ClientAction.Update update, List<String> notes) {
    ClientRef ref = update.ref();
    LiveClient live;
    try {
      live = gateway.describe(ref.userPoolId(), ref.id());
    } catch (GatewayException e) {
      String what =
          e.reason() == GatewayException.Reason.NOT_FOUND
              ? "deleted since the plan; not written"
              : "cannot read the client before writing it";
      return failure(update, what, e, Optional.empty());
    }
    List<StaleCheck.Difference> differences = differences(update.live(), live);
    List<StaleCheck.Difference> moved = StaleCheck.managed(differences, update.managed());
    ClientSpec planned = PlannedState.of(update);
    if (!moved.isEmpty() && !holds(planned, live)) {
      return failure(update, anotherWriter(moved, "not written"));
    }
    synchronized (notes) {
      StaleCheck.unmanaged(differences, update.managed()).stream()
          .map(d -> note(update, d))
          .filter(n -> !notes.contains(n))
          .forEach(notes::add);
    }
    WriteRequest request =
        WriteRequest.forUpdate(update, planned, live.attributes(), live.hasSecret());
    Optional<ApplyResult> refused = refused(update, request);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (cancelled.getAsBoolean()) {
      return new ApplyResult.NotWritten(update);
    }
    LiveClient stored;
    try {
      stored = gateway.update(ref.userPoolId(), ref.id(), request.body());
    } catch (GatewayException e) {
      return failure(update, "update failed", e, Culprit.find(e, update));
    }
    List<Unconverged> differ =
        StaleCheck.differences(
                Snapshot.of(request.body()).configuration(), Snapshot.of(stored).configuration())
            .stream()
            .map(d -> new Unconverged(d.path(), "sent " + d.then() + ", stored " + d.now()))
            .toList();
    if (!differ.isEmpty()) {
      return notConverged(update, ref.id(), differ);
    }
    return new ApplyResult.Updated(update);
  }

  private ApplyResult delete(ClientAction.Delete delete) {
    ClientRef ref = delete.ref();
    try {
      LiveClient live = gateway.describe(ref.userPoolId(), ref.id());
      List<StaleCheck.Difference> differences = differences(delete.live(), live);
      if (!differences.isEmpty()) {
        return failure(delete, anotherWriter(differences, "not deleted"));
      }
      if (cancelled.getAsBoolean()) {
        return new ApplyResult.NotWritten(delete);
      }
      gateway.delete(ref.userPoolId(), ref.id());
      return new ApplyResult.Deleted(delete, false);
    } catch (GatewayException e) {
      if (e.reason() == GatewayException.Reason.NOT_FOUND) {
        return new ApplyResult.Deleted(delete, true);
      }
      return failure(delete, "delete failed", e, Optional.empty());
    }
  }

  /**
   * A failure, and no write, when the configuration about to be sent breaks a rule that plan
   * checks: the live client may have moved since the plan (an unmanaged attribute, which is kept).
   */
  private static Optional<ApplyResult> refused(ClientAction action, WriteRequest sending) {
    List<Diagnostic> errors = sending.errors();
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    String message =
        action.ref().title()
            + ": not written: the configuration to send breaks a rule, so Cognito would refuse it"
            + " or keep a client it documents as invalid: "
            + errors.stream().map(Diagnostic::message).collect(Collectors.joining("; "))
            + ". Run plan again";
    return Optional.of(
        new ApplyResult.Failed(action, diagnostic(action, message, errors.get(0).pointer())));
  }

  /**
   * Whether a failed call may have been carried out all the same: the connection failed or timed
   * out after the request may have reached Cognito, or Cognito failed on its side (5xx) or in a way
   * the SDK could not name. Not when Cognito answered that it refused or throttled the call.
   */
  private static boolean mayHaveHappened(GatewayException error) {
    return switch (error.reason()) {
      case UNREACHABLE, RETRYABLE -> true;
      case OTHER -> error.errorCode().isEmpty();
      default -> false;
    };
  }

  /**
   * A create whose answer was lost: CreateUserPoolClient is not retried then, since a second call
   * could make a second client of the same name, so the user is told how to find out.
   */
  private static ApplyResult mayHaveBeenCreated(ApplyResult.Failed failed) {
    Diagnostic diagnostic = failed.diagnostic();
    String message =
        diagnostic.message()
            + "; the client may have been created all the same (the answer was lost): run 'ccr"
            + " plan' before applying again, which finds a client of this name and adopts it"
            + " instead of creating a second one";
    return new ApplyResult.Failed(
        failed.action(), diagnostic(failed.action(), message, diagnostic.pointer()));
  }

  /**
   * @param notDone what was not done: {@code not written}, {@code not deleted}
   */
  private static String anotherWriter(List<StaleCheck.Difference> moved, String notDone) {
    return "changed since the plan, by another writer during this apply: "
        + moved.stream()
            .map(d -> d.path() + " " + d.then() + " -> " + d.now())
            .collect(Collectors.joining(", "))
        + "; "
        + notDone
        + ", so that change is not lost. Run plan again";
  }

  /** An attribute the client Cognito stored does not hold as sent, and how it differs. */
  private record Unconverged(String path, String detail) {
    @Override
    public String toString() {
      return path + " (" + detail + ")";
    }
  }

  private static ApplyResult failure(
      ClientAction action, String what, GatewayException error, Optional<Culprit> culprit) {
    String concerns = culprit.map(c -> "; it concerns " + c.label()).orElse("");
    String pointer = culprit.map(Culprit::pointer).orElse("");
    String message = action.ref().title() + ": " + what + ": " + error.messageWithCode() + concerns;
    return new ApplyResult.Failed(action, diagnostic(action, message, pointer));
  }

  private static ApplyResult failure(ClientAction action, String what) {
    return new ApplyResult.Failed(
        action, diagnostic(action, action.ref().title() + ": " + what, ""));
  }

  private static ApplyResult notConverged(
      ClientAction action, String clientId, List<Unconverged> differ) {
    String message =
        action.ref().withId(clientId).title()
            + ": did not converge: the client Cognito stored differs from what was sent in "
            + differ.stream().map(Unconverged::toString).collect(Collectors.joining(", "))
            + " (another writer, or a value Cognito does not keep); run plan to see what remains";
    return new ApplyResult.NotConverged(
        action,
        clientId,
        differ.stream().map(Unconverged::path).toList(),
        diagnostic(action, message, "/" + differ.get(0).path()));
  }

  /** Located at the pointer in the file when its position is known, else at the document. */
  private static Diagnostic diagnostic(ClientAction action, String message, String pointer) {
    return new Diagnostic(
        Severity.ERROR,
        message,
        action.origin().source().file(),
        action.origin().positionOf(pointer),
        pointer,
        "");
  }
}
