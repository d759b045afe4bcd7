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
      head(out, Line.Symbol.UNMANAGED, kept.ref().title(), Summary.kept(kept), colour);
      out.append('\n');
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
    head(out, Summary.symbol(action), Summary.title(action), Summary.source(action), colour);
    Summary.lines(action).forEach(line -> line(out, line, colour));
  }

  /**
   * A client's two header lines, its symbol and title, then {@code # } and where it comes from: the
   * one way every text listing (plan, drift) shows them, with control characters in the title (a
   * live client's name) and in the source (a file name) as visible escapes.
   */
  static void head(
      StringBuilder out, Line.Symbol symbol, String title, String source, boolean colour) {
    out.append(symbol.render(colour))
        .append(' ')
        .append(ControlCharacters.escape(title))
        .append("\n  # ")
        .append(ControlCharacters.escape(source))
        .append('\n');
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
