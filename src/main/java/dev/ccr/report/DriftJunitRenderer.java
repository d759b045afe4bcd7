package dev.ccr.report;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReport.ClientResult;
import dev.ccr.drift.DriftReport.DriftedAttribute;
import dev.ccr.drift.DriftReport.PoolError;
import dev.ccr.drift.DriftReport.Problem;
import dev.ccr.drift.DriftReport.Status;
import dev.ccr.drift.DriftReport.UnmanagedClient;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML as CI systems read it: one {@code <testsuite>} per file, one {@code <testcase>} per
 * declared client, with a {@code <failure>} listing each drifted attribute (file value and live
 * value) or an {@code <error>} when the client could not be read or compared. An unmanaged client
 * is a test case in the suite of the first file that declares its pool: {@code <skipped>}, or a
 * {@code <failure>} under --fail-on-unmanaged. A pool that could not be listed is an {@code
 * <error>} test case there too.
 */
final class DriftJunitRenderer implements DriftRenderer {

  /** A test case's outcome: its element name (empty when it passed), type and message, and text. */
  private record Outcome(String element, String type, String message, String text) {
    static final Outcome PASSED = new Outcome("", "", "", "");
  }

  private record Case(String name, Outcome outcome) {}

  @Override
  public String render(DriftReport report) {
    Map<String, List<Case>> suites = new LinkedHashMap<>();
    report.files().forEach(file -> suites.put(file, new ArrayList<>()));
    report.clients().forEach(c -> suites.get(c.file()).add(new Case(c.title(), outcome(c))));
    for (PoolError error : report.poolErrors()) {
      suites
          .computeIfAbsent(error.file(), f -> new ArrayList<>())
          .add(
              new Case(
                  "list clients of " + error.userPoolId(),
                  new Outcome("error", "read-error", error.message(), error.message())));
    }
    for (UnmanagedClient client : report.unmanaged()) {
      suites
          .computeIfAbsent(client.file(), f -> new ArrayList<>())
          .add(new Case("unmanaged " + client.title(), unmanaged(report, client)));
    }
    Document document = newDocument();
    Element root = document.createElement("testsuites");
    root.setAttribute("name", "ccr drift");
    document.appendChild(root);
    suites.forEach((file, cases) -> root.appendChild(suite(document, file, cases)));
    counts(root, suites.values().stream().flatMap(List::stream).toList());
    return serialize(document);
  }

  private static Outcome outcome(ClientResult client) {
    if (client.status() == Status.ERROR) {
      String text =
          client.problems().stream().map(Problem::message).collect(Collectors.joining("\n"));
      return new Outcome("error", "client-error", client.problems().get(0).message(), text);
    }
    if (client.status() == Status.IN_SYNC) {
      return Outcome.PASSED;
    }
    if (client.status() == Status.MISSING || client.status() == Status.UNWANTED) {
      String message = DriftReport.lifecycleFinding(client);
      return new Outcome("failure", client.status().label(), message, message);
    }
    List<DriftedAttribute> drifted = client.drifted();
    String message =
        drifted.size()
            + (drifted.size() == 1 ? " attribute" : " attributes")
            + " drifted: "
            + drifted.stream().map(DriftedAttribute::path).collect(Collectors.joining(", "));
    String text =
        drifted.stream()
            .map(
                a ->
                    a.path()
                        + " ("
                        + client.file()
                        + ":"
                        + a.position().line()
                        + ":"
                        + a.position().column()
                        + "): desired "
                        + a.desired()
                        + ", live "
                        + a.live())
            .collect(Collectors.joining("\n"));
    return new Outcome("failure", "drift", message, text);
  }

  private static Outcome unmanaged(DriftReport report, UnmanagedClient client) {
    String message =
        "no file declares client " + client.clientId() + " of pool " + client.userPoolId();
    return report.failOnUnmanaged()
        ? new Outcome("failure", "unmanaged-client", message, message)
        : new Outcome("skipped", "", message, "");
  }

  /**
   * Text XML 1.0 can hold: characters it forbids (most control characters) become visible {@code
   * \\uXXXX} escapes; line breaks and tabs stay.
   */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == '\t'
                      || c == '\n'
                      || c == '\r'
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || c >= 0x10000;
              if (allowed) {
                out.appendCodePoint(c);
              } else {
                out.append(String.format("\\u%04x", c));
              }
            });
    return out.toString();
  }

  private static Element suite(Document document, String file, List<Case> cases) {
    Element suite = document.createElement("testsuite");
    suite.setAttribute("name", xml(file));
    for (Case c : cases) {
      Element testcase = document.createElement("testcase");
      testcase.setAttribute("classname", xml(file));
      testcase.setAttribute("name", xml(c.name()));
      Outcome outcome = c.outcome();
      if (!outcome.element().isEmpty()) {
        Element element = document.createElement(outcome.element());
        element.setAttribute("message", xml(outcome.message()));
        if (!outcome.type().isEmpty()) {
          element.setAttribute("type", outcome.type());
        }
        if (!outcome.text().isEmpty()) {
          element.setTextContent(xml(outcome.text()));
        }
        testcase.appendChild(element);
      }
      suite.appendChild(testcase);
    }
    counts(suite, cases);
    return suite;
  }

  private static void counts(Element element, List<Case> cases) {
    element.setAttribute("tests", Integer.toString(cases.size()));
    element.setAttribute("failures", count(cases, "failure"));
    element.setAttribute("errors", count(cases, "error"));
    element.setAttribute("skipped", count(cases, "skipped"));
  }

  private static String count(List<Case> cases, String element) {
    return Long.toString(cases.stream().filter(c -> c.outcome().element().equals(element)).count());
  }

  private static Document newDocument() {
    try {
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      document.setXmlStandalone(true);
      return document;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serialize(Document document) {
    try {
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      String xml = out.toString().strip();
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml + "\n";
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }
}
