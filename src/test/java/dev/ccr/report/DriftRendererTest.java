package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReports;
import dev.ccr.testing.Golden;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DriftRendererTest {
  private static final String VERSION = "0.1.0";
  private static final String URI = "https://ccr.dev/";

  private static DriftReport report(String name) {
    return switch (name) {
      case "drift-and-unmanaged" -> DriftReports.driftAndUnmanaged(false);
      case "fail-on-unmanaged" -> DriftReports.driftAndUnmanaged(true);
      case "in-sync" -> DriftReports.inSync();
      case "every-status" -> DriftReports.everyStatus();
      case "insecure" -> DriftReports.insecure(false);
      case "insecure-strict" -> DriftReports.insecure(true);
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static Path golden(String name, String file) {
    return Golden.projectDir()
        .resolve("src/test/resources/golden/drift")
        .resolve(name)
        .resolve(file);
  }

  static DriftRenderer junit() {
    return DriftRenderer.junit(
        Golden.projectDir(), java.time.Instant.parse("2026-06-14T04:17:09Z"), "ci-runner-7");
  }

  private static DriftRenderer sarif() {
    return DriftRenderer.sarif(VERSION, URI, Golden.projectDir());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "drift-and-unmanaged",
        "fail-on-unmanaged",
        "in-sync",
        "insecure",
        "insecure-strict"
      })
  void render_matchesGoldenFiles(String name) {
    DriftReport report = report(name);
    Golden.assertMatches(golden(name, "expected.txt"), DriftRenderer.text(false).render(report));
    Golden.assertMatches(
        golden(name, "expected.json"), DriftRenderer.json("ccr " + VERSION).render(report));
    Golden.assertMatches(golden(name, "expected.md"), DriftRenderer.markdown().render(report));
    Golden.assertMatches(golden(name, "expected.xml"), junit().render(report));
    Golden.assertMatches(golden(name, "expected.sarif"), sarif().render(report));
  }

  /** Missing and unwanted clients: their row says what apply would do, and no diff follows. */
  @Test
  void render_everyStatus_matchesGoldenFiles() {
    DriftReport report = report("every-status");
    String name = "every-status";
    Golden.assertMatches(golden(name, "expected.txt"), DriftRenderer.text(false).render(report));
    Golden.assertMatches(
        golden(name, "expected.json"), DriftRenderer.json("ccr " + VERSION).render(report));
    Golden.assertMatches(golden(name, "expected.md"), DriftRenderer.markdown().render(report));
  }

  @Test
  void renderText_onlyAMissingClient_saysWhatApplyWouldDo_andNotHowToReadChanges() {
    String text = DriftRenderer.text(false).render(DriftReports.inSyncAndMissing());
    assertTrue(text.contains("no such client exists; apply would create it"), text);
    assertTrue(text.endsWith("Drift: 0 drifted, 1 in sync, 0 unmanaged, 1 missing.\n"), text);
    assertFalse(text.contains("Changes read"), text);
  }

  @Test
  void renderMarkdown_missingAndUnwantedClients_haveARowAndNoEmptyDiffBlock() {
    String markdown = DriftRenderer.markdown().render(report("every-status"));
    assertTrue(
        markdown.contains(
            "| reports-app | `us-east-1_Example12` | no such client exists; apply would create it |"),
        markdown);
    assertFalse(markdown.contains("```diff\n```"), markdown);
    assertFalse(markdown.contains("<summary>reports-app"), markdown);
    assertFalse(markdown.contains("<summary>retired-app"), markdown);
  }

  @Test
  void renderJson_everyStatus_isInTheReportAndAMissingClientHasANullId() {
    JsonNode root =
        JsonMapper.shared()
            .readTree(DriftRenderer.json("ccr " + VERSION).render(report("every-status")));
    List<String> statuses = new ArrayList<>();
    root.get("clients").forEach(c -> statuses.add(c.get("status").asString()));
    assertEquals(List.of("drifted", "in-sync", "missing", "unwanted", "error"), statuses);
    assertTrue(root.get("clients").get(2).get("clientId").isNull());
    assertEquals(1, root.get("summary").get("missing").asInt());
    assertEquals(1, root.get("summary").get("unwanted").asInt());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "drift-and-unmanaged",
        "fail-on-unmanaged",
        "in-sync",
        "insecure",
        "insecure-strict",
        "every-status"
      })
  void renderJson_validatesAgainstTheDriftReportSchema(String name) throws IOException {
    Schema schema;
    try (InputStream in =
        Files.newInputStream(Golden.projectDir().resolve("schemas/drift-report.schema.json"))) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(in, InputFormat.JSON);
    }
    String json = DriftRenderer.json("ccr " + VERSION).render(report(name));
    assertEquals(List.of(), schema.validate(JsonMapper.shared().readTree(json)));
  }

  @Test
  void renderJson_locatesEachDriftedAttributeAtItsKey() {
    JsonNode root =
        JsonMapper.shared()
            .readTree(DriftRenderer.json("ccr " + VERSION).render(report("drift-and-unmanaged")));
    JsonNode web = root.get("clients").get(0);
    assertEquals("drifted", web.get("status").asString());
    JsonNode validity = web.get("drifted").get(0);
    assertEquals("AccessTokenValidity", validity.get("path").asString());
    assertEquals("30 minutes", validity.get("desired").asString());
    assertEquals("1 hour", validity.get("live").asString());
    assertEquals(4, validity.get("line").asInt());
    JsonNode rotation = web.get("drifted").get(3);
    assertEquals("RefreshTokenRotation/Feature", rotation.get("path").asString());
    assertEquals(11, rotation.get("line").asInt());
    assertEquals(3, rotation.get("column").asInt());
    assertEquals("in-sync", root.get("clients").get(1).get("status").asString());
    assertEquals("error", root.get("clients").get(2).get("status").asString());
    assertEquals("forgotten-client", root.get("unmanaged").get(0).get("clientName").asString());
  }

  @Test
  void renderJunit_hasASuitePerFileACasePerClientAndAFailurePerDriftedClient() throws Exception {
    Document xml = parse(junit().render(report("drift-and-unmanaged")));
    NodeList suites = xml.getElementsByTagName("testsuite");
    assertEquals(2, suites.getLength());
    Element web = (Element) suites.item(0);
    assertEquals("clients/web.yaml", web.getAttribute("name"));
    assertEquals(
        List.of("web-app", "api", "unmanaged forgotten-client", "registered at run time mcp-agent"),
        caseNames(web));
    assertEquals("1", web.getAttribute("failures"));
    assertEquals("2", web.getAttribute("skipped"));
    Element failure = (Element) web.getElementsByTagName("failure").item(0);
    assertEquals(
        "4 attributes drifted: AccessTokenValidity, CallbackURLs, PreventUserExistenceErrors, RefreshTokenRotation/Feature",
        failure.getAttribute("message"));
    assertTrue(
        failure
            .getTextContent()
            .contains(
                "AccessTokenValidity (clients/web.yaml:4:1): desired 30 minutes, live 1 hour"),
        failure.getTextContent());
    Element legacy = (Element) suites.item(1);
    assertEquals("clients/legacy.yaml", legacy.getAttribute("name"));
    assertEquals("1", legacy.getAttribute("errors"));
  }

  @Test
  void renderJunit_failOnUnmanaged_makesTheUnmanagedClientFailButNotTheRegisteredOne()
      throws Exception {
    Document xml = parse(junit().render(report("fail-on-unmanaged")));
    Element web = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertEquals("2", web.getAttribute("failures"));
    assertEquals("1", web.getAttribute("skipped"), "the client registered at run time");
  }

  @ParameterizedTest
  @ValueSource(strings = {"drift-and-unmanaged", "in-sync"})
  void renderSarif_hasVersionDriverAndLocatedResults(String name) {
    JsonNode root = JsonMapper.shared().readTree(sarif().render(report(name)));
    assertEquals("2.1.0", root.get("version").asString());
    JsonNode run = root.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertEquals("ccr", driver.get("name").asString());
    assertEquals(VERSION, driver.get("version").asString());
    assertEquals(URI, driver.get("informationUri").asString());
    List<String> ruleIds = new ArrayList<>();
    driver.get("rules").forEach(rule -> ruleIds.add(rule.get("id").asString()));
    for (JsonNode result : run.get("results")) {
      assertTrue(ruleIds.contains(result.get("ruleId").asString()), result.toString());
      assertFalse(result.get("message").get("text").asString().isEmpty(), result.toString());
      JsonNode location = result.get("locations").get(0).get("physicalLocation");
      assertTrue(
          location.get("artifactLocation").get("uri").asString().startsWith("clients/"),
          result.toString());
      assertTrue(location.get("region").get("startLine").asInt() >= 1, result.toString());
    }
  }

  @Test
  void renderSarif_oneResultPerDriftedAttributeAtItsLineAndColumn() {
    JsonNode results =
        JsonMapper.shared()
            .readTree(sarif().render(report("drift-and-unmanaged")))
            .get("runs")
            .get(0)
            .get("results");
    List<String> found = new ArrayList<>();
    for (JsonNode result : results) {
      JsonNode location = result.get("locations").get(0).get("physicalLocation");
      JsonNode region = location.get("region");
      found.add(
          result.get("ruleId").asString()
              + " "
              + result.get("level").asString()
              + " "
              + location.get("artifactLocation").get("uri").asString()
              + ":"
              + region.get("startLine").asInt()
              + ":"
              + region.get("startColumn").asInt());
    }
    assertEquals(
        List.of(
            "ccr/attribute-drift error clients/web.yaml:4:1",
            "ccr/attribute-drift error clients/web.yaml:7:1",
            "ccr/attribute-drift error clients/web.yaml:9:1",
            "ccr/attribute-drift error clients/web.yaml:11:3",
            "ccr/read-error error clients/legacy.yaml:2:1",
            "ccr/unmanaged-client warning clients/web.yaml:1:1",
            "ccr/registered-client note clients/web.yaml:1:1",
            "CCR107 warning clients/web.yaml:11:3",
            "CCR101 warning clients/web.yaml:13:1",
            "CCR107 warning clients/web.yaml:13:1"),
        found,
        "web's rotation off in its file; api leaves both to Cognito's defaults, found at its"
            + " document");
  }

  @Test
  void sarifUri_isRelativeInsideTheWorkingDirectoryAndAFileUriOutside() {
    SarifWriter renderer = new SarifWriter(VERSION, URI, Path.of("/work/repo"), 5_000);
    assertEquals("clients/web.yaml", renderer.uri("clients/web.yaml"));
    assertEquals("clients/my%20app.yaml", renderer.uri("/work/repo/clients/my app.yaml"));
    assertEquals("file:///elsewhere/web.yaml", renderer.uri("/elsewhere/web.yaml"));
  }

  @Test
  void renderMarkdown_smallReport_isNotCut() {
    String markdown = DriftRenderer.markdown().render(DriftReports.manyDrifted(20));
    assertFalse(markdown.contains("left out"));
    assertEquals(20, markdown.split("<details>", -1).length - 1);
  }

  @Test
  void renderText_colourOnlyWhenAsked() {
    String coloured = DriftRenderer.text(true).render(report("drift-and-unmanaged"));
    assertTrue(coloured.contains("\u001B[36m?\u001B[0m forgotten-client"), coloured);
    assertEquals(
        DriftRenderer.text(false).render(report("drift-and-unmanaged")),
        coloured.replaceAll("\u001B\\[\\d+m", ""));
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> caseNames(Element suite) {
    List<String> names = new ArrayList<>();
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      String name = ((Element) cases.item(i)).getAttribute("name");
      names.add(name.substring(0, name.indexOf(" (")));
    }
    return names;
  }
}
