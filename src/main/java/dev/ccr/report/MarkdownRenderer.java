package dev.ccr.report;

import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;

/**
 * Markdown for a pull-request comment: a heading with the counts, a table of the clients that
 * change (deletions last), and per client a collapsed {@code diff} block with its attribute lines.
 */
final class MarkdownRenderer implements PlanRenderer {

  @Override
  public String render(Plan plan) {
    String unmanaged = Summary.unmanaged(plan);
    String note = unmanaged.isEmpty() ? "" : "\n" + html(unmanaged) + "\n";
    if (Summary.nothingToDo(plan)) {
      return "### ccr plan: no changes\n\n" + Summary.allMatch(plan) + "\n" + note;
    }
    StringBuilder out = new StringBuilder();
    out.append("### ccr plan: ").append(Summary.counts(plan)).append("\n\n");
    out.append("| action | client | pool | changes |\n|---|---|---|---|\n");
    Summary.shown(plan).forEach(c -> row(out, c));
    Summary.shown(plan).forEach(c -> details(out, c));
    return out.append(note).toString();
  }

  private static void row(StringBuilder out, ClientAction action) {
    String changes = Integer.toString(action.changes().size());
    long errors = action.diagnostics().stream().filter(d -> d.isError()).count();
    if (errors > 0) {
      changes += " (" + errors + " error" + (errors == 1 ? ")" : "s)");
    }
    out.append("| ")
        .append(action.label())
        .append(" | ")
        .append(cell(action.ref().clientName().orElse(action.ref().clientId().orElse(""))))
        .append(" | `")
        .append(action.ref().userPoolId())
        .append("` | ")
        .append(changes)
        .append(" |\n");
  }

  private static void details(StringBuilder out, ClientAction action) {
    out.append("\n<details><summary>")
        .append(Summary.symbol(action).render(false))
        .append(' ')
        .append(html(action.ref().title()))
        .append(" &middot; ")
        .append(html(Summary.source(action)))
        .append("</summary>\n\n```diff\n");
    Summary.lines(action).forEach(line -> line(out, line));
    out.append("```\n\n</details>\n");
  }

  /** In a diff block the mark must be the first character, so set items are indented after it. */
  static void line(StringBuilder out, Line line) {
    out.append(line.symbol().render(false))
        .append(' ')
        .append("  ".repeat(line.depth()))
        .append(line.text())
        .append('\n');
  }

  static String cell(String text) {
    return html(Line.visible(text)).replace("|", "\\|");
  }

  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
