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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The spec phase: reads desired-state files, checks them against the JSON Schema and the
 * cross-field rules, and hands on the clients with every problem found.
 *
 * <p>It is long because it ties the reader, the schema, the rules, the environments and the
 * variables together per document, and decides which documents make the desired state (declared
 * twice, other environments, invalid).
 */
public final class SpecLoader {
  private final Variables variables;
  private final RuleSettings rules;
  private final Consumer<String> poolNamed;

  /** A loader for files without variables that applies every security rule as a warning. */
  public SpecLoader() {
    this(Variables.none(), RuleSettings.DEFAULT);
  }

  /**
   * A loader that replaces {@code ${name}} in values with the run's variables, reads only the
   * documents that belong to the run's environment, and applies the security rules as the run says.
   *
   * @param rules the security rules the run allows, and whether their warnings are errors
   */
  public SpecLoader(Variables variables, RuleSettings rules) {
    this(variables, rules, pool -> {});
  }

  /**
   * A loader that also tells {@code poolNamed} of the user pool of every valid document of the run
   * as soon as the document is read and checked, before the rest of its file and the other files
   * are read: plan starts listing the pool's clients then. A document told of may still be left out
   * of the desired state (declared twice), and the desired state as a whole may be invalid.
   */
  public SpecLoader(Variables variables, RuleSettings rules, Consumer<String> poolNamed) {
    this.variables = java.util.Objects.requireNonNull(variables, "variables");
    this.rules = java.util.Objects.requireNonNull(rules, "rules");
    this.poolNamed = java.util.Objects.requireNonNull(poolNamed, "poolNamed");
  }

  /**
   * Loads the given files (already expanded by {@link SpecFiles}).
   *
   * @throws UncheckedIOException when a file cannot be read at all
   */
  public DesiredState load(List<Path> files) {
    Documents documents = new Documents();
    for (Path file : files) {
      documents.add(documents.reader.read(file.toString(), read(file), size(file)));
    }
    return documents.state(files.stream().map(Path::toString).toList());
  }

