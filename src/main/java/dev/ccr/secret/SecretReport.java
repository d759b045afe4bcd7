package dev.ccr.secret;

import dev.ccr.plan.PrettyJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How {@code ccr secrets} and {@code ccr rotate} show clients' secrets: ids, ages, the store and
 * the actions, never a value (ccr never holds one outside apply's single step).
 */
public final class SecretReport {
  /** The version of the JSON shape. */
  public static final int VERSION = 1;

  private SecretReport() {}

  /** What the report is about: a plan, or what apply did. */
  public record Entry(ClientSecrets client, Optional<Secrets.Outcome> outcome) {}

  /** Plain text, one block per client, then a summary line. */
  public static String text(List<Entry> entries, Instant now) {
    StringBuilder out = new StringBuilder();
    if (entries.isEmpty()) {
      return "No client declares a secret policy (ccr: {secret: ...}).\n";
    }
    for (Entry entry : entries) {
      ClientSecrets c = entry.client();
      out.append(c.ref().title())
          .append("\n  # ")
          .append(c.source())
          .append("\n  store: ")
          .append(c.policy().store().label())
          .append(", rotateAfter ")
          .append(dev.ccr.spec.SecretPolicy.describe(c.policy().rotateAfter()))
          .append(", grace ")
          .append(dev.ccr.spec.SecretPolicy.describe(c.policy().grace()))
          .append('\n');
      c.error().ifPresent(e -> out.append("  error: ").append(e).append('\n'));
      c.state()
          .ifPresent(
              s -> {
                for (SecretDescriptor d : s.secrets()) {
                  out.append("  secret ")
                      .append(d.id())
                      .append(", ")
                      .append(SecretPlanner.age(Duration.between(d.created(), now)))
                      .append(" old")
                      .append(s.held().equals(Optional.of(d.id())) ? ", delivered" : "")
                      .append('\n');
                }
              });
      for (SecretAction a : c.actions()) {
        out.append(String.format("  %-8s ", a.label()));
        if (a instanceof SecretAction.Retire r) {
          out.append(r.secret().id()).append(": ");
        }
        out.append(a.reason()).append('\n');
      }
      c.violations().forEach(v -> out.append("  policy: ").append(v).append('\n'));
      entry
          .outcome()
          .ifPresent(
              o -> {
                o.done().forEach(d -> out.append("  done: ").append(d).append('\n'));
                o.failure().ifPresent(f -> out.append("  failed: ").append(f).append('\n'));
              });
    }
    out.append('\n').append(summary(entries)).append('\n');
    return out.toString();
  }

  /** The summary line: actions by kind, clients failed. */
  public static String summary(List<Entry> entries) {
    long rotate = count(entries, "rotate");
    long deliver = count(entries, "deliver");
    long retire = count(entries, "retire");
    long failed =
        entries.stream()
            .filter(
                e ->
                    e.client().error().isPresent()
                        || e.outcome().flatMap(Secrets.Outcome::failure).isPresent())
            .count();
    return "Secrets: "
        + rotate
        + " to rotate, "
        + deliver
        + " to deliver, "
        + retire
        + " to retire, "
        + failed
        + " failed.";
  }

  private static long count(List<Entry> entries, String label) {
    return entries.stream()
        .flatMap(e -> e.client().actions().stream())
        .filter(a -> a.label().equals(label))
        .count();
  }

  /** A Markdown table, one row per action or finding. */
  public static String markdown(List<Entry> entries, Instant now) {
    StringBuilder out = new StringBuilder("### Client secrets\n\n");
    out.append("| Client | Store | Action | Secret | Reason |\n|---|---|---|---|---|\n");
    for (Entry entry : entries) {
      ClientSecrets c = entry.client();
      String client = cell(c.ref().title());
      String store = "`" + cell(c.policy().store().label()) + "`";
      c.error().ifPresent(e -> row(out, client, store, "error", "", e));
      for (SecretAction a : c.actions()) {
        String id = a instanceof SecretAction.Retire r ? "`" + r.secret().id() + "`" : "new";
        row(out, client, store, a.label(), id, a.reason());
      }
      c.violations().forEach(v -> row(out, client, store, "policy", "", v));
      entry
          .outcome()
          .flatMap(Secrets.Outcome::failure)
          .ifPresent(f -> row(out, client, store, "failed", "", f));
      if (c.actions().isEmpty() && c.violations().isEmpty() && c.error().isEmpty()) {
        row(out, client, store, "none", "", "as the policy wants");
      }
    }
    return out.append('\n').append(summary(entries)).append('\n').toString();
  }

  private static void row(
      StringBuilder out, String client, String store, String action, String id, String reason) {
    out.append("| ")
        .append(client)
        .append(" | ")
        .append(store)
        .append(" | ")
        .append(action)
        .append(" | ")
        .append(id)
        .append(" | ")
        .append(cell(reason))
        .append(" |\n");
  }

  private static String cell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }

  /** JSON: {@code {version, clients: [...], summary}}. */
  public static String json(List<Entry> entries, Instant now) {
    ObjectNode root = PrettyJson.MAPPER.createObjectNode();
    root.put("version", VERSION);
    ArrayNode clients = root.putArray("clients");
    for (Entry entry : entries) {
      ClientSecrets c = entry.client();
      ObjectNode node = clients.addObject();
      node.put("userPoolId", c.ref().userPoolId());
      node.put("clientId", c.ref().id());
      c.ref().clientName().ifPresent(n -> node.put("clientName", n));
      node.put("file", c.source().file());
      node.put("line", c.source().position().line());
      ObjectNode store = node.putObject("store");
      store.put(
          "type",
          c.policy().store() instanceof dev.ccr.spec.SecretPolicy.SecretsManager
              ? "secretsManager"
              : "ssmParameter");
      store.put("name", c.policy().store().name());
      c.error().ifPresent(e -> node.put("error", e));
      ArrayNode secrets = node.putArray("secrets");
      c.state()
          .ifPresent(
              s ->
                  s.secrets()
                      .forEach(
                          d ->
                              secrets
                                  .addObject()
                                  .put("id", d.id())
                                  .put("created", d.created().toString())
                                  .put(
                                      "ageHours",
                                      Math.max(0, Duration.between(d.created(), now).toHours()))
                                  .put("delivered", s.held().equals(Optional.of(d.id())))));
      ArrayNode actions = node.putArray("actions");
      for (SecretAction a : c.actions()) {
        ObjectNode action = actions.addObject().put("action", a.label());
        if (a instanceof SecretAction.Retire r) {
          action.put("secretId", r.secret().id());
        }
        action.put("reason", a.reason());
      }
      ArrayNode violations = node.putArray("violations");
      c.violations().forEach(violations::add);
      entry
          .outcome()
          .ifPresent(
              o -> {
                ArrayNode done = node.putArray("done");
                o.done().forEach(done::add);
                o.failure().ifPresent(f -> node.put("failure", f));
              });
    }
    root.put("summary", summary(entries));
    return PrettyJson.write(root);
  }
}
