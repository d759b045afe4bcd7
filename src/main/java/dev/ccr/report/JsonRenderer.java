package dev.ccr.report;

import dev.ccr.plan.Plan;
import dev.ccr.plan.PlanFile;
import java.util.Objects;

/**
 * The plan-file JSON (see {@link PlanFile}), so a saved plan and a printed one are the same;
 * nothing for a plan that cannot be saved (a client or its secrets could not be read, or a client
 * is invalid).
 */
final class JsonRenderer implements PlanRenderer {
  private final String generatedBy;
  private final PlanFile.Made made;

  JsonRenderer(String generatedBy, PlanFile.Made made) {
    this.generatedBy = Objects.requireNonNull(generatedBy, "generatedBy");
    this.made = Objects.requireNonNull(made, "made");
  }

  @Override
  public String render(Plan plan) {
    if (plan.hasErrors() || plan.hasFailures() || !plan.secretErrors().isEmpty()) {
      return "";
    }
    return PlanFile.toJson(plan, generatedBy, made);
  }
}
