package dev.ccr.report;

import dev.ccr.plan.Plan;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run could not read, each cause once, for plan, apply and drift alike: a failure of the
 * credentials or the network once for the run, a pool that cannot be listed at its first
 * UserPoolId, a client at the key that names it, a refused {@code --prune}. A pool whose listing
 * the run did not need is a warning.
 *
 * @param located the diagnostics at a file, sorted
 * @param errors the errors about no file in particular, in the order of the plan's failures
 * @param unreadClients how many clients could not be read
 */
public record FailureReport(List<Diagnostic> located, List<String> errors, int unreadClients) {
  public FailureReport {
    located = List.copyOf(located);
    errors = List.copyOf(errors);
  }

  /** The failures of a plan. */
  public static FailureReport of(Plan plan) {
    List<Diagnostic> located = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Plan.Everywhere> everywhere = new ArrayList<>();
    Optional<String> pruneRefused = Optional.empty();
    int clients = 0;
    for (Plan.Failure failure : plan.failures()) {
      if (failure instanceof Plan.Everywhere e) {
        everywhere.add(e);
        errors.add(e.error().getMessage());
        clients += e.clients();
      } else if (failure instanceof Plan.InPool pool) {
        located.add(pool(pool.problem()));
      } else if (failure instanceof Plan.OfClient client) {
        located.addAll(client.action().diagnostics());
        clients++;
      } else if (failure instanceof Plan.PruneRefused refused) {
        located.addAll(refused.unknownDocuments());
        pruneRefused = pruneRefused(refused.unreadFiles());
      }
    }
    plan.poolProblems().stream()
        .filter(p -> !p.blocking() && everywhere.stream().noneMatch(e -> e.covers(p.error())))
        .forEach(p -> located.add(pool(p)));
    pruneRefused.ifPresent(errors::add);
    return new FailureReport(located.stream().sorted(Diagnostic.ORDER).toList(), errors, clients);
  }

  /** {@code 2 clients could not be read.}, when some could not. */
  public Optional<String> summary() {
    return unreadClients == 0
        ? Optional.empty()
        : Optional.of(Noun.count(unreadClients, "client") + " could not be read.");
  }

  private static Diagnostic pool(Plan.PoolProblem problem) {
    return new Diagnostic(
        problem.blocking() ? Severity.ERROR : Severity.WARNING,
        problem.message(),
        problem.origin().source().file(),
        problem.origin().source().position(),
        "/UserPoolId",
        "");
  }

  private static Optional<String> pruneRefused(List<String> unread) {
    if (unread.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "--prune refused: "
            + (unread.size() == 1 ? "a file was" : unread.size() + " files were")
            + " found and not read, so ccr cannot tell which clients "
            + (unread.size() == 1 ? "it declares" : "they declare")
            + ", and pruning could delete them: "
            + String.join("; ", unread)
            + ". Fix or remove "
            + (unread.size() == 1 ? "it" : "them")
            + ", or run without --prune; nothing is deleted.");
  }
}
