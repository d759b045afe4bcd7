package dev.ccr.apply;

import dev.ccr.plan.ClientAction;
import dev.ccr.spec.Diagnostic;
import java.util.List;
import java.util.Objects;

/** What apply did with one client of the plan. */
public sealed interface ApplyResult
    permits ApplyResult.Created,
        ApplyResult.Updated,
        ApplyResult.Deleted,
        ApplyResult.Unchanged,
        ApplyResult.Failed,
        ApplyResult.NotConverged {

  ClientAction action();

  /** The word of the result in {@code --format json}: {@code created}, {@code updated}, ... */
  String label();

  /**
   * Created; the stored client from Cognito's response holds every planned value.
   *
   * @param clientId the id Cognito gave the client (its secret is never known to ccr)
   */
  record Created(ClientAction action, String clientId) implements ApplyResult {
    public Created {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(clientId, "clientId");
    }

    @Override
    public String label() {
      return "created";
    }
  }

  /**
   * Written; the stored client from Cognito's response holds every planned change and kept every
   * other attribute. (What moved since the plan without making it stale is in {@link
   * Applier.Applied#notes}.)
   */
  record Updated(ClientAction action) implements ApplyResult {
    public Updated {
      Objects.requireNonNull(action, "action");
    }

    @Override
    public String label() {
      return "updated";
    }
  }

  /** Deleted, or found already gone ({@code alreadyGone}). */
  record Deleted(ClientAction action, boolean alreadyGone) implements ApplyResult {
    public Deleted {
      Objects.requireNonNull(action, "action");
    }

    @Override
    public String label() {
      return "deleted";
    }
  }

  /** Nothing to change: no call was made to write it. */
  record Unchanged(ClientAction action) implements ApplyResult {
    public Unchanged {
      Objects.requireNonNull(action, "action");
    }

    @Override
    public String label() {
      return "unchanged";
    }
  }

  /**
   * Not written, or a call failed; the diagnostic says which.
   *
   * @param diagnostic the problem, located at the attribute concerned where it is known
   */
  record Failed(ClientAction action, Diagnostic diagnostic) implements ApplyResult {
    public Failed {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(diagnostic, "diagnostic");
    }

    @Override
    public String label() {
      return "failed";
    }
  }

  /**
   * Written, but the client Cognito stored is not what was sent: a planned change did not hold, or
   * another attribute differs (another writer, or a value Cognito would not keep).
   *
   * @param paths the attributes that differ
   * @param clientId the client's id (for a create, the new one)
   */
  record NotConverged(
      ClientAction action, String clientId, List<String> paths, Diagnostic diagnostic)
      implements ApplyResult {
    public NotConverged {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(clientId, "clientId");
      paths = List.copyOf(paths);
      Objects.requireNonNull(diagnostic, "diagnostic");
    }

    @Override
    public String label() {
      return "not-converged";
    }
  }
}
