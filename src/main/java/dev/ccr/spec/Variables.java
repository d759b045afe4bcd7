package dev.ccr.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The variables of one run: the value of each {@code ${name}} and where it came from. Values come
 * from, highest first: {@code --var name=value}, {@code --var-file FILE}, the selected
 * environment's {@code vars} in {@code ccr.yaml}, and {@code CCR_VAR_name} in the process
 * environment. Every value is read as YAML, so {@code 30} is a number and {@code [a, b]} a list.
 */
public final class Variables {
  /** The prefix of variables taken from the process environment. */
  public static final String PROCESS_PREFIX = "CCR_VAR_";

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Set<String> NULLS = Set.of("~", "null", "Null", "NULL");
  private static final String NOT_HERE = "variables are only replaced in client files";

  /**
   * One variable.
   *
   * @param origin where the value came from, in words ({@code environment prod, ccr.yaml:4})
   */
  record Variable(String name, JsonNode value, String origin) {
    Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(origin, "origin");
    }
  }

  private final Map<String, Variable> values;
  private final Map<String, String> broken;
  private final Optional<ProjectFile> project;
  private final Optional<String> environment;

  private Variables(
      Map<String, Variable> values,
      Map<String, String> broken,
      Optional<ProjectFile> project,
      Optional<String> environment) {
    this.values = Map.copyOf(values);
    this.broken = Map.copyOf(broken);
    this.project = project;
    this.environment = environment;
  }

  /** No variable at all, no project file: every reference is unresolved. */
  public static Variables none() {
    return new Variables(Map.of(), Map.of(), Optional.empty(), Optional.empty());
  }

  /** Collects the variables of a run from their sources, in any order. */
  public static Builder builder(Map<String, String> processEnvironment) {
    return new Builder(processEnvironment);
  }

  /** The environment selected for the run. */
  public Optional<String> environment() {
    return environment;
  }

  /** The environments {@code ccr.yaml} defines, in file order; empty without one. */
  public List<String> environments() {
    return project.map(ProjectFile::environmentNames).orElse(List.of());
  }

  Optional<Variable> find(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Why a variable has no value, and what to do about it. */
  String whyUnresolved(String name) {
    if (broken.containsKey(name)) {
      return broken.get(name);
    }
    String start = "variable " + name + " has no value";
    List<String> defining =
        project.map(p -> p.environmentsDefining(name)).orElse(List.<String>of());
    if (defining.size() == 1 && environment.isEmpty()) {
      return start + "; environment " + defining.get(0) + " defines it: select it with --env";
    }
    if (!defining.isEmpty() && environment.isEmpty()) {
      return start + "; " + environmentList(defining) + " define it: select one with --env";
    }
    if (!defining.isEmpty()) {
      return start
          + " in environment "
          + environment.get()
          + "; "
          + environmentList(defining)
          + " define"
          + (defining.size() == 1 ? "s" : "")
          + " it: add it to environments."
          + environment.get()
          + ".vars in "
          + project.get().displayName()
          + ", or pass --var "
          + name
          + "=VALUE";
    }
    return start
        + suggestion(name)
        + "; define it under environments.NAME.vars in ccr.yaml, pass --var "
        + name
        + "=VALUE, or set "
        + PROCESS_PREFIX
        + name;
  }

  private String suggestion(String name) {
    Set<String> known = new LinkedHashSet<>(values.keySet());
    project.ifPresent(p -> known.addAll(p.variableNames()));
    return Suggestions.nearest(name, known).map(s -> " (did you mean " + s + "?)").orElse("");
  }

  private static String environmentList(List<String> names) {
    return (names.size() == 1 ? "environment " : "environments ") + String.join(", ", names);
  }

  /**
   * Reads one value as YAML: a scalar, a flow list or a flow mapping. The empty text is the empty
   * string; null is refused.
   *
   * @param label what the value stands for in messages ({@code --var pool})
   */
  static Parsed parse(String label, String text) {
    if (text.isEmpty()) {
      return new Parsed(Optional.of(JsonNodeFactory.instance.stringNode("")), "");
    }
    if (NULLS.contains(text.strip())) {
      return new Parsed(
          Optional.empty(), label + ": null is not a value; quote it (\"null\") for the text null");
    }
    YamlReader.Result result =
        new YamlReader(Substituter.forbidden(NOT_HERE))
            .read(label, text.getBytes(StandardCharsets.UTF_8));
    if (!result.diagnostics().isEmpty()) {
      return new Parsed(
          Optional.empty(), label + ": " + result.diagnostics().get(0).message().strip());
    }
    if (result.documents().size() != 1) {
      return new Parsed(Optional.empty(), label + ": give one YAML value, not several documents");
    }
    return new Parsed(Optional.of(result.documents().get(0).root()), "");
  }

  /** A value read from text, or why it could not be read. */
  record Parsed(Optional<JsonNode> value, String problem) {}

  /** Collects the sources of a run's variables; {@link #build} layers them by precedence. */
  public static final class Builder {
    private final Map<String, Variable> process = new HashMap<>();
    private final Map<String, String> broken = new HashMap<>();
    private final Map<String, Variable> environmentVars = new HashMap<>();
    private final Map<String, Variable> fileVars = new LinkedHashMap<>();
    private final Map<String, Variable> commandLine = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Optional<ProjectFile> project = Optional.empty();
    private Optional<String> environment = Optional.empty();

    private Builder(Map<String, String> processEnvironment) {
      processEnvironment.forEach(
          (key, text) -> {
            String name = key.substring(Math.min(key.length(), PROCESS_PREFIX.length()));
            if (key.startsWith(PROCESS_PREFIX) && NAME.matcher(name).matches()) {
              Parsed parsed = parse(key, text);
              parsed
                  .value()
                  .ifPresentOrElse(
                      v -> process.put(name, new Variable(name, v, key)),
                      () -> broken.put(name, parsed.problem()));
            }
          });
    }

    /** The project file of the run: its environments name the variables they define. */
    public Builder project(ProjectFile projectFile) {
      this.project = Optional.of(projectFile);
      return this;
    }

    /**
     * Selects an environment of the project file.
     *
     * @throws IllegalArgumentException when the project file does not define it
     */
    public Builder environment(String name) {
      ProjectFile file =
          project.orElseThrow(() -> new IllegalStateException("no project file to select from"));
      environmentVars.clear();
      environmentVars.putAll(file.variables(name));
      environment = Optional.of(name);
      return this;
    }

    /**
     * Reads a {@code --var-file}: one YAML mapping of names to values. Problems in it become
     * diagnostics.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public Builder file(Path file) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      YamlReader.Result result =
          new YamlReader(Substituter.forbidden(NOT_HERE)).read(file.toString(), bytes);
      diagnostics.addAll(result.diagnostics());
      for (int i = 0; i < result.documents().size(); i++) {
        YamlReader.Document document = result.documents().get(i);
        if (i > 0) {
          diagnostics.add(
              result
                  .source()
                  .error(
                      document.start(),
                      "",
                      "a variable file holds one mapping of names to values, not several documents"));
        } else {
          read(result.source(), document);
        }
      }
      return this;
    }

    private void read(SourceText source, YamlReader.Document document) {
      if (!document.root().isObject()) {
        diagnostics.add(
            source.error(
                document.start(),
                "",
                "a variable file is a mapping of names to values, such as 'pool: us-east-1_Abc123'"));
        return;
      }
      document
          .root()
          .properties()
          .forEach(
              entry -> {
                String name = entry.getKey();
                String pointer = Pointers.child("", name);
                if (!NAME.matcher(name).matches()) {
                  diagnostics.add(
                      source.error(
                          document.keyPosition(pointer),
                          pointer,
                          name + " is not a variable name: use only letters, digits and _"));
                  return;
                }
                Position at = document.valuePosition(pointer);
                fileVars.put(
                    name, new Variable(name, entry.getValue(), source.file() + ":" + at.line()));
              });
    }

    /** Reads one {@code --var NAME=VALUE}; a malformed one becomes a usage problem. */
    public Builder assign(String assignment) {
      int eq = assignment.indexOf('=');
      String name = eq < 0 ? assignment : assignment.substring(0, eq);
      if (eq < 0 || !NAME.matcher(name).matches()) {
        problems.add(
            "--var takes NAME=VALUE with a name of letters, digits and _, not '"
                + assignment
                + "'");
        return this;
      }
      Parsed parsed = parse("--var " + name, assignment.substring(eq + 1));
      parsed
          .value()
          .ifPresentOrElse(
              v -> commandLine.put(name, new Variable(name, v, "--var")),
              () -> problems.add(parsed.problem()));
      return this;
    }

    /** Malformed {@code --var} options: usage errors. */
    public List<String> problems() {
      return List.copyOf(problems);
    }

    /** Problems in the {@code --var-file}: with their positions. */
    public List<Diagnostic> diagnostics() {
      return List.copyOf(diagnostics);
    }

    public Variables build() {
      Map<String, Variable> values = new HashMap<>(process);
      Map<String, String> stillBroken = new HashMap<>(broken);
      for (Map<String, Variable> layer : List.of(environmentVars, fileVars, commandLine)) {
        values.putAll(layer);
        layer.keySet().forEach(stillBroken::remove);
      }
      return new Variables(values, stillBroken, project, environment);
    }
  }
}