  /**
   * Loads text held in memory exactly as {@link #load} loads a file; {@code displayName} stands for
   * the file in diagnostics.
   */
  public DesiredState loadText(String displayName, String text) {
    Documents documents = new Documents();
    documents.add(documents.reader.read(displayName, text.getBytes(StandardCharsets.UTF_8)));
    return documents.state(List.of(displayName));
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

  /** The documents of the files read so far: the valid ones, and every problem found. */
  private final class Documents {
    private final Substituter substituter = Substituter.of(variables);
    private final YamlReader reader = new YamlReader(substituter, this::composed);

    /** The problems of each document checked as it was read, until its file is added. */
    private final Map<YamlReader.Document, List<Diagnostic>> checked =
        new java.util.IdentityHashMap<>();

    private final List<ClientSpec> valid = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, SourceText> sources = new HashMap<>();
    private final List<OtherEnvironmentDocument> elsewhere = new ArrayList<>();

    void add(YamlReader.Result result) {
      List<YamlReader.Document> skipped = otherEnvironments(result.documents());
      diagnostics.addAll(outside(skipped, result.documents(), result.diagnostics()));
      sources.put(result.source().file(), result.source());
      for (YamlReader.Document document : result.documents()) {
        if (skipped.contains(document)) {
          elsewhere.add(otherEnvironment(result.source(), document));
          continue;
        }
        List<Diagnostic> found = checked.remove(document);
        if (found == null) {
          found = checkDocument(result.source(), document);
        }
        diagnostics.addAll(found);
        if (document.reported().isEmpty() && found.stream().noneMatch(Diagnostic::isError)) {
          valid.add(toSpec(result.source(), document));
        }
      }
    }

    /**
     * The clients declared once, and an error at every later declaration of a client declared
     * twice, naming the first: one pass over the documents.
     */
    DesiredState state(List<String> files) {
      Map<ClientRef, ClientSpec> first = new HashMap<>();
      java.util.Set<ClientRef> repeated = new java.util.HashSet<>();
      for (ClientSpec spec : valid) {
        ClientSpec earlier = first.putIfAbsent(spec.ref().identity(), spec);
        if (earlier != null) {
          repeated.add(spec.ref().identity());
          diagnostics.add(duplicate(spec, earlier));
        }
      }
      List<ClientSpec> clients =
          valid.stream().filter(spec -> !repeated.contains(spec.ref().identity())).toList();
      Substitutions substitutions = new Substitutions(substituter.uses(), substituter.unresolved());
      return new DesiredState(
          clients,
          substitutions.explain(capped(diagnostics)),
          files,
          substitutions,
          List.of(),
          elsewhere);
    }

    /**
     * At most {@link #MAX_DIAGNOSTICS_PER_FILE} problems of each file, the first in file order, and
     * a line saying how many more there were.
     */
    private List<Diagnostic> capped(List<Diagnostic> all) {
      Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
      all.forEach(d -> byFile.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d));
      List<Diagnostic> kept = new ArrayList<>();
      byFile.forEach(
          (file, found) -> {
            if (found.size() <= MAX_DIAGNOSTICS_PER_FILE) {
              kept.addAll(found);
              return;
            }
            List<Diagnostic> sorted = found.stream().sorted(Diagnostic.ORDER).toList();
            List<Diagnostic> shown = sorted.subList(0, MAX_DIAGNOSTICS_PER_FILE);
            kept.addAll(shown);
            int more = found.size() - MAX_DIAGNOSTICS_PER_FILE;
            boolean errors =
                sorted.subList(MAX_DIAGNOSTICS_PER_FILE, sorted.size()).stream()
                    .anyMatch(Diagnostic::isError);
            Diagnostic last = shown.get(shown.size() - 1);
            kept.add(
                new Diagnostic(
                    errors ? Severity.ERROR : Severity.WARNING,
                    more
                        + " more problems in this file are not shown (at most "
                        + MAX_DIAGNOSTICS_PER_FILE
                        + " are reported per file); fix these and validate again",
                    file,
                    last.position(),
                    "",
                    ""));
          });
      return kept;
    }

    /** The client a document of another environment names, resolved with the run's variables. */
    private OtherEnvironmentDocument otherEnvironment(
        SourceText source, YamlReader.Document document) {
      SourceRef at = new SourceRef(source.file(), document.start());
      List<String> environments = environmentsOf(document);
      Optional<String> pool = resolved(document, "/UserPoolId");
      if (pool.isEmpty()) {
        return new OtherEnvironmentDocument(
            at, environments, unknown(document, Optional.empty(), "/UserPoolId"));
      }
      String pointer = document.root().has("ClientId") ? "/ClientId" : "/ClientName";
      Optional<String> name = resolved(document, pointer);
      if (name.isEmpty()) {
        return new OtherEnvironmentDocument(at, environments, unknown(document, pool, pointer));
      }
      ClientRef ref =
          pointer.equals("/ClientId")
              ? ClientRef.byId(pool.get(), name.get())
              : ClientRef.byName(pool.get(), name.get());
      return new OtherEnvironmentDocument(
          at, environments, new OtherEnvironmentDocument.Named(ref));
    }

    private OtherEnvironmentDocument.Unknown unknown(
        YamlReader.Document document, Optional<String> pool, String pointer) {
      String key = pointer.substring(1);
      String problem =
          document.root().has(key)
              ? key
                  + " has no value"
                  + variables.environment().map(name -> " in environment " + name).orElse("")
              : "it has no " + key;
      return new OtherEnvironmentDocument.Unknown(
          pool, pointer, document.keyPosition(pointer), problem);
    }

    /**
     * A document just read: checks it (unless it belongs to another environment) and, when it is
     * valid, tells of its pool.
     */
    private void composed(SourceText source, YamlReader.Document document) {
      if (ofOtherEnvironment(document)) {
        return;
      }
      List<Diagnostic> found = checkDocument(source, document);
      checked.put(document, found);
      // Valid: the schema's pattern made the pool id well-formed, and the check refused init's
      // placeholder.
      if (document.reported().isEmpty() && found.stream().noneMatch(Diagnostic::isError)) {
        resolved(document, "/UserPoolId").ifPresent(poolNamed);
      }
    }

    /** The documents that belong to other environments than the run's; none without one. */
    private List<YamlReader.Document> otherEnvironments(List<YamlReader.Document> documents) {
      return documents.stream().filter(this::ofOtherEnvironment).toList();
    }

    private boolean ofOtherEnvironment(YamlReader.Document document) {
      return variables
          .environment()
          .map(
              selected -> {
                List<String> names = environmentsOf(document);
                return !names.isEmpty()
                    && !names.contains(selected)
                    && variables.environments().containsAll(names);
              })
          .orElse(false);
    }

    private Diagnostic duplicate(ClientSpec spec, ClientSpec first) {
      String pointer = spec.clientId().isPresent() ? "/ClientId" : "/ClientName";
      String how = spec.clientId().isPresent() ? "" : " by name";
      return sources
          .get(spec.source().file())
          .error(
              spec.positionOf(pointer),
              pointer,
              "client "
                  + spec.ref().title()
                  + " is declared"
                  + how
                  + " again (first at "
                  + first.source().file()
                  + ":"
                  + first.positionOf(pointer).line()
                  + "); declare each client once");
    }
  }

