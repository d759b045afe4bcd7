package dev.ccr.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The project file {@code ccr.yaml}: the environments of a repository (each with its variables and
 * AWS options) and the globs of YAML files that directory scans leave out. It is checked against
 * {@code schemas/ccr.schema.json} like client files are against theirs.
 *
 * <p>It is long because it reads, checks and explains ccr.yaml (environments, variables, AWS
 * options, exclude globs) and draws the project's boundaries around a directory scan.
 */
public final class ProjectFile {
  /** The name ccr looks for in the working directory and its parents. */
  public static final String NAME = "ccr.yaml";

  /** Every pattern of the project schema, in words; a test keeps the two in step. */
  static final Map<String, String> PATTERN_HINTS =
      Map.of(
          "^[A-Za-z0-9][A-Za-z0-9_.-]*$",
          "is not an environment name: a letter or digit, then letters, digits, _ . and -",
          "^[A-Za-z0-9_]+$",
          "is not a variable name: letters, digits and _ only",
          "^[a-z0-9]+(-[a-z0-9]+)*$",
          "is not a region name such as eu-west-1",
          "^https?://[^\\s/?#]+([/?#]\\S*)?$",
          "is not an http:// or https:// URL with a host",
          "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]+$",
          "is not an IAM role ARN such as arn:aws:iam::123456789012:role/ccr-deployer");

  static final SchemaChecker.Definition SCHEMA =
      new SchemaChecker.Definition("/dev/ccr/schemas/ccr.schema.json", PATTERN_HINTS, "");

  /** The file read, or none, and every problem found in it. */
  public record Loaded(Optional<ProjectFile> project, List<Diagnostic> diagnostics) {
    public Loaded {
      diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  /**
   * The files of a run after the project's boundaries are applied.
   *
   * @param skipped directories passed over because they hold a project file of their own, as notes
   *     for the user
   */
  /**
   * The files a run reads, and what it left out.
   *
   * @param skipped why each directory holding a project file of its own was skipped
   * @param excluded the files the active project's {@code exclude} left out, as found
   */
  public record Scope(List<Path> files, List<String> skipped, List<Path> excluded) {
    public Scope {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
      excluded = List.copyOf(excluded);
    }
  }

  /** One environment with its variables. */
  private record Entry(
      Environment environment, Map<String, Variables.Variable> variables, List<String> allow) {}

  private final String displayName;
  private final Path directory;
  private final Map<String, Entry> environments;
  private final List<Glob> exclude;
  private final RuleSettings rules;

  private ProjectFile(
      String displayName,
      Path directory,
      Map<String, Entry> environments,
      List<Glob> exclude,
      RuleSettings rules) {
    this.displayName = displayName;
    this.directory = directory;
    this.environments = environments;
    this.exclude = List.copyOf(exclude);
    this.rules = rules;
  }

  /**
   * The {@code ccr.yaml} of the working directory or its nearest parent, as a path that works from
   * the working directory ({@code ccr.yaml}, {@code ../ccr.yaml}).
   */
  public static Optional<Path> find(Path workingDirectory) {
    Path start = workingDirectory.toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(workingDirectory.resolve(start.relativize(candidate)).normalize());
      }
    }
    return Optional.empty();
  }

