package dev.ccr.plan;

import dev.ccr.live.GatewayException;
import dev.ccr.secret.ClientSecrets;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.SourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The planned action for every declared client (in the order the files declare them, then the
 * clients {@code --prune} deletes), the live clients of the declared pools that no file declares,
 * and the pools that could not be listed.
 *
 * @param unmanaged live clients of a declared pool that no document declares (and that the plan
 *     does not delete), as far as the run's targets select them
 * @param poolProblems the pools whose clients could not be listed
 * @param unmatchedTargets the {@code --target} values that matched no client
 * @param notes warnings about the run rather than one client: the checks against a pool that could
 *     not be made
 * @param kept the clients {@code --prune} keeps because a document of another environment declares
 *     them
 * @param pruneRefused why {@code --prune} deleted nothing, when it was given and could not tell
 *     which clients the files declare
 * @param registered the undeclared clients of the declared pools that are not regular ones (a
 *     client registered at run time through dynamic client registration, {@code ClientType: DCR},
 *     or of a type ccr does not know): never deleted by {@code --prune} and never among {@code
 *     unmanaged}, unless the run includes them ({@code --include-dcr}); known only when the run
 *     read the undeclared clients (drift, {@code --prune})
 * @param secrets the secrets of each existing client whose document declares a secret policy
 *     ({@code ccr: {secret:}}), in the order of the actions: what was read, the secret actions and
 *     the policy's violations
 */
