package dev.ccr.report;

import static dev.ccr.plan.Clients.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReports;
import dev.ccr.plan.Clients;
import dev.ccr.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Markdown reports as a GitHub Flavored Markdown reader sees them (commonmark-java with GFM
 * tables): values show as they are, and the reports fit GitHub's limits at fleet scale.
 */
class MarkdownReportTest {
  /** GitHub refuses a comment longer than this. */
  private static final int COMMENT_LIMIT = 65_536;

  /** GitHub drops a step summary larger than this. */
  private static final int SUMMARY_LIMIT = 1024 * 1024;

  private static final List<String> NAMES =
      List.of(
          "__ops__ tool",
          "*star* and **strong**",
          "a | b",
          "`code` span",
          "[link](https://evil.example)",
          "<b>bold</b> &amp;",
          "~~struck~~",
          "$x^2$ math",
          "back\\slash \\*",
          "line\nbreak");

  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  /** One drifted client per name, and one unmanaged client per name. */
  private static DriftReport driftNamed() {
    return driftNamed(NAMES);
  }

  private static DriftReport driftNamed(List<String> names) {
    List<dev.ccr.spec.ClientSpec> specs = new ArrayList<>();
    List<dev.ccr.live.LiveClient> live = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String id = String.format("c%025d", i);
      specs.add(
          DriftReports.spec("clients/fleet.yaml", 1 + 5 * i, id, map("AuthSessionValidity", 5)));
      live.add(DriftReports.live(id, map("ClientName", names.get(i), "AuthSessionValidity", 3)));
      live.add(DriftReports.live("u" + id.substring(1), map("ClientName", names.get(i))));
    }
    return DriftReports.report(specs, live, false);
  }

  private static Plan plan(List<String> names) {
    List<dev.ccr.spec.ClientSpec> specs = new ArrayList<>();
    List<dev.ccr.live.LiveClient> live = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String id = String.format("c%025d", i);
      specs.add(
          Clients.specAt(
              id,
              "clients/fleet.yaml",
              1 + 5 * i,
              map("ClientName", names.get(i), "AccessTokenValidity", 2)));
      live.add(Clients.liveWithId(id, map("ClientName", names.get(i), "AccessTokenValidity", 1)));
    }
    return Clients.plan(specs, live);
  }

  private static List<String> names(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("client-" + i);
    }
    return names;
  }

  @Test
  void planMarkdown_userSuppliedNames_showAsTheyAreInTheTableAndTheDetails() {
    String markdown = PlanRenderer.markdown().render(plan(NAMES));
    assertEquals(shown(NAMES), clientCells(markdown));
    assertSummariesHold(markdown, NAMES);
  }

  @Test
  void driftMarkdown_userSuppliedNames_showAsTheyAreInBothTablesAndTheDetails() {
    String markdown = DriftRenderer.markdown().render(driftNamed());
    List<String> twice = new ArrayList<>(shown(NAMES));
    twice.addAll(shown(NAMES));
    assertEquals(twice, clientCells(markdown));
    assertSummariesHold(markdown, NAMES);
  }

  @Test
  void attack_mentionsInNames_notifyNobodyInPlanOrDriftMarkdown() {
    String name = "@octocat and @github/security, mail ops@example.com";
    String plan = PlanRenderer.markdown().render(plan(List.of(name)));
    String drift = DriftRenderer.markdown().render(driftNamed(List.of(name)));
    for (String markdown : List.of(plan, drift)) {
      assertFalse(markdown.matches("(?s).*(^|\\W)@[A-Za-z0-9].*"), markdown);
      assertTrue(markdown.contains("@\u200Doctocat and @\u200Dgithub/security"), markdown);
      assertTrue(markdown.contains("mail ops@example.com"), markdown);
    }
  }

  @Test
  void markdownCell_escapesEveryInlineMarker() {
    assertEquals(
        "\\_\\_ops\\_\\_ \\*a\\* \\[l\\] \\`c\\` \\~ \\$ \\| \\\\ &lt;b&gt; &amp;",
        Markdown.text("__ops__ *a* [l] `c` ~ $ | \\ <b> &"));
    assertEquals("``a`b``", Markdown.code("a`b"));
    assertEquals("`` `x ``", Markdown.code("`x"));
    assertEquals("`a\\|b`", Markdown.code("a|b"));
  }

  @ParameterizedTest
  @ValueSource(ints = {300, 1400})
  void planMarkdown_aFleet_fitsACommentAndSaysWhatWasLeftOutAndWhereItIs(int n) {
    String markdown = PlanRenderer.markdown(Path.of("plan.json")).render(plan(names(n)));
    assertFits(markdown, n, "the saved plan `plan.json` holds all of them");
  }

  @ParameterizedTest
  @ValueSource(ints = {300, 1400})
  void driftMarkdown_aFleet_fitsACommentAndSaysWhatWasLeftOutAndWhereItIs(int n) {
    String markdown = DriftRenderer.markdown().render(DriftReports.manyDrifted(n));
    assertFits(markdown, n, "run `ccr drift --format text` for all of them");
  }

  @Test
  void planMarkdown_withoutASavedPlan_pointsToTheTextPlan() {
    String markdown = PlanRenderer.markdown().render(plan(names(300)));
    assertTrue(
        markdown.endsWith("characters; run `ccr plan --format text` for all of them._\n"),
        markdown.substring(markdown.length() - 200));
  }

  @Test
  void cappedMarkdown_cutsBetweenEntriesAndCountsWhatIsLeftByKind() {
    List<CappedMarkdown.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      entries.add(
          new CappedMarkdown.Entry(
              "\n|t|\n|-|\n", "|c" + i + "|\n", "\nd" + i + "x".repeat(30) + "\n", "client"));
    }
    entries.add(new CappedMarkdown.Entry("\n|p|\n|-|\n", "|p|\n", "", "pool"));
    String markdown = new CappedMarkdown("# h\n", entries, "see all").render(250);
    assertTrue(markdown.length() < 250, markdown);
    assertTrue(markdown.contains("|c0|\n") && !markdown.contains("|p|\n"), markdown);
    Matcher left =
        Pattern.compile("_(\\d+) more clients and 1 more pool were left out").matcher(markdown);
    assertTrue(left.find(), markdown);
    int rows = (int) markdown.lines().filter(l -> l.matches("\\|c\\d\\|")).count();
    assertEquals(10, rows + Integer.parseInt(left.group(1)));
    assertEquals(rows, (int) markdown.lines().filter(l -> l.matches("d\\dx+")).count());
    assertTrue(
        markdown.endsWith(" to keep this report under 250 characters; see all._\n"), markdown);
  }

  private static void assertFits(String markdown, int n, String whereAll) {
    assertTrue(markdown.length() < 60_000, "length " + markdown.length());
    assertTrue(markdown.length() < COMMENT_LIMIT);
    assertTrue(markdown.getBytes(StandardCharsets.UTF_8).length < SUMMARY_LIMIT);
    Matcher omitted =
        Pattern.compile(
                "_([\\d,]+) more clients were left out to keep this report under 60,000 characters; (.*)\\._\\n$")
            .matcher(markdown);
    assertTrue(omitted.find(), markdown.substring(markdown.length() - 300));
    assertEquals(whereAll, omitted.group(2));
    int details = markdown.split("<details>", -1).length - 1;
    assertEquals(details, clientCells(markdown).size(), "every row has its details");
    assertEquals(n, details + Integer.parseInt(omitted.group(1).replace(",", "")));
    assertTrue(details > 50, "most of the room is used: " + details + " clients shown");
  }

  /** The names as a reader sees them: line breaks as visible escapes. */
  private static List<String> shown(List<String> names) {
    return names.stream().map(ControlCharacters::escape).toList();
  }

  /**
   * The text of the cell under the {@code client} header of every body row of every table, as a
   * reader sees it.
   */
  private static List<String> clientCells(String markdown) {
    List<String> cells = new ArrayList<>();
    Node document = PARSER.parse(markdown);
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof TableBlock) {
        int column = clientColumn((TableHead) block.getFirstChild());
        for (Node body = block.getFirstChild(); body != null; body = body.getNext()) {
          if (body instanceof TableBody) {
            for (Node row = body.getFirstChild(); row != null; row = row.getNext()) {
              Node cell = row.getFirstChild();
              for (int i = 0; i < column; i++) {
                cell = cell.getNext();
              }
              cells.add(plainText((TableCell) cell));
            }
          }
        }
      }
    }
    return cells;
  }

  /** Which column of a table has the header {@code client}. */
  private static int clientColumn(TableHead head) {
    int column = 0;
    for (Node cell = head.getFirstChild().getFirstChild(); cell != null; cell = cell.getNext()) {
      if (plainText(cell).equals("client")) {
        return column;
      }
      column++;
    }
    throw new AssertionError("no client column in " + head);
  }

  /** The cell's text, failing on anything but plain text (emphasis, links, code, HTML). */
  private static String plainText(Node cell) {
    StringBuilder text = new StringBuilder();
    for (Node child = cell.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        text.append(t.getLiteral());
      } else {
        throw new AssertionError(
            "the cell holds a " + child.getClass().getSimpleName() + ": " + cell);
      }
    }
    return text.toString();
  }

  /** Each details block's summary holds the name HTML-escaped, and no tag of its own. */
  private static void assertSummariesHold(String markdown, List<String> names) {
    List<String> summaries = new ArrayList<>();
    Node document = PARSER.parse(markdown);
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof HtmlBlock html && html.getLiteral().startsWith("<details>")) {
        summaries.add(html.getLiteral());
      }
    }
    assertEquals(names.size(), summaries.size(), markdown);
    for (int i = 0; i < names.size(); i++) {
      String summary = summaries.get(i);
      assertTrue(
          summary.matches(
              "<details><summary>([~+!-] )?\\Q" + Markdown.html(names.get(i)) + " (\\E.*"),
          summary);
      assertFalse(summary.contains("<b>"), summary);
      assertFalse(summary.contains("\n"), "one line: " + summary);
    }
  }
}
