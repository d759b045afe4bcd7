package dev.ccr.cli;

import dev.ccr.report.ValidationRenderer;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.ProjectFile;
import dev.ccr.spec.RuleSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ccr validate}: checks desired-state files without talking to AWS. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks desired-state files offline.",
    description = {
      "Checks desired-state files against the schema, the cross-field rules and the security rules, offline: the rules a file alone decides. plan checks them again on what apply would send, and against the user pool.",
      "Directories are searched recursively for *.yaml and *.yml (hidden directories and files skipped).",
      "Diagnostics go to stderr; the result line of valid files (8 clients in 6 files: valid.) to stdout. With --format json or --format sarif (SARIF 2.1.0 for code scanning, file paths relative to the current directory), one document on stdout instead.",
      "When ccr.yaml defines environments and --env names none, the files are checked once for each environment."
    },
    footer = ExitCode.HELP_TABLE)
final class ValidateCommand extends BaseCommand {
  /** The output formats of validate. */
  enum Format {
    text,
    json,
    sarif
  }

  @Mixin SpecMixin specs = new SpecMixin();
  @Mixin RuleMixin rules = new RuleMixin();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  int execute() {
    RuleSettings settings = rules.settings(spec);
    LoadedRun.Selection selection = selectEnvironment(specs.environment);
    List<String> names = selection.project().map(ProjectFile::environmentNames).orElse(List.of());
    if (selection.environment().isPresent() || names.isEmpty()) {
      if (format == Format.text) {
        DesiredState state = loadDesiredState(specs, selection, settings).state();
        selection.environment().ifPresent(e -> warnUnused(selection.project(), e.name(), state));
        return print(renderer().render(state, Map.of()), false);
      }
      DesiredState state = load(specs, selection, settings).state();
      return print(renderer().render(state, Map.of()), state.hasErrors());
    }
    return validateEach(selection, names, settings);
  }

  /**
   * Checks the files once per environment; a diagnostic that only some environments give names
   * them.
   */
  private int validateEach(LoadedRun.Selection selection, List<String> names, RuleSettings rules) {
    Map<String, DesiredState> states = new LinkedHashMap<>();
    Map<Diagnostic, List<String>> found = new LinkedHashMap<>();
    for (String name : names) {
      DesiredState state = load(specs, selection.with(name), rules).state();
      states.put(name, state);
      state.diagnostics().forEach(d -> found.computeIfAbsent(d, k -> new ArrayList<>()).add(name));
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    found.forEach(
        (d, in) -> diagnostics.add(in.size() == names.size() ? d : namingEnvironments(d, in)));
    boolean invalid = states.values().stream().anyMatch(DesiredState::hasErrors);
    String rendered = renderer().render(combined(states, diagnostics), states);
    if (format != Format.text) {
      return print(rendered, invalid);
    }
    printDiagnostics(diagnostics.stream().sorted(Diagnostic.ORDER).toList());
    states.forEach((name, state) -> warnUnused(selection.project(), name, state));
    (invalid ? err() : out()).print(rendered);
    return invalid ? ExitCode.INVALID : ExitCode.OK;
  }

  /**
   * One state for every environment: each file and each document's client counted once, whichever
   * environments read them, and every diagnostic.
   */
  private static DesiredState combined(Map<String, DesiredState> states, List<Diagnostic> found) {
    Map<dev.ccr.spec.SourceRef, dev.ccr.spec.ClientSpec> clients = new LinkedHashMap<>();
    Set<String> files = new LinkedHashSet<>();
    states
        .values()
        .forEach(
            state -> {
              state.clients().forEach(c -> clients.putIfAbsent(c.source(), c));
              files.addAll(state.files());
            });
    return new DesiredState(List.copyOf(clients.values()), found, List.copyOf(files));
  }

  /**
   * Warns of each variable of the environment that no file read refers to: a leftover, or a name
   * the files spell differently. Only when every PATH is a directory, so all files were read.
   */
  private void warnUnused(Optional<ProjectFile> project, String name, DesiredState state) {
    if (project.isEmpty()
        || !specs.pathsOrCurrentDirectory().stream().allMatch(java.nio.file.Files::isDirectory)) {
      return;
    }
    Set<String> used = state.substitutions().names();
    project
        .get()
        .variableOrigins(name)
        .forEach(
            (variable, origin) -> {
              if (!used.contains(variable)) {
                printMessage(
                    "warning: variable "
                        + variable
                        + " ("
                        + origin
                        + ") is used by no file read"
                        + dev.ccr.spec.Suggestions.nearest(variable, used)
                            .map(s -> "; the files use " + s)
                            .orElse(""));
              }
            });
  }

  private int print(String document, boolean invalid) {
    out().print(document);
    out().flush();
    return invalid ? ExitCode.INVALID : ExitCode.OK;
  }

  private ValidationRenderer renderer() {
    return switch (format) {
      case text -> ValidationRenderer.text();
      case json -> ValidationRenderer.json();
      case sarif ->
          ValidationRenderer.sarif(Version.number(), Version.INFORMATION_URI, Path.of(""));
    };
  }

  private static Diagnostic namingEnvironments(Diagnostic d, List<String> names) {
    if (names.size() == 1 && d.message().contains("environment " + names.get(0) + ",")) {
      return d;
    }
    String suffix =
        " (in environment" + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + ")";
    return new Diagnostic(
        d.severity(),
        d.message() + suffix,
        d.file(),
        d.position(),
        d.pointer(),
        d.sourceLine(),
        d.rule());
  }
}
