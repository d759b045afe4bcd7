package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** Values from Cognito or from files can hold any character; reports stay well-formed. */
class EscapingTest {

  @Test
  void line_controlCharacters_becomeVisibleAndCannotForgeLines() {
    Line line = new Line(Line.Symbol.CHANGE, 0, "ExternalId: x\n+ forged\u001b[31m\u2028");
    assertEquals("ExternalId: x\\n+ forged\\e[31m\\u2028", line.text());
  }

  @Test
  void controlCharacters_escape_showsEveryControlCharacterVisibly() {
    assertEquals(
        "a\\e[31m\\n\\r\\t\\u0000\\u007f\\u009b\\u202e\\u200b\\u2028\\U000e0001 é 日本 \\",
        ControlCharacters.escape(
            "a\u001b[31m\n\r\t\u0000\u007f\u009b\u202e\u200b\u2028\udb40\udc01 é 日本 \\"));
  }

  @Test
  void controlCharacters_escapeKeepingTabs_keepsOnlyTabs() {
    assertEquals("\tx\\e\\n", ControlCharacters.escapeKeepingTabs("\tx\u001b\n"));
  }

  @Test
  void diagnostic_controlCharacterBeforeTheColumn_caretStaysUnderTheOffendingCharacter() {
    Diagnostic d =
        new Diagnostic(
            Severity.ERROR, "bad \u001b", "f\u0007.yaml", new Position(1, 5), "", "\ta\u0000b: x");
    assertEquals(
        "f\\u0007.yaml:1:5: error: bad \\e\n" + "\ta\\u0000b: x\n" + "\t        ^\n",
        new DiagnosticRenderer(false).render(d));
  }

  @Test
  void markdownCell_newlineCannotBreakTheTable() {
    assertEquals("a\\\\nb \\| c &lt;b&gt;", Markdown.text("a\nb | c <b>"));
  }

  @Test
  void junitXml_characterXmlForbids_isEscapedAndTheDocumentParses() {
    String text = DriftJunitRenderer.xml("x\u0001y\tz\n]]>");
    assertEquals("x\\u0001y\tz\n]]>", text);
    String document =
        "<testsuite name=\"" + text.replace("\n", "&#10;").replace("]]>", "]]&gt;") + "\"/>";
    assertDoesNotThrow(
        () ->
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void sarifUri_colonInTheFirstSegment_isNotReadAsAScheme() {
    SarifWriter sarif = new SarifWriter("1.0", "https://ccr.dev/", Path.of("/repo"), 5_000);
    assertEquals("./prod:web.yaml", sarif.uri("prod:web.yaml"));
    assertEquals("clients/my%20app.yaml", sarif.uri("clients/my app.yaml"));
    assertEquals("clients/web.yaml", sarif.uri("clients/web.yaml"));
  }
}
