package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {
  private static final Diagnostic ERROR =
      new Diagnostic(
          Severity.ERROR, "AuthSessionValidity: 99", "a.yaml", new Position(4, 22), "", "x: 99");
  private static final Diagnostic WARNING =
      new Diagnostic(Severity.WARNING, "no unit", "a.yaml", new Position(5, 1), "", "");

  @Test
  void render_withColour_colorsOnlyTheSeverityWord_redErrorsMagentaWarnings() {
    String text = new DiagnosticRenderer(true).render(List.of(ERROR, WARNING));
    assertEquals(
        "a.yaml:4:22: \u001B[1;31merror\u001B[0m: AuthSessionValidity: 99\n"
            + "x: 99\n"
            + "                     ^\n"
            + "a.yaml:5:1: \u001B[1;35mwarning\u001B[0m: no unit\n",
        text);
  }

  @Test
  void render_withoutColour_hasNoEscapeCodes() {
    assertEquals("a.yaml:5:1: warning: no unit\n", new DiagnosticRenderer(false).render(WARNING));
  }
}
