package dev.ccr.export;

import dev.ccr.live.LiveClient;
import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.Planner;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.SpecLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The export phase: turns live clients into desired-state documents that plan as no change, and
 * checks each document with the same loader {@code ccr validate} uses and the planner {@code ccr
 * plan} uses, so that a client breaking one of ccr's rules is known before anything is written.
 */
public final class Exporter {
  private final DocumentBuilder builder;
  private final SpecLoader loader = new SpecLoader();
  private final Planner planner = new Planner();

  /**
   * @param omitDefaults leave out attributes that equal Cognito's defaults
   */
  public Exporter(boolean omitDefaults) {
    this.builder = new DocumentBuilder(omitDefaults);
  }

  /** The clients as documents, in the order given, with unique file names. */
  public List<ExportedClient> export(List<LiveClient> clients) {
    List<String> names = FileNames.assign(clients);
    List<ExportedClient> exported = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      LiveClient client = clients.get(i);
      String yaml = ClientYaml.render(builder.build(client));
      exported.add(
          new ExportedClient(client, names.get(i), yaml, check(names.get(i), yaml, client)));
    }
    return exported;
  }

  /**
   * What validate reports about the document, and what plan reports for the rules that need the
   * live client (a secret for client_credentials).
   *
   * @throws IllegalStateException when a valid document does not plan as no change (a bug)
   */
  private List<Diagnostic> check(String fileName, String yaml, LiveClient client) {
    DesiredState state = loader.loadText(fileName, yaml);
    List<Diagnostic> findings = new ArrayList<>(state.diagnostics());
    for (ClientSpec spec : state.clients()) {
      ClientPlan plan = planner.plan(spec, client);
      if (!plan.changes().isEmpty()) {
        throw new IllegalStateException(
            "the export of " + client.clientId() + " plans changes: " + plan.changes());
      }
      findings.addAll(plan.diagnostics());
    }
    return findings;
  }
}
