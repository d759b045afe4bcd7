package dev.ccr.report;

import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;
import java.util.List;

/** The counting sentences and the order of clients shared by the plan renderers. */
final class Summary {
  private Summary() {}

  /**
   * Whether a plan is worth showing: not when something could not be read and no client has a
   * change or an error ("No changes." would mislead; the failures say what happened). A plan
   * without clients (a {@code --target} that names only clients no file declares) says "No
   * changes." and counts them.
   */
  static boolean worthShowing(Plan plan) {
    return !plan.hasFailures() || plan.hasChanges() || plan.hasErrors();
  }

  /**
   * {@code 1 to create, 2 to update, 1 to delete, 5 unchanged} (and {@code , 1 with errors}: the
   * clients that could not be read or are invalid, and the pools that could not be listed), then
   * the secret actions ({@code ; secrets: 1 to rotate, 0 to deliver, 1 to retire}) when there are.
   */
  static String counts(Plan plan) {
    return clientCounts(plan)
        + SecretRenderer.counts(plan.secrets()).map(secrets -> "; secrets: " + secrets).orElse("");
  }

  private static String clientCounts(Plan plan) {
    String counts =
        plan.count(ClientAction.Create.class)
            + " to create, "
            + plan.count(ClientAction.Update.class)
            + " to update, "
            + plan.count(ClientAction.Delete.class)
            + " to delete, "
            + plan.count(ClientAction.NoOp.class)
            + " unchanged";
    long errors = plan.errorCount();
    return errors > 0 ? counts + ", " + errors + " with errors" : counts;
  }

  /**
   * The clients a plan shows, in the order it shows them: creates, updates and errors in file
   * order, then the deletions apart.
   */
  static List<ClientAction> shown(Plan plan) {
    List<ClientAction> others =
        plan.actions().stream()
            .filter(
                a ->
                    a instanceof ClientAction.Create
                        || a instanceof ClientAction.Update
                        || a instanceof ClientAction.Invalid)
            .toList();
    List<ClientAction> deletes =
        plan.actions().stream().filter(ClientAction.Delete.class::isInstance).toList();
    return java.util.stream.Stream.concat(others.stream(), deletes.stream()).toList();
  }

  static boolean nothingToDo(Plan plan) {
    return !plan.hasChanges() && !plan.hasErrors();
  }

  /**
   * {@code 7 clients match their files.}, or empty when the run planned no client (a target that
   * names only clients no file declares).
   */
  static String allMatch(Plan plan) {
    long n = plan.count(ClientAction.NoOp.class);
    if (plan.actions().isEmpty()) {
      return "";
    }
    return n == 1 ? "1 client matches its file." : n + " clients match their files.";
  }

  /** {@code No changes. 7 clients match their files.} */
  static String noChanges(Plan plan) {
    String all = allMatch(plan);
    return all.isEmpty() ? "No changes." : "No changes. " + all;
  }

  /**
   * {@code 3 clients of the declared pools are declared in no file; 'ccr drift' lists them and
   * --prune deletes them.}, or empty when there are none (or none that the targets select).
   */
  static String unmanaged(Plan plan) {
    int n = plan.unmanaged().size();
    String registered = registered(plan);
    if (n == 0) {
      return registered;
    }
    return (n == 1 ? "1 client" : n + " clients")
        + " of the declared pools "
        + (n == 1 ? "is" : "are")
        + " declared in no file; "
        + (plan.pruneRefused().isPresent()
            ? "--prune was refused (see the errors), so none is deleted."
            : "'ccr drift' lists them and --prune deletes them.")
        + (registered.isEmpty() ? "" : " " + registered);
  }

  /**
   * {@code 2 clients registered at run time (DCR) are left alone; --include-dcr treats them like
   * the others.}, or empty when the run read none.
   */
  private static String registered(Plan plan) {
    int n = plan.registered().size();
    if (n == 0) {
      return "";
    }
    return (n == 1 ? "1 client" : n + " clients")
        + " registered at run time (DCR) "
        + (n == 1 ? "is" : "are")
        + " left alone; --include-dcr treats them like the others.";
  }

  /**
   * How the plan names a client: its title, and for a client that its document found by name,
   * {@code adopted by name}.
   */
  static String title(ClientAction action) {
    boolean adopted = action instanceof ClientAction.Update update && update.adopted();
    return action.ref().title() + (adopted ? " adopted by name" : "");
  }

  /** {@code kept: declared for environment dev only (clients/debug.yaml:1)}. */
  static String kept(Plan.Kept kept) {
    return "kept: " + kept.reason() + " (" + kept.declaredAt() + ")";
  }

  /** The mark of a client. */
  static Line.Symbol symbol(ClientAction action) {
    if (action instanceof ClientAction.Create) {
      return Line.Symbol.ADD;
    }
    if (action instanceof ClientAction.Delete) {
      return Line.Symbol.REMOVE;
    }
    return action instanceof ClientAction.Invalid ? Line.Symbol.ERROR : Line.Symbol.CHANGE;
  }

  /** Where the client comes from, for the line under its title. */
  static String source(ClientAction action) {
    if (action instanceof ClientAction.Delete delete) {
      return delete.pruned()
          ? "no file declares it (--prune); its pool is declared at " + action.origin().source()
          : action.origin().source() + " declares it absent";
    }
    return action.origin().source().toString();
  }

  /** The lines under a client: its changes, then its problems. */
  static List<Line> lines(ClientAction action) {
    List<Line> lines = new java.util.ArrayList<>();
    action.changes().forEach(change -> lines.addAll(Line.of(change)));
    if (action instanceof ClientAction.Create create && create.generateSecret()) {
      lines.add(
          new Line(
              Line.Symbol.ADD,
              0,
              "GenerateSecret: true (Cognito generates the secret; ccr never reads or shows it)"));
    }
    action.diagnostics().stream()
        .filter(dev.ccr.spec.Diagnostic::isError)
        .forEach(d -> lines.add(new Line(Line.Symbol.ERROR, 0, d.message())));
    return lines;
  }
}
