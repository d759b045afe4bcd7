package dev.ccr.plan;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ccr.live.EndpointUrl;
import dev.ccr.secret.ClientSecrets;
import dev.ccr.spec.AwsSettings;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.DurationUnit;
import dev.ccr.spec.Pointers;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * Reads and writes plan files: JSON, {@code formatVersion} 2, documented by {@code
 * schemas/plan.schema.json}. A plan file holds no secret value: the model has none, and the secrets
 * of a client with a secret policy are ids and dates ({@link SecretsInPlan}). A plan with errors or
 * unreadable clients cannot be written. A plan file is an artefact ccr wrote: reading refuses,
 * before anything reaches AWS, a file over {@link #MAX_BYTES}, a version 1 file (it has no digest),
 * duplicate JSON keys, a digest that does not match the content, anything the schema does not
 * allow, AWS options ccr would not take, and content no run of plan could have produced ({@link
 * PlanFileChecker}).
 *
 * <p>It is long because it is the one implementation of the plan file format, both ways: writing,
 * the digest, and reading with every check a hand-edited or forged file must fail (size, duplicate
 * keys, digest, schema, endpoint, fingerprints).
 */
public final class PlanFile {
  /** The version this ccr writes. */
  public static final int FORMAT_VERSION = 2;

  /** Plan files larger than this are refused before they are parsed. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  static final String SCHEMA_RESOURCE = "/dev/ccr/schemas/plan.schema.json";

  /** Most schema violations listed for one file. */
  private static final int MAX_SCHEMA_PROBLEMS = 20;

  /** Longest value shown in a message. */
  private static final int MAX_SHOWN = 80;

  private static final String DIGEST = "digest";
  private static final String ENVIRONMENT = "environment";
  private static final String ENDPOINT_URL = "endpointUrl";
  private static final String SECRETS = "secrets";
  private static final String MODIFIED = "the plan file was modified after ccr wrote it";
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private PlanFile() {}

  /**
   * How a plan was made: the environment {@code --env} selected, if any, and the AWS options in
   * effect (the command line's over the environment's, an endpoint from {@code AWS_ENDPOINT_URL}
   * too), which apply uses when its own command line says nothing else.
   *
   * @param aws the endpoint URL as ccr uses it: a user name or password in it is {@code ****}
   */
  public record Made(Optional<String> environment, AwsSettings aws) {
    /** No environment, and no AWS option beyond the SDK's own. */
    public static final Made NONE = new Made(Optional.empty(), AwsSettings.NONE);

    public Made {
      Objects.requireNonNull(environment, "environment");
      Objects.requireNonNull(aws, "aws");
    }
  }

  /** A plan as a plan file holds it, and how it was made. */
  public record Saved(Plan plan, Made made) {
    public Saved {
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(made, "made");
    }
  }

  /**
   * The plan as pretty-printed JSON with a fixed key order, ending in a newline.
   *
   * @throws IllegalArgumentException for a plan with errors or unreadable clients
   */
  public static String toJson(Plan plan, String generatedBy, Made made) {
    if (plan.hasErrors() || plan.hasFailures()) {
      throw new IllegalArgumentException("a plan with errors cannot be saved");
    }
    if (!plan.secretErrors().isEmpty()) {
      throw new IllegalArgumentException("a plan whose secrets could not be read cannot be saved");
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("generatedBy", generatedBy);
    environment(made).ifPresent(node -> root.set(ENVIRONMENT, node));
    ObjectNode summary = root.putObject("summary");
    summary.put("create", plan.count(ClientAction.Create.class));
    summary.put("update", plan.count(ClientAction.Update.class));
    summary.put("delete", plan.count(ClientAction.Delete.class));
    summary.put("unchanged", plan.count(ClientAction.NoOp.class));
    summary.put("unmanaged", plan.unmanaged().size());
    ArrayNode clients = root.putArray("clients");
    plan.actions().forEach(action -> clients.add(client(action)));
    if (!plan.secrets().isEmpty()) {
      summary.set("secrets", SecretsInPlan.summary(plan.secrets()));
      root.set(SECRETS, SecretsInPlan.write(plan.secrets()));
    }
    root.put(DIGEST, digest(root));
    return PrettyJson.write(root);
  }

  /**
   * The environment's name and the AWS options in effect; an endpoint URL never with its user or
   * password. Empty when there is neither.
   */
  private static Optional<ObjectNode> environment(Made made) {
    ObjectNode node = JSON.createObjectNode();
    made.environment().ifPresent(v -> node.put("name", v));
    AwsSettings aws = made.aws();
    aws.region().ifPresent(v -> node.put("region", v));
    aws.profile().ifPresent(v -> node.put("profile", v));
    aws.endpointUrl().ifPresent(v -> node.put(ENDPOINT_URL, EndpointUrl.mask(v)));
    aws.roleArn().ifPresent(v -> node.put("roleArn", v));
    return node.isEmpty() ? Optional.empty() : Optional.of(node);
  }

  /** How the plan was made; an endpoint URL ccr would not take is a problem of the plan file. */
  private static Made made(JsonNode node, String fileName) throws PlanFileException {
    if (node == null) {
      return Made.NONE;
    }
    Optional<String> endpoint = text(node, ENDPOINT_URL);
    if (endpoint.isPresent()) {
      try {
        EndpointUrl.parse(endpoint.get());
      } catch (IllegalArgumentException e) {
        throw new PlanFileException(
            fileName
                + ": "
                + ENVIRONMENT
                + "."
                + ENDPOINT_URL
                + ": "
                + e.getMessage()
                + "; the plan file was edited, or made by another tool. Run plan again");
      }
    }
    return new Made(
        text(node, "name"),
        new AwsSettings(
            text(node, "region"), text(node, "profile"), endpoint, text(node, "roleArn")));
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
    checkVersion(root, fileName);
    checkDigest((ObjectNode) root, fileName);
    List<String> problems = schemaProblems(Schemas.PLAN.validate(root), fileName);
    if (!problems.isEmpty()) {
      throw new PlanFileException(problems);
    }
    List<ClientAction> actions = new ArrayList<>();
    for (JsonNode node : root.get("clients").values()) {
      actions.add(client(node, fileName));
    }
    PlanFileChecker.check(actions, fileName);
    List<ClientSecrets> secrets =
        root.has(SECRETS) ? SecretsInPlan.read(root.get(SECRETS), actions, fileName) : List.of();
    return new Saved(new Plan(actions, secrets), made(root.get(ENVIRONMENT), fileName));
  }

  /**
   * Each violation of the schema on a line of its own, naming the field ({@code
   * clients[1].action}); each field once, with the first violation found there.
   */
  private static List<String> schemaProblems(List<Error> errors, String fileName) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (Error error : errors) {
      String field = Pointers.display(error.getInstanceLocation().toString());
      JsonNode value = error.getInstanceNode();
      String shown = value == null || value.isContainer() ? "" : shown(value) + " ";
      byField.putIfAbsent(field, shown + detail(error));
    }
    List<String> problems = new ArrayList<>();
    byField.entrySet().stream()
        .limit(MAX_SCHEMA_PROBLEMS)
        .forEach(
            e ->
                problems.add(
                    fileName + ": not a valid plan file: " + e.getKey() + ": " + e.getValue()));
    if (byField.size() > MAX_SCHEMA_PROBLEMS) {
      problems.add(
          fileName
              + ": not a valid plan file: "
              + (byField.size() - MAX_SCHEMA_PROBLEMS)
              + " more fields are wrong");
    }
    return problems;
  }

  /** A scalar as JSON writes it, cut to {@value #MAX_SHOWN} characters. */
  private static String shown(JsonNode value) {
    String text = JSON.writeValueAsString(value);
    return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN - 3) + "..." : text;
  }

  /**
   * The validator's explanation without the location it starts with; a wrong type as {@code is of
   * type integer, expected string}.
   */
  private static String detail(Error error) {
    String message = error.getMessage();
    int colon = message.indexOf(": ");
    String detail =
        colon >= 0 && (message.startsWith("$") || message.startsWith("/"))
            ? message.substring(colon + 2)
            : message;
    return error.getKeyword().equals("type")
        ? detail.replaceFirst("^(\\w+) found, (.+) expected$", "is of type $1, expected $2")
        : detail;
  }

  // ---- the digest

  /**
   * {@code sha256:} and the lower-case hex SHA-256 of the UTF-8 bytes of the canonical form ({@link
   * CanonicalJson}) of a plan document without its digest member.
   *
   * @throws IllegalArgumentException for a document ccr would never write ({@link
   *     CanonicalJson#of})
   */
  public static String digest(ObjectNode root) {
    ObjectNode content = root.deepCopy();
    content.remove(DIGEST);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(CanonicalJson.of(content).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void checkDigest(ObjectNode root, String fileName) throws PlanFileException {
    JsonNode recorded = root.get(DIGEST);
    if (recorded == null || !recorded.isString()) {
      throw new PlanFileException(
          fileName + ": " + MODIFIED + " (it has no digest); run plan again");
    }
    String computed;
    try {
      computed = digest(root);
    } catch (IllegalArgumentException e) {
      throw new PlanFileException(
          fileName + ": " + MODIFIED + " (it holds " + e.getMessage() + "); run plan again");
    }
    if (!recorded.stringValue().equals(computed)) {
      throw new PlanFileException(
          fileName + ": " + MODIFIED + " (its digest does not match its content); run plan again");
    }
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

  /**
   * Only this version is read. Version 1 files had no digest, so an edited one cannot be told from
   * one ccr wrote: they are refused, and the plan made again.
   */
  private static void checkVersion(JsonNode root, String fileName) throws PlanFileException {
    JsonNode version = root == null || !root.isObject() ? null : root.get("formatVersion");
    if (version == null) {
      throw new PlanFileException(fileName + ": not a ccr plan file (no formatVersion)");
    }
    if (version.isInt() && version.intValue() == 1) {
      throw new PlanFileException(
          fileName
              + ": this plan was made by an older ccr (plan format version 1), whose plan files"
              + " carry no digest, so ccr cannot tell whether it was edited since; nothing is"
              + " applied from it. Make the plan again with 'ccr plan --out FILE'.");
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

  /** The schema, compiled once on first use. */
  private static final class Schemas {
    static final Schema PLAN = load(SCHEMA_RESOURCE);

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
    node.put("clientName", ref.displayName());
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
              node.get("value").longValue(), DurationUnit.parse(node.get("unit").stringValue()));
      default -> throw new IllegalArgumentException("unknown value type " + node.get("type"));
    };
  }

  private static List<String> strings(JsonNode array) {
    return array.values().stream().map(JsonNode::stringValue).toList();
  }
}
