package dev.ccr.cli;

import dev.ccr.plan.Targets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --target}: narrows a run to some clients; {@code --include-dcr}: widens it to the clients
 * registered at run time.
 */
final class TargetMixin {
  @Option(
      names = "--target",
      paramLabel = "CLIENT",
      description =
          "Only this client: its name, its id, or the file that declares it; repeat for several."
              + " Unmanaged clients and --prune are still judged against every file.")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--include-dcr",
      description =
          "Treat the clients registered at run time through dynamic client registration"
              + " (ClientType DCR, or a type ccr does not know) like any other: adopt them by"
              + " name, prune them, report them as unmanaged. Without it ccr leaves them alone"
              + " and lists them apart.")
  boolean includeDcr;

  Targets targets() {
    return new Targets(targets);
  }
}
