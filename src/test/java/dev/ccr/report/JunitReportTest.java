package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReports;
import dev.ccr.testing.Golden;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JUnit report as its readers take it: valid against Windy Road's JUnit.xsd and Jenkins xUnit's
 * junit-10.xsd (once the two attributes that neither lists are set aside), and with each test case
 * at its file and line, which is all that GitLab, action-junit-report and dorny/test-reporter use
 * to place it.
 */
class JunitReportTest {
  private static final Path SCHEMAS =
      Golden.projectDir().resolve("src/test/resources/schemas/junit");

  private static DriftReport report(String name) {
    return switch (name) {
      case "drift-and-unmanaged" -> DriftReports.driftAndUnmanaged(false);
      case "fail-on-unmanaged" -> DriftReports.driftAndUnmanaged(true);
      case "in-sync" -> DriftReports.inSync();
      case "many" -> DriftReports.manyDrifted(50);
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static Document render(String name) throws Exception {
    String xml = DriftRendererTest.junit().render(report(name));
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"drift-and-unmanaged", "fail-on-unmanaged", "in-sync", "many"})
  void junit_isValidAgainstBothSchemasButForFileAndLine(String name) throws Exception {
    Document document = render(name);
    NodeList cases = document.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      ((Element) cases.item(i)).removeAttribute("file");
      ((Element) cases.item(i)).removeAttribute("line");
    }
    for (String xsd : List.of("windyroad-JUnit.xsd", "jenkins-junit-10.xsd")) {
      Schema schema =
          SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
              .newSchema(new StreamSource(SCHEMAS.resolve(xsd).toFile()));
      assertDoesNotThrow(() -> schema.newValidator().validate(new DOMSource(document)), xsd);
    }
  }

  @Test
  void junit_withFileAndLine_isNotValidAgainstTheSchemas_soTheTestAboveCanFail() throws Exception {
    String xml = DriftRendererTest.junit().render(report("in-sync"));
    Schema schema =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(new StreamSource(SCHEMAS.resolve("jenkins-junit-10.xsd").toFile()));
    org.junit.jupiter.api.Assertions.assertThrows(
        org.xml.sax.SAXException.class,
        () -> schema.newValidator().validate(new StreamSource(new StringReader(xml))));
  }

  @Test
  void junit_eachCase_isAtItsFileAndLineWithATime() throws Exception {
    Document document = render("drift-and-unmanaged");
    List<String> places = new ArrayList<>();
    NodeList cases = document.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      places.add(
          c.getAttribute("file") + ":" + c.getAttribute("line") + " " + c.getAttribute("time"));
    }
    assertEquals(
        List.of(
            "clients/web.yaml:1 0",
            "clients/web.yaml:13 0",
            "clients/web.yaml:1 0",
            "clients/web.yaml:1 0",
            "clients/legacy.yaml:1 0"),
        places,
        "web-app, api, the unmanaged client and the one registered at run time at the pool's"
            + " first UserPoolId, legacy");
  }

  @Test
  void junit_declaredClients_carryTheirReadTime_andSuitesTheSum() throws Exception {
    String pool = DriftReports.POOL;
    String xml =
        DriftRenderer.junit(
                Golden.projectDir(),
                java.time.Instant.parse("2026-06-14T04:17:09Z"),
                "ci-runner-7",
                java.util.Map.of(
                    pool + "/3n4b5urk1ft4fl3mg5e62d9ado",
                    java.time.Duration.ofMillis(42),
                    pool + "/4p1cl13nt0000000000000000a",
                    java.time.Duration.ofMillis(1500)))
            .render(report("drift-and-unmanaged"));
    Document document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    List<String> times = new ArrayList<>();
    NodeList cases = document.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      times.add(c.getAttribute("name").replaceAll(" \\(.*", "") + " " + c.getAttribute("time"));
    }
    assertEquals(5, times.size(), times.toString());
    assertEquals("web-app 0.042", times.get(0));
    assertEquals("api 1.5", times.get(1));
    assertTrue(times.get(2).endsWith(" 0"), "an unmanaged client is not read: " + times);
    assertEquals("registered at run time mcp-agent 0", times.get(3));
    Element suite = (Element) document.getElementsByTagName("testsuite").item(0);
    assertEquals("1.542", suite.getAttribute("time"));
  }

  @Test
  void junit_suites_sayWhenAndWhereTheCheckRan() throws Exception {
    Element suite = (Element) render("in-sync").getElementsByTagName("testsuite").item(0);
    assertEquals("2026-06-14T04:17:09", suite.getAttribute("timestamp"));
    assertEquals("ci-runner-7", suite.getAttribute("hostname"));
    assertEquals("0", suite.getAttribute("id"));
    assertEquals("clients/web.yaml", suite.getAttribute("package"));
  }

  @Test
  void junit_fileWithSpacesCommasColonsAndPercent_isNamedAsItIs_notPercentEncoded()
      throws Exception {
    String file = "clients/odd name, v1: 100%.yaml";
    DriftReport report =
        DriftReports.report(
            List.of(
                DriftReports.spec(
                    file,
                    1,
                    "3n4b5urk1ft4fl3mg5e62d9ado",
                    dev.ccr.plan.Clients.map("ClientName", "odd"))),
            List.of(
                DriftReports.live(
                    "3n4b5urk1ft4fl3mg5e62d9ado", dev.ccr.plan.Clients.map("ClientName", "odd"))),
            false);
    String xml = DriftRendererTest.junit().render(report);
    Element testcase =
        (Element)
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("testcase")
                .item(0);
    assertEquals(file, testcase.getAttribute("file"));
    assertEquals(file, testcase.getAttribute("classname"));
  }

  @Test
  void workingDirectory_fileInsideIsRelativeWithSlashes_outsideIsAbsolute() {
    WorkingDirectory repo = new WorkingDirectory(Path.of("/work/repo"));
    assertEquals("clients/web.yaml", repo.relative("/work/repo/clients/web.yaml"));
    assertEquals("clients/web.yaml", repo.relative("clients/./web.yaml"));
    assertEquals("/elsewhere/web.yaml", repo.relative("/elsewhere/web.yaml"));
  }
}