  /**
   * Reads and checks a project file.
   *
   * @throws UncheckedIOException when it cannot be read at all
   */
  public static Loaded load(Path file) {
    long size;
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      size = Files.size(file);
      bytes = in.readNBytes(YamlReader.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    YamlReader.Result result = new YamlReader().read(file.toString(), bytes, size);
    List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
    if (result.documents().size() > 1) {
      diagnostics.add(
          result
              .source()
              .error(
                  result.documents().get(1).start(),
                  "",
                  "ccr.yaml holds one document, not several"));
    }
    if (!diagnostics.isEmpty()) {
      return new Loaded(Optional.empty(), diagnostics);
    }
    YamlReader.Document document = result.documents().get(0);
    if (!document.root().isObject()) {
      diagnostics.add(
          result
              .source()
              .error(
                  document.start(),
                  "",
                  "ccr.yaml is a mapping with the keys environments, exclude and rules"));
      return new Loaded(Optional.empty(), diagnostics);
    }
    diagnostics.addAll(schema().check(result.source(), document));
    if (!diagnostics.isEmpty()) {
      return new Loaded(Optional.empty(), diagnostics);
    }
    return build(file, result.source(), document);
  }

  private static Loaded build(Path file, SourceText source, YamlReader.Document document) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, Entry> environments = new LinkedHashMap<>();
    document
        .root()
        .path("environments")
        .properties()
        .forEach(
            e ->
                environments.put(
                    e.getKey(), entry(source, document, e.getKey(), e.getValue(), diagnostics)));
    List<Glob> exclude = new ArrayList<>();
    JsonNode globs = document.root().path("exclude");
    for (int i = 0; i < globs.size(); i++) {
      String glob = globs.get(i).stringValue();
      try {
        exclude.add(Glob.compile(glob));
      } catch (PatternSyntaxException e) {
        String pointer = "/exclude/" + i;
        diagnostics.add(
            source.error(
                document.valuePosition(pointer),
                pointer,
                "exclude["
                    + i
                    + "]: "
                    + SchemaChecker.show(globs.get(i))
                    + " is not a glob: "
                    + e.getDescription()));
      }
    }
    JsonNode rules = document.root().path("rules");
    List<String> allow = allowList(source, document, "/rules", "rules", diagnostics);
    if (!diagnostics.isEmpty()) {
      return new Loaded(Optional.empty(), diagnostics);
    }
    Path directory =
        Optional.ofNullable(file.toAbsolutePath().normalize().getParent()).orElseThrow();
    RuleSettings settings =
        new RuleSettings(Set.copyOf(allow), rules.path("strict").asBoolean(false));
    return new Loaded(
        Optional.of(new ProjectFile(file.toString(), directory, environments, exclude, settings)),
        List.of());
  }

  private static Entry entry(
      SourceText source,
      YamlReader.Document document,
      String name,
      JsonNode node,
      List<Diagnostic> diagnostics) {
    String pointer = "/environments/" + name;
    Map<String, Variables.Variable> variables = new LinkedHashMap<>();
    node.path("vars")
        .properties()
        .forEach(
            v -> {
              Position at = document.valuePosition(pointer + "/vars/" + v.getKey());
              variables.put(
                  v.getKey(),
                  new Variables.Variable(
                      v.getKey(),
                      v.getValue(),
                      "environment " + name + ", " + source.file() + ":" + at.line()));
            });
    Optional<String> endpoint = text(node, "endpoint-url");
    endpoint.ifPresent(
        url -> {
          try {
            new URI(url);
          } catch (URISyntaxException e) {
            String at = pointer + "/endpoint-url";
            diagnostics.add(
                source.error(
                    document.valuePosition(at),
                    at,
                    "environments." + name + ".endpoint-url is not a URL: " + e.getReason()));
          }
        });
    AwsSettings aws =
        new AwsSettings(
            text(node, "region"), text(node, "profile"), endpoint, text(node, "role-arn"));
    List<String> allow = allowList(source, document, pointer, "environments." + name, diagnostics);
    return new Entry(new Environment(name, aws), variables, allow);
  }

