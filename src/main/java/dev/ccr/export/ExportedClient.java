package dev.ccr.export;

import dev.ccr.live.LiveClient;
import dev.ccr.spec.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * One client ready to be written.
 *
 * @param fileName the client's file name within the output directory ({@code web-app.yaml})
 * @param yaml the document, starting with the schema modeline
 * @param findings what {@code ccr validate} will report about the document (and {@code ccr plan},
 *     for the rules that need the live client): the rules of ccr the live client breaks (errors)
 *     and the warnings; empty for a client that meets every rule
 */
public record ExportedClient(
    LiveClient client, String fileName, String yaml, List<Diagnostic> findings) {
  public ExportedClient {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(yaml, "yaml");
    findings = List.copyOf(findings);
  }

  /** The client's name, or its id when it has none. */
  public String displayName() {
    return client.clientName().isEmpty() ? client.clientId() : client.clientName();
  }
}
