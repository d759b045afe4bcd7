package dev.ccr.report;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReport.ClientResult;
import dev.ccr.drift.DriftReport.DriftedAttribute;
import dev.ccr.drift.DriftReport.PoolError;
import dev.ccr.drift.DriftReport.Problem;
import dev.ccr.drift.DriftReport.Status;
import dev.ccr.drift.DriftReport.UnmanagedClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Markdown for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}: a heading with the counts, a
 * table of the drifted and failed clients (client, pool, drifted attributes), a table of the
 * unmanaged clients, then per drifted or failed client a collapsed {@code diff} block; cut to stay
 * below {@link CappedMarkdown#LIMIT} characters (see {@link CappedMarkdown}).
 */
final class DriftMarkdownRenderer implements DriftRenderer {
  private static final String TABLE = "\n| client | pool | drifted attributes |\n|---|---|---|\n";
  private static final String UNMANAGED_TABLE =
      "\n**Unmanaged clients** (no file declares them):\n\n| client | pool | client id |\n|---|---|---|\n";
  private static final String WHERE_ALL = "run `ccr drift --format text` for all of them";

  private final int limit;

  DriftMarkdownRenderer(int limit) {
    this.limit = limit;
  }

  @Override
  public String render(DriftReport report) {
    return new CappedMarkdown(heading(report), entries(report), WHERE_ALL).render(limit);
  }

  private static String heading(DriftReport report) {
    boolean quiet =
        report.clients().stream().allMatch(c -> c.status() == Status.IN_SYNC)
            && report.unmanaged().isEmpty()
            && report.poolErrors().isEmpty();
    if (quiet) {
      int n = report.clients().size();
      return "### ccr drift: no drift\n\n"
          + (n == 1 ? "1 client matches its file." : n + " clients match their files.")
          + "\n";
    }
    String heading = "### ccr drift: " + DriftRenderer.counts(report) + "\n";
    if (report.hasDrift()) {
      heading +=
          "\nEach change reads `attribute: live value -> value in the file`; `+` marks items only the file lists, `-` items only the live client has.\n";
    }
    if (report.unmanagedFail()) {
      heading += "\nUnmanaged clients fail this check (`--fail-on-unmanaged`).\n";
    }
    return heading;
  }

  private static List<CappedMarkdown.Entry> entries(DriftReport report) {
    List<CappedMarkdown.Entry> entries = new ArrayList<>();
    for (ClientResult client : report.clients()) {
      if (client.status() != Status.IN_SYNC) {
        entries.add(new CappedMarkdown.Entry(TABLE, row(client), details(client), "client"));
      }
    }
    for (PoolError error : report.poolErrors()) {
      String row =
          "| "
              + Markdown.text(error.userPoolId())
              + " | "
              + Markdown.code(error.userPoolId())
              + " | error: "
              + Markdown.text(error.message())
              + " |\n";
      entries.add(new CappedMarkdown.Entry(TABLE, row, "", "pool"));
    }
    for (UnmanagedClient client : report.unmanaged()) {
      String row =
          "| "
              + Markdown.text(client.clientName())
              + " | "
              + Markdown.code(client.userPoolId())
              + " | "
              + Markdown.code(client.clientId())
              + " |\n";
      entries.add(new CappedMarkdown.Entry(UNMANAGED_TABLE, row, "", "client"));
    }
    return entries;
  }

  private static String row(ClientResult client) {
    String attributes =
        client.status() == Status.ERROR
            ? "error: " + Markdown.text(client.problems().get(0).message())
            : client.status() == Status.MISSING || client.status() == Status.UNWANTED
                ? Markdown.text(DriftReport.lifecycleFinding(client))
                : client.drifted().stream()
                    .map(a -> Markdown.code(a.path()))
                    .collect(Collectors.joining(", "));
    return "| "
        + Markdown.text(client.clientName())
        + " | "
        + Markdown.code(client.userPoolId())
        + " | "
        + attributes
        + " |\n";
  }

  /** The collapsed diff of a client; none for a missing or unwanted one, whose row says it all. */
  private static String details(ClientResult client) {
    if (client.drifted().isEmpty() && client.problems().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("\n<details><summary>")
        .append(Markdown.html(client.title()))
        .append(" &middot; ")
        .append(Markdown.html(client.file() + ":" + client.position().line()))
        .append("</summary>\n\n```diff\n");
    for (DriftedAttribute attribute : client.drifted()) {
      Line.of(attribute.change()).forEach(line -> MarkdownRenderer.line(out, line));
    }
    for (Problem problem : client.problems()) {
      MarkdownRenderer.line(out, new Line(Line.Symbol.ERROR, 0, problem.message()));
    }
    return out.append("```\n\n</details>\n").toString();
  }
}
