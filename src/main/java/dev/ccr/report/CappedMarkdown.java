package dev.ccr.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Markdown report that GitHub shows whole: a heading, then for the entries (the clients or pools
 * reported, in order) their rows under their tables' headers, then their details. GitHub refuses a
 * comment over 65,536 characters and drops a step summary over 1 MiB, so when the report would
 * reach {@link #LIMIT} characters it is cut between two entries (an entry's row and details go
 * together) and ends with a line that says what was left out and where all of it is.
 *
 * @param heading everything before the first table, ending in a newline
 * @param entries what is reported, most important first
 * @param whereAll where every entry can be seen, completing "...; {@code whereAll}."
 */
record CappedMarkdown(String heading, List<Entry> entries, String whereAll) {
  /** The most characters a report may have; below GitHub's comment limit with room to spare. */
  static final int LIMIT = 60_000;

  /**
   * One thing reported.
   *
   * @param table the header of the table its row goes in (a blank line, a title, the header rows)
   * @param row its table row, ending in a newline
   * @param details what follows all tables for it (a collapsed block), or empty
   * @param noun what it is, in the singular: {@code client}, {@code pool}
   */
  record Entry(String table, String row, String details, String noun) {
    Entry {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(row, "row");
      Objects.requireNonNull(details, "details");
      Objects.requireNonNull(noun, "noun");
    }
  }

  CappedMarkdown {
    Objects.requireNonNull(heading, "heading");
    entries = List.copyOf(entries);
    Objects.requireNonNull(whereAll, "whereAll");
  }

  /** The report below {@code limit} characters, with as many entries as fit. */
  String render(int limit) {
    String all = render(entries.size(), limit);
    if (all.length() < limit) {
      return all;
    }
    int low = 0;
    int high = entries.size() - 1;
    while (low < high) {
      int middle = (low + high + 1) / 2;
      if (render(middle, limit).length() < limit) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return render(low, limit);
  }

  private String render(int kept, int limit) {
    StringBuilder out = new StringBuilder(heading);
    List<Entry> shown = entries.subList(0, kept);
    Map<String, List<Entry>> tables = new LinkedHashMap<>();
    shown.forEach(e -> tables.computeIfAbsent(e.table(), t -> new ArrayList<>()).add(e));
    tables.forEach(
        (table, rows) -> {
          out.append(table);
          rows.forEach(e -> out.append(e.row()));
        });
    shown.forEach(e -> out.append(e.details()));
    if (kept < entries.size()) {
      out.append('\n').append(omitted(entries.subList(kept, entries.size()), limit));
    }
    return out.toString();
  }

  /** {@code _1,850 more clients and 1 more pool were left out to keep ...; whereAll._} */
  private String omitted(List<Entry> left, int limit) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    left.forEach(e -> counts.merge(e.noun(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (noun, n) ->
            parts.add(String.format(Locale.ROOT, "%,d more %s%s", n, noun, n == 1 ? "" : "s")));
    String what = String.join(" and ", parts);
    return "_"
        + what
        + (left.size() == 1 ? " was" : " were")
        + " left out to keep this report under "
        + String.format(Locale.ROOT, "%,d", limit)
        + " characters; "
        + whereAll
        + "._\n";
  }
}
