package dev.ccr.report;

import dev.ccr.plan.Plan;
import java.nio.file.Path;

/**
 * Formats a plan for people or programs. Renderers never compare anything: the plan says it all.
 */
public interface PlanRenderer {

  /**
   * The whole output, ending in a newline; nothing when the plan has nothing this format shows
   * (what could not be read is reported apart, {@link FailureReport}).
   */
  String render(Plan plan);

  /** Terraform-like text; {@code colour} adds ANSI colours to the change symbols. */
  static PlanRenderer text(boolean colour) {
    return new TextRenderer(colour);
  }

  /** The plan-file JSON, pretty-printed with a fixed key order, recording how it was made. */
  static PlanRenderer json(String generatedBy, dev.ccr.plan.PlanFile.Made made) {
    return new JsonRenderer(generatedBy, made);
  }

  /**
   * Compact Markdown for a pull-request comment or a job summary, below {@value
   * CappedMarkdown#LIMIT} characters; when cut, it points to {@code ccr plan} for the whole plan.
   */
  static PlanRenderer markdown() {
    return new MarkdownRenderer(
        "run `ccr plan --format text` for all of them", CappedMarkdown.LIMIT);
  }

  /** Markdown as {@link #markdown()}, pointing to the plan file saved with it when cut. */
  static PlanRenderer markdown(Path savedPlan) {
    return new MarkdownRenderer(
        "the saved plan " + Markdown.code(savedPlan.toString()) + " holds all of them",
        CappedMarkdown.LIMIT);
  }
}