  /** The text at a top-level key, when it is a string that the reader found nothing wrong with. */
  private static Optional<String> resolved(YamlReader.Document document, String pointer) {
    JsonNode node = document.root().path(pointer.substring(1));
    return node.isString() && !node.stringValue().isEmpty() && !document.alreadyReported(pointer)
        ? Optional.of(node.stringValue())
        : Optional.empty();
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
    diagnostics.addAll(checkEnvironments(source, document));
    if (document.reported().isEmpty() && diagnostics.stream().noneMatch(Diagnostic::isError)) {
      ClientSpec spec = toSpec(source, document);
      diagnostics.addAll(unknownRules(source, spec));
      placeholderPool(source, spec).ifPresent(diagnostics::add);
      if (spec.absent()) {
        return diagnostics; // nothing is sent for a client to delete
      }
      Rules.onFile(spec, rules).stream()
          .map(
              d ->
                  source.diagnostic(d.severity(), d.position(), d.pointer(), d.message(), d.rule()))
          .forEach(diagnostics::add);
    }
    return diagnostics;
  }

  /**
   * The reader's diagnostics that lie outside the skipped documents (such as a variable that only
   * the skipped document's environment defines): a document spans from its start to the next one.
   */
  private static List<Diagnostic> outside(
      List<YamlReader.Document> skipped,
      List<YamlReader.Document> documents,
      List<Diagnostic> diagnostics) {
    if (skipped.isEmpty()) {
      return diagnostics;
    }
    return diagnostics.stream()
        .filter(
            d -> {
              for (int i = 0; i < documents.size(); i++) {
                Position start = documents.get(i).start();
                boolean after = d.position().compareTo(start) >= 0;
                boolean before =
                    i + 1 == documents.size()
                        || d.position().compareTo(documents.get(i + 1).start()) < 0;
                if (after && before) {
                  return !skipped.contains(documents.get(i));
                }
              }
              return true;
            })
        .toList();
  }

  /** The environments a document names in {@code ccr.environments}, as far as it names any. */
  private static List<String> environmentsOf(YamlReader.Document document) {
    return document.root().path("ccr").path("environments").values().stream()
        .filter(JsonNode::isString)
        .map(JsonNode::stringValue)
        .toList();
  }

