package dev.ccr.report;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReport.ClientResult;
import dev.ccr.drift.DriftReport.DriftedAttribute;
import dev.ccr.drift.DriftReport.PoolError;
import dev.ccr.drift.DriftReport.Problem;
import dev.ccr.drift.DriftReport.RegisteredClient;
import dev.ccr.drift.DriftReport.Status;
import dev.ccr.drift.DriftReport.UnmanagedClient;
import dev.ccr.plan.PlanFile;
import dev.ccr.plan.PrettyJson;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The drift report as JSON, documented by {@code schemas/drift-report.schema.json}. */
final class DriftJsonRenderer implements DriftRenderer {
  /** The version of the JSON layout; it changes only with an incompatible change. */
  static final int FORMAT_VERSION = 1;

  private final String generatedBy;
  private final java.util.Optional<String> projectFile;

  /**
   * @param projectFile the project file the run read, as {@code --config} or the search named it
   */
  DriftJsonRenderer(String generatedBy, java.util.Optional<String> projectFile) {
    this.generatedBy = Objects.requireNonNull(generatedBy, "generatedBy");
    this.projectFile = Objects.requireNonNull(projectFile, "projectFile");
  }

  @Override
  public String render(DriftReport report) {
    ObjectNode root = PrettyJson.MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("generatedBy", generatedBy);
    projectFile.ifPresent(file -> root.put("projectFile", file));
    ObjectNode summary = root.putObject("summary");
    summary.put("clients", report.clients().size());
    summary.put("drifted", report.count(Status.DRIFTED));
    summary.put("inSync", report.count(Status.IN_SYNC));
    summary.put("missing", report.count(Status.MISSING));
    summary.put("unwanted", report.count(Status.UNWANTED));
    summary.put("errors", report.count(Status.ERROR) + report.poolErrors().size());
    summary.put("unmanaged", report.unmanaged().size());
    summary.put("failOnUnmanaged", report.failOnUnmanaged());
    summary.put("registered", report.registered().size());
    ArrayNode clients = root.putArray("clients");
    report.clients().forEach(c -> clients.add(client(c)));
    ArrayNode unmanaged = root.putArray("unmanaged");
    report.unmanaged().forEach(c -> unmanaged.add(unmanaged(c)));
    ArrayNode registered = root.putArray("registered");
    report.registered().forEach(c -> registered.add(registered(c)));
    ArrayNode poolErrors = root.putArray("poolErrors");
    report.poolErrors().forEach(e -> poolErrors.add(poolError(e)));
    ArrayNode security = root.putArray("securityFindings");
    report.securityFindings().forEach(d -> security.add(securityFinding(d)));
    return PrettyJson.write(root);
  }

  private static ObjectNode client(ClientResult client) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("file", client.file());
    node.put("line", client.position().line());
    node.put("userPoolId", client.userPoolId());
    if (client.clientId().isEmpty()) {
      node.putNull("clientId"); // a missing client has no id yet
    } else {
      node.put("clientId", client.clientId());
    }
    node.put("clientName", client.clientName());
    node.put("status", client.status().label());
    ArrayNode drifted = node.putArray("drifted");
    client.drifted().forEach(a -> drifted.add(attribute(a)));
    ArrayNode problems = node.putArray("problems");
    client.problems().forEach(p -> problems.add(problem(p)));
    return node;
  }

  private static ObjectNode attribute(DriftedAttribute attribute) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("path", attribute.path());
    node.put("desired", attribute.desired());
    node.put("live", attribute.live());
    node.set("desiredValue", PlanFile.value(attribute.change().after()));
    node.set("liveValue", PlanFile.value(attribute.change().before()));
    position(node, attribute.position());
    if (attribute.change().isSet()) {
      strings(node.putArray("missing"), attribute.missing());
      strings(node.putArray("extra"), attribute.extra());
    }
    return node;
  }

  private static ObjectNode problem(Problem problem) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("kind", problem.kind().name().toLowerCase(Locale.ROOT));
    node.put("message", problem.message());
    position(node, problem.position());
    problem.rule().ifPresent(rule -> node.put("rule", rule));
    return node;
  }

  private static ObjectNode securityFinding(Diagnostic finding) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("rule", finding.rule().orElseThrow());
    node.put("severity", finding.severity().label());
    node.put("file", finding.file());
    position(node, finding.position());
    node.put("pointer", finding.pointer());
    node.put("message", finding.message());
    return node;
  }

  private static ObjectNode unmanaged(UnmanagedClient client) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("userPoolId", client.userPoolId());
    node.put("clientId", client.clientId());
    node.put("clientName", client.clientName());
    node.put("file", client.file());
    node.put("line", client.position().line());
    return node;
  }

  private static ObjectNode registered(RegisteredClient client) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("userPoolId", client.userPoolId());
    node.put("clientId", client.clientId());
    node.put("clientName", client.clientName());
    node.put("clientType", client.clientType());
    node.put("file", client.file());
    node.put("line", client.position().line());
    return node;
  }

  private static ObjectNode poolError(PoolError error) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("userPoolId", error.userPoolId());
    node.put("message", error.message());
    node.put("file", error.file());
    node.put("line", error.position().line());
    return node;
  }

  private static void position(ObjectNode node, Position position) {
    node.put("line", position.line());
    node.put("column", position.column());
  }

  private static void strings(ArrayNode array, List<String> items) {
    items.forEach(array::add);
  }
}
