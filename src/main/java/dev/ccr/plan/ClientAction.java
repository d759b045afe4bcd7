package dev.ccr.plan;

import dev.ccr.live.GatewayException;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the plan does with one client. Every declared client gets exactly one action, and so does
 * every client that {@code --prune} deletes. Commands only choose what to show and the exit code.
 */
public sealed interface ClientAction
    permits ClientAction.Create,
        ClientAction.Update,
        ClientAction.Delete,
        ClientAction.NoOp,
        ClientAction.Unreadable,
        ClientAction.Invalid {

  /** The client: pool, and id (absent for a create) and name as far as they are known. */
  ClientRef ref();

  /** The document that declares the client. */
  Origin origin();

  /** What planning found to report: warnings, and for {@link Invalid} the errors. */
  List<Diagnostic> diagnostics();

  /** The word of the action in plans and plan files: {@code create}, {@code update}, ... */
  String label();

  /** The attribute changes apply makes; empty unless the action creates or updates. */
  default List<AttributeChange> changes() {
    return List.of();
  }

  /** Whether apply calls Cognito to write this client. */
  default boolean writes() {
    return this instanceof Create || this instanceof Update || this instanceof Delete;
  }

  /**
   * Create the client with CreateUserPoolClient.
   *
   * @param changes every managed attribute, each from {@link Value#NONE} to the file's value
   * @param generateSecret whether Cognito generates a client secret for it
   */
  record Create(
      ClientRef ref,
      Origin origin,
      List<AttributeChange> changes,
      boolean generateSecret,
      List<Diagnostic> diagnostics)
      implements ClientAction {
    public Create {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(origin, "origin");
      changes = List.copyOf(changes);
      diagnostics = List.copyOf(diagnostics);
      if (ref.clientId().isPresent()) {
        throw new IllegalArgumentException("a client to create has no id yet: " + ref);
      }
    }

    @Override
    public String label() {
      return "create";
    }
  }

  /**
   * Write the client's complete configuration with the changes laid over it.
   *
   * @param live the live configuration the changes were computed from
   * @param managed the paths of {@code live} that the file manages
   * @param adopted whether the document has no ClientId and found the client by its name (a plan
   *     file does not record it)
   */
  record Update(
      ClientRef ref,
      Origin origin,
      List<AttributeChange> changes,
      Snapshot live,
      Managed managed,
      List<Diagnostic> diagnostics,
      boolean adopted)
      implements ClientAction {
    /** An update of a client that its document names by ClientId. */
    public Update(
        ClientRef ref,
        Origin origin,
        List<AttributeChange> changes,
        Snapshot live,
        Managed managed,
        List<Diagnostic> diagnostics) {
      this(ref, origin, changes, live, managed, diagnostics, false);
    }

    public Update {
      Objects.requireNonNull(ref, "ref");
      ref.id();
      Objects.requireNonNull(origin, "origin");
      changes = List.copyOf(changes);
      Objects.requireNonNull(live, "live");
      Objects.requireNonNull(managed, "managed");
      diagnostics = List.copyOf(diagnostics);
      if (changes.isEmpty()) {
        throw new IllegalArgumentException("an update without changes: " + ref);
      }
    }

    @Override
    public String label() {
      return "update";
    }
  }

  /**
   * Delete the client with DeleteUserPoolClient.
   *
   * @param live the configuration the client had when the plan was made
   * @param pruned whether no document declares the client ({@code --prune}), rather than one
   *     declaring it absent
   */
  record Delete(
      ClientRef ref, Origin origin, Snapshot live, boolean pruned, List<Diagnostic> diagnostics)
      implements ClientAction {
    public Delete {
      Objects.requireNonNull(ref, "ref");
      ref.id();
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(live, "live");
      diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public String label() {
      return "delete";
    }
  }

  /**
   * Nothing to do: the client matches its file, or it is declared absent and does not exist.
   *
   * @param live the live configuration, empty for a client that does not exist
   */
  record NoOp(
      ClientRef ref,
      Origin origin,
      Optional<Snapshot> live,
      Managed managed,
      List<Diagnostic> diagnostics)
      implements ClientAction {
    public NoOp {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(live, "live");
      Objects.requireNonNull(managed, "managed");
      diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public String label() {
      return "no-op";
    }
  }

  /** The live client could not be read, so nothing is known of it; the error says why. */
  record Unreadable(ClientRef ref, Origin origin, GatewayException error) implements ClientAction {
    public Unreadable {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(error, "error");
    }

    @Override
    public String label() {
      return "unreadable";
    }

    /** The failure located at the key that names the client. */
    @Override
    public List<Diagnostic> diagnostics() {
      String pointer = ref.clientId().isPresent() ? "/ClientId" : "/ClientName";
      String message =
          switch (error.reason()) {
            case NOT_FOUND ->
                "client "
                    + ref.title()
                    + " not found: "
                    + error.messageWithCode()
                    + "; check the ClientId (ccr never creates a client by id: leave ClientId out"
                    + " to create one by ClientName), or declare it ccr: {state: absent}";
            default -> "client " + ref.title() + ": " + error.messageWithCode();
          };
      return List.of(
          new Diagnostic(
              Severity.ERROR,
              message,
              origin.source().file(),
              origin.positionOf(pointer),
              pointer,
              ""));
    }
  }

  /**
   * What the file asks is invalid against the live client or the pool (a validity the live unit
   * puts out of range, a secret the client cannot have, a name several clients share...). Apply
   * never writes it.
   */
  record Invalid(ClientRef ref, Origin origin, List<Diagnostic> diagnostics)
      implements ClientAction {
    public Invalid {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(origin, "origin");
      diagnostics = List.copyOf(diagnostics);
      if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
        throw new IllegalArgumentException("an invalid client without an error: " + ref);
      }
    }

    @Override
    public String label() {
      return "invalid";
    }
  }
}
