package dev.ccr.report;

import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;
import dev.ccr.spec.ClientRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown for a pull-request comment or a job summary: a heading with the counts, a table of the
 * clients to create, update or delete (deletions last, then the clients {@code --prune} keeps), and
 * per client a collapsed {@code diff} block with its attribute lines; cut to stay below {@link
 * CappedMarkdown#LIMIT} characters (see {@link CappedMarkdown}); then a table of the secret actions
 * and errors, when there are.
 */
final class MarkdownRenderer implements PlanRenderer {
  private static final String TABLE = "\n| action | client | pool | changes |\n|---|---|---|---|\n";

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
    if (!Summary.worthShowing(plan)) {
      return "";
    }
    String unmanaged = Summary.unmanaged(plan);
    String note = unmanaged.isEmpty() ? "" : "\n" + Markdown.text(unmanaged) + "\n";
    String heading =
        Summary.nothingToDo(plan)
            ? "### ccr plan: no changes\n"
                + (Summary.allMatch(plan).isEmpty() ? "" : "\n" + Summary.allMatch(plan) + "\n")
                + note
            : "### ccr plan: " + Summary.counts(plan) + "\n" + note;
    List<CappedMarkdown.Entry> entries = new ArrayList<>();
    Summary.shown(plan)
        .forEach(c -> entries.add(new CappedMarkdown.Entry(TABLE, row(c), details(c), "client")));
    plan.kept().forEach(k -> entries.add(new CappedMarkdown.Entry(TABLE, row(k), "", "client")));
    String secrets = SecretRenderer.markdown(plan.secrets());
    return new CappedMarkdown(heading, entries, whereAll).render(limit - secrets.length())
        + secrets;
  }

  private static String row(ClientAction action) {
    String changes = Integer.toString(action.changes().size());
    long errors = action.diagnostics().stream().filter(d -> d.isError()).count();
    if (errors > 0) {
      changes += " (" + errors + " error" + (errors == 1 ? ")" : "s)");
    }
    boolean adopted = action instanceof ClientAction.Update update && update.adopted();
    return row(action.label() + (adopted ? " (adopted by name)" : ""), action.ref(), changes);
  }

  private static String row(Plan.Kept kept) {
    return row("kept", kept.ref(), Markdown.text(kept.reason()));
  }

  /** A row: action, client, pool, changes. */
  private static String row(String label, ClientRef ref, String changes) {
    return "| "
        + label
        + " | "
        + Markdown.text(ref.displayName())
        + " | "
        + Markdown.code(ref.userPoolId())
        + " | "
        + changes
        + " |\n";
  }

  private static String details(ClientAction action) {
    StringBuilder out = new StringBuilder();
    out.append("\n<details><summary>")
        .append(Summary.symbol(action).render(false))
        .append(' ')
        .append(Markdown.html(Summary.title(action)))
        .append(" &middot; ")
        .append(Markdown.html(Summary.source(action)))
        .append("</summary>\n\n```diff\n");
    Summary.lines(action).forEach(line -> line(out, line));
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
