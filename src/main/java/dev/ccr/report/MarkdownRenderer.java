package dev.ccr.report;

import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.Plan;
import dev.ccr.spec.Diagnostic;
import java.util.List;

/**
 * Markdown for a pull-request comment or a job summary: a heading with the counts, a table of the
 * clients that change, and per client a collapsed {@code diff} block with its attribute lines; cut
 * to stay below {@link CappedMarkdown#LIMIT} characters (see {@link CappedMarkdown}).
 */
final class MarkdownRenderer implements PlanRenderer {
  private static final String TABLE = "\n| client | pool | changes |\n|---|---|---|\n";

  private final String whereAll;
  private final int limit;

  /**
   * @param whereAll where the whole plan is, for the line that says what was left out
   */
  MarkdownRenderer(String whereAll, int limit) {
    this.whereAll = whereAll;
    this.limit = limit;
  }

  @Override
  public String render(Plan plan) {
    if (Summary.nothingToDo(plan)) {
      return "### ccr plan: no changes\n\n" + Summary.allMatch(plan) + "\n";
    }
    String heading = "### ccr plan: " + Summary.counts(plan) + "\n";
    List<CappedMarkdown.Entry> entries =
        plan.clients().stream()
            .filter(Summary::shown)
            .map(c -> new CappedMarkdown.Entry(TABLE, row(c), details(c), "client"))
            .toList();
    return new CappedMarkdown(heading, entries, whereAll).render(limit);
  }

  private static String row(ClientPlan client) {
    String changes = Integer.toString(client.changes().size());
    if (client.hasErrors()) {
      changes +=
          " ("
              + client.diagnostics().size()
              + " error"
              + (client.diagnostics().size() == 1 ? ")" : "s)");
    }
    return "| "
        + Markdown.text(client.clientName())
        + " | "
        + Markdown.code(client.userPoolId())
        + " | "
        + changes
        + " |\n";
  }

  private static String details(ClientPlan client) {
    StringBuilder out = new StringBuilder();
    out.append("\n<details><summary>")
        .append(Markdown.html(Summary.title(client)))
        .append(" &middot; ")
        .append(Markdown.html(client.source().toString()))
        .append("</summary>\n\n```diff\n");
    client.changes().forEach(change -> Line.of(change).forEach(line -> line(out, line)));
    for (Diagnostic diagnostic : client.diagnostics()) {
      line(out, new Line(Line.Symbol.ERROR, 0, diagnostic.message()));
    }
    return out.append("```\n\n</details>\n").toString();
  }

  /** In a diff block the mark must be the first character, so set items are indented after it. */
  static void line(StringBuilder out, Line line) {
    out.append(line.symbol().render(false))
        .append(' ')
        .append("  ".repeat(line.depth()))
        .append(line.text())
        .append('\n');
  }
}
