package dev.ccr.cli;

import dev.ccr.plan.Targets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --target}: narrows a run to some clients. */
final class TargetMixin {
  @Option(
      names = "--target",
      paramLabel = "CLIENT",
      description =
          "Only this client: its name, its id, or the file that declares it; repeat for several."
              + " Unmanaged clients and --prune are still judged against every file.")
  List<String> targets = new ArrayList<>();

  Targets targets() {
    return new Targets(targets);
  }
}
