package dev.ccr.report;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReport.ClientResult;
import dev.ccr.drift.DriftReport.DriftedAttribute;
import dev.ccr.drift.DriftReport.PoolError;
import dev.ccr.drift.DriftReport.Problem;
import dev.ccr.drift.DriftReport.RegisteredClient;
import dev.ccr.drift.DriftReport.Status;
import dev.ccr.drift.DriftReport.UnmanagedClient;
import dev.ccr.spec.Position;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>The document is valid against both published JUnit schemas, Windy Road's {@code JUnit.xsd} and
 * Jenkins xUnit's {@code junit-10.xsd}, but for two attributes of {@code <testcase>} that neither
 * lists: {@code file} (relative to the working directory) and {@code line}, which GitLab and the
 * GitHub test reporters read to show each case at its place in the YAML. A declared client's {@code
 * time} is how long reading it took (clients are read concurrently, so a suite's time, the sum of
 * its cases', can exceed the run's); other cases have 0.
 */
final class DriftJunitRenderer implements DriftRenderer {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** A test case's outcome: its element name (empty when it passed), type and message, and text. */
  private record Outcome(String element, String type, String message, String text) {
    static final Outcome PASSED = new Outcome("", "", "", "");
  }

  /** A test case: its name, where it is, how it ended and how long it took. */
  private record Case(String name, String file, Position position, Outcome outcome, Duration time) {
    Case(String name, String file, Position position, Outcome outcome) {
      this(name, file, position, outcome, Duration.ZERO);
    }
  }

  private final WorkingDirectory workingDirectory;
  private final Instant checkedAt;
  private final String hostname;
  private final Map<String, Duration> readTimes;

  /**
   * @param checkedAt when the check ran, written in UTC as every suite's timestamp
   * @param hostname the machine it ran on
   * @param readTimes how long reading each declared client took, by {@code POOL/ID}
   */
  DriftJunitRenderer(
      Path workingDirectory, Instant checkedAt, String hostname, Map<String, Duration> readTimes) {
    this.workingDirectory = new WorkingDirectory(workingDirectory);
    this.checkedAt = Objects.requireNonNull(checkedAt, "checkedAt");
    this.hostname = Objects.requireNonNull(hostname, "hostname");
    this.readTimes = Map.copyOf(readTimes);
  }

  @Override
  public String render(DriftReport report) {
    Map<String, List<Case>> suites = new LinkedHashMap<>();
    report.files().forEach(file -> suites.put(file, new ArrayList<>()));
    report
        .clients()
        .forEach(
            c ->
                suites
                    .get(c.file())
                    .add(
                        new Case(
                            c.title(),
                            c.file(),
                            c.position(),
                            outcome(c),
                            readTimes.getOrDefault(
                                c.userPoolId() + "/" + c.clientId(), Duration.ZERO))));
    for (PoolError error : report.poolErrors()) {
      Outcome outcome = new Outcome("error", "read-error", error.message(), error.message());
      suites
          .computeIfAbsent(error.file(), f -> new ArrayList<>())
          .add(
              new Case(
                  "list clients of " + error.userPoolId(),
                  error.file(),
                  error.position(),
                  outcome));
    }
    for (UnmanagedClient client : report.unmanaged()) {
      suites
          .computeIfAbsent(client.file(), f -> new ArrayList<>())
          .add(
              new Case(
                  "unmanaged " + client.title(),
                  client.file(),
                  client.position(),
                  unmanaged(report, client)));
    }
    for (RegisteredClient client : report.registered()) {
      String message = client.finding();
      suites
          .computeIfAbsent(client.file(), f -> new ArrayList<>())
          .add(
              new Case(
                  "registered at run time " + client.title(),
                  client.file(),
                  client.position(),
                  new Outcome("skipped", "", message, "")));
    }
    Document document = newDocument();
    Element root = document.createElement("testsuites");
    document.appendChild(root);
    int id = 0;
    for (Map.Entry<String, List<Case>> suite : suites.entrySet()) {
      root.appendChild(suite(document, id++, suite.getKey(), suite.getValue()));
    }
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
        "no file declares client "
            + client.clientId()
            + " of pool "
            + client.userPoolId()
            + "; its pool is declared at "
            + client.file()
            + ":"
            + client.position().line();
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

  private Element suite(Document document, int id, String file, List<Case> cases) {
    Element suite = document.createElement("testsuite");
    suite.setAttribute("name", xml(file));
    suite.setAttribute("package", xml(file));
    suite.setAttribute("id", Integer.toString(id));
    suite.setAttribute("tests", Integer.toString(cases.size()));
    suite.setAttribute("failures", count(cases, "failure"));
    suite.setAttribute("errors", count(cases, "error"));
    suite.setAttribute("skipped", count(cases, "skipped"));
    suite.setAttribute(
        "time", seconds(cases.stream().map(Case::time).reduce(Duration.ZERO, Duration::plus)));
    suite.setAttribute("timestamp", TIMESTAMP.format(checkedAt));
    suite.setAttribute("hostname", xml(hostname));
    suite.appendChild(document.createElement("properties"));
    cases.forEach(c -> suite.appendChild(testcase(document, file, c)));
    suite.appendChild(document.createElement("system-out"));
    suite.appendChild(document.createElement("system-err"));
    return suite;
  }

  private Element testcase(Document document, String suite, Case c) {
    Element testcase = document.createElement("testcase");
    testcase.setAttribute("classname", xml(suite));
    testcase.setAttribute("name", xml(c.name()));
    testcase.setAttribute("time", seconds(c.time()));
    testcase.setAttribute("file", xml(workingDirectory.relative(c.file())));
    testcase.setAttribute("line", Integer.toString(c.position().line()));
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
    return testcase;
  }

  /** Seconds with up to three decimals, {@code 0} for no time: {@code 0.042}, {@code 1.5}. */
  static String seconds(Duration time) {
    return java.math.BigDecimal.valueOf(time.toMillis(), 3).stripTrailingZeros().toPlainString();
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
