package dev.ccr.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Checks documents against a JSON Schema packaged into the jar ({@code
 * schemas/user-pool-client.schema.json} for client files, {@code schemas/ccr.schema.json} for the
 * project file) and turns each violation into a diagnostic at the offending key or value.
 *
 * <p>It is long because it turns every kind of schema violation into a message in the user's words
 * at the offending key or value (unknown keys with the nearest name, types, enums, patterns with
 * hints, numbers beyond 64 bits), which share the schema lookups.
 */
final class SchemaChecker {
  static final String SCHEMA_RESOURCE = "/dev/ccr/schemas/user-pool-client.schema.json";
  private static final int MAX_SHOWN = 80;

  /**
   * What a schema needs besides its text: the words for each of its patterns, and the hint for an
   * unknown top-level key without a near miss.
   */
  record Definition(String resource, Map<String, String> patternHints, String topLevelHint) {
    Definition {
      patternHints = Map.copyOf(patternHints);
    }
  }

  /** The endpoint URL of an environment of ccr.yaml, or a value inside it. */
  private static final Pattern ENDPOINT_URL =
      Pattern.compile("^/environments/[^/]+/endpoint-url(/|$)");

  /** A pattern that is one character class repeated: {@code ^(?:[\\w+]+)$}. */
  private static final Pattern SINGLE_CLASS =
      Pattern.compile("\\^\\(\\?:(\\[[^\\[\\]]+\\])\\+\\)\\$");

  /** Every pattern of the schema, in words; a test keeps the two in step. */
  static final Map<String, String> PATTERN_HINTS =
      Map.ofEntries(
          Map.entry(
              "^(?:[\\w-]+_[0-9a-zA-Z]+)$",
              "is not a user pool id: the region, an underscore, then ASCII letters and digits, such as us-east-1_Abc123"),
          Map.entry("^(?:[\\w+]+)$", "is not a client id: ASCII letters, digits, _ and + only"),
          Map.entry(
              "^(?:[\\w\\s+=,.@-]+)$",
              "may hold only ASCII letters, digits, spaces and + = , . @ _ -"),
          Map.entry(
              "^(?:[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+)$",
              "must not contain spaces or control characters"),
          Map.entry(
              "^(?:[\\x21\\x23-\\x5B\\x5D-\\x7E]+)$",
              "may hold only printable ASCII without spaces, double quotes or backslashes"),
          Map.entry("^(?:[0-9a-fA-F]+)$", "must be hexadecimal digits"),
          Map.entry(
              "^(?:[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+)$",
              "may hold letters, marks, symbols, digits, punctuation and spaces, but no control characters"),
          Map.entry(
              "^(?:arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?)$",
              "is not an ARN such as arn:aws:iam::123456789012:role/cognito-analytics"),
          Map.entry(
              "^(?:[A-Za-z0-9][A-Za-z0-9_.-]*)$",
              "is not an environment name: a letter or digit, then letters, digits, _ . and -"),
          Map.entry(
              "^(?:[1-9][0-9]{0,5} (?:day|days|hour|hours))$",
              "is not an age: a whole number, a space, then days or hours, such as 90 days"),
          Map.entry(
              "^(?:arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+|[A-Za-z0-9/_+=.@-]{1,512})$",
              "is not a Secrets Manager secret name (up to 512 ASCII letters, digits and / _ + = . @ -) or ARN"),
          Map.entry(
              "^(?:[A-Za-z0-9_./-]{1,2048})$",
              "is not an SSM parameter name: ASCII letters, digits and _ . - / only, such as /prod/app/client-secret"));

  /** The schema of client files. */
  static final Definition CLIENT =
      new Definition(
          SCHEMA_RESOURCE,
          PATTERN_HINTS,
          "the keys are the members of UpdateUserPoolClient, see schemas/user-pool-client.schema.json");

  private final Definition definition;
  private final Schema schema;
  private final JsonNode schemaTree;

  SchemaChecker() {
    this(CLIENT);
  }

  SchemaChecker(Definition definition) {
    this.definition = definition;
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream in = resource(definition.resource())) {
      this.schemaTree = JsonTree.read(in.readAllBytes());
      this.schema = registry.getSchema(schemaTree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = SchemaChecker.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("schema missing from the classpath: " + name);
    }
    return in;
  }

