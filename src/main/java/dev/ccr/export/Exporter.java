package dev.ccr.export;

import dev.ccr.live.LiveClient;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.SpecLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The export phase: turns live clients into desired-state documents that plan as no change, and
 * checks each document with the same loader {@code ccr validate} uses, so that a client breaking
 * one of ccr's rules is known before anything is written.
 */
public final class Exporter {
  private final DocumentBuilder builder;
  private final SpecLoader loader = new SpecLoader();

  /** @param omitDefaults leave out attributes that equal Cognito's defaults */
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
      DesiredState checked = loader.loadText(names.get(i), yaml);
      exported.add(new ExportedClient(client, names.get(i), yaml, checked.diagnostics()));
    }
    return exported;
  }
}
