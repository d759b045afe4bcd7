package dev.ccr.apply;

import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientPlan;
import dev.ccr.spec.Diagnostic;
import java.util.List;
import java.util.Objects;

/** What apply did with one client of the plan. */
public sealed interface ApplyResult
    permits ApplyResult.Updated,
        ApplyResult.Unchanged,
        ApplyResult.Failed,
        ApplyResult.NotConverged {

  ClientPlan plan();

  /** Written, read back, and the read-back client holds every planned change. */
  record Updated(ClientPlan plan) implements ApplyResult {
    public Updated {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /** Nothing to change: no call was made to write it. */
  record Unchanged(ClientPlan plan) implements ApplyResult {
    public Unchanged {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /**
   * A call failed; the client may be unchanged (read or update failed) or written but not read
   * back.
   *
   * @param diagnostic Cognito's message, located at the attribute concerned where it is known
   */
  record Failed(ClientPlan plan, Diagnostic diagnostic) implements ApplyResult {
    public Failed {
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(diagnostic, "diagnostic");
    }
  }

  /**
   * Written, but the client read back still differs from the desired state.
   *
   * @param remaining the attributes that still differ, planned against the read-back client
   * @param diagnostic the problem, located at the client
   */
  record NotConverged(ClientPlan plan, List<AttributeChange> remaining, Diagnostic diagnostic)
      implements ApplyResult {
    public NotConverged {
      Objects.requireNonNull(plan, "plan");
      remaining = List.copyOf(remaining);
      Objects.requireNonNull(diagnostic, "diagnostic");
    }
  }
}