public record Plan(
    List<ClientAction> actions,
    List<Unmanaged> unmanaged,
    List<PoolProblem> poolProblems,
    List<String> unmatchedTargets,
    List<Diagnostic> notes,
    List<Kept> kept,
    Optional<PruneRefused> pruneRefused,
    List<Registered> registered,
    List<ClientSecrets> secrets) {

  public Plan {
    actions = List.copyOf(actions);
    unmanaged = List.copyOf(unmanaged);
    poolProblems = List.copyOf(poolProblems);
    unmatchedTargets = List.copyOf(unmatchedTargets);
    notes = List.copyOf(notes);
    kept = List.copyOf(kept);
    Objects.requireNonNull(pruneRefused, "pruneRefused");
    registered = List.copyOf(registered);
    secrets = List.copyOf(secrets);
  }

  /** This plan with the secrets of its clients. */
  public Plan withSecrets(List<ClientSecrets> read) {
    return new Plan(
        actions,
        unmanaged,
        poolProblems,
        unmatchedTargets,
        notes,
        kept,
        pruneRefused,
        registered,
        read);
  }

  /** A plan of these actions alone (a saved plan, as apply reads it). */
  public Plan(List<ClientAction> actions) {
    this(actions, List.of());
  }

  /**
   * An undeclared client of a declared pool that is not a regular one: registered at run time
   * through dynamic client registration ({@code DCR}), or of a {@code ClientType} ccr does not know
   * (kept as Cognito's raw string).
   */
  public record Registered(ClientRef ref, Origin origin, String clientType) {
    public Registered {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(clientType, "clientType");
    }

    /** Whether its type is one ccr does not know (neither REGULAR nor DCR). */
    public boolean unknownType() {
      return !clientType.equals("DCR");
    }
  }

  /** A saved plan: its actions and its clients' secrets. */
  public Plan(List<ClientAction> actions, List<ClientSecrets> secrets) {
    this(
        actions,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        List.of(),
        secrets);
  }

  /** A live client of a declared pool that no document declares. */
  public record Unmanaged(ClientRef ref, Origin origin) {
    public Unmanaged {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /**
   * A pool whose clients could not be listed.
   *
   * @param origin the UserPoolId of the first document of the pool
   * @param blocking whether the run needed the listing (to find clients by name, to prune, to
   *     report unmanaged clients in a drift check); otherwise only the unmanaged clients are
   *     unknown
   */
  public record PoolProblem(
      String userPoolId, Origin origin, GatewayException error, boolean blocking) {
    public PoolProblem {
      Objects.requireNonNull(userPoolId, "userPoolId");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(error, "error");
    }

    /**
     * What went wrong, in the one wording of a failed listing ({@link #listingFailed}); a listing
     * the run did not need adds that only the unmanaged clients are unknown.
     */
    public String message() {
      return listingFailed(userPoolId, error)
          + (blocking ? "" : "; its unmanaged clients are unknown");
    }

    /**
     * Why the clients of a pool could not be listed: the pool was not found (check its id, region
     * and account), or the call failed with Cognito's message and error code.
     */
    public static String listingFailed(String userPoolId, GatewayException error) {
      return error.reason() == GatewayException.Reason.NOT_FOUND
          ? "user pool "
              + userPoolId
              + " not found: "
              + error.messageWithCode()
              + "; check the UserPoolId, and the region (its prefix, or --region) and account"
              + " in use"
          : "cannot list the clients of pool " + userPoolId + ": " + error.messageWithCode();
    }
  }

  /**
   * A client of a declared pool that no document of the run declares and {@code --prune} keeps: a
   * document of another environment declares it.
   *
   * @param declaredAt that document
   * @param environments the environments it belongs to
   */
  public record Kept(ClientRef ref, SourceRef declaredAt, List<String> environments) {
    public Kept {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(declaredAt, "declaredAt");
      environments = List.copyOf(environments);
    }

    /** {@code declared for environment dev only}. */
    public String reason() {
      return "declared for environment"
          + (environments.size() == 1 ? " " : "s ")
          + String.join(", ", environments)
          + " only";
    }
  }

  /**
   * What kept the run from reading every client, or from telling which clients the files declare,
   * grouped so that each cause is reported once.
   */
  public sealed interface Failure permits Everywhere, InPool, OfClient, PruneRefused {}

  /**
   * A cause that concerns every call alike (credentials, the network): one message.
   *
   * @param clients how many clients it kept from being read
   */
  public record Everywhere(GatewayException error, int clients) implements Failure {
    /** Whether another failure has this cause, and is reported with it. */
    public boolean covers(GatewayException other) {
      return sameCause(error, other);
    }
  }

  /** A pool that could not be listed (not found, access denied). */
  public record InPool(PoolProblem problem) implements Failure {}

  /** One client that could not be read. */
  public record OfClient(ClientAction.Unreadable action) implements Failure {}

  /**
   * {@code --prune} deleted nothing: a desired-state file could not be read, or a document of
   * another environment names its client with a variable this run has no value for, so a client it
   * declares would have been deleted as declared in no file.
   *
   * @param unreadFiles why each file that was found could not be read
   * @param unknownDocuments an error at each document of another environment whose client cannot be
   *     told
   */
  public record PruneRefused(List<String> unreadFiles, List<Diagnostic> unknownDocuments)
      implements Failure {
    public PruneRefused {
      unreadFiles = List.copyOf(unreadFiles);
      unknownDocuments = List.copyOf(unknownDocuments);
      if (unreadFiles.isEmpty() && unknownDocuments.isEmpty()) {
        throw new IllegalArgumentException("--prune refused without a reason");
      }
    }
  }

  public long count(Class<? extends ClientAction> kind) {
    return actions.stream().filter(kind::isInstance).count();
  }

  /** Whether apply would create, update or delete a client, or take a secret action. */
  public boolean hasChanges() {
    return actions.stream().anyMatch(ClientAction::writes) || hasSecretActions();
  }

  /** Whether apply would rotate, deliver or retire a secret. */
  public boolean hasSecretActions() {
    return secrets.stream().anyMatch(s -> !s.actions().isEmpty());
  }

  /** The clients whose secrets, or whose store, could not be read. */
  public List<ClientSecrets> secretErrors() {
    return secrets.stream().filter(s -> s.error().isPresent()).toList();
  }

  /** Whether a client's desired state is invalid against its live client or the pool. */
  public boolean hasErrors() {
    return count(ClientAction.Invalid.class) > 0;
  }

  /**
   * Whether something could not be read that the run needed (or, with {@code --prune}, whether
   * pruning was refused).
   */
  public boolean hasFailures() {
    return count(ClientAction.Unreadable.class) > 0
        || poolProblems.stream().anyMatch(PoolProblem::blocking)
        || pruneRefused.isPresent();
  }

  /**
   * What the summary counts as "with errors": every client that could not be read or is invalid,
   * and every pool that could not be listed when the run needed it, unless a client of it is
   * counted already.
   */
  public long errorCount() {
    Set<String> counted = new HashSet<>();
    actions.stream()
        .filter(ClientAction.Unreadable.class::isInstance)
        .forEach(a -> counted.add(a.ref().userPoolId()));
    long pools =
        poolProblems.stream()
            .filter(PoolProblem::blocking)
            .filter(p -> !counted.contains(p.userPoolId()))
            .count();
    return count(ClientAction.Invalid.class) + count(ClientAction.Unreadable.class) + pools;
  }

  /**
   * The plan-time problems of every client (unreadable ones aside) and the notes of the run, sorted
   * by file and position.
   */
  public List<Diagnostic> diagnostics() {
    return java.util.stream.Stream.concat(
            actions.stream()
                .filter(a -> !(a instanceof ClientAction.Unreadable))
                .flatMap(a -> a.diagnostics().stream()),
            notes.stream())
        .sorted(Diagnostic.ORDER)
        .toList();
  }

  /**
   * The read failures, each cause once: a failure of the credentials or the network once for the
   * whole run; a pool that could not be listed once (its clients' failures with it); then each
   * client that could not be read on its own.
   */
  public List<Failure> failures() {
    Map<Cause, Everywhere> everywhere = new LinkedHashMap<>();
    List<Failure> pools = new ArrayList<>();
    Set<String> failedPools = new HashSet<>();
    for (PoolProblem problem : poolProblems) {
      if (global(problem.error())) {
        everywhere.putIfAbsent(Cause.of(problem.error()), new Everywhere(problem.error(), 0));
      } else if (problem.blocking()) {
        pools.add(new InPool(problem));
        failedPools.add(problem.userPoolId());
      }
    }
    List<Failure> clients = new ArrayList<>();
    for (ClientAction action : actions) {
      if (!(action instanceof ClientAction.Unreadable unreadable)) {
        continue;
      }
      GatewayException error = unreadable.error();
      if (global(error)) {
        everywhere.merge(
            Cause.of(error),
            new Everywhere(error, 1),
            (a, b) -> new Everywhere(a.error(), a.clients() + 1));
      } else if (!failedPools.contains(unreadable.ref().userPoolId())) {
        clients.add(new OfClient(unreadable));
      }
    }
    List<Failure> failures = new ArrayList<>(everywhere.values());
    failures.addAll(pools);
    failures.addAll(clients);
    pruneRefused.ifPresent(failures::add);
    return failures;
  }

  /**
   * What a failure that concerns every call alike comes down to: its reason and AWS error code, so
   * that the calls it failed (in any pool or region) are reported once, with the first's message.
   */
  private record Cause(GatewayException.Reason reason, String errorCode) {
    static Cause of(GatewayException error) {
      return new Cause(error.reason(), error.errorCode());
    }
  }

  /** Whether two failures that concern every call alike have one cause, reported once. */
  private static boolean sameCause(GatewayException a, GatewayException b) {
    return Cause.of(a).equals(Cause.of(b));
  }

  /** Whether a failure concerns every call alike rather than one pool or client. */
  static boolean global(GatewayException error) {
    return error.reason() == GatewayException.Reason.CREDENTIALS
        || error.reason() == GatewayException.Reason.UNREACHABLE;
  }
}