  /**
   * The ids of an {@code allow} list (under {@code rules} or an environment) as the rules spell
   * them; an id that names no rule is an error at its item, with a suggestion.
   *
   * @param pointer the JSON Pointer of the mapping that holds the list
   * @param label how a message names that mapping ({@code rules}, {@code environments.dev})
   */
  private static List<String> allowList(
      SourceText source,
      YamlReader.Document document,
      String pointer,
      String label,
      List<Diagnostic> diagnostics) {
    List<String> allow = new ArrayList<>();
    JsonNode ids = document.root().at(pointer).path("allow");
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i).stringValue();
      Optional<SecurityRule> rule = SecurityRule.byId(id);
      if (rule.isPresent()) {
        allow.add(rule.get().id());
      } else {
        String at = pointer + "/allow/" + i;
        diagnostics.add(
            source.error(
                document.valuePosition(at),
                at,
                label + ".allow[" + i + "]: " + SecurityRule.unknown(id)));
      }
    }
    return List.copyOf(allow);
  }

  private static Optional<String> text(JsonNode node, String key) {
    return node.has(key) ? Optional.of(node.get(key).stringValue()) : Optional.empty();
  }

  /** The compiled project schema, built on first use. */
  private static SchemaChecker schema() {
    return CompiledSchema.INSTANCE;
  }

  private static final class CompiledSchema {
    static final SchemaChecker INSTANCE = new SchemaChecker(SCHEMA);
  }

  /** The file as the user named it or ccr found it. */
  public String displayName() {
    return displayName;
  }

  /** The directory of the file, absolute: excludes are relative to it. */
  public Path directory() {
    return directory;
  }

  /** The environments, in file order. */
  public List<String> environmentNames() {
    return List.copyOf(environments.keySet());
  }

  /**
   * The project-wide settings of the security rules ({@code rules: {allow: [...], strict: true}}),
   * which every run of the project starts from: the command line's {@code --allow} and the selected
   * environment's {@code allow} add to them, and {@code --strict} or {@code strict: true} makes the
   * warnings errors.
   */
  public RuleSettings rules() {
    return rules;
  }

  /**
   * The security rules an environment allows for every client of its runs ({@code allow}), as
   * {@code --allow} would; none for an environment that is not defined.
   */
  public List<String> allowed(String name) {
    return Optional.ofNullable(environments.get(name)).map(Entry::allow).orElse(List.of());
  }

  public Optional<Environment> environment(String name) {
    return Optional.ofNullable(environments.get(name)).map(Entry::environment);
  }

  /** Whether a file or directory is left out of directory scans by {@code exclude}. */
  public boolean excludes(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!absolute.startsWith(directory) || absolute.equals(directory)) {
      return false;
    }
    Path relative = directory.relativize(absolute);
    for (int end = 1; end <= relative.getNameCount(); end++) {
      Path part = relative.subpath(0, end);
      if (exclude.stream().anyMatch(m -> m.matches(part))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Applies project boundaries to the files {@link SpecFiles} found: a file named on the command
   * line is always kept; a file found by scanning a directory is left out when it is a project file
   * ({@code ccr.yaml}), when the active project's {@code exclude} matches it, or when a directory
   * between the one scanned and the file holds a project file other than the active one (another
   * project, which a run from outside does not mix in).
   *
   * @param paths the paths the user named
   * @param found the files found for them
   */
  public static Scope scope(List<Path> paths, List<Path> found, Optional<ProjectFile> project) {
    List<Path> named =
        paths.stream().filter(Files::isRegularFile).map(ProjectFile::absolute).toList();
    List<Path> roots =
        paths.stream().filter(Files::isDirectory).map(ProjectFile::absolute).toList();
    List<Path> files = new ArrayList<>();
    List<Path> excluded = new ArrayList<>();
    Set<String> skipped = new LinkedHashSet<>();
    for (Path file : found) {
      Path absolute = absolute(file);
      if (named.contains(absolute)) {
        files.add(file);
        continue;
      }
      Optional<Path> root = roots.stream().filter(absolute::startsWith).findFirst();
      Optional<Path> foreign = root.flatMap(r -> foreignProject(r, absolute, project));
      if (foreign.isPresent()) {
        skipped.add(
            "skipped "
                + display(paths, foreign.get())
                + ": it holds its own "
                + NAME
                + "; run ccr there or pass --config "
                + display(paths, foreign.get().resolve(NAME)));
      } else if (absolute.getFileName().toString().equals(NAME)) {
        continue;
      } else if (project.map(p -> p.excludes(absolute)).orElse(false)) {
        excluded.add(file);
      } else {
        files.add(file);
      }
    }
    return new Scope(files, List.copyOf(skipped), excluded);
  }

  /** The nearest directory from the file up to {@code root} that holds another project file. */
  private static Optional<Path> foreignProject(
      Path root, Path file, Optional<ProjectFile> project) {
    for (Path dir = file.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
      if (project.isPresent() && dir.equals(project.get().directory())) {
        return Optional.empty();
      }
      if (Files.isRegularFile(dir.resolve(NAME))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** A directory as the user would name it: relative to the named path it lies under. */
  private static String display(List<Path> paths, Path absolute) {
    for (Path path : paths) {
      Path base = absolute(path);
      if (absolute.startsWith(base)) {
        return path.resolve(base.relativize(absolute)).normalize().toString();
      }
    }
    return absolute.toString();
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  Map<String, Variables.Variable> variables(String environment) {
    Entry entry = environments.get(environment);
    if (entry == null) {
      throw new IllegalArgumentException("no environment " + environment + " in " + displayName);
    }
    return entry.variables();
  }

  /** Each variable of an environment's vars, in file order, with where it is defined. */
  public Map<String, String> variableOrigins(String environment) {
    Map<String, String> origins = new LinkedHashMap<>();
    variables(environment).forEach((name, variable) -> origins.put(name, variable.origin()));
    return origins;
  }

  /** The environments whose vars give a value to {@code variable}, in file order. */
  List<String> environmentsDefining(String variable) {
    return environments.entrySet().stream()
        .filter(e -> e.getValue().variables().containsKey(variable))
        .map(Map.Entry::getKey)
        .toList();
  }

  Set<String> variableNames() {
    Set<String> names = new LinkedHashSet<>();
    environments.values().forEach(e -> names.addAll(e.variables().keySet()));
    return names;
  }
}
