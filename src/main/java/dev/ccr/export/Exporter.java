package dev.ccr.export;

import dev.ccr.live.LiveClient;
import dev.ccr.plan.Planner;
import dev.ccr.plan.WriteRequest;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.RuleSettings;
import dev.ccr.spec.Severity;
import dev.ccr.spec.SpecLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The export phase: turns live clients into desired-state documents that plan as no change, and
 * checks each document with the same loader {@code ccr validate} uses and the planner {@code ccr
 * plan} uses, so that a client breaking one of ccr's rules is known before anything is written.
 */
public final class Exporter {
  private final DocumentBuilder builder;
  private final boolean byName;
  private final SpecLoader loader = new SpecLoader();
  private final Planner planner = new Planner();

  /**
   * @param omitDefaults leave out attributes that equal Cognito's defaults
   * @param byName leave out ClientId: each document names its client by ClientName
   */
  public Exporter(boolean omitDefaults, boolean byName) {
    this.builder = new DocumentBuilder(omitDefaults, byName);
    this.byName = byName;
  }

  /** The clients as documents, in the order given, with unique file names. */
  public List<ExportedClient> export(List<LiveClient> clients) {
    List<String> names = FileNames.assign(clients);
    List<ExportedClient> exported = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      LiveClient client = clients.get(i);
      String yaml = ClientYaml.render(builder.build(client));
      List<Diagnostic> findings = new ArrayList<>(check(names.get(i), yaml, client));
      sharedName(client, clients).ifPresent(findings::add);
      exported.add(new ExportedClient(client, names.get(i), yaml, findings));
    }
    return exported;
  }

  /**
   * With --by-name, an error when other clients of the pool have the same name: files without
   * ClientId cannot tell them apart, so validate and plan refuse them.
   */
  private Optional<Diagnostic> sharedName(LiveClient client, List<LiveClient> clients) {
    List<String> others =
        clients.stream()
            .filter(c -> c != client && c.clientName().equals(client.clientName()))
            .map(LiveClient::clientId)
            .toList();
    if (!byName || others.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Diagnostic(
            Severity.ERROR,
            "ClientName: "
                + (others.size() == 1 ? "client " : "clients ")
                + String.join(", ", others)
                + (others.size() == 1 ? " has" : " have")
                + " the same name, and a file without ClientId cannot tell them apart: 'ccr"
                + " validate' reports two such files as one client declared twice, and 'ccr plan'"
                + " refuses each file (exit 3); add the ClientId of each client (export without"
                + " --by-name)",
            "",
            Position.START,
            "/ClientName",
            ""));
  }

  /**
   * What validate reports about the document, and what plan reports on the live client the document
   * stands for (a secret for client_credentials, Cognito's defaults of attributes left out).
   *
   * @throws IllegalStateException when a valid document does not plan as no change (a bug)
   */
  private List<Diagnostic> check(String fileName, String yaml, LiveClient client) {
    DesiredState state = loader.loadText(fileName, yaml);
    List<Diagnostic> findings = new ArrayList<>(state.diagnostics());
    for (ClientSpec spec : state.clients()) {
      Planner.Comparison comparison = planner.compare(spec, client);
      if (!comparison.changes().isEmpty()) {
        throw new IllegalStateException(
            "the export of " + client.clientId() + " plans changes: " + comparison.changes());
      }
      findings.addAll(comparison.diagnostics());
      findings.addAll(WriteRequest.forUpdate(spec, client).findings(RuleSettings.DEFAULT, true));
    }
    return findings;
  }
}
