package dev.ccr.report;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReport.ClientResult;
import dev.ccr.drift.DriftReport.DriftedAttribute;
import dev.ccr.drift.DriftReport.PoolError;
import dev.ccr.drift.DriftReport.Problem;
import dev.ccr.drift.DriftReport.ProblemKind;
import dev.ccr.drift.DriftReport.UnmanagedClient;
import dev.ccr.plan.PrettyJson;
import dev.ccr.spec.Position;
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
 * SARIF 2.1.0 for GitHub code scanning: one result per drifted attribute at its key in the file,
 * one per client that could not be read or compared, one per pool that could not be listed, and one
 * per unmanaged client, located at the UserPoolId of the first file that declares a client of its
 * pool (the client itself is in no file). File URIs are relative to the working directory when the
 * file is inside it. Code scanning keeps {@value #MAX_RESULTS} results of a run, so beyond that the
 * most severe are kept and one more result says how many were left out.
 *
 * <p>Code scanning tracks an alert across runs by {@code
 * partialFingerprints.primaryLocationLineHash} alone; the upload action fills it from the content
 * of the result's line when it is missing. A line identifies a finding only when no other finding
 * of the same rule points at it, so ccr gives the others (every unmanaged client, and findings
 * sharing a line) a hash of what they are about.
 */
final class DriftSarifRenderer implements DriftRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** The results of a run that GitHub code scanning keeps. */
  static final int MAX_RESULTS = 5_000;

  /** A kind of finding: its rule id, name, default level, descriptions and help. */
  enum Rule {
    ATTRIBUTE_DRIFT(
        "ccr/attribute-drift",
        "AttributeDrift",
        "error",
        "A managed attribute of a live app client differs from its desired-state file.",
        "An attribute that the desired-state file manages has another value on the live Cognito app client: the client was changed outside ccr, or the file was changed and not applied. The result sits at the attribute's key and gives the value in the file and the live value.",
        "Run `ccr plan` to review the change and `ccr apply` to write the file's value back to the client, or change the file to accept the live value.\n\nAttributes that the file leaves out are unmanaged and never compared."),
    UNMANAGED_CLIENT(
        "ccr/unmanaged-client",
        "UnmanagedClient",
        "warning",
        "A live app client of a declared user pool is declared in no file.",
        "The files manage this user pool, but no file declares this app client of it, so nobody reviews its configuration. No line of any file is about the client: the result sits at the UserPoolId of the first file that declares a client of the pool, with a fingerprint of its own, so that each unmanaged client is an alert of its own.",
        "Declare the client in a file (`ccr export --user-pool-id POOL --client-id ID` writes one) or delete it if nobody uses it.\n\nWith `--fail-on-unmanaged` this finding is an error and fails the check."),
    READ_ERROR(
        "ccr/read-error",
        "ReadError",
        "error",
        "A declared app client or its user pool could not be read from Cognito.",
        "ccr could not describe a declared app client, or could not list the clients of a declared user pool, so it cannot tell whether they drifted. The result sits at the client's ClientId, or at the first UserPoolId of the pool.",
        "Check the `UserPoolId` (its pool must exist in the region and account in use) and the `ClientId`, the credentials, and the IAM permissions `cognito-idp:DescribeUserPoolClient` and `cognito-idp:ListUserPoolClients`. A client that is gone on purpose can be declared `ccr: {state: absent}`."),
    MISSING_CLIENT(
        "ccr/missing-client",
        "MissingClient",
        "error",
        "A declared app client does not exist in its user pool.",
        "A file declares this app client, by ClientName within its pool, and the pool has no client of that name. The result sits at the start of the client's document.",
        "Run `ccr plan` to review and `ccr apply` to create it, or remove the document if the client should not exist."),
    UNWANTED_CLIENT(
        "ccr/unwanted-client",
        "UnwantedClient",
        "error",
        "An app client that its file declares absent exists.",
        "A document declares this app client absent (`ccr: {state: absent}`), and it exists. The result sits at the start of the client's document.",
        "Run `ccr plan` to review and `ccr apply` to delete it, or remove `state: absent` from the document to keep it."),
    PLAN_ERROR(
        "ccr/plan-error",
        "PlanError",
        "error",
        "A value in the file cannot be compared with the live client.",
        "A value in the file is out of range once read with the live client's unit, for example a token validity whose unit the file does not give in TokenValidityUnits. The result sits at the attribute.",
        "Give the validity together with its unit in `TokenValidityUnits`."),
    RESULTS_OMITTED(
        "ccr/results-omitted",
        "ResultsOmitted",
        "warning",
        "More findings than code scanning keeps for one run.",
        "GitHub code scanning keeps 5,000 results of a run. ccr writes the 4,999 most severe findings and this result, which says how many more there are.",
        "Run `ccr drift --format text` (or `--format json`) to see every finding, and fix the most severe first.");

    final String id;
    final String name;
    final String level;
    final String description;
    final String fullDescription;
    final String helpMarkdown;

    Rule(
        String id,
        String name,
        String level,
        String description,
        String fullDescription,
        String helpMarkdown) {
      this.id = id;
      this.name = name;
      this.level = level;
      this.description = description;
      this.fullDescription = fullDescription;
      this.helpMarkdown = helpMarkdown;
    }

    /**
     * Whether the line a finding points at is what it is about (an unmanaged client is in none).
     */
    boolean locatedByLine() {
      return this != UNMANAGED_CLIENT && this != RESULTS_OMITTED;
    }

    /** The help as plain text: the Markdown without its code marks. */
    String helpText() {
      return helpMarkdown.replace("`", "'");
    }
  }

  /**
   * One result before it is written.
   *
   * @param length how many characters of the line the finding covers (its key's name)
   * @param about what the finding is about, stable across runs: pool, client, attribute
   */
  private record Finding(
      Rule rule,
      String level,
      String message,
      String file,
      Position position,
      int length,
      String about) {
    boolean isError() {
      return level.equals("error");
    }
  }

  private final String version;
  private final String informationUri;
  private final WorkingDirectory workingDirectory;
  private final int maxResults;

  DriftSarifRenderer(String version, String informationUri, Path workingDirectory) {
    this(version, informationUri, workingDirectory, MAX_RESULTS);
  }

  DriftSarifRenderer(String version, String informationUri, Path workingDirectory, int maxResults) {
    this.version = Objects.requireNonNull(version, "version");
    this.informationUri = Objects.requireNonNull(informationUri, "informationUri");
    this.workingDirectory = new WorkingDirectory(workingDirectory);
    this.maxResults = maxResults;
  }

  @Override
  public String render(DriftReport report) {
    ObjectNode root = PrettyJson.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ccr");
    driver.put("version", version);
    driver.put("informationUri", informationUri);
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : Rule.values()) {
      rules.add(rule(rule));
    }
    List<Finding> findings = capped(findings(report));
    Set<String> shared = sharedLines(findings);
    ArrayNode results = run.putArray("results");
    findings.forEach(f -> results.add(result(f, shared.contains(lineKey(f)))));
    return PrettyJson.write(root);
  }

  private static List<Finding> findings(DriftReport report) {
    List<Finding> findings = new ArrayList<>();
    for (ClientResult client : report.clients()) {
      String about = client.userPoolId() + "/" + client.clientId();
      if (client.status() == DriftReport.Status.MISSING
          || client.status() == DriftReport.Status.UNWANTED) {
        Rule rule =
            client.status() == DriftReport.Status.MISSING
                ? Rule.MISSING_CLIENT
                : Rule.UNWANTED_CLIENT;
        findings.add(
            finding(
                rule,
                client.title() + ": " + DriftReport.lifecycleFinding(client) + ".",
                client.file(),
                client.position(),
                "UserPoolId".length(),
                client.userPoolId() + "/" + client.clientName()));
      }
      for (DriftedAttribute attribute : client.drifted()) {
        String message =
            attribute.path()
                + " of "
                + client.title()
                + " drifted: the file says "
                + attribute.desired()
                + ", live is "
                + attribute.live()
                + ".";
        String key = attribute.path().substring(attribute.path().lastIndexOf('/') + 1);
        findings.add(
            finding(
                Rule.ATTRIBUTE_DRIFT,
                message,
                client.file(),
                attribute.position(),
                key.length(),
                about + "/" + attribute.path()));
      }
      for (Problem problem : client.problems()) {
        findings.add(problem(client, problem, about));
      }
    }
    for (PoolError error : report.poolErrors()) {
      findings.add(
          finding(
              Rule.READ_ERROR,
              error.message(),
              error.file(),
              error.position(),
              "UserPoolId".length(),
              error.userPoolId()));
    }
    for (UnmanagedClient client : report.unmanaged()) {
      String message = "Unmanaged client " + client.title() + ": no file declares it.";
      String level = report.failOnUnmanaged() ? "error" : Rule.UNMANAGED_CLIENT.level;
      findings.add(
          new Finding(
              Rule.UNMANAGED_CLIENT,
              level,
              message,
              client.file(),
              client.position(),
              "UserPoolId".length(),
              client.userPoolId() + "/" + client.clientId()));
    }
    return findings;
  }

  private static Finding problem(ClientResult client, Problem problem, String about) {
    if (problem.kind() == ProblemKind.READ) {
      return finding(
          Rule.READ_ERROR,
          problem.message(),
          client.file(),
          problem.position(),
          "ClientId".length(),
          about);
    }
    return finding(
        Rule.PLAN_ERROR,
        problem.message(),
        client.file(),
        problem.position(),
        1,
        about + "/" + problem.message());
  }

  private static Finding finding(
      Rule rule, String message, String file, Position position, int length, String about) {
    return new Finding(rule, rule.level, message, file, position, length, about);
  }

  /** At most {@link #maxResults}: the errors first, then one result for the rest. */
  private List<Finding> capped(List<Finding> findings) {
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
                + " 'ccr drift --format text' lists all of them.",
            left,
            maxResults);
    kept.add(
        finding(
            Rule.RESULTS_OMITTED,
            message,
            first.file(),
            first.position(),
            first.length(),
            "omitted"));
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
    return finding.rule().id + " " + uri(finding.file()) + ":" + finding.position().line();
  }

  private static ObjectNode rule(Rule rule) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("id", rule.id);
    node.put("name", rule.name);
    node.putObject("shortDescription").put("text", rule.description);
    node.putObject("fullDescription").put("text", rule.fullDescription);
    ObjectNode help = node.putObject("help");
    help.put("text", rule.helpText());
    help.put("markdown", rule.helpMarkdown);
    node.putObject("defaultConfiguration").put("level", rule.level);
    return node;
  }

  private ObjectNode result(Finding finding, boolean sharesItsLine) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("ruleId", finding.rule().id);
    node.put("ruleIndex", finding.rule().ordinal());
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
    String identity = finding.rule().id + ":" + finding.about();
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
    return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
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
        parts.stream().map(DriftSarifRenderer::encodeSegment).collect(Collectors.joining("/"));
    // A colon in the first segment would read as a URI scheme.
    return !parts.get(0).contains(":") ? relative : "./" + relative;
  }
}
