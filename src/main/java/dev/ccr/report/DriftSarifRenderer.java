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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 for code scanning: one result per drifted attribute at the line and column of its key
 * in the file, one per client that could not be read or compared, one per pool that could not be
 * listed, and one per unmanaged client, located at the UserPoolId of the first file that declares a
 * client of its pool (the client itself is in no file). File URIs are relative to the working
 * directory when the file is inside it.
 */
final class DriftSarifRenderer implements DriftRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** A kind of finding: its rule id, name, description and default level. */
  enum Rule {
    ATTRIBUTE_DRIFT(
        "ccr/attribute-drift",
        "AttributeDrift",
        "error",
        "A managed attribute of a live app client differs from its desired-state file.",
        "Run 'ccr plan' to review the change and 'ccr apply' to restore the file's value, or change the file to accept the live value."),
    UNMANAGED_CLIENT(
        "ccr/unmanaged-client",
        "UnmanagedClient",
        "warning",
        "A live app client of a declared user pool is declared in no file.",
        "Declare the client in a file (ccr export writes one) or delete it if nobody uses it. The finding is located at the first file that declares a client of the pool."),
    READ_ERROR(
        "ccr/read-error",
        "ReadError",
        "error",
        "A declared app client or its user pool could not be read from Cognito.",
        "Check the UserPoolId and ClientId, the credentials and the IAM permissions cognito-idp:DescribeUserPoolClient and cognito-idp:ListUserPoolClients."),
    MISSING_CLIENT(
        "ccr/missing-client",
        "MissingClient",
        "error",
        "A declared app client does not exist in its user pool.",
        "Run 'ccr plan' to review and 'ccr apply' to create it, or remove the file if the client"
            + " should not exist."),
    UNWANTED_CLIENT(
        "ccr/unwanted-client",
        "UnwantedClient",
        "error",
        "An app client that its file declares absent (ccr: {state: absent}) exists.",
        "Run 'ccr plan' to review and 'ccr apply' to delete it, or remove 'state: absent' from the"
            + " file to keep it."),
    PLAN_ERROR(
        "ccr/plan-error",
        "PlanError",
        "error",
        "A desired value cannot be compared with the live client, for example a token validity that the live unit puts out of range.",
        "Give the validity together with its unit in TokenValidityUnits.");

    final String id;
    final String name;
    final String level;
    final String description;
    final String help;

    Rule(String id, String name, String level, String description, String help) {
      this.id = id;
      this.name = name;
      this.level = level;
      this.description = description;
      this.help = help;
    }
  }

  private final String version;
  private final String informationUri;
  private final Path workingDirectory;

  DriftSarifRenderer(String version, String informationUri, Path workingDirectory) {
    this.version = Objects.requireNonNull(version, "version");
    this.informationUri = Objects.requireNonNull(informationUri, "informationUri");
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
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
    ArrayNode results = run.putArray("results");
    for (ClientResult client : report.clients()) {
      if (client.status() == DriftReport.Status.MISSING
          || client.status() == DriftReport.Status.UNWANTED) {
        Rule rule =
            client.status() == DriftReport.Status.MISSING
                ? Rule.MISSING_CLIENT
                : Rule.UNWANTED_CLIENT;
        results.add(
            result(
                rule,
                rule.level,
                client.title() + ": " + DriftReport.lifecycleFinding(client) + ".",
                client.file(),
                client.position(),
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
        results.add(
            result(
                Rule.ATTRIBUTE_DRIFT,
                Rule.ATTRIBUTE_DRIFT.level,
                message,
                client.file(),
                attribute.position(),
                client.userPoolId() + "/" + client.clientId() + "/" + attribute.path()));
      }
      for (Problem problem : client.problems()) {
        Rule rule = problem.kind() == ProblemKind.READ ? Rule.READ_ERROR : Rule.PLAN_ERROR;
        results.add(
            result(
                rule,
                rule.level,
                problem.message(),
                client.file(),
                problem.position(),
                client.userPoolId() + "/" + client.clientId()));
      }
    }
    for (PoolError error : report.poolErrors()) {
      results.add(
          result(
              Rule.READ_ERROR,
              "error",
              error.message(),
              error.file(),
              error.position(),
              error.userPoolId()));
    }
    for (UnmanagedClient client : report.unmanaged()) {
      String message = "Unmanaged client " + client.title() + ": no file declares it.";
      String level = report.failOnUnmanaged() ? "error" : Rule.UNMANAGED_CLIENT.level;
      results.add(
          result(
              Rule.UNMANAGED_CLIENT,
              level,
              message,
              client.file(),
              client.position(),
              client.userPoolId() + "/" + client.clientId()));
    }
    return PrettyJson.write(root);
  }

  private static ObjectNode rule(Rule rule) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("id", rule.id);
    node.put("name", rule.name);
    node.putObject("shortDescription").put("text", rule.description);
    node.putObject("help").put("text", rule.help);
    node.putObject("defaultConfiguration").put("level", rule.level);
    return node;
  }

  private ObjectNode result(
      Rule rule, String level, String message, String file, Position position, String key) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("ruleId", rule.id);
    node.put("ruleIndex", rule.ordinal());
    node.put("level", level);
    node.putObject("message").put("text", message);
    ObjectNode location = node.putArray("locations").addObject().putObject("physicalLocation");
    location.putObject("artifactLocation").put("uri", uri(file));
    ObjectNode region = location.putObject("region");
    region.put("startLine", position.line());
    region.put("startColumn", position.column());
    node.putObject("partialFingerprints").put("ccrFinding/v1", rule.id + ":" + key);
    return node;
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
    Path path = Path.of(file);
    Path absolute = workingDirectory.resolve(path).normalize();
    if (!absolute.startsWith(workingDirectory)) {
      return absolute.toUri().toString();
    }
    List<String> parts = new ArrayList<>();
    workingDirectory.relativize(absolute).forEach(p -> parts.add(p.toString()));
    String relative =
        parts.stream().map(DriftSarifRenderer::encodeSegment).collect(Collectors.joining("/"));
    // A colon in the first segment would read as a URI scheme.
    return parts.isEmpty() || !parts.get(0).contains(":") ? relative : "./" + relative;
  }
}
