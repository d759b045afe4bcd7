package dev.ccr.report;

import dev.ccr.plan.PrettyJson;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of validate as JSON: whether the files are valid, the counts, and every diagnostic
 * with its file, line, column, JSON Pointer, message and, for a security rule, its id. Secrets
 * pasted into a file are masked in messages as on stderr; source lines are left out.
 */
final class ValidationJsonRenderer implements ValidationRenderer {
  static final int FORMAT_VERSION = 1;

  private final java.util.Optional<String> projectFile;

  /**
   * @param projectFile the project file in use, as the command line or the search named it
   */
  ValidationJsonRenderer(java.util.Optional<String> projectFile) {
    this.projectFile = projectFile;
  }

  @Override
  public String render(DesiredState state, Map<String, DesiredState> environments) {
    ObjectNode root = PrettyJson.MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("valid", !state.hasErrors());
    projectFile.ifPresent(file -> root.put("projectFile", file));
    summary(root.putObject("summary"), state);
    if (!environments.isEmpty()) {
      ArrayNode each = root.putArray("environments");
      environments.forEach(
          (name, outcome) -> {
            ObjectNode node = each.addObject();
            node.put("name", name);
            node.put("valid", !outcome.hasErrors());
            summary(node.putObject("summary"), outcome);
          });
    }
    ArrayNode diagnostics = root.putArray("diagnostics");
    state.diagnostics().forEach(d -> diagnostics.add(diagnostic(d)));
    return PrettyJson.write(root);
  }

  private static void summary(ObjectNode summary, DesiredState state) {
    summary.put("files", state.files().size());
    summary.put("clients", state.clients().size());
    summary.put("errors", state.errorCount());
    summary.put("warnings", state.warningCount());
  }

  private static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    node.put("severity", d.severity().label());
    node.put("file", d.file());
    node.put("line", d.position().line());
    node.put("column", d.position().column());
    node.put("pointer", d.pointer());
    node.put("message", d.message());
    d.rule().ifPresent(rule -> node.put("rule", rule));
    return node;
  }
}
