package dev.ccr.plan;

import dev.ccr.secret.ClientSecrets;
import dev.ccr.secret.SecretAction;
import dev.ccr.secret.SecretDescriptor;
import dev.ccr.secret.SecretPlanner;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Position;
import dev.ccr.spec.SecretPolicy;
import dev.ccr.spec.SourceRef;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code secrets} of a plan file: for each client with a secret policy, the secrets as plan
 * read them (ids and creation dates, never a value), the id its store held, the actions and the
 * violations. Apply reads the secrets again and takes the actions only when they are the same.
 */
final class SecretsInPlan {
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final String SM = "secretsManager";
  private static final String SSM = "ssmParameter";

  private SecretsInPlan() {}

  static ObjectNode summary(List<ClientSecrets> clients) {
    ObjectNode node = JSON.createObjectNode();
    for (String label : List.of("rotate", "deliver", "retire")) {
      node.put(
          label,
          clients.stream()
              .flatMap(c -> c.actions().stream())
              .filter(a -> a.label().equals(label))
              .count());
    }
    return node;
  }

  static ArrayNode write(List<ClientSecrets> clients) {
    ArrayNode array = JSON.createArrayNode();
    for (ClientSecrets c : clients) {
      ObjectNode node = array.addObject();
      node.put("userPoolId", c.ref().userPoolId());
      node.put("clientId", c.ref().clientId().orElseThrow());
      node.put("clientName", c.ref().displayName());
      ObjectNode source = node.putObject("source");
      source.put("file", c.source().file());
      source.put("line", c.source().position().line());
      ObjectNode store = node.putObject("store");
      store.put("type", c.policy().store() instanceof SecretPolicy.SecretsManager ? SM : SSM);
      store.put("name", c.policy().store().name());
      node.put("rotateAfter", SecretPolicy.describe(c.policy().rotateAfter()));
      node.put("grace", SecretPolicy.describe(c.policy().grace()));
      node.put("readAt", c.at().toString());
      SecretPlanner.State state = c.state().orElseThrow();
      ArrayNode secrets = node.putArray("secrets");
      for (SecretDescriptor d : state.secrets()) {
        secrets
            .addObject()
            .put("id", d.id())
            .put("created", d.created().toString())
            .put("ageHours", Math.max(0, Duration.between(d.created(), c.at()).toHours()));
      }
      state.held().ifPresent(id -> node.put("held", id));
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
    }
    return array;
  }

  /**
   * The secrets of a plan file the schema has checked; each must belong to a client the plan reads
   * by id, and a retirement must name a listed secret the store does not hold.
   */
  static List<ClientSecrets> read(JsonNode array, List<ClientAction> actions, String fileName)
      throws PlanFileException {
    Set<String> known =
        actions.stream()
            .filter(a -> a instanceof ClientAction.NoOp || a instanceof ClientAction.Update)
            .filter(a -> a.ref().clientId().isPresent())
            .map(a -> a.ref().userPoolId() + "/" + a.ref().clientId().get())
            .collect(Collectors.toSet());
    List<ClientSecrets> clients = new ArrayList<>();
    for (JsonNode node : array.values()) {
      ClientRef ref =
          ClientRef.byId(node.get("userPoolId").stringValue(), node.get("clientId").stringValue())
              .withName(node.get("clientName").stringValue());
      String where = fileName + ": secrets of " + ref.title() + ": ";
      if (!known.contains(ref.userPoolId() + "/" + ref.clientId().get())) {
        throw new PlanFileException(
            where + "the plan has no such client to read; the file was edited. Run plan again.");
      }
      try {
        clients.add(client(node, ref));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new PlanFileException(where + e.getMessage() + "; run plan again");
      }
    }
    return clients;
  }

  private static ClientSecrets client(JsonNode node, ClientRef ref) {
    JsonNode source = node.get("source");
    SourceRef at =
        new SourceRef(
            source.get("file").stringValue(), new Position(source.get("line").intValue(), 1));
    JsonNode store = node.get("store");
    String name = store.get("name").stringValue();
    SecretPolicy policy =
        new SecretPolicy(
            SecretPolicy.age(node.get("rotateAfter").stringValue()),
            SecretPolicy.age(node.get("grace").stringValue()),
            store.get("type").stringValue().equals(SM)
                ? new SecretPolicy.SecretsManager(name)
                : new SecretPolicy.SsmParameter(name));
    List<SecretDescriptor> secrets = new ArrayList<>();
    for (JsonNode d : node.get("secrets").values()) {
      secrets.add(
          new SecretDescriptor(
              d.get("id").stringValue(), Instant.parse(d.get("created").stringValue())));
    }
    Optional<String> held = Optional.ofNullable(node.get("held")).map(JsonNode::stringValue);
    List<SecretAction> actions = new ArrayList<>();
    for (JsonNode a : node.get("actions").values()) {
      actions.add(action(a, secrets, held));
    }
    List<String> violations =
        node.get("violations").values().stream().map(JsonNode::stringValue).toList();
    return new ClientSecrets(
        ref,
        at,
        policy,
        Optional.of(new SecretPlanner.State(secrets, held)),
        actions,
        violations,
        Optional.empty(),
        Instant.parse(node.get("readAt").stringValue()));
  }

  private static SecretAction action(
      JsonNode node, List<SecretDescriptor> secrets, Optional<String> held) {
    String reason = node.get("reason").stringValue();
    return switch (node.get("action").stringValue()) {
      case "rotate" -> new SecretAction.Rotate(reason);
      case "deliver" -> new SecretAction.Deliver(reason);
      default -> {
        String id = node.path("secretId").stringValue("");
        if (held.equals(Optional.of(id))) {
          throw new IllegalArgumentException("retires " + id + ", the secret its store holds");
        }
        yield new SecretAction.Retire(
            secrets.stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(
                    () -> new IllegalArgumentException("retires " + id + ", a secret not listed")),
            reason);
      }
    };
  }
}
