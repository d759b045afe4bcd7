package dev.ccr.cli;

import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What {@code --target} takes: the client names, client ids and files of the declared clients. */
final class TargetCandidates {
  private TargetCandidates() {}

  static List<String> of(DesiredState state) {
    Set<String> values = new LinkedHashSet<>();
    for (ClientSpec spec : state.clients()) {
      spec.clientName().ifPresent(values::add);
      spec.clientId().ifPresent(values::add);
      values.add(spec.source().file());
    }
    return new ArrayList<>(values);
  }
}
