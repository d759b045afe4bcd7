package dev.ccr.report;

import dev.ccr.apply.Applier;
import dev.ccr.apply.ApplyResult;
import dev.ccr.apply.Moved;
import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;
import dev.ccr.spec.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What apply tells people, for each outcome ({@link ApplyJsonRenderer} is the same for programs):
 * on stdout what became of each client and the counts; on stderr the problems (as diagnostics), the
 * notes, and why nothing was written when the plan could not be checked or is stale. The command
 * chooses the streams; this class chooses the words.
 */
public final class ApplyTextRenderer {
  private ApplyTextRenderer() {}

  /**
   * Before the prompt: what deleting the plan's clients means, when it deletes any.
   *
   * @return the warning line, without its newline
   */
  public static Optional<String> deletionWarning(Plan plan) {
    long deletes = plan.count(ClientAction.Delete.class);
    if (deletes == 0) {
      return Optional.empty();
    }
    return Optional.of(
        "This deletes "
            + Noun.count(deletes, "client")
            + " (marked -). Applications using a deleted client can no longer sign in, and"
            + " Cognito cannot restore it.");
  }

  /** The lines of what happened to each client, in plan order, each ending in a newline. */
  public static String results(Applier.Applied applied) {
    StringBuilder out = new StringBuilder();
    applied
        .results()
        .forEach(
            r ->
                line(r).ifPresent(line -> out.append(ControlCharacters.escape(line)).append('\n')));
    return out.toString();
  }

  /**
   * {@code Apply: 1 created, 3 updated, 1 deleted, 1 failed, 5 unchanged.} (and {@code , 1 not
   * converged}).
   */
  public static String summary(Applier.Applied applied) {
    long notConverged = applied.count(ApplyResult.NotConverged.class);
    return "Apply: "
        + applied.count(ApplyResult.Created.class)
        + " created, "
        + applied.count(ApplyResult.Updated.class)
        + " updated, "
        + applied.count(ApplyResult.Deleted.class)
        + " deleted, "
        + applied.count(ApplyResult.Failed.class)
        + " failed, "
        + applied.count(ApplyResult.Unchanged.class)
        + " unchanged"
        + (notConverged > 0 ? ", " + notConverged + " not converged" : "")
        + (applied.cancelled()
            ? ", " + applied.count(ApplyResult.NotWritten.class) + " not written (cancelled)"
            : "")
        + ".";
  }

  /** Each note, as {@code note: ...}. */
  public static List<String> notes(Applier.Applied applied) {
    return applied.notes().stream().map(note -> "note: " + note).toList();
  }

  /** The problems of every client, sorted by file and position. */
  public static List<Diagnostic> problems(Applier.Outcome outcome) {
    List<Diagnostic> problems = new ArrayList<>();
    if (outcome instanceof Applier.Unchecked unchecked) {
      unchecked.failures().forEach(f -> problems.addAll(f.diagnostics()));
    } else if (outcome instanceof Applier.Applied applied) {
      for (ApplyResult result : applied.results()) {
        if (result instanceof ApplyResult.Failed failed) {
          problems.add(failed.diagnostic());
        } else if (result instanceof ApplyResult.NotConverged notConverged) {
          problems.add(notConverged.diagnostic());
        }
      }
    }
    return problems.stream().sorted(Diagnostic.ORDER).toList();
  }

  /** What moved since the plan, one line each, escaped. */
  public static List<String> moved(Applier.Stale stale) {
    return stale.moved().stream().map(m -> ControlCharacters.escape(m.message())).toList();
  }

  /**
   * After SIGINT or SIGTERM: how many clients were written and how many were not, ending in a
   * period.
   */
  public static Optional<String> cancelled(Applier.Applied applied) {
    if (!applied.cancelled()) {
      return Optional.empty();
    }
    return Optional.of(
        "apply was cancelled (SIGINT or SIGTERM): "
            + Noun.count(applied.written(), "client")
            + " written, "
            + applied.count(ApplyResult.NotWritten.class)
            + " not written; the writes already sent were finished. Run plan to see what"
            + " remains.");
  }

  /** Why nothing was written: the plan could not be checked, or it is stale. */
  public static Optional<String> nothingWritten(Applier.Outcome outcome) {
    if (outcome instanceof Applier.Unchecked unchecked) {
      return Optional.of(
          "cannot check the plan: "
              + Noun.count(unchecked.failures().size(), "client")
              + " could not be read; nothing was written.");
    }
    if (!(outcome instanceof Applier.Stale stale)) {
      return Optional.empty();
    }
    if (stale.alreadyApplied()) {
      return Optional.of(
          "the plan was already applied: every client is as it leaves it; nothing was"
              + " written. Run plan again to check for new changes.");
    }
    if (stale.partlyApplied()) {
      return Optional.of(
          "the plan is stale: it was applied in part since it was made ("
              + Noun.count(stale.count(Moved.Kind.ALREADY_APPLIED), "client")
              + " already as it leaves them, "
              + Noun.count(stale.count(Moved.Kind.PENDING), "client")
              + " still to write); nothing was written. Run plan again for a plan of what"
              + " remains.");
    }
    return Optional.of(
        "the plan is stale: "
            + Noun.count(stale.clientCount(), "client")
            + " changed since it was made; nothing was written. Run plan again.");
  }

  /** What happened to a client; nothing for one left unchanged or failed. */
  private static Optional<String> line(ApplyResult result) {
    String title = result.action().ref().title();
    if (result instanceof ApplyResult.Created created) {
      return Optional.of(result.action().ref().withId(created.clientId()).title() + ": created");
    }
    if (result instanceof ApplyResult.Updated) {
      return Optional.of(title + ": updated " + paths(result.action().changes()));
    }
    if (result instanceof ApplyResult.Deleted deleted) {
      return Optional.of(title + (deleted.alreadyGone() ? ": already deleted" : ": deleted"));
    }
    if (result instanceof ApplyResult.NotWritten) {
      return Optional.of(title + ": not written (apply was cancelled)");
    }
    return Optional.empty();
  }

  private static String paths(List<AttributeChange> changes) {
    return changes.stream().map(AttributeChange::path).collect(Collectors.joining(", "));
  }
}
