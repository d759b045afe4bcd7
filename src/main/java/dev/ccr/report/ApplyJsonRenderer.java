package dev.ccr.report;

import dev.ccr.apply.Applier;
import dev.ccr.apply.ApplyResult;
import dev.ccr.apply.Moved;
import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.PrettyJson;
import dev.ccr.secret.Secrets;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Diagnostic;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an apply did, as JSON for CI (documented by {@code schemas/apply-result.schema.json}): the
 * outcome, the counts, and per client the action and its result, the id of a created client, the
 * reason of a failure; for a refused plan, what moved.
 */
public final class ApplyJsonRenderer {
  /** The version of the JSON layout; it changes only with an incompatible change. */
  static final int FORMAT_VERSION = 1;

  private final String generatedBy;
  private final java.util.Optional<String> projectFile;

  public ApplyJsonRenderer(String generatedBy) {
    this(generatedBy, java.util.Optional.empty());
  }

  /**
   * @param projectFile the project file the run read, as {@code --config} or the search named it
   */
  public ApplyJsonRenderer(String generatedBy, java.util.Optional<String> projectFile) {
    this.generatedBy = Objects.requireNonNull(generatedBy, "generatedBy");
    this.projectFile = Objects.requireNonNull(projectFile, "projectFile");
  }

  /** The whole output, ending in a newline. */
  public String render(Applier.Outcome outcome) {
    return render(outcome, List.of());
  }

  /**
   * The whole output with what became of the secret actions ({@code secrets}, when apply took any);
   * a failed one makes the outcome {@code partial}.
   */
  public String render(Applier.Outcome outcome, List<Secrets.Outcome> secrets) {
    ObjectNode root = root(outcome);
    if (!secrets.isEmpty()) {
      root.set("secrets", SecretRenderer.json(secrets));
      if (secrets.stream().anyMatch(s -> s.failure().isPresent())) {
        root.put("outcome", "partial");
      }
    }
    return PrettyJson.write(root);
  }

  /** Nothing applied: the secrets of these clients moved since the plan (each a note). */
  public String renderSecretsMoved(List<String> moved) {
    ObjectNode root = root(new Applier.Stale(List.of()));
    root.put("outcome", "stale");
    ArrayNode notes = root.putArray("notes");
    moved.forEach(m -> notes.add("secrets moved since the plan: " + m));
    return PrettyJson.write(root);
  }

  private ObjectNode root(Applier.Outcome outcome) {
    ObjectNode root = PrettyJson.MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("generatedBy", generatedBy);
    projectFile.ifPresent(file -> root.put("projectFile", file));
    root.put("outcome", outcome(outcome));
    ObjectNode summary = root.putObject("summary");
    ArrayNode clients = root.putArray("clients");
    ArrayNode moved = root.putArray("moved");
    ArrayNode notes = root.putArray("notes");
    if (outcome instanceof Applier.Applied applied) {
      summary.put("created", applied.count(ApplyResult.Created.class));
      summary.put("updated", applied.count(ApplyResult.Updated.class));
      summary.put("deleted", applied.count(ApplyResult.Deleted.class));
      summary.put("unchanged", applied.count(ApplyResult.Unchanged.class));
      summary.put("failed", applied.count(ApplyResult.Failed.class));
      summary.put("notConverged", applied.count(ApplyResult.NotConverged.class));
      if (applied.cancelled()) {
        summary.put("notWritten", applied.count(ApplyResult.NotWritten.class));
      }
      applied.results().forEach(r -> clients.add(result(r)));
      applied.notes().forEach(notes::add);
    } else if (outcome instanceof Applier.Stale stale) {
      stale.moved().forEach(m -> moved.add(moved(m)));
    } else if (outcome instanceof Applier.Unchecked unchecked) {
      for (ClientAction.Unreadable failure : unchecked.failures()) {
        ObjectNode node = client(failure);
        node.put("result", "unread");
        node.put("message", failure.diagnostics().get(0).message());
        clients.add(node);
      }
    }
    return root;
  }

  private static String outcome(Applier.Outcome outcome) {
    if (outcome instanceof Applier.Applied applied) {
      if (applied.cancelled()) {
        return "cancelled";
      }
      return applied.hasProblems() ? "partial" : "applied";
    }
    if (outcome instanceof Applier.Stale stale) {
      return stale.alreadyApplied() ? "already-applied" : "stale";
    }
    return "unchecked";
  }

  private static ObjectNode result(ApplyResult result) {
    ObjectNode node = client(result.action());
    node.put("result", result.label());
    ArrayNode changes = node.putArray("changes");
    result.action().changes().stream().map(AttributeChange::path).forEach(changes::add);
    if (result instanceof ApplyResult.Created created) {
      node.put("clientId", created.clientId());
    } else if (result instanceof ApplyResult.Deleted deleted) {
      node.put("alreadyGone", deleted.alreadyGone());
    } else if (result instanceof ApplyResult.Failed failed) {
      message(node, failed.diagnostic());
    } else if (result instanceof ApplyResult.NotConverged notConverged) {
      node.put("clientId", notConverged.clientId());
      ArrayNode differ = node.putArray("differ");
      notConverged.paths().forEach(differ::add);
      message(node, notConverged.diagnostic());
    }
    return node;
  }

  private static void message(ObjectNode node, Diagnostic diagnostic) {
    node.put("message", diagnostic.message());
    if (!diagnostic.pointer().isEmpty()) {
      node.put("pointer", diagnostic.pointer());
    }
  }

  private static ObjectNode client(ClientAction action) {
    ObjectNode node = PrettyJson.MAPPER.createObjectNode();
    ClientRef ref = action.ref();
    node.put("userPoolId", ref.userPoolId());
    ref.clientId().ifPresent(id -> node.put("clientId", id));
    ref.clientName().ifPresent(name -> node.put("clientName", name));
    node.put("file", action.origin().source().file());
    node.put("line", action.origin().source().position().line());
    node.put("action", action.label());
    return node;
  }

  private static ObjectNode moved(Moved moved) {
    ObjectNode node = client(moved.action());
    node.put("kind", moved.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    if (!moved.path().isEmpty()) {
      node.put("path", moved.path());
      node.put("atPlan", moved.atPlan());
      node.put("now", moved.now());
    }
    node.put("message", moved.message());
    return node;
  }
}
