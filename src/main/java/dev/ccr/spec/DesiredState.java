package dev.ccr.spec;

import java.util.List;

/**
 * What the spec phase hands on: every client declared in the files that were read, and every
 * problem found in them, sorted by file and position.
 *
 * @param clients the clients of documents without errors, in file order
 * @param files the files that were read, in the order they were read
 * @param substitutions where variables went, to explain diagnostics made later about their values
 */
public record DesiredState(
    List<ClientSpec> clients,
    List<Diagnostic> diagnostics,
    List<String> files,
    Substitutions substitutions) {
  public DesiredState {
    clients = List.copyOf(clients);
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    files = List.copyOf(files);
    java.util.Objects.requireNonNull(substitutions, "substitutions");
  }

  /** A desired state read without variables. */
  public DesiredState(List<ClientSpec> clients, List<Diagnostic> diagnostics, List<String> files) {
    this(clients, diagnostics, files, Substitutions.NONE);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public long errorCount() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public long warningCount() {
    return diagnostics.size() - errorCount();
  }
}
