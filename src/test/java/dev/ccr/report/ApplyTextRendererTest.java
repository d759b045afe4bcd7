package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.apply.Applier;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Clients;
import dev.ccr.plan.Plan;
import dev.ccr.spec.Diagnostic;
import dev.ccr.testing.Golden;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplyTextRendererTest {
  /**
   * Everything apply prints for an outcome, stdout first, then stderr, as the command orders it.
   */
  private static String everything(Applier.Outcome outcome) {
    StringBuilder out = new StringBuilder("--- stdout\n");
    StringBuilder err = new StringBuilder("--- stderr\n");
    if (outcome instanceof Applier.Stale stale) {
      ApplyTextRenderer.moved(stale).forEach(line -> err.append(line).append('\n'));
    }
    if (outcome instanceof Applier.Applied applied) {
      out.append(ApplyTextRenderer.results(applied));
      ApplyTextRenderer.notes(applied).forEach(note -> err.append(note).append('\n'));
    }
    ApplyTextRenderer.problems(outcome)
        .forEach(d -> err.append(d.file()).append(": ").append(d.message()).append('\n'));
    ApplyTextRenderer.nothingWritten(outcome).ifPresent(m -> err.append(m).append('\n'));
    if (outcome instanceof Applier.Applied applied) {
      out.append(ApplyTextRenderer.summary(applied)).append('\n');
    }
    return out.append(err).toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"applied", "stale", "partly-applied"})
  void render_matchesGolden(String name) {
    Golden.assertMatches(
        Golden.projectDir().resolve("src/test/resources/golden/apply/" + name + ".txt"),
        everything(ApplyJsonRendererTest.outcome(name)));
  }

  @Test
  void problems_areSortedByFile() {
    List<Diagnostic> problems =
        ApplyTextRenderer.problems(ApplyJsonRendererTest.outcome("applied"));
    assertEquals(problems.stream().sorted(Diagnostic.ORDER).toList(), problems);
    assertTrue(problems.stream().anyMatch(d -> d.message().contains("ClientName is taken")));
  }

  @Test
  void deletionWarning_onlyWhenThePlanDeletes() {
    Plan plan = Clients.severalClients();
    assertEquals(Optional.empty(), ApplyTextRenderer.deletionWarning(plan));
    ClientAction.Update update = (ClientAction.Update) plan.actions().get(0);
    Plan deleting =
        new Plan(
            List.of(
                new ClientAction.Delete(
                    update.ref(), update.origin(), update.live(), false, List.of())));
    assertEquals(
        Optional.of(
            "This deletes 1 client (marked -). Applications using a deleted client can no longer"
                + " sign in, and Cognito cannot restore it."),
        ApplyTextRenderer.deletionWarning(deleting));
  }
}