  /**
   * Each name in {@code ccr.environments} must be an environment of the project file; a document
   * restricted to environments needs one selected.
   */
  private List<Diagnostic> checkEnvironments(SourceText source, YamlReader.Document document) {
    List<Diagnostic> found = new ArrayList<>();
    List<String> names = environmentsOf(document);
    List<String> defined = variables.environments();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!defined.contains(name)) {
        String pointer = "/ccr/environments/" + i;
        found.add(
            source.error(
                document.valuePosition(pointer),
                pointer,
                "ccr.environments["
                    + i
                    + "]: no environment "
                    + name
                    + (defined.isEmpty()
                        ? "; no ccr.yaml defines environments for this run"
                        : " in ccr.yaml; it defines "
                            + String.join(", ", defined)
                            + Suggestions.nearest(name, defined)
                                .map(s -> " (did you mean " + s + "?)")
                                .orElse(""))));
      }
    }
    if (found.isEmpty() && !names.isEmpty() && variables.environment().isEmpty()) {
      found.add(
          source.error(
              document.keyPosition("/ccr/environments"),
              "/ccr/environments",
              "this document belongs to environment"
                  + (names.size() == 1 ? " " : "s ")
                  + String.join(", ", names)
                  + " only: select "
                  + (names.size() == 1 ? "it" : "one")
                  + " with --env"));
    }
    return found;
  }

  /** The user pool id {@code ccr init} writes until it is given one. */
  public static final String PLACEHOLDER_POOL = "us-east-1_ReplaceMe";

  /**
   * An error at a {@code UserPoolId} that is still {@code ccr init}'s placeholder: nothing is sent
   * to AWS for a pool that cannot be the user's.
   */
  private static Optional<Diagnostic> placeholderPool(SourceText source, ClientSpec spec) {
    if (!spec.userPoolId().equals(PLACEHOLDER_POOL)) {
      return Optional.empty();
    }
    return Optional.of(
        source.error(
            spec.positionOf("/UserPoolId"),
            "/UserPoolId",
            "UserPoolId is "
                + PLACEHOLDER_POOL
                + ", the placeholder ccr init wrote: replace it with your user pool's id"
                + " (aws cognito-idp list-user-pools --max-results 20 lists them)"));
  }

  /** An error at every id in {@code ccr: {allow: [...]}} that names no security rule. */
  private static List<Diagnostic> unknownRules(SourceText source, ClientSpec spec) {
    List<Diagnostic> errors = new ArrayList<>();
    List<String> allow = spec.settings().allow();
    for (int i = 0; i < allow.size(); i++) {
      if (SecurityRule.byId(allow.get(i)).isEmpty()) {
        String pointer = "/ccr/allow/" + i;
        errors.add(
            source.error(
                spec.positionOf(pointer),
                pointer,
                "ccr.allow[" + i + "]: " + SecurityRule.unknown(allow.get(i))));
      }
    }
    return errors;
  }

  private static String notDesiredState(String key) {
    return switch (key) {
      case "ClientSecret" ->
          "ClientSecret is not desired state: ccr never reads, compares or writes the client secret; remove it from the file (and rotate it if this file was shared)";
      default -> key + " is set by Cognito and read-only, not desired state: remove it";
    };
  }

  /** The compiled schema, built once per process on first use and shared by every loader. */
  private static SchemaChecker schema() {
    return CompiledSchema.INSTANCE;
  }

  /** Problems reported per file; a line says how many more there were. */
  static final int MAX_DIAGNOSTICS_PER_FILE = 100;

  private static final class CompiledSchema {
    static final SchemaChecker INSTANCE = new SchemaChecker();
  }

  private static final Set<String> NOT_ATTRIBUTES =
      Set.of("UserPoolId", "ClientId", "GenerateSecret", "ccr");

  private static ClientSpec toSpec(SourceText source, YamlReader.Document document) {
    JsonNode root = document.root();
    Map<String, Object> attributes = new LinkedHashMap<>();
    Set<String> removed = new java.util.TreeSet<>();
    root.properties()
        .forEach(
            entry -> {
              if (entry.getValue().isNull()) {
                removed.add(entry.getKey());
              } else if (!NOT_ATTRIBUTES.contains(entry.getKey())) {
                attributes.put(entry.getKey(), value(entry.getValue()));
              }
            });
    Map<String, Position> positions = new HashMap<>(document.values());
    positions.putAll(document.keys());
    return new ClientSpec(
        new SourceRef(source.file(), document.start()),
        root.get("UserPoolId").asString(),
        Optional.ofNullable(root.get("ClientId")).map(JsonNode::asString),
        attributes,
        removed,
        Optional.ofNullable(root.get("GenerateSecret")).map(JsonNode::booleanValue),
        settings(root.get("ccr")),
        positions);
  }

  private static ClientSpec.Settings settings(JsonNode ccr) {
    if (ccr == null) {
      return ClientSpec.Settings.DEFAULT;
    }
    ClientSpec.State state =
        Optional.ofNullable(ccr.get("state"))
            .map(node -> ClientSpec.State.valueOf(node.asString().toUpperCase(Locale.ROOT)))
            .orElse(ClientSpec.State.PRESENT);
    return new ClientSpec.Settings(
        state,
        strings(ccr.get("environments")),
        strings(ccr.get("allow")),
        Optional.ofNullable(ccr.get("secret")).map(SpecLoader::secretPolicy));
  }

  /** {@code ccr: {secret:}}, which the schema has checked: an age, a grace and one store. */
  private static SecretPolicy secretPolicy(JsonNode secret) {
    JsonNode store = secret.path("store");
    SecretPolicy.Store where =
        store.has("secretsManager")
            ? new SecretPolicy.SecretsManager(store.get("secretsManager").asString())
            : new SecretPolicy.SsmParameter(store.get("ssmParameter").asString());
    return new SecretPolicy(
        SecretPolicy.age(secret.get("rotateAfter").asString()),
        Optional.ofNullable(secret.get("grace"))
            .map(g -> SecretPolicy.age(g.asString()))
            .orElse(SecretPolicy.DEFAULT_GRACE),
        where);
  }

  private static List<String> strings(JsonNode array) {
    return array == null ? List.of() : array.values().stream().map(JsonNode::asString).toList();
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
