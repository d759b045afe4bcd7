package dev.ccr.report;

import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.Plan;

/** The counting sentences shared by the renderers. */
final class Summary {
  private Summary() {}

  /**
   * {@code 2 to update, 5 unchanged} (and {@code , 1 with errors}), or empty when nothing to do.
   */
  static String counts(Plan plan) {
    String counts = plan.updateCount() + " to update, " + plan.unchangedCount() + " unchanged";
    return plan.hasErrors() ? counts + ", " + plan.errorCount() + " with errors" : counts;
  }

  /** Whether any client needs attention: a change to apply or an error. */
  static boolean shown(ClientPlan client) {
    return client.isUpdate() || client.hasErrors();
  }

  static boolean nothingToDo(Plan plan) {
    return !plan.hasChanges() && !plan.hasErrors();
  }

  /** {@code 7 clients match their files.} */
  static String allMatch(Plan plan) {
    int n = plan.clients().size();
    return n == 1 ? "1 client matches its file." : n + " clients match their files.";
  }

  /** {@code web-app (us-east-1_Abc/3n4b5urk1ft4fl3mg5e62d9ado)}. */
  static String title(ClientPlan client) {
    return client.clientName() + " (" + client.userPoolId() + "/" + client.clientId() + ")";
  }

  /** The mark of a client: an error, or an update. */
  static Line.Symbol symbol(ClientPlan client) {
    return client.hasErrors() ? Line.Symbol.ERROR : Line.Symbol.CHANGE;
  }
}
