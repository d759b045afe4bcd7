package dev.ccr.plan;

import dev.ccr.spec.Diagnostic;
import java.util.List;

/** The planned action for every declared client, in the order the files declare them. */
public record Plan(List<ClientPlan> clients) {
  public Plan {
    clients = List.copyOf(clients);
  }

  /** Clients apply will write. */
  public long updateCount() {
    return clients.stream().filter(ClientPlan::isUpdate).count();
  }

  /** Clients that match their files. */
  public long unchangedCount() {
    return clients.stream().filter(c -> c.action() == Action.NO_OP && !c.hasErrors()).count();
  }

  /** Clients with a plan-time error, which apply must not write. */
  public long errorCount() {
    return clients.stream().filter(ClientPlan::hasErrors).count();
  }

  public boolean hasChanges() {
    return updateCount() > 0;
  }

  public boolean hasErrors() {
    return errorCount() > 0;
  }

  /** The plan-time problems of every client, sorted by file and position. */
  public List<Diagnostic> diagnostics() {
    return clients.stream()
        .flatMap(c -> c.diagnostics().stream())
        .sorted(Diagnostic.ORDER)
        .toList();
  }
}
