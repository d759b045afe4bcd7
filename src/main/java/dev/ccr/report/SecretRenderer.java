package dev.ccr.report;

import dev.ccr.plan.PrettyJson;
import dev.ccr.secret.ClientSecrets;
import dev.ccr.secret.SecretAction;
import dev.ccr.secret.SecretDescriptor;
import dev.ccr.secret.SecretPlanner;
import dev.ccr.secret.Secrets;
import dev.ccr.spec.SecretPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How plans, apply and {@code ccr rotate} show clients' secrets: ids, ages (at the time they were
 * read), the store and the actions, never a value (ccr never holds one outside apply's single
 * step).
 */
public final class SecretRenderer {
  private SecretRenderer() {}

  /**
   * Whether a client's secrets are worth a block in a plan: an action or an error. A policy's
   * violations are drift's to report ({@code ccr drift}); the plan file keeps them.
   */
  static boolean worthShowing(ClientSecrets c) {
    return !c.actions().isEmpty() || c.error().isPresent();
  }

  /**
   * One block per client with an action or an error: its store and policy, its secrets with ages,
   * the actions; each line escaped.
   */
  public static String text(List<ClientSecrets> clients) {
    StringBuilder out = new StringBuilder();
    for (ClientSecrets c : clients) {
      if (worthShowing(c)) {
        block(out, c);
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static void block(StringBuilder out, ClientSecrets c) {
    out.append("* secret of ")
        .append(ControlCharacters.escape(c.ref().title()))
        .append("\n  # ")
        .append(ControlCharacters.escape(c.source().toString()))
        .append('\n');
    line(out, "store: " + policy(c.policy()));
    c.error().ifPresent(e -> line(out, "error: " + e));
    c.state()
        .ifPresent(
            s -> {
              for (SecretDescriptor d : s.secrets()) {
                line(
                    out,
                    "secret "
                        + d.id()
                        + ", "
                        + age(c, d)
                        + " old"
                        + (s.held().equals(Optional.of(d.id())) ? ", delivered" : ""));
              }
            });
    for (SecretAction a : c.actions()) {
      line(out, String.format("%-7s ", a.label()) + subject(a) + a.reason());
    }
  }

  private static void line(StringBuilder out, String text) {
    out.append("    ").append(ControlCharacters.escape(text)).append('\n');
  }

  /** {@code secretsManager:prod/app, rotateAfter 90 days, grace 7 days}. */
  static String policy(SecretPolicy policy) {
    return policy.store().label()
        + ", rotateAfter "
        + SecretPolicy.describe(policy.rotateAfter())
        + ", grace "
        + SecretPolicy.describe(policy.grace());
  }

  private static String subject(SecretAction action) {
    return action instanceof SecretAction.Retire r ? r.secret().id() + ": " : "";
  }

  private static String age(ClientSecrets c, SecretDescriptor d) {
    return SecretPlanner.age(Duration.between(d.created(), c.at()));
  }

  /**
   * {@code 1 to rotate, 0 to deliver, 1 to retire}, or empty when no client has a secret action.
   */
  public static Optional<String> counts(List<ClientSecrets> clients) {
    if (clients.stream().allMatch(c -> c.actions().isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        count(clients, "rotate")
            + " to rotate, "
            + count(clients, "deliver")
            + " to deliver, "
            + count(clients, "retire")
            + " to retire");
  }

  private static long count(List<ClientSecrets> clients, String label) {
    return clients.stream()
        .flatMap(c -> c.actions().stream())
        .filter(a -> a.label().equals(label))
        .count();
  }

  /** A Markdown table, one row per action or error; empty when there is none. */
  public static String markdown(List<ClientSecrets> clients) {
    if (clients.stream().noneMatch(SecretRenderer::worthShowing)) {
      return "";
    }
    StringBuilder out = new StringBuilder("\n#### Client secrets\n\n");
    out.append("| client | store | action | secret | reason |\n|---|---|---|---|---|\n");
    for (ClientSecrets c : clients) {
      String client = Markdown.text(c.ref().displayName());
      String store = Markdown.code(c.policy().store().label());
      c.error().ifPresent(e -> row(out, client, store, "error", "", e));
      for (SecretAction a : c.actions()) {
        String id =
            a instanceof SecretAction.Retire r ? Markdown.code(r.secret().id()) : "new secret";
        row(out, client, store, a.label(), id, a.reason());
      }
    }
    return out.toString();
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
        .append(Markdown.text(reason))
        .append(" |\n");
  }

  /** What apply did, a line per step and failure: {@code web-app: retired 1ab--17...}. */
  public static String results(List<Secrets.Outcome> outcomes) {
    StringBuilder out = new StringBuilder();
    for (Secrets.Outcome o : outcomes) {
      String client = o.planned().ref().title();
      o.done().forEach(d -> out.append(ControlCharacters.escape(client + ": " + d)).append('\n'));
      o.failure()
          .ifPresent(
              f -> out.append(ControlCharacters.escape(client + ": failed: " + f)).append('\n'));
    }
    return out.toString();
  }

  /** {@code Secrets: 2 steps taken, 1 client failed.} */
  public static String summary(List<Secrets.Outcome> outcomes) {
    long steps = outcomes.stream().mapToLong(o -> o.done().size()).sum();
    long failed = outcomes.stream().filter(o -> o.failure().isPresent()).count();
    return "Secrets: "
        + steps
        + (steps == 1 ? " step" : " steps")
        + " taken, "
        + failed
        + (failed == 1 ? " client" : " clients")
        + " failed.";
  }

  /** What apply did, as JSON: one entry per client with a secret action. */
  public static ArrayNode json(List<Secrets.Outcome> outcomes) {
    ArrayNode array = PrettyJson.MAPPER.createArrayNode();
    for (Secrets.Outcome o : outcomes) {
      ClientSecrets c = o.planned();
      ObjectNode node = array.addObject();
      node.put("userPoolId", c.ref().userPoolId());
      c.ref().clientId().ifPresent(id -> node.put("clientId", id));
      node.put("clientName", c.ref().displayName());
      node.put("store", c.policy().store().label());
      ArrayNode done = node.putArray("done");
      o.done().forEach(done::add);
      o.failure().ifPresent(f -> node.put("failure", f));
    }
    return array;
  }
}
