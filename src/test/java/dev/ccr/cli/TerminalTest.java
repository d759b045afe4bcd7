package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void colour_onTerminal_isOn() {
    assertTrue(Terminal.of(true, Map.of()).colour());
  }

  @Test
  void colour_withoutTerminal_isOff() {
    assertFalse(Terminal.of(false, Map.of()).colour());
  }

  @Test
  void colour_withNoColorSet_isOffEvenOnTerminal() {
    assertFalse(Terminal.of(true, Map.of("NO_COLOR", "1")).colour());
    assertFalse(Terminal.of(true, Map.of("TERM", "dumb")).colour());
  }

  @Test
  void githubActions_onlyWhenTrue() {
    assertTrue(Terminal.of(false, Map.of("GITHUB_ACTIONS", "true")).githubActions());
    assertFalse(Terminal.of(false, Map.of("GITHUB_ACTIONS", "false")).githubActions());
  }
}
