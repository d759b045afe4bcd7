package dev.ccr.report;

import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;

/**
 * Terraform-like text: each client to create ({@code +}), update ({@code ~}) or that has an error
 * ({@code !}), then the clients to delete ({@code -}), each with its source and one line per
 * attribute (set items below their attribute), then the clients {@code --prune} keeps ({@code ?}),
 * then the secrets of clients with a secret action or error ({@code *}), then a line with the
 * counts. Nothing when nothing could be read that has a change or an error.
 */
final class TextRenderer implements PlanRenderer {
  private final boolean colour;

  TextRenderer(boolean colour) {
    this.colour = colour;
  }

  @Override
  public String render(Plan plan) {
    if (!Summary.worthShowing(plan)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (ClientAction action : Summary.shown(plan)) {
      client(out, action);
      out.append('\n');
    }
    for (Plan.Kept kept : plan.kept()) {
      out.append(Line.Symbol.UNMANAGED.render(colour))
          .append(' ')
          .append(ControlCharacters.escape(kept.ref().title()))
          .append("\n  # ")
          .append(ControlCharacters.escape(Summary.kept(kept)))
          .append("\n\n");
    }
    out.append(SecretRenderer.text(plan.secrets()));
    String unmanaged = Summary.unmanaged(plan);
    if (Summary.nothingToDo(plan)) {
      out.append(Summary.noChanges(plan)).append('\n');
    } else {
      out.append("Plan: ").append(Summary.counts(plan)).append(".\n");
    }
    return unmanaged.isEmpty() ? out.toString() : out.append(unmanaged).append('\n').toString();
  }

  private void client(StringBuilder out, ClientAction action) {
    out.append(Summary.symbol(action).render(colour))
        .append(' ')
        .append(ControlCharacters.escape(Summary.title(action)))
        .append('\n');
    out.append("  # ").append(ControlCharacters.escape(Summary.source(action))).append('\n');
    Summary.lines(action).forEach(line -> line(out, line, colour));
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
