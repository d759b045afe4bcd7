package dev.ccr.drift;

import dev.ccr.plan.AttributeChange;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ccr drift} found, ready to render: every declared client with its status and drifted
 * attributes, the clients of the same pools that no file declares, and the pools that could not be
 * listed. Renderers only format this value; they never compare anything.
 *
 * @param clients every declared client, in the order the files declare them
 * @param unmanaged the live clients no file declares, by pool in file order, then as listed
 * @param poolErrors the pools whose clients could not be listed
 * @param failOnUnmanaged whether an unmanaged client counts as a failure (--fail-on-unmanaged)
 * @param securityFindings what the security rules (CCR101...) found in the run, on the files and on
 *     the configurations a write would send: warnings, or errors with {@code --strict}; sorted by
 *     file and position
 * @param registered the undeclared clients that are not regular ones (registered at run time
 *     through dynamic client registration, or of a type ccr does not know), listed apart from the
 *     unmanaged ones: they never fail the check; empty with {@code --include-dcr}, which counts
 *     them as unmanaged
 */
public record DriftReport(
    List<ClientResult> clients,
    List<UnmanagedClient> unmanaged,
    List<PoolError> poolErrors,
    boolean failOnUnmanaged,
    List<Diagnostic> securityFindings,
    List<RegisteredClient> registered) {

  /** A report without runtime-registered clients. */
  public DriftReport(
      List<ClientResult> clients,
      List<UnmanagedClient> unmanaged,
      List<PoolError> poolErrors,
      boolean failOnUnmanaged,
      List<Diagnostic> securityFindings) {
    this(clients, unmanaged, poolErrors, failOnUnmanaged, securityFindings, List.of());
  }

  public DriftReport {
    clients = List.copyOf(clients);
    unmanaged = List.copyOf(unmanaged);
    registered = List.copyOf(registered);
    poolErrors = List.copyOf(poolErrors);
    securityFindings = List.copyOf(securityFindings);
    if (securityFindings.stream().anyMatch(d -> d.rule().isEmpty())) {
      throw new IllegalArgumentException("a security finding without its rule");
    }
  }

  /** How a declared client compares with its file. */
  public enum Status {
    IN_SYNC,
    DRIFTED,
    /** Declared, and no such client exists: apply would create it. */
    MISSING,
    /**
     * Declared absent ({@code ccr: {state: absent}}), and the client exists: apply would delete it.
     */
    UNWANTED,
    ERROR;

    /** The word used in every format: {@code in-sync}, {@code drifted}, {@code error}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** What kind of problem kept a client from being compared. */
  public enum ProblemKind {
    /** The live client could not be read (not found, access denied, network). */
    READ,
    /** The file's value cannot be compared with the live one (out of range under the live unit). */
    PLAN
  }

  /**
   * A problem with one client, located in its file.
   *
   * @param position where the problem is in the file (the ClientId key for a read error)
   * @param rule the security rule that found it ({@code CCR101}, an error with {@code --strict}),
   *     empty for any other problem; such a problem is among the report's security findings too
   */
  public record Problem(
      ProblemKind kind, String message, Position position, Optional<String> rule) {
    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(rule, "rule");
    }
  }

  /**
   * One drifted attribute.
   *
   * @param change the plan's change: {@code before} is the live value, {@code after} the file's
   * @param position the line and column of the attribute's key in the file
   */
  public record DriftedAttribute(AttributeChange change, Position position) {
    public DriftedAttribute {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(position, "position");
    }

    public String path() {
      return change.path();
    }

    /** The value in the file, as displayed. */
    public String desired() {
      return change.after().display();
    }

    /** The live value, as displayed (Cognito's default when Describe left it out). */
    public String live() {
      return change.before().display();
    }

    /** For a set: the items the file lists and the live client lacks. */
    public List<String> missing() {
      return change.added();
    }

    /** For a set: the live items the file does not list. */
    public List<String> extra() {
      return change.removed();
    }
  }

  /**
   * One declared client.
   *
   * @param file the file that declares it, as the user named it
   * @param position the start of its document
   * @param ref the client: the live one (with its name) when it was read, else as the file names it
   * @param status {@link Status#ERROR} exactly when {@code problems} is not empty; {@link
   *     Status#DRIFTED} exactly when {@code drifted} is not empty
   */
  public record ClientResult(
      String file,
      Position position,
      ClientRef ref,
      List<DriftedAttribute> drifted,
      List<Problem> problems,
      Status status) {
    public ClientResult {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(ref, "ref");
      drifted = List.copyOf(drifted);
      problems = List.copyOf(problems);
      Objects.requireNonNull(status, "status");
      if ((status == Status.ERROR) != !problems.isEmpty()
          || (status == Status.DRIFTED) != !drifted.isEmpty()) {
        throw new IllegalArgumentException(status + " does not fit " + ref);
      }
    }

    public String userPoolId() {
      return ref.userPoolId();
    }

    /** The client's id, empty for a client that does not exist. */
    public String clientId() {
      return ref.clientId().orElse("");
    }

    /** The client's name, else its id ({@link ClientRef#displayName}). */
    public String clientName() {
      return ref.displayName();
    }

    /** {@code web-app (us-east-1_Abc/3n4b5urk1ft4fl3mg5e62d9ado)}, or without an id the pool. */
    public String title() {
      return DriftReport.title(ref);
    }
  }

  /** What the two kinds of undeclared client share: the client and how it is named. */
  public sealed interface Undeclared permits UnmanagedClient, RegisteredClient {
    ClientRef ref();

    default String userPoolId() {
      return ref().userPoolId();
    }

    default String clientId() {
      return ref().id();
    }

    /** The live name, empty when the client has none. */
    default String clientName() {
      return ref().clientName().orElse("");
    }

    /** {@code legacy (us-east-1_Abc/5a6b...)}, or the id and the pool when it has no name. */
    default String title() {
      return DriftReport.title(ref());
    }
  }

  /**
   * A live client of a declared pool that no file declares.
   *
   * @param ref the live client, with its name when it has one
   * @param file the first file that declares a client of the pool, where findings about it are
   *     located
   * @param position the UserPoolId key in that file
   */
  public record UnmanagedClient(ClientRef ref, String file, Position position)
      implements Undeclared {
    public UnmanagedClient {
      Objects.requireNonNull(ref, "ref");
      ref.id();
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(position, "position");
    }
  }

  /**
   * An undeclared client that is not a regular one: ccr leaves it alone unless asked.
   *
   * @param clientType Cognito's ClientType: {@code DCR}, or a value ccr does not know (raw)
   * @param file the first file that declares a client of the pool
   * @param position the UserPoolId key in that file
   */
  public record RegisteredClient(ClientRef ref, String clientType, String file, Position position)
      implements Undeclared {
    public RegisteredClient {
      Objects.requireNonNull(ref, "ref");
      ref.id();
      Objects.requireNonNull(clientType, "clientType");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(position, "position");
    }

    /** What the client is and why ccr leaves it alone, in one sentence. */
    public String finding() {
      return (clientType.equals("DCR")
              ? "registered at run time through dynamic client registration (ClientType DCR)"
              : "of a ClientType ccr does not know (" + clientType + "), so not a regular client")
          + "; ccr does not adopt, prune or count it as unmanaged (--include-dcr does)";
    }
  }

  /** A client as every drift format names it: its display name, then its pool and id. */
  private static String title(ClientRef ref) {
    return ref.displayName()
        + " ("
        + ref.userPoolId()
        + ref.clientId().map(id -> "/" + id).orElse("")
        + ")";
  }

  /**
   * A pool whose clients could not be listed, so its unmanaged clients are unknown.
   *
   * @param file the first file that declares a client of the pool
   * @param position the UserPoolId key in that file
   */
  public record PoolError(String userPoolId, String message, String file, Position position) {
    public PoolError {
      Objects.requireNonNull(userPoolId, "userPoolId");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(position, "position");
    }
  }

  /** What a missing or unwanted client means, in words. */
  public static String lifecycleFinding(ClientResult client) {
    return client.status() == Status.MISSING
        ? "no such client exists; apply would create it"
        : "the file declares it absent, but it exists; apply would delete it";
  }

  public long count(Status status) {
    return clients.stream().filter(c -> c.status() == status).count();
  }

  /** Whether apply would change a declared client: drifted, missing or unwanted. */
  public boolean hasDrift() {
    return count(Status.DRIFTED) + count(Status.MISSING) + count(Status.UNWANTED) > 0;
  }

  /** Whether a client or a pool could not be read. */
  public boolean hasReadErrors() {
    return !poolErrors.isEmpty()
        || clients.stream()
            .flatMap(c -> c.problems().stream())
            .anyMatch(p -> p.kind() == ProblemKind.READ);
  }

  /** Whether a file value could not be compared with its live client. */
  public boolean hasPlanErrors() {
    return clients.stream()
        .flatMap(c -> c.problems().stream())
        .anyMatch(p -> p.kind() == ProblemKind.PLAN);
  }

  /** Whether the unmanaged clients fail the check. */
  public boolean unmanagedFail() {
    return failOnUnmanaged && !unmanaged.isEmpty();
  }

  /** The files that declare the clients, in order, each once. */
  public List<String> files() {
    Set<String> files = new LinkedHashSet<>();
    clients.forEach(c -> files.add(c.file()));
    return List.copyOf(files);
  }
}
