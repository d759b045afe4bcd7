package dev.ccr.plan;

import dev.ccr.live.LivePool;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.RuleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks of a client to write, or of one left as it is, beyond its file alone. */
record WriteChecks(Map<String, LivePool> pools, RuleSettings rules) {
  /**
   * What the configuration a write sends (or, for a client left as it is, the live client) breaks:
   * the rules on the merged configuration, and for a write the checks against the pool.
   */
  List<Diagnostic> of(WriteRequest request, boolean writes) {
    List<Diagnostic> found = new ArrayList<>(request.findings(rules, writes));
    LivePool pool = pools.get(request.desired().userPoolId());
    if (writes && pool != null) {
      found.addAll(PoolChecks.check(request.configuration(), pool));
    }
    return found;
  }
}
