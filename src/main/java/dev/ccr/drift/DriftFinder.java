package dev.ccr.drift;

import dev.ccr.drift.DriftReport.ClientResult;
import dev.ccr.drift.DriftReport.DriftedAttribute;
import dev.ccr.drift.DriftReport.PoolError;
import dev.ccr.drift.DriftReport.Problem;
import dev.ccr.drift.DriftReport.ProblemKind;
import dev.ccr.drift.DriftReport.RegisteredClient;
import dev.ccr.drift.DriftReport.Status;
import dev.ccr.drift.DriftReport.UnmanagedClient;
import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Origin;
import dev.ccr.plan.Plan;
import dev.ccr.plan.Value;
import dev.ccr.secret.ClientSecrets;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.SecretPolicy;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a plan into the drift report of {@code ccr drift}: a declared client that would be updated
 * drifted, one that would be created is missing, one declared absent that would be deleted is
 * unwanted; a client whose secrets break its secret policy drifted at {@code ccr/secret}; the
 * plan's unmanaged clients and pool problems carry over, and the findings of the security rules.
 * Pure.
 */
public final class DriftFinder {
  private DriftFinder() {}

  /**
   * The drift report of a plan made without {@code --prune}.
   *
   * @param loaded the diagnostics of loading the files the plan was made from; the plan's own hold
   *     only what the configuration a write would send breaks beyond what the files state
   */
  public static DriftReport report(Plan plan, List<Diagnostic> loaded, boolean failOnUnmanaged) {
    List<ClientResult> clients =
        plan.actions().stream()
            .filter(a -> !(a instanceof ClientAction.Delete delete && delete.pruned()))
            .map(a -> withSecrets(result(a), a, plan.secrets()))
            .toList();
    List<UnmanagedClient> unmanaged =
        plan.unmanaged().stream()
            .map(
                u ->
                    new UnmanagedClient(
                        u.ref(), u.origin().source().file(), u.origin().source().position()))
            .toList();
    List<PoolError> poolErrors =
        plan.poolProblems().stream()
            .map(
                p ->
                    new PoolError(
                        p.userPoolId(),
                        p.message(),
                        p.origin().source().file(),
                        p.origin().source().position()))
            .toList();
    List<Diagnostic> security =
        Stream.concat(loaded.stream(), plan.diagnostics().stream())
            .filter(d -> d.rule().isPresent())
            .sorted(Diagnostic.ORDER)
            .toList();
    List<RegisteredClient> registered =
        plan.registered().stream()
            .map(
                r ->
                    new RegisteredClient(
                        r.ref(),
                        r.clientType(),
                        r.origin().source().file(),
                        r.origin().source().position()))
            .toList();
    return new DriftReport(clients, unmanaged, poolErrors, failOnUnmanaged, security, registered);
  }

  private static ClientResult result(ClientAction action) {
    if (action instanceof ClientAction.Update update) {
      List<DriftedAttribute> drifted =
          update.changes().stream()
              .map(c -> new DriftedAttribute(c, update.origin().positionOfPath(c.path())))
              .toList();
      return result(action, drifted, List.of(), Status.DRIFTED);
    }
    if (action instanceof ClientAction.Create) {
      return result(action, List.of(), List.of(), Status.MISSING);
    }
    if (action instanceof ClientAction.Delete) {
      return result(action, List.of(), List.of(), Status.UNWANTED);
    }
    if (action instanceof ClientAction.NoOp) {
      return result(action, List.of(), List.of(), Status.IN_SYNC);
    }
    ProblemKind kind =
        action instanceof ClientAction.Unreadable ? ProblemKind.READ : ProblemKind.PLAN;
    List<Problem> problems =
        action.diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(d -> new Problem(kind, d.message(), d.position(), d.rule()))
            .toList();
    return result(action, List.of(), problems, Status.ERROR);
  }

  /**
   * A client's result with the violations of its secret policy, each a drifted {@code ccr/secret}
   * whose live value is what breaks the policy and whose file value is the policy: an in-sync
   * client with one has drifted.
   */
  private static ClientResult withSecrets(
      ClientResult result, ClientAction action, List<ClientSecrets> secrets) {
    List<DriftedAttribute> violations =
        secrets.stream()
            .filter(c -> c.source().equals(action.origin().source()))
            .flatMap(
                c ->
                    c.violations().stream()
                        .map(
                            v ->
                                new DriftedAttribute(
                                    AttributeChange.of(
                                        SECRET_PATH,
                                        new Value.Text(v),
                                        new Value.Text(policy(c.policy()))),
                                    action.origin().positionOfPath(SECRET_PATH))))
            .toList();
    if (violations.isEmpty()
        || !(result.status() == Status.IN_SYNC || result.status() == Status.DRIFTED)) {
      return result;
    }
    List<DriftedAttribute> drifted =
        Stream.concat(result.drifted().stream(), violations.stream()).toList();
    return new ClientResult(
        result.file(), result.position(), result.ref(), drifted, List.of(), Status.DRIFTED);
  }

  /** Where a document declares its secret policy. */
  static final String SECRET_PATH = "ccr/secret";

  /** {@code rotateAfter 90 days, grace 7 days, store secretsManager:prod/app}. */
  private static String policy(SecretPolicy policy) {
    return "rotateAfter "
        + SecretPolicy.describe(policy.rotateAfter())
        + ", grace "
        + SecretPolicy.describe(policy.grace())
        + ", store "
        + policy.store().label();
  }

  private static ClientResult result(
      ClientAction action, List<DriftedAttribute> drifted, List<Problem> problems, Status status) {
    ClientRef ref = action.ref();
    Origin origin = action.origin();
    return new ClientResult(
        origin.source().file(), origin.source().position(), ref, drifted, problems, status);
  }
}
