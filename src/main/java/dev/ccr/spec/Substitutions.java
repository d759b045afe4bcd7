package dev.ccr.spec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What variable substitution did in one load: where values went (so that a message about such a
 * value can say where it came from) and which variables had no value.
 */
public record Substitutions(List<VariableUse> uses, Set<String> unresolved) {
  public static final Substitutions NONE = new Substitutions(List.of(), Set.of());

  public Substitutions {
    uses = List.copyOf(uses);
    unresolved = Set.copyOf(unresolved);
  }

  /** The names of the variables the files refer to, with a value or without. */
  public Set<String> names() {
    Set<String> names = new java.util.TreeSet<>(unresolved);
    for (VariableUse use : uses) {
      java.util.regex.Matcher m = REFERENCE.matcher(use.text());
      if (m.lookingAt()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  /**
   * The diagnostics, each one at a substituted value naming the variables and their origins. One
   * about the whole document (pointer {@code ""}) is at no value, even when a substituted value
   * starts its first line.
   */
  public List<Diagnostic> explain(List<Diagnostic> diagnostics) {
    return uses.isEmpty() ? diagnostics : diagnostics.stream().map(this::explain).toList();
  }

  private Diagnostic explain(Diagnostic diagnostic) {
    Set<String> texts = new LinkedHashSet<>();
    if (diagnostic.pointer().isEmpty()) {
      return diagnostic;
    }
    for (VariableUse use : uses) {
      if (use.file().equals(diagnostic.file()) && use.position().equals(diagnostic.position())) {
        texts.add(use.text());
      }
    }
    if (texts.isEmpty()) {
      return diagnostic;
    }
    return new Diagnostic(
        diagnostic.severity(),
        diagnostic.message() + " (" + String.join("; ", texts) + ")",
        diagnostic.file(),
        diagnostic.position(),
        diagnostic.pointer(),
        diagnostic.sourceLine(),
        diagnostic.rule());
  }
}
