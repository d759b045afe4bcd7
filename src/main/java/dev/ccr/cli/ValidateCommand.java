package dev.ccr.cli;

import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.ProjectFile;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ccr validate}: checks desired-state files without talking to AWS. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks desired-state files offline.",
    description = {
      "Checks desired-state files against the schema and the cross-field rules, offline.",
      "Directories are searched recursively for *.yaml and *.yml (hidden directories and files skipped).",
      "Diagnostics go to stderr; the result line of valid files (8 clients in 6 files: valid.) to stdout.",
      "When ccr.yaml defines environments and --env names none, the files are checked once for each environment."
    },
    footer = ExitCode.HELP_TABLE)
final class ValidateCommand extends BaseCommand {
  @Mixin SpecMixin specs = new SpecMixin();

  @Override
  int execute() {
    Optional<ProjectFile> project = selectEnvironment(specs.environment);
    List<String> names = project.map(ProjectFile::environmentNames).orElse(List.of());
    if (environment.isPresent() || names.isEmpty()) {
      DesiredState state = loadDesiredState(specs, project);
      out().println(Summaries.validation(state));
      return ExitCode.OK;
    }
    return validateEach(project, names);
  }

  /**
   * Checks the files once per environment; a diagnostic that only some environments give names
   * them.
   */
  private int validateEach(Optional<ProjectFile> project, List<String> names) {
    Map<String, DesiredState> states = new LinkedHashMap<>();
    Map<Diagnostic, List<String>> found = new LinkedHashMap<>();
    for (String name : names) {
      DesiredState state = load(specs, project, Optional.of(name));
      states.put(name, state);
      state.diagnostics().forEach(d -> found.computeIfAbsent(d, k -> new ArrayList<>()).add(name));
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    found.forEach(
        (d, in) -> diagnostics.add(in.size() == names.size() ? d : namingEnvironments(d, in)));
    printDiagnostics(diagnostics.stream().sorted(Diagnostic.ORDER).toList());
    boolean invalid = states.values().stream().anyMatch(DesiredState::hasErrors);
    PrintWriter summaries = invalid ? err() : out();
    states.forEach((name, state) -> summaries.println(name + ": " + Summaries.validation(state)));
    return invalid ? ExitCode.INVALID : ExitCode.OK;
  }

  private static Diagnostic namingEnvironments(Diagnostic d, List<String> names) {
    if (names.size() == 1 && d.message().contains("environment " + names.get(0) + ",")) {
      return d;
    }
    String suffix =
        " (in environment" + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + ")";
    return new Diagnostic(
        d.severity(), d.message() + suffix, d.file(), d.position(), d.pointer(), d.sourceLine());
  }
}
