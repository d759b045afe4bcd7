package dev.ccr.report;

import dev.ccr.plan.PrettyJson;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes SARIF 2.1.0 for GitHub code scanning, whatever the findings are about: the driver and its
 * rules, one result per finding at its file, line and column, file URIs relative to the working
 * directory when the file is inside it. Code scanning keeps {@value #MAX_RESULTS} results of a run,
 * so beyond that the most severe are kept and one more result says how many were left out.
 *
 * <p>Code scanning tracks an alert across runs by {@code
 * partialFingerprints.primaryLocationLineHash} alone; the upload action fills it from the content
 * of the result's line when it is missing. A line identifies a finding only when no other finding
 * of the same rule points at it, so the others (findings of a rule not located by line, and
 * findings sharing a line) get a hash of what they are about.
 */
final class SarifWriter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** The results of a run that GitHub code scanning keeps. */
  static final int MAX_RESULTS = 5_000;

  /**
   * One result before it is written.
   *
   * @param level {@code error} or {@code warning}
   * @param length how many characters of the line the finding covers (its key's name)
   * @param about what the finding is about, stable across runs: pool, client, attribute
   */
  record Finding(
      SarifRule rule,
      String level,
      String message,
      String file,
      Position position,
      int length,
      String about) {
    Finding {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(about, "about");
    }

    /** A finding at the rule's default level. */
    Finding(
        SarifRule rule, String message, String file, Position position, int length, String about) {
      this(rule, rule.level(), message, file, position, length, about);
    }

    boolean isError() {
      return level.equals("error");
    }
  }

  /**
   * The rule of the result that says how many findings were left out.
   *
   * @param listsAll the command that lists every finding ({@code ccr drift --format text})
   */
  record Omission(SarifRule rule, String listsAll) {
    Omission {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(listsAll, "listsAll");
    }

    /** The omission of a command, with its rule. */
    static Omission of(String listsAll) {
      return new Omission(SarifRule.resultsOmitted(listsAll), listsAll);
    }
  }

  private final String version;
  private final String informationUri;
  private final WorkingDirectory workingDirectory;
  private final int maxResults;

  SarifWriter(String version, String informationUri, Path workingDirectory, int maxResults) {
    this.version = Objects.requireNonNull(version, "version");
    this.informationUri = Objects.requireNonNull(informationUri, "informationUri");
    this.workingDirectory = new WorkingDirectory(workingDirectory);
    this.maxResults = maxResults;
  }

  /**
   * The whole document, ending in a newline.
   *
   * @param rules every rule of the tool, in the order of the driver's list (results name their
   *     rule's index in it); {@code omission}'s rule among them
   */
  String write(List<SarifRule> rules, Omission omission, List<Finding> findings) {
    if (!rules.contains(omission.rule())) {
      throw new IllegalArgumentException(omission.rule().id() + " is not among the rules");
    }
    ObjectNode root = PrettyJson.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ccr");
    driver.put("version", version);
    driver.put("informationUri", informationUri);
    ArrayNode ruleNodes = driver.putArray("rules");
    rules.forEach(rule -> ruleNodes.add(rule(rule)));
    List<Finding> kept = capped(findings, omission);
    Set<String> shared = sharedLines(kept);
    ArrayNode results = run.putArray("results");
    kept.forEach(f -> results.add(result(f, rules.indexOf(f.rule()), shared.contains(lineKey(f)))));
    return PrettyJson.write(root);
  }

  /**
   * A diagnostic as a finding of {@code rule} at its level, covering its key's name when it is at a
   * key, otherwise one character; about its file, JSON Pointer and message.
   */
  Finding finding(Diagnostic d, SarifRule rule) {
    return new Finding(
        rule,
        d.severity().label(),
        d.message(),
        d.file(),
        d.position(),
        length(d),
        uri(d.file()) + "#" + d.pointer() + " " + d.message());
  }

  /** The length of the key the diagnostic points at, or 1 for a list item, a value or no key. */
  private static int length(Diagnostic d) {
    String key = d.pointer().substring(d.pointer().lastIndexOf('/') + 1);
    key = key.replace("~1", "/").replace("~0", "~");
    boolean isKey = !key.isEmpty() && !key.chars().allMatch(Character::isDigit);
    boolean atKey =
        d.sourceLine().isEmpty() || d.sourceLine().startsWith(key, d.position().column() - 1);
    return isKey && atKey ? key.length() : 1;
  }

  /** At most {@link #maxResults}: the errors first, then one result for the rest. */
  private List<Finding> capped(List<Finding> findings, Omission omission) {
    if (findings.size() <= maxResults) {
      return findings;
    }
    List<Finding> ordered = new ArrayList<>(findings.stream().filter(Finding::isError).toList());
    findings.stream().filter(f -> !f.isError()).forEach(ordered::add);
    List<Finding> kept = new ArrayList<>(ordered.subList(0, maxResults - 1));
    Finding first = ordered.get(maxResults - 1);
    int left = ordered.size() - kept.size();
    String message =
        String.format(
            Locale.ROOT,
            "%,d more findings were left out: GitHub code scanning keeps %,d results of a run."
                + " '%s' lists all of them.",
            left,
            maxResults,
            omission.listsAll());
    kept.add(
        new Finding(
            omission.rule(), message, first.file(), first.position(), first.length(), "omitted"));
    return kept;
  }

  /** The lines that more than one finding of a rule points at. */
  private Set<String> sharedLines(List<Finding> findings) {
    Map<String, Long> counts =
        findings.stream().collect(Collectors.groupingBy(this::lineKey, Collectors.counting()));
    Set<String> shared = new HashSet<>();
    counts.forEach(
        (key, n) -> {
          if (n > 1) {
            shared.add(key);
          }
        });
    return shared;
  }

  private String lineKey(Finding finding) {
    return finding.rule().id() + " " + uri(finding.file()) + ":" + finding.position().line();
  }

  private static ObjectNode rule(SarifRule rule) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("id", rule.id());
    node.put("name", rule.name());
    node.putObject("shortDescription").put("text", rule.shortDescription());
    node.putObject("fullDescription").put("text", rule.fullDescription());
    ObjectNode help = node.putObject("help");
    help.put("text", rule.helpText());
    help.put("markdown", rule.helpMarkdown());
    rule.helpUri().ifPresent(uri -> node.put("helpUri", uri));
    node.putObject("defaultConfiguration").put("level", rule.level());
    ObjectNode properties = node.putObject("properties");
    if (!rule.tags().isEmpty()) {
      ArrayNode tags = properties.putArray("tags");
      rule.tags().forEach(tags::add);
    }
    // Every finding is an exact comparison of a file with Cognito, never a guess.
    properties.put("precision", "very-high");
    properties.put("problem.severity", rule.level());
    rule.securitySeverity().ifPresent(s -> properties.put("security-severity", s));
    return node;
  }

  private ObjectNode result(Finding finding, int ruleIndex, boolean sharesItsLine) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("ruleId", finding.rule().id());
    node.put("ruleIndex", ruleIndex);
    node.put("level", finding.level());
    node.putObject("message").put("text", finding.message());
    ObjectNode location = node.putArray("locations").addObject().putObject("physicalLocation");
    location.putObject("artifactLocation").put("uri", uri(finding.file()));
    ObjectNode region = location.putObject("region");
    Position position = finding.position();
    region.put("startLine", position.line());
    region.put("startColumn", position.column());
    region.put("endLine", position.line());
    region.put("endColumn", position.column() + finding.length());
    ObjectNode fingerprints = node.putObject("partialFingerprints");
    String identity = finding.rule().id() + ":" + finding.about();
    fingerprints.put("ccrFinding/v1", identity);
    if (sharesItsLine || !finding.rule().locatedByLine()) {
      fingerprints.put("primaryLocationLineHash", hash(identity));
    }
    return node;
  }

  /** The first 16 hex digits of the SHA-256 of the text. */
  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One path segment percent-encoded as RFC 3986 wants it (UTF-8, spaces as %20). */
  private static String encodeSegment(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%3A", ":")
        .replace("%40", "@")
        .replace("%7E", "~");
  }

  /** The file relative to the working directory, with forward slashes, or a file URI outside it. */
  String uri(String file) {
    List<String> parts = workingDirectory.segments(file);
    if (parts.isEmpty()) {
      return workingDirectory.absolute(file).toUri().toString();
    }
    String relative =
        parts.stream().map(SarifWriter::encodeSegment).collect(Collectors.joining("/"));
    // A colon in the first segment would read as a URI scheme.
    return !parts.get(0).contains(":") ? relative : "./" + relative;
  }
}
