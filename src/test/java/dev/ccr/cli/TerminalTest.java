package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void colour_onTerminal_isOn() {
    Terminal terminal = Terminal.of(true, true, Map.of());
    assertTrue(terminal.colour());
    assertTrue(terminal.stderrColour());
  }

  @Test
  void colour_withoutTerminal_isOff() {
    assertFalse(Terminal.of(false, false, Map.of()).colour());
    assertFalse(Terminal.of(false, false, Map.of()).stderrColour());
  }

  @Test
  void stderrColour_followsStderrAlone() {
    Terminal piped = Terminal.of(false, true, Map.of());
    assertFalse(piped.colour(), "stdout piped: no colour there");
    assertTrue(piped.stderrColour(), "stderr still on the terminal");
    assertFalse(Terminal.of(true, false, Map.of()).stderrColour(), "stderr redirected");
  }

  @Test
  void colour_withNoColorOrDumbTerminal_isOffEvenOnTerminal() {
    for (Map<String, String> env :
        java.util.List.of(Map.of("NO_COLOR", "1"), Map.of("TERM", "dumb"))) {
      Terminal terminal = Terminal.of(true, true, env);
      assertFalse(terminal.colour(), env.toString());
      assertFalse(terminal.stderrColour(), env.toString());
    }
  }

  @Test
  void colour_withEmptyNoColor_staysOn() {
    assertTrue(Terminal.of(true, true, Map.of("NO_COLOR", "")).stderrColour());
  }

  @Test
  void withoutColour_keepsEverythingElse() {
    Terminal terminal = Terminal.of(true, true, Map.of("GITHUB_ACTIONS", "true"));
    assertEquals(new Terminal(true, false, false, true), terminal.withoutColour());
  }

  @Test
  void githubActions_onlyWhenTrue() {
    assertTrue(Terminal.of(false, false, Map.of("GITHUB_ACTIONS", "true")).githubActions());
    assertFalse(Terminal.of(false, false, Map.of("GITHUB_ACTIONS", "false")).githubActions());
  }
}
