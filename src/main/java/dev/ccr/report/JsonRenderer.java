package dev.ccr.report;

import dev.ccr.plan.Plan;
import dev.ccr.plan.PlanFile;
import dev.ccr.spec.Environment;
import java.util.Objects;
import java.util.Optional;

/** The plan-file JSON (see {@link PlanFile}), so a saved plan and a printed one are the same. */
final class JsonRenderer implements PlanRenderer {
  private final String generatedBy;
  private final Optional<Environment> environment;

  JsonRenderer(String generatedBy, Optional<Environment> environment) {
    this.generatedBy = Objects.requireNonNull(generatedBy, "generatedBy");
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public String render(Plan plan) {
    return PlanFile.toJson(plan, generatedBy, environment);
  }
}