  List<Diagnostic> check(SourceText source, YamlReader.Document document) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, JsonNode> outOfRange = new java.util.LinkedHashMap<>();
    JsonNode root = withinRange(document.root(), "", outOfRange);
    outOfRange.forEach(
        (pointer, number) ->
            diagnostics.add(
                source.error(
                    document.valuePosition(pointer),
                    pointer,
                    Pointers.display(pointer)
                        + ": "
                        + show(number)
                        + " is out of range: no attribute takes a number beyond \u00b1"
                        + Long.MAX_VALUE
                        + " (2^63 - 1)")));
    for (Error error : schema.validate(root)) {
      String pointer = pointer(error.getInstanceLocation());
      String at =
          List.of("additionalProperties", "required", "propertyNames").contains(error.getKeyword())
              ? Pointers.child(pointer, error.getProperty())
              : pointer;
      if (document.alreadyReported(at) || outOfRange.containsKey(at)) {
        continue;
      }
      describe(source, document, error).ifPresent(diagnostics::add);
    }
    return diagnostics;
  }

  private Optional<Diagnostic> describe(
      SourceText source, YamlReader.Document document, Error error) {
    String pointer = pointer(error.getInstanceLocation());
    String path = Pointers.display(pointer);
    JsonNode value = error.getInstanceNode();
    boolean unquoted = unquoted(pointer, value);
    return switch (error.getKeyword()) {
      case "additionalProperties" -> unknownKey(source, document, pointer, error.getProperty());
      case "required" ->
          Optional.of(
              source.error(
                  document.valuePosition(pointer),
                  pointer,
                  (pointer.isEmpty() ? "" : path + ": ")
                      + "missing required key "
                      + error.getProperty()
                      + (pointer.isEmpty() && error.getProperty().equals("ClientName")
                          ? ": a document without ClientId names its client by ClientName (created"
                              + " when the pool has no client of that name, adopted when it has"
                              + " one); give ClientName or ClientId"
                          : "")));
      case "type" ->
          Optional.of(
              source.error(
                  document.valuePosition(pointer),
                  pointer,
                  path
                      + ": expected "
                      + expectedType(pointer)
                      + ", found "
                      + typeName(value)
                      + (unquoted ? "" : " " + shown(value, unquoted))));
      case "enum" -> Optional.of(enumError(source, document, pointer, value));
      case "propertyNames" -> Optional.of(badName(source, document, pointer, error.getProperty()));
      case "uniqueItems" -> Optional.of(duplicateItem(source, document, pointer, value));
      case "pattern" ->
          Optional.of(
              source.error(
                  document.valuePosition(pointer),
                  pointer,
                  path
                      + ": "
                      + shown(value, unquoted)
                      + " "
                      + patternHint(source, pointer, value).orElse(detail(error))));
      default ->
          Optional.of(
              source.error(
                  value != null && value.isContainer()
                      ? document.keyPosition(pointer)
                      : document.valuePosition(pointer),
                  pointer,
                  path
                      + ": "
                      + (value != null && value.isArray() ? "" : shown(value, unquoted) + " ")
                      + detail(error)));
    };
  }

  /**
   * The offending value as a message shows it; printed only for the messages that show it (a
   * missing or unknown key's value is the whole document, printed for nothing).
   */
  private static String shown(JsonNode value, boolean unquoted) {
    return value == null ? "" : unquoted ? "the value" : show(value);
  }

  private Optional<Diagnostic> unknownKey(
      SourceText source, YamlReader.Document document, String parent, String key) {
    String pointer = Pointers.child(parent, key);
    if (definition == CLIENT && parent.isEmpty() && Attribute.NOT_DESIRED_STATE.contains(key)) {
      return Optional.empty();
    }
    List<String> allowed = propertyNames(parent);
    String where = parent.isEmpty() ? "" : " in " + Pointers.display(parent);
    String hint =
        Suggestions.nearest(key, allowed)
            .map(s -> "; did you mean " + s + "?")
            .orElse(
                parent.isEmpty() && !definition.topLevelHint().isEmpty()
                    ? "; " + definition.topLevelHint()
                    : "; valid keys: " + String.join(", ", allowed));
    return Optional.of(
        source.error(
            document.keyPosition(pointer),
            pointer,
            "unknown key " + key + nonAscii(key) + where + hint));
  }

  /** Most non-ASCII characters shown in one message. */
  private static final int MAX_NON_ASCII_SHOWN = 3;

  /**
   * Names the non-ASCII characters of a key, which may look exactly like ASCII ones (a Cyrillic а
   * for a Latin a): {@code " (U+0430 CYRILLIC SMALL LETTER A at position 8)"}, empty when there is
   * none.
   */
  static String nonAscii(String key) {
    List<String> shown = new ArrayList<>();
    int count = 0;
    int position = 0;
    for (int offset = 0;
        offset < key.length();
        offset += Character.charCount(key.codePointAt(offset))) {
      int c = key.codePointAt(offset);
      position++;
      if (c > 0x7F && count++ < MAX_NON_ASCII_SHOWN) {
        String name = Character.getName(c);
        shown.add(
            String.format(
                java.util.Locale.ROOT,
                "U+%04X %s at position %d",
                c,
                name == null ? "(unassigned)" : name,
                position));
      }
    }
    if (shown.isEmpty()) {
      return "";
    }
    int more = count - shown.size();
    return " ("
        + String.join(", ", shown)
        + (more > 0 ? " and " + more + " more non-ASCII characters" : "")
        + ")";
  }

  /** A key that the schema's {@code propertyNames} refuses, at the key. */
  private Diagnostic badName(
      SourceText source, YamlReader.Document document, String parent, String name) {
    String pattern =
        schemaAt(parent).map(s -> s.path("propertyNames").path("pattern").asString()).orElse("");
    String hint =
        Optional.ofNullable(definition.patternHints().get(pattern))
            .map(h -> h + " (pattern " + pattern + ")")
            .orElse("is not allowed here (pattern " + pattern + ")");
    String pointer = Pointers.child(parent, name);
    return source.error(
        document.keyPosition(pointer),
        pointer,
        Pointers.display(parent) + ": " + JsonTree.quoted(name) + " " + hint);
  }

  private Diagnostic enumError(
      SourceText source, YamlReader.Document document, String pointer, JsonNode value) {
    List<String> allowed = enumValues(pointer);
    String text = value != null && value.isString() ? value.stringValue() : String.valueOf(value);
    String hint =
        Suggestions.nearest(text, allowed).map(s -> "; did you mean " + s + "?").orElse("");
    return source.error(
        document.valuePosition(pointer),
        pointer,
        Pointers.display(pointer)
            + ": "
            + show(value)
            + " is not one of "
            + String.join(", ", allowed)
            + hint);
  }

  private Diagnostic duplicateItem(
      SourceText source, YamlReader.Document document, String pointer, JsonNode list) {
    Map<JsonNode, Integer> seen = new HashMap<>();
    for (int i = 0; list != null && i < list.size(); i++) {
      Integer first = seen.putIfAbsent(list.get(i), i);
      if (first != null) {
        String item = Pointers.child(pointer, i);
        Position firstAt = document.valuePosition(Pointers.child(pointer, first));
        return source.error(
            document.valuePosition(item),
            item,
            Pointers.display(pointer)
                + ": "
                + show(list.get(i))
                + " is listed twice (first at line "
                + firstAt.line()
                + ", column "
                + firstAt.column()
                + "); a set holds each item once");
      }
    }
    return source.error(
        document.valuePosition(pointer),
        pointer,
        Pointers.display(pointer) + ": items must be unique");
  }

  /** The schema of the value at an instance pointer: walks properties and items. */
  private Optional<JsonNode> schemaAt(String pointer) {
    JsonNode node = schemaTree;
    for (String token : Pointers.tokens(pointer)) {
      node = resolve(node);
      if (node.has("properties") && node.get("properties").has(token)) {
        node = node.get("properties").get(token);
      } else if (node.has("items")) {
        node = node.get("items");
      } else if (node.has("additionalProperties") && node.get("additionalProperties").isObject()) {
        node = node.get("additionalProperties");
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(resolve(node));
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 8 && current.has("$ref"); hops++) {
      String ref = current.get("$ref").stringValue();
      if (!ref.startsWith("#/")) {
        break;
      }
      JsonNode target = schemaTree.at(ref.substring(1));
      if (target.isMissingNode()) {
        break;
      }
      current = target;
    }
    return current;
  }

  private List<String> propertyNames(String pointer) {
    return schemaAt(pointer)
        .filter(s -> s.has("properties"))
        .map(s -> List.copyOf(s.get("properties").propertyNames()))
        .orElse(List.of());
  }

  private List<String> enumValues(String pointer) {
    return schemaAt(pointer)
        .filter(s -> s.has("enum"))
        .map(
            s ->
                StreamSupport.stream(s.get("enum").spliterator(), false)
                    .map(JsonNode::asString)
                    .toList())
        .orElse(List.of());
  }

  private String expectedType(String pointer) {
    return schemaAt(pointer)
        .filter(s -> s.has("type"))
        .map(
            s ->
                s.get("type").isArray()
                    ? String.join(
                        " or ",
                        s.get("type").values().stream().map(t -> typeWord(t.asString())).toList())
                    : typeWord(s.get("type").asString()))
        .orElse("another type");
  }

  private static String typeWord(String type) {
    return switch (type) {
      case "integer" -> "an integer";
      case "string" -> "a string";
      case "boolean" -> "true or false";
      case "array" -> "a list";
      case "object" -> "a mapping";
      case "null" -> "null (to remove it)";
      default -> type;
    };
  }

  private static String typeName(JsonNode value) {
    if (value == null) {
      return "nothing";
    }
    if (value.isString()) {
      return "the string";
    }
    if (value.isBoolean()) {
      return "the boolean";
    }
    if (value.isNumber()) {
      return "the number";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.isObject() ? "a mapping" : "a value";
  }

  /**
   * What a pattern asks for, in words, with the pattern itself: a regular expression alone explains
   * little to most readers.
   */
  private Optional<String> patternHint(SourceText source, String pointer, JsonNode value) {
    Optional<String> pattern =
        schemaAt(pointer).filter(s -> s.has("pattern")).map(s -> s.get("pattern").asString());
    String text = value != null && value.isString() ? value.stringValue() : "";
    return pattern.flatMap(
        p ->
            Optional.ofNullable(definition.patternHints().get(p))
                .map(
                    hint ->
                        hint
                            + refused(p, text, source.secrets())
                                .map(c -> "; " + c + " is not allowed")
                                .orElse("")
                            + " (pattern "
                            + p
                            + ")"));
  }

  /**
   * For a pattern that is one character class repeated, the first character of {@code text} that
   * the class refuses, named with its code point ({@code 'é' (U+00E9)}). Never a character of a
   * secret pasted into the file.
   */
  static Optional<String> refused(String pattern, String text, Set<String> secrets) {
    Matcher single = SINGLE_CLASS.matcher(pattern);
    if (!single.matches() || secrets.stream().anyMatch(text::contains)) {
      return Optional.empty();
    }
    Pattern allowed = Pattern.compile(single.group(1));
    return text.codePoints()
        .filter(c -> !allowed.matcher(Character.toString(c)).matches())
        .mapToObj(SchemaChecker::codePoint)
        .findFirst();
  }

  /** A character as {@code 'é' (U+00E9)}; a control or blank character by its code point only. */
  static String codePoint(int c) {
    String code = String.format(Locale.ROOT, "U+%04X", c);
    boolean visible =
        c != ' ' && !Character.isWhitespace(c) && !Character.isISOControl(c) && !isFormat(c);
    return visible ? "'" + Character.toString(c) + "' (" + code + ")" : code;
  }

  private static boolean isFormat(int c) {
    int type = Character.getType(c);
    return type == Character.FORMAT
        || type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  /** The validator's own explanation without its location prefix. */
  private static String detail(Error error) {
    String message = error.getMessage();
    int colon = message.indexOf(": ");
    return colon >= 0 && (message.startsWith("$") || message.startsWith("/"))
        ? message.substring(colon + 2)
        : message;
  }

  /**
   * The tree with every number beyond the 64-bit range replaced by null, each recorded by its
   * pointer: the schema library converts numbers to {@code long} and fails on larger ones, and no
   * attribute takes one. The tree itself is left as it is.
   */
  private static JsonNode withinRange(JsonNode node, String pointer, Map<String, JsonNode> found) {
    if (node.isNumber()) {
      if (node.canConvertToLong()) {
        return node;
      }
      found.put(pointer, node);
      return tools.jackson.databind.node.JsonNodeFactory.instance.nullNode();
    }
    if (node.isArray()) {
      tools.jackson.databind.node.ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = withinRange(node.get(i), Pointers.child(pointer, i), found);
        if (item != node.get(i)) {
          copy = copy != null ? copy : ((tools.jackson.databind.node.ArrayNode) node).deepCopy();
          copy.set(i, item);
        }
      }
      return copy != null ? copy : node;
    }
    if (node.isObject()) {
      tools.jackson.databind.node.ObjectNode copy = null;
      for (var entry : node.properties()) {
        JsonNode value =
            withinRange(entry.getValue(), Pointers.child(pointer, entry.getKey()), found);
        if (value != entry.getValue()) {
          copy = copy != null ? copy : ((tools.jackson.databind.node.ObjectNode) node).deepCopy();
          copy.set(entry.getKey(), value);
        }
      }
      return copy != null ? copy : node;
    }
    return node;
  }

  /**
   * Whether a message leaves the value at the pointer out: an endpoint URL that is not a plain
   * string, or holds an {@code @}, may carry a user name and password in a form (a list, a block
   * scalar, no scheme) that masking could miss.
   */
  private static boolean unquoted(String pointer, JsonNode value) {
    return ENDPOINT_URL.matcher(pointer).find()
        && (value == null || !value.isString() || value.stringValue().contains("@"));
  }

  static String show(JsonNode value) {
    String text =
        value.isContainer()
            ? JsonTree.print(value)
            : value.isString() ? JsonTree.quoted(value.stringValue()) : value.asString();
    return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN - 3) + "..." : text;
  }

  private static String pointer(NodePath path) {
    String pointer = "";
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer =
          element instanceof Integer index
              ? Pointers.child(pointer, index)
              : Pointers.child(pointer, String.valueOf(element));
    }
    return pointer;
  }
}
