package dev.ccr.spec;

import java.util.List;
import java.util.Objects;

/**
 * What the spec phase hands on: every client declared in the files that were read, and every
 * problem found in them, sorted by file and position.
 *
 * @param clients the clients of documents without errors, in file order
 * @param files the files that were read, in the order they were read
 * @param substitutions where variables went, to explain diagnostics made later about their values
 * @param unreadFiles why each desired-state file that was found could not be read (a dangling or
 *     looping link, a FIFO): the clients it declares are unknown
 * @param otherEnvironments the documents left out because they belong to other environments only
 */
public record DesiredState(
    List<ClientSpec> clients,
    List<Diagnostic> diagnostics,
    List<String> files,
    Substitutions substitutions,
    List<String> unreadFiles,
    List<OtherEnvironmentDocument> otherEnvironments) {
  public DesiredState {
    clients = List.copyOf(clients);
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    files = List.copyOf(files);
    Objects.requireNonNull(substitutions, "substitutions");
    unreadFiles = List.copyOf(unreadFiles);
    otherEnvironments = List.copyOf(otherEnvironments);
  }

  /** A desired state read from files that were all read, every document in the run. */
  public DesiredState(
      List<ClientSpec> clients,
      List<Diagnostic> diagnostics,
      List<String> files,
      Substitutions substitutions) {
    this(clients, diagnostics, files, substitutions, List.of(), List.of());
  }

  /** A desired state read without variables. */
  public DesiredState(List<ClientSpec> clients, List<Diagnostic> diagnostics, List<String> files) {
    this(clients, diagnostics, files, Substitutions.NONE);
  }

  /** This state, knowing that these files were found and could not be read. */
  public DesiredState withUnreadFiles(List<String> unread) {
    return new DesiredState(clients, diagnostics, files, substitutions, unread, otherEnvironments);
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
