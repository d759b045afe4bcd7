package dev.ccr.report;

import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.Plan;
import dev.ccr.spec.Diagnostic;

/**
 * Markdown for a pull-request comment: a heading with the counts, a table of the clients that
 * change, and per client a collapsed {@code diff} block with its attribute lines.
 */
final class MarkdownRenderer implements PlanRenderer {

  @Override
  public String render(Plan plan) {
    if (Summary.nothingToDo(plan)) {
      return "### ccr plan: no changes\n\n" + Summary.allMatch(plan) + "\n";
    }
    StringBuilder out = new StringBuilder();
    out.append("### ccr plan: ").append(Summary.counts(plan)).append("\n\n");
    out.append("| client | pool | changes |\n|---|---|---|\n");
    plan.clients().stream().filter(Summary::shown).forEach(c -> row(out, c));
    plan.clients().stream().filter(Summary::shown).forEach(c -> details(out, c));
    return out.toString();
  }

  private static void row(StringBuilder out, ClientPlan client) {
    String changes = Integer.toString(client.changes().size());
    if (client.hasErrors()) {
      changes +=
          " ("
              + client.diagnostics().size()
              + " error"
              + (client.diagnostics().size() == 1 ? ")" : "s)");
    }
    out.append("| ")
        .append(cell(client.clientName()))
        .append(" | `")
        .append(client.userPoolId())
        .append("` | ")
        .append(changes)
        .append(" |\n");
  }

  private static void details(StringBuilder out, ClientPlan client) {
    out.append("\n<details><summary>")
        .append(html(Summary.title(client)))
        .append(" &middot; ")
        .append(html(client.source().toString()))
        .append("</summary>\n\n```diff\n");
    client.changes().forEach(change -> Line.of(change).forEach(line -> line(out, line)));
    for (Diagnostic diagnostic : client.diagnostics()) {
      line(out, new Line(Line.Symbol.ERROR, 0, diagnostic.message()));
    }
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
    return html(ControlCharacters.escape(text)).replace("|", "\\|");
  }

  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
