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
 * unmanaged clients, then per client a collapsed {@code diff} block. GitHub caps a comment and a
 * step summary near 65,536 characters, so the output stays below {@link #LIMIT}: when it would not,
 * it is cut at a client boundary and says how many clients were left out.
 */
final class DriftMarkdownRenderer implements DriftRenderer {
  /** The most characters the output may have. */
  static final int LIMIT = 60_000;

  private final int limit;

  DriftMarkdownRenderer(int limit) {
    this.limit = limit;
  }

  /** One client in the output: its table row and its details block (empty for an unmanaged one). */
  private record Entry(boolean unmanaged, String row, String details) {
    int length() {
      return row.length() + details.length();
    }
  }

  @Override
  public String render(DriftReport report) {
    List<Entry> entries = entries(report);
    String heading = heading(report);
    int kept = entries.size();
    String out = render(heading, entries, kept);
    while (out.length() >= limit && kept > 0) {
      kept = fitting(heading, entries, kept);
      out = render(heading, entries, kept);
    }
    return out;
  }

  /** The largest count below {@code kept} whose output is estimated to fit. */
  private int fitting(String heading, List<Entry> entries, int kept) {
    int budget =
        limit - heading.length() - 2 * TABLE.length() - omitted(entries.size()).length() - 200;
    int n = 0;
    for (Entry entry : entries) {
      budget -= entry.length();
      if (budget < 0 || n + 1 >= kept) {
        break;
      }
      n++;
    }
    return Math.min(n, kept - 1);
  }

  private static final String TABLE = "| client | pool | drifted attributes |\n|---|---|---|\n";
  private static final String UNMANAGED_TABLE =
      "\n**Unmanaged clients** (no file declares them):\n\n| client | pool | client id |\n|---|---|---|\n";

  private static String render(String heading, List<Entry> entries, int kept) {
    StringBuilder out = new StringBuilder(heading);
    List<Entry> shown = entries.subList(0, kept);
    List<Entry> declared = shown.stream().filter(e -> !e.unmanaged()).toList();
    List<Entry> unmanaged = shown.stream().filter(Entry::unmanaged).toList();
    if (!declared.isEmpty()) {
      out.append('\n').append(TABLE);
      declared.forEach(e -> out.append(e.row()));
    }
    if (!unmanaged.isEmpty()) {
      out.append(UNMANAGED_TABLE);
      unmanaged.forEach(e -> out.append(e.row()));
    }
    declared.forEach(e -> out.append(e.details()));
    if (kept < entries.size()) {
      out.append('\n').append(omitted(entries.size() - kept));
    }
    return out.toString();
  }

  private static String omitted(int n) {
    return "_"
        + n
        + (n == 1 ? " more client was" : " more clients were")
        + " left out to keep this report under "
        + String.format(java.util.Locale.ROOT, "%,d", LIMIT)
        + " characters; run `ccr drift --format text` for all of them._\n";
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

  private static List<Entry> entries(DriftReport report) {
    List<Entry> entries = new ArrayList<>();
    for (ClientResult client : report.clients()) {
      if (client.status() != Status.IN_SYNC) {
        entries.add(new Entry(false, row(client), details(client)));
      }
    }
    for (PoolError error : report.poolErrors()) {
      String row =
          "| "
              + MarkdownRenderer.cell(error.userPoolId())
              + " | `"
              + error.userPoolId()
              + "` | error: "
              + MarkdownRenderer.cell(error.message())
              + " |\n";
      entries.add(new Entry(false, row, ""));
    }
    for (UnmanagedClient client : report.unmanaged()) {
      String row =
          "| "
              + MarkdownRenderer.cell(client.clientName())
              + " | `"
              + client.userPoolId()
              + "` | `"
              + client.clientId()
              + "` |\n";
      entries.add(new Entry(true, row, ""));
    }
    return entries;
  }

  private static String row(ClientResult client) {
    String attributes =
        client.status() == Status.ERROR
            ? "error: " + MarkdownRenderer.cell(client.problems().get(0).message())
            : client.status() == Status.MISSING || client.status() == Status.UNWANTED
                ? DriftReport.lifecycleFinding(client)
                : client.drifted().stream()
                    .map(a -> "`" + a.path() + "`")
                    .collect(Collectors.joining(", "));
    return "| "
        + MarkdownRenderer.cell(client.clientName())
        + " | `"
        + client.userPoolId()
        + "` | "
        + attributes
        + " |\n";
  }

  private static String details(ClientResult client) {
    StringBuilder out = new StringBuilder();
    out.append("\n<details><summary>")
        .append(MarkdownRenderer.html(client.title()))
        .append(" &middot; ")
        .append(MarkdownRenderer.html(client.file() + ":" + client.position().line()))
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
