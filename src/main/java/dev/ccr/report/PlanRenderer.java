package dev.ccr.report;

import dev.ccr.plan.Plan;

/**
 * Formats a plan for people or programs. Renderers never compare anything: the plan says it all.
 */
public interface PlanRenderer {

  /** The whole output, ending in a newline. */
  String render(Plan plan);

  /** Terraform-like text; {@code colour} adds ANSI colours to the change symbols. */
  static PlanRenderer text(boolean colour) {
    return new TextRenderer(colour);
  }

  /** The plan-file JSON, pretty-printed with a fixed key order. */
  static PlanRenderer json(String generatedBy) {
    return new JsonRenderer(generatedBy);
  }

  /** Compact Markdown for a pull-request comment. */
  static PlanRenderer markdown() {
    return new MarkdownRenderer();
  }
}
