package dev.ccr.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The spec phase: reads desired-state files, checks them against the JSON Schema and the
 * cross-field rules, and hands on the clients with every problem found.
 */
public final class SpecLoader {
  private final Variables variables;

  /** A loader for files without variables: each {@code ${name}} is unresolved. */
  public SpecLoader() {
    this(Variables.none());
  }

  /** A loader that replaces {@code ${name}} in values with the run's variables. */
  public SpecLoader(Variables variables) {
    this.variables = variables;
  }

  /**
   * Loads the given files (already expanded by {@link SpecFiles}).
   *
   * @throws UncheckedIOException when a file cannot be read at all
   */
  public DesiredState load(List<Path> files) {
    List<ClientSpec> clients = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, ClientSpec> declared = new HashMap<>();
    Substituter substituter = Substituter.of(variables);
    YamlReader reader = new YamlReader(substituter);
    for (Path file : files) {
      add(reader.read(file.toString(), read(file), size(file)), clients, diagnostics, declared);
    }
    return state(clients, diagnostics, files.stream().map(Path::toString).toList(), substituter);
  }

  private static DesiredState state(
      List<ClientSpec> clients,
      List<Diagnostic> diagnostics,
      List<String> files,
      Substituter substituter) {
    Substitutions substitutions = new Substitutions(substituter.uses(), substituter.unresolved());
    return new DesiredState(clients, substitutions.explain(diagnostics), files, substitutions);
  }

  /**
   * Loads text held in memory exactly as {@link #load} loads a file; {@code displayName} stands for
   * the file in diagnostics.
   */
  public DesiredState loadText(String displayName, String text) {
    List<ClientSpec> clients = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Substituter substituter = Substituter.of(variables);
    add(
        new YamlReader(substituter).read(displayName, bytes),
        clients,
        diagnostics,
        new HashMap<>());
    return state(clients, diagnostics, List.of(displayName), substituter);
  }

  /**
   * Checks a document held in memory against the schema alone, without the rules that span
   * attributes: for partial documents, such as the changes of a plan. The document never passes
   * through YAML, so any string the schema allows is accepted as it is.
   *
   * @param document attribute values by member name, of the kinds {@link ClientSpec} holds
   */
  public List<Diagnostic> checkSchema(String displayName, Map<String, Object> document) {
    JsonNode tree = tools.jackson.databind.json.JsonMapper.shared().valueToTree(document);
    YamlReader.Document parsed =
        new YamlReader.Document(tree, Position.START, Map.of(), Map.of(), java.util.Set.of());
    return schema().check(SourceText.empty(displayName), parsed);
  }

  private void add(
      YamlReader.Result result,
      List<ClientSpec> clients,
      List<Diagnostic> diagnostics,
      Map<String, ClientSpec> declared) {
    diagnostics.addAll(result.diagnostics());
    for (YamlReader.Document document : result.documents()) {
      List<Diagnostic> found = checkDocument(result.source(), document);
      boolean valid =
          document.reported().isEmpty() && found.stream().noneMatch(Diagnostic::isError);
      diagnostics.addAll(found);
      if (valid) {
        ClientSpec spec = toSpec(result.source(), document);
        ClientSpec first = declared.putIfAbsent(spec.userPoolId() + "/" + spec.clientId(), spec);
        if (first == null) {
          clients.add(spec);
        } else {
          diagnostics.add(duplicate(result.source(), document, first));
        }
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] read(Path file) {
    try {
      if (Files.size(file) > YamlReader.MAX_BYTES) {
        try (var in = Files.newInputStream(file)) {
          return in.readNBytes(YamlReader.MAX_BYTES + 1);
        }
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private List<Diagnostic> checkDocument(SourceText source, YamlReader.Document document) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (!document.root().isObject()) {
      diagnostics.add(
          source.error(
              document.start(),
              "",
              "a document must be a mapping of attribute names to values, found "
                  + (document.root().isArray()
                      ? "a list"
                      : "the scalar " + SchemaChecker.show(document.root()))));
      return diagnostics;
    }
    for (String key : Attribute.NOT_DESIRED_STATE) {
      if (document.root().has(key)) {
        diagnostics.add(
            source.error(document.keyPosition("/" + key), "/" + key, notDesiredState(key)));
      }
    }
    diagnostics.addAll(schema().check(source, document));
    if (document.reported().isEmpty() && diagnostics.stream().noneMatch(Diagnostic::isError)) {
      ClientSpec spec = toSpec(source, document);
      CrossFieldRules.check(
          spec,
          (severity, pointer, message) ->
              diagnostics.add(
                  source.diagnostic(severity, spec.positionOf(pointer), pointer, message)));
    }
    return diagnostics;
  }

  private static String notDesiredState(String key) {
    return switch (key) {
      case "ClientSecret" ->
          "ClientSecret is not desired state: ccr never reads, compares or writes the client secret; remove it from the file (and rotate it if this file was shared)";
      case "GenerateSecret" ->
          "GenerateSecret only applies when a client is created; ccr manages existing clients, whose secret cannot be added or removed: remove it";
      default -> key + " is set by Cognito and read-only, not desired state: remove it";
    };
  }

  /** The compiled schema, built once per process on first use and shared by every loader. */
  private static SchemaChecker schema() {
    return CompiledSchema.INSTANCE;
  }

  private static final class CompiledSchema {
    static final SchemaChecker INSTANCE = new SchemaChecker();
  }

  private static Diagnostic duplicate(
      SourceText source, YamlReader.Document document, ClientSpec first) {
    return source.error(
        document.keyPosition("/ClientId"),
        "/ClientId",
        "client "
            + document.root().get("UserPoolId").asString()
            + "/"
            + document.root().get("ClientId").asString()
            + " is already declared at "
            + first.source().file()
            + ":"
            + first.source().position().line()
            + "; declare each client once");
  }

  private static ClientSpec toSpec(SourceText source, YamlReader.Document document) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    document
        .root()
        .properties()
        .forEach(
            entry -> {
              if (!entry.getKey().equals("UserPoolId") && !entry.getKey().equals("ClientId")) {
                attributes.put(entry.getKey(), value(entry.getValue()));
              }
            });
    Map<String, Position> positions = new HashMap<>(document.values());
    positions.putAll(document.keys());
    return new ClientSpec(
        new SourceRef(source.file(), document.start()),
        document.root().get("UserPoolId").asString(),
        document.root().get("ClientId").asString(),
        attributes,
        positions);
  }

  private static Object value(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(entry -> map.put(entry.getKey(), value(entry.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.values().forEach(item -> items.add(value(item)));
      return items;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.intValue();
    }
    return node.asString();
  }
}
