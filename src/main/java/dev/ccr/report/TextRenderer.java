package dev.ccr.report;

import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.Plan;
import dev.ccr.spec.Diagnostic;

/**
 * Terraform-like text: each client that changes, its source, one line per attribute (set items
 * below their attribute), then a line with the counts.
 */
final class TextRenderer implements PlanRenderer {
  private final boolean colour;

  TextRenderer(boolean colour) {
    this.colour = colour;
  }

  @Override
  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    for (ClientPlan client : plan.clients()) {
      if (Summary.shown(client)) {
        client(out, client);
        out.append('\n');
      }
    }
    if (Summary.nothingToDo(plan)) {
      return out.append("No changes. ").append(Summary.allMatch(plan)).append('\n').toString();
    }
    return out.append("Plan: ").append(Summary.counts(plan)).append(".\n").toString();
  }

  private void client(StringBuilder out, ClientPlan client) {
    out.append(Summary.symbol(client).render(colour))
        .append(' ')
        .append(Summary.title(client))
        .append('\n');
    out.append("  # ").append(client.source()).append('\n');
    for (AttributeChange change : client.changes()) {
      Line.of(change).forEach(line -> line(out, line));
    }
    for (Diagnostic diagnostic : client.diagnostics()) {
      line(out, new Line(Line.Symbol.ERROR, 0, diagnostic.message()));
    }
  }

  private void line(StringBuilder out, Line line) {
    line(out, line, colour);
  }

  /** An attribute line indented under its client, set items one level deeper. */
  static void line(StringBuilder out, Line line, boolean colour) {
    out.append("    ".repeat(line.depth() + 1))
        .append(line.symbol().render(colour))
        .append(' ')
        .append(line.text())
        .append('\n');
  }
}
