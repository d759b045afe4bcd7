package dev.ccr.spec;

import java.util.List;

/**
 * What the spec phase hands on: every client declared in the files that were read, and every
 * problem found in them, sorted by file and position.
 *
 * @param clients the clients of documents without errors, in file order
 * @param files the files that were read, in the order they were read
 */
public record DesiredState(
    List<ClientSpec> clients, List<Diagnostic> diagnostics, List<String> files) {
  public DesiredState {
    clients = List.copyOf(clients);
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    files = List.copyOf(files);
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
