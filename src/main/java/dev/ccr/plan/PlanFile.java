package dev.ccr.plan;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.RedirectUrls;
import dev.ccr.spec.SourceRef;
import dev.ccr.spec.SpecLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes plan files: JSON, {@code formatVersion} 1, documented by {@code
 * schemas/plan.schema.json}. A plan file holds no secret (the model has none). Plan-time
 * diagnostics are not saved: a plan with errors cannot be written. Each client records the
 * normalised live configuration its fingerprint hashes, so apply can name what moved since.
 */
public final class PlanFile {
  /** The only format version this ccr reads and writes. */
  public static final int FORMAT_VERSION = 1;

  static final String SCHEMA_RESOURCE = "/dev/ccr/schemas/plan.schema.json";
  private static final JsonMapper JSON = JsonMapper.shared();

  private PlanFile() {}

  /** The plan as pretty-printed JSON with a fixed key order, ending in a newline. */
  public static String toJson(Plan plan, String generatedBy) {
    if (plan.hasErrors()) {
      throw new IllegalArgumentException("a plan with errors cannot be saved");
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("generatedBy", generatedBy);
    ArrayNode clients = root.putArray("clients");
    plan.clients().forEach(c -> clients.add(client(c)));
    return PrettyJson.write(root);
  }

  public static void write(Path file, Plan plan, String generatedBy) throws IOException {
    Files.writeString(file, toJson(plan, generatedBy), StandardCharsets.UTF_8);
  }

  /** Reads a plan file; every failure, I/O included, is a {@link PlanFileException}. */
  public static Plan read(Path file) throws PlanFileException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlanFileException(file + ": cannot read the plan file: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Reads plan-file text; {@code fileName} names it in messages. */
  public static Plan parse(String json, String fileName) throws PlanFileException {
    JsonNode root = tree(json, fileName);
    checkVersion(root, fileName);
    List<Error> errors = schema().validate(root);
    if (!errors.isEmpty()) {
      throw new PlanFileException(
          fileName
              + ": not a valid plan file:\n"
              + errors.stream()
                  .map(e -> "  " + e.getInstanceLocation() + ": " + e.getMessage())
                  .collect(Collectors.joining("\n")));
    }
    List<ClientPlan> clients = new ArrayList<>();
    root.get("clients").values().forEach(c -> clients.add(client(c)));
    checkClients(clients, fileName);
    return new Plan(clients);
  }

  /** Each client once, with a recorded live configuration that has the recorded fingerprint. */
  private static void checkClients(List<ClientPlan> clients, String fileName)
      throws PlanFileException {
    Set<String> seen = new HashSet<>();
    for (ClientPlan client : clients) {
      String key = client.userPoolId() + "/" + client.clientId();
      if (!seen.add(key)) {
        throw new PlanFileException(fileName + ": client " + key + " appears more than once");
      }
      checkChanges(client, fileName);
      if (!Planner.matches(client.live(), client.fingerprint())) {
        throw new PlanFileException(
            fileName
                + ": the live configuration recorded for "
                + key
                + " does not match its fingerprint; the file was edited. Run plan again.");
      }
    }
  }

  /**
   * The changes of a client, taken as the desired state they stand for, must pass the same schema
   * and rules as a desired-state file: a plan edited by hand is refused before anything is written.
   */
  private static void checkChanges(ClientPlan client, String fileName) throws PlanFileException {
    String where = fileName + ": client " + client.userPoolId() + "/" + client.clientId() + ": ";
    ClientSpec planned;
    try {
      planned = PlannedState.of(client);
    } catch (IllegalArgumentException e) {
      throw new PlanFileException(
          where + "change " + e.getMessage() + "; the file was edited. Run plan again.");
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("UserPoolId", planned.userPoolId());
    document.put("ClientId", planned.clientId());
    document.putAll(planned.attributes());
    completeNestedObjects(document, client.live());
    List<String> errors =
        new SpecLoader()
            .checkSchema(fileName, document).stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::message)
                .toList();
    List<String> problems = new ArrayList<>(errors);
    for (String member : RedirectUrls.MEMBERS) {
      Object value = planned.attributes().get(member);
      List<?> urls =
          value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
      urls.forEach(
          url ->
              RedirectUrls.problem(url.toString())
                  .ifPresent(p -> problems.add(member + ": \"" + url + "\" " + p)));
    }
    if (!problems.isEmpty()) {
      throw new PlanFileException(
          where + String.join("; ", problems) + "; the file was edited. Run plan again.");
    }
  }

  /**
   * A plan changes the sub-keys of a nested object on their own; the ones it leaves out keep their
   * live values, so the checked document takes them from the live configuration recorded at plan
   * time (where a required sub-key such as RefreshTokenRotation's Feature comes from).
   */
  @SuppressWarnings("unchecked")
  private static void completeNestedObjects(
      Map<String, Object> document, Map<String, Object> live) {
    document.replaceAll(
        (member, value) -> {
          if (value instanceof Map<?, ?> changed
              && live.get(member) instanceof Map<?, ?> recorded) {
            Map<String, Object> complete = new LinkedHashMap<>((Map<String, Object>) recorded);
            complete.putAll((Map<String, Object>) changed);
            return complete;
          }
          return value;
        });
  }

  private static JsonNode tree(String json, String fileName) throws PlanFileException {
    try {
      return JSON.readTree(json);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new PlanFileException(fileName + where + ": malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static void checkVersion(JsonNode root, String fileName) throws PlanFileException {
    JsonNode version = root == null ? null : root.get("formatVersion");
    if (version == null) {
      throw new PlanFileException(fileName + ": not a ccr plan file (no formatVersion)");
    }
    if (!version.isInt() || version.intValue() != FORMAT_VERSION) {
      throw new PlanFileException(
          fileName
              + ": plan format version "
              + version
              + " is not supported; this ccr reads version "
              + FORMAT_VERSION
              + ". Run plan again with this ccr.");
    }
  }

  static Schema schema() {
    try (InputStream in = PlanFile.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- writing

  private static ObjectNode client(ClientPlan plan) {
    ObjectNode node = JSON.createObjectNode();
    node.put("userPoolId", plan.userPoolId());
    node.put("clientId", plan.clientId());
    node.put("clientName", plan.clientName());
    ObjectNode source = node.putObject("source");
    source.put("file", plan.source().file());
    source.put("line", plan.source().position().line());
    node.put("action", plan.action().label());
    ArrayNode changes = node.putArray("changes");
    plan.changes().forEach(c -> changes.add(change(c)));
    node.put("fingerprint", plan.fingerprint());
    node.set("live", JSON.valueToTree(plan.live()));
    return node;
  }

  private static ObjectNode change(AttributeChange change) {
    ObjectNode node = JSON.createObjectNode();
    node.put("path", change.path());
    node.set("before", value(change.before()));
    node.set("after", value(change.after()));
    ArrayNode added = node.putArray("added");
    change.added().forEach(added::add);
    ArrayNode removed = node.putArray("removed");
    change.removed().forEach(removed::add);
    return node;
  }

  /** A value as the plan file writes it: tagged by {@code type} (also used by drift reports). */
  public static ObjectNode value(Value value) {
    ObjectNode node = JSON.createObjectNode();
    if (value instanceof Value.None) {
      node.put("type", "none");
    } else if (value instanceof Value.Text text) {
      node.put("type", "string").put("value", text.text());
    } else if (value instanceof Value.Number number) {
      node.put("type", "integer").put("value", number.number());
    } else if (value instanceof Value.Flag flag) {
      node.put("type", "boolean").put("value", flag.flag());
    } else if (value instanceof Value.Items items) {
      ArrayNode array = node.put("type", "set").putArray("items");
      items.items().forEach(array::add);
    } else if (value instanceof Value.Duration duration) {
      node.put("type", "duration")
          .put("value", duration.amount())
          .put("unit", duration.unit().word());
    }
    return node;
  }

  // ---- reading (the schema has checked the shape)

  private static ClientPlan client(JsonNode node) {
    JsonNode source = node.get("source");
    List<AttributeChange> changes = new ArrayList<>();
    node.get("changes").values().forEach(c -> changes.add(change(c)));
    return new ClientPlan(
        new SourceRef(
            source.get("file").stringValue(), new Position(source.get("line").intValue(), 1)),
        node.get("userPoolId").stringValue(),
        node.get("clientId").stringValue(),
        node.get("clientName").stringValue(),
        Action.ofLabel(node.get("action").stringValue()).orElseThrow(),
        changes,
        node.get("fingerprint").stringValue(),
        List.of(),
        live(node.get("live")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> live(JsonNode node) {
    return JSON.treeToValue(node, Map.class);
  }

  private static AttributeChange change(JsonNode node) {
    return new AttributeChange(
        node.get("path").stringValue(),
        value(node.get("before")),
        value(node.get("after")),
        strings(node.get("added")),
        strings(node.get("removed")));
  }

  private static Value value(JsonNode node) {
    return switch (node.get("type").stringValue()) {
      case "none" -> Value.NONE;
      case "string" -> new Value.Text(node.get("value").stringValue());
      case "integer" -> new Value.Number(node.get("value").longValue());
      case "boolean" -> new Value.Flag(node.get("value").booleanValue());
      case "set" -> new Value.Items(strings(node.get("items")));
      case "duration" ->
          new Value.Duration(
              node.get("value").longValue(),
              DurationUnit.of(node.get("unit").stringValue()).orElseThrow());
      default ->
          throw new IllegalStateException("the schema admits no value type " + node.get("type"));
    };
  }

  private static List<String> strings(JsonNode array) {
    return array.values().stream().map(JsonNode::stringValue).toList();
  }
}
