package dev.ccr.plan;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ccr.live.EndpointUrl;
import dev.ccr.spec.AwsSettings;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.DurationUnit;
import dev.ccr.spec.Environment;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes plan files: JSON, {@code formatVersion} 2 (version 1 is still read), documented
 * by {@code schemas/plan.schema.json}. A plan file holds no secret (the model has none). A plan
 * with errors or unreadable clients cannot be written. A plan file is an artefact ccr wrote:
 * reading refuses, before anything reaches AWS, a file over {@link #MAX_BYTES}, duplicate JSON
 * keys, a digest that does not match the content, anything the schema does not allow, changes that
 * do not stand for a valid desired state, and a recorded live configuration that does not match its
 * fingerprint.
 */
public final class PlanFile {
  /** The version this ccr writes. */
  public static final int FORMAT_VERSION = 2;

  /** Plan files larger than this are refused before they are parsed. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  static final String SCHEMA_RESOURCE = "/dev/ccr/schemas/plan.schema.json";
  static final String SCHEMA_V1_RESOURCE = "/dev/ccr/schemas/plan-v1.schema.json";
  private static final String DIGEST = "digest";
  private static final String MODIFIED = "the plan file was modified after ccr wrote it";
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private PlanFile() {}

  /**
   * A plan as a plan file holds it, with the environment it was made for ({@code --env}), whose AWS
   * options apply uses when no command-line option says otherwise.
   */
  public record Saved(Plan plan, Optional<Environment> environment) {
    public Saved {
      java.util.Objects.requireNonNull(plan, "plan");
      java.util.Objects.requireNonNull(environment, "environment");
    }
  }

  /**
   * The plan as pretty-printed JSON with a fixed key order, ending in a newline.
   *
   * @throws IllegalArgumentException for a plan with errors or unreadable clients
   */
  public static String toJson(Plan plan, String generatedBy, Optional<Environment> environment) {
    if (plan.hasErrors() || plan.hasFailures()) {
      throw new IllegalArgumentException("a plan with errors cannot be saved");
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("generatedBy", generatedBy);
    environment.ifPresent(e -> environment(root.putObject("environment"), e));
    ObjectNode summary = root.putObject("summary");
    summary.put("create", plan.count(ClientAction.Create.class));
    summary.put("update", plan.count(ClientAction.Update.class));
    summary.put("delete", plan.count(ClientAction.Delete.class));
    summary.put("unchanged", plan.count(ClientAction.NoOp.class));
    summary.put("unmanaged", plan.unmanaged().size());
    ArrayNode clients = root.putArray("clients");
    plan.actions().forEach(action -> clients.add(client(action)));
    root.put(DIGEST, digest(root));
    return PrettyJson.write(root);
  }

  public static void write(
      Path file, Plan plan, String generatedBy, Optional<Environment> environment)
      throws IOException {
    Files.writeString(file, toJson(plan, generatedBy, environment), StandardCharsets.UTF_8);
  }

  /** The environment's name and AWS options; an endpoint URL never with its user or password. */
  private static void environment(ObjectNode node, Environment environment) {
    node.put("name", environment.name());
    AwsSettings aws = environment.aws();
    aws.region().ifPresent(v -> node.put("region", v));
    aws.profile().ifPresent(v -> node.put("profile", v));
    aws.endpointUrl().ifPresent(v -> node.put("endpointUrl", EndpointUrl.mask(v)));
    aws.roleArn().ifPresent(v -> node.put("roleArn", v));
  }

  private static Optional<Environment> environment(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Environment(
            node.get("name").stringValue(),
            new AwsSettings(
                text(node, "region"),
                text(node, "profile"),
                text(node, "endpointUrl"),
                text(node, "roleArn"))));
  }

  private static Optional<String> text(JsonNode node, String name) {
    return Optional.ofNullable(node.get(name)).map(JsonNode::stringValue);
  }

  /** Reads a plan file; every failure, I/O included, is a {@link PlanFileException}. */
  public static Saved read(Path file) throws PlanFileException {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new PlanFileException(
            file
                + ": the plan file is "
                + size
                + " bytes, over the limit of "
                + MAX_BYTES
                + " bytes (16 MiB); ccr never writes one that large");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlanFileException(file + ": cannot read the plan file: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Reads plan-file text; {@code fileName} names it in messages. */
  public static Saved parse(String json, String fileName) throws PlanFileException {
    if (json.length() > MAX_BYTES) {
      throw new PlanFileException(fileName + ": the plan file is over the limit of 16 MiB");
    }
    JsonNode root = tree(json, fileName);
    int version = version(root, fileName);
    if (version == FORMAT_VERSION) {
      checkDigest((ObjectNode) root, fileName);
    }
    List<Error> errors = schema(version).validate(root);
    if (!errors.isEmpty()) {
      throw new PlanFileException(
          fileName
              + ": not a valid plan file:\n"
              + errors.stream()
                  .limit(20)
                  .map(e -> "  " + e.getInstanceLocation() + ": " + e.getMessage())
                  .collect(Collectors.joining("\n")));
    }
    List<ClientAction> actions = new ArrayList<>();
    for (JsonNode node : root.get("clients").values()) {
      actions.add(version == 1 ? clientV1(node) : client(node, fileName));
    }
    checkClients(actions, fileName);
    return new Saved(new Plan(actions), environment(root.get("environment")));
  }

  // ---- the digest

  /**
   * {@code sha256:} and the SHA-256 of the canonical form of a plan document without its digest
   * member (members sorted by name, no whitespace, UTF-8).
   */
  public static String digest(ObjectNode root) {
    ObjectNode content = root.deepCopy();
    content.remove(DIGEST);
    StringBuilder canonical = new StringBuilder();
    canonical(content, canonical);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Members sorted by name, no whitespace; scalars as JSON writes them. */
  private static void canonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      String separator = "";
      for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
        out.append(separator).append(JSON.writeValueAsString(entry.getKey())).append(':');
        canonical(entry.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      String separator = "";
      for (JsonNode item : node.values()) {
        out.append(separator);
        canonical(item, out);
        separator = ",";
      }
      out.append(']');
    } else {
      out.append(JSON.writeValueAsString(node));
    }
  }

  private static void checkDigest(ObjectNode root, String fileName) throws PlanFileException {
    JsonNode recorded = root.get(DIGEST);
    if (recorded == null || !recorded.isString()) {
      throw new PlanFileException(
          fileName + ": " + MODIFIED + " (it has no digest); run plan again");
    }
    if (!recorded.stringValue().equals(digest(root))) {
      throw new PlanFileException(
          fileName + ": " + MODIFIED + " (its digest does not match its content); run plan again");
    }
  }

  // ---- checks of the content

  /** Each client once, with changes that stand for a valid desired state. */
  private static void checkClients(List<ClientAction> actions, String fileName)
      throws PlanFileException {
    Set<ClientRef> seen = new HashSet<>();
    for (ClientAction action : actions) {
      if (!seen.add(action.ref().identity())) {
        throw new PlanFileException(
            fileName + ": client " + action.ref().title() + " appears more than once");
      }
      if (action instanceof ClientAction.Create || action instanceof ClientAction.Update) {
        checkChanges(action, fileName);
      }
    }
  }

  /**
   * The changes of a client, taken as the desired state they stand for, must pass the same schema
   * and URL rules as a desired-state file.
   */
  private static void checkChanges(ClientAction action, String fileName) throws PlanFileException {
    String where = fileName + ": client " + action.ref().title() + ": ";
    ClientSpec planned;
    try {
      planned = PlannedState.of(action);
    } catch (IllegalArgumentException e) {
      throw new PlanFileException(where + "change " + e.getMessage() + "; run plan again");
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("UserPoolId", planned.userPoolId());
    planned.clientId().ifPresent(id -> document.put("ClientId", id));
    document.putAll(planned.attributes());
    if (action instanceof ClientAction.Update update) {
      completeNestedObjects(document, update.live().configuration());
    }
    planned.removed().forEach(member -> document.put(member, null));
    List<String> problems =
        new ArrayList<>(
            new SpecLoader()
                .checkSchema(fileName, document).stream()
                    .filter(Diagnostic::isError)
                    .map(Diagnostic::message)
                    .toList());
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
      throw new PlanFileException(where + String.join("; ", problems) + "; run plan again");
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
      return STRICT.readTree(json);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      String what =
          e.getOriginalMessage().startsWith("Duplicate")
              ? MODIFIED + " (" + e.getOriginalMessage() + ")"
              : "malformed JSON: " + e.getOriginalMessage();
      throw new PlanFileException(fileName + where + ": " + what);
    }
  }

  private static int version(JsonNode root, String fileName) throws PlanFileException {
    JsonNode version = root == null || !root.isObject() ? null : root.get("formatVersion");
    if (version == null) {
      throw new PlanFileException(fileName + ": not a ccr plan file (no formatVersion)");
    }
    if (!version.isInt() || (version.intValue() != 1 && version.intValue() != FORMAT_VERSION)) {
      throw new PlanFileException(
          fileName
              + ": plan format version "
              + version
              + " is not supported; this ccr reads versions 1 and "
              + FORMAT_VERSION
              + ". Run plan again with this ccr.");
    }
    return version.intValue();
  }

  private static Schema schema(int version) {
    return version == 1 ? Schemas.V1 : Schemas.V2;
  }

  /** The two schemas, compiled once on first use. */
  private static final class Schemas {
    static final Schema V2 = load(SCHEMA_RESOURCE);
    static final Schema V1 = load(SCHEMA_V1_RESOURCE);

    private static Schema load(String resource) {
      try (InputStream in = PlanFile.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(in, InputFormat.JSON);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // ---- writing

  private static ObjectNode client(ClientAction action) {
    ObjectNode node = JSON.createObjectNode();
    node.put("action", action.label());
    ClientRef ref = action.ref();
    node.put("userPoolId", ref.userPoolId());
    ref.clientId().ifPresent(id -> node.put("clientId", id));
    node.put("clientName", ref.clientName().orElse(ref.clientId().orElse("")));
    ObjectNode source = node.putObject("source");
    source.put("file", action.origin().source().file());
    source.put("line", action.origin().source().position().line());
    if (action instanceof ClientAction.Delete delete) {
      node.put("pruned", delete.pruned());
    }
    if (action instanceof ClientAction.Create create) {
      node.put("generateSecret", create.generateSecret());
    }
    managed(action).ifPresent(m -> managed(node, m));
    ArrayNode changes = node.putArray("changes");
    action.changes().forEach(c -> changes.add(change(c)));
    snapshot(action)
        .ifPresent(
            snapshot -> {
              node.put("fingerprint", snapshot.fingerprint());
              node.set("live", JSON.valueToTree(snapshot.configuration()));
            });
    return node;
  }

  private static void managed(ObjectNode node, Managed managed) {
    if (!managed.all()) {
      ArrayNode paths = node.putArray("managed");
      new TreeSet<>(managed.paths()).forEach(paths::add);
    }
  }

  private static Optional<Managed> managed(ClientAction action) {
    if (action instanceof ClientAction.Update update) {
      return Optional.of(update.managed());
    }
    if (action instanceof ClientAction.NoOp noOp && noOp.live().isPresent()) {
      return Optional.of(noOp.managed());
    }
    return Optional.empty();
  }

  private static Optional<Snapshot> snapshot(ClientAction action) {
    if (action instanceof ClientAction.Update update) {
      return Optional.of(update.live());
    }
    if (action instanceof ClientAction.Delete delete) {
      return Optional.of(delete.live());
    }
    if (action instanceof ClientAction.NoOp noOp) {
      return noOp.live();
    }
    return Optional.empty();
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

  // ---- reading (the schema has checked the shape and the ranges)

  private static ClientAction client(JsonNode node, String fileName) throws PlanFileException {
    ClientRef ref = ref(node);
    Origin origin = origin(node);
    List<AttributeChange> changes = changes(node, fileName, ref);
    Optional<Snapshot> live = snapshot(node, fileName, ref);
    Managed managed =
        node.has("managed")
            ? Managed.of(
                node.get("managed").values().stream()
                    .map(JsonNode::stringValue)
                    .collect(Collectors.toSet()))
            : Managed.ALL;
    try {
      return switch (node.get("action").stringValue()) {
        case "create" ->
            new ClientAction.Create(
                ref, origin, changes, node.get("generateSecret").booleanValue(), List.of());
        case "update" ->
            new ClientAction.Update(ref, origin, changes, live.orElseThrow(), managed, List.of());
        case "delete" ->
            new ClientAction.Delete(
                ref, origin, live.orElseThrow(), node.get("pruned").booleanValue(), List.of());
        default -> new ClientAction.NoOp(ref, origin, live, managed, List.of());
      };
    } catch (IllegalArgumentException e) {
      throw new PlanFileException(fileName + ": client " + ref.title() + ": " + e.getMessage());
    }
  }

  private static ClientAction clientV1(JsonNode node) throws PlanFileException {
    ClientRef ref = ref(node);
    Origin origin = origin(node);
    List<AttributeChange> changes = changes(node, "plan", ref);
    Snapshot live = snapshot(node, "plan", ref).orElseThrow();
    return node.get("action").stringValue().equals("update")
        ? new ClientAction.Update(ref, origin, changes, live, Managed.ALL, List.of())
        : new ClientAction.NoOp(ref, origin, Optional.of(live), Managed.ALL, List.of());
  }

  private static ClientRef ref(JsonNode node) {
    String pool = node.get("userPoolId").stringValue();
    String name = node.get("clientName").stringValue();
    return node.has("clientId")
        ? ClientRef.byId(pool, node.get("clientId").stringValue()).withName(name)
        : ClientRef.byName(pool, name);
  }

  private static Origin origin(JsonNode node) {
    JsonNode source = node.get("source");
    return Origin.at(
        new SourceRef(
            source.get("file").stringValue(), new Position(source.get("line").intValue(), 1)));
  }

  private static List<AttributeChange> changes(JsonNode node, String fileName, ClientRef ref)
      throws PlanFileException {
    List<AttributeChange> changes = new ArrayList<>();
    for (JsonNode change : node.get("changes").values()) {
      try {
        changes.add(
            new AttributeChange(
                change.get("path").stringValue(),
                value(change.get("before")),
                value(change.get("after")),
                strings(change.get("added")),
                strings(change.get("removed"))));
      } catch (IllegalArgumentException e) {
        throw new PlanFileException(
            fileName + ": client " + ref.title() + ": " + e.getMessage() + "; run plan again");
      }
    }
    return changes;
  }

  @SuppressWarnings("unchecked")
  private static Optional<Snapshot> snapshot(JsonNode node, String fileName, ClientRef ref)
      throws PlanFileException {
    if (!node.has("live")) {
      return Optional.empty();
    }
    Snapshot snapshot =
        new Snapshot(
            node.get("fingerprint").stringValue(), JSON.treeToValue(node.get("live"), Map.class));
    if (!snapshot.consistent()) {
      throw new PlanFileException(
          fileName
              + ": the live configuration recorded for "
              + ref.title()
              + " does not match its fingerprint; the file was edited. Run plan again.");
    }
    return Optional.of(snapshot);
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
      default -> throw new IllegalArgumentException("unknown value type " + node.get("type"));
    };
  }

  private static List<String> strings(JsonNode array) {
    return array.values().stream().map(JsonNode::stringValue).toList();
  }
}
