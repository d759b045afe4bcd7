package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour on a terminal, and never with --no-color, whichever command it follows. */
class ColourTest {
  private static final String ESC = "\u001B[";
  private static final Terminal COLOUR_TERMINAL = new Terminal(true, true, true, false);

  @TempDir Path dir;

  private Path warningFile() throws IOException {
    Path file = dir.resolve("w.yaml");
    Files.writeString(
        file,
        "UserPoolId: us-east-1_Example12\nClientId: abc\nExplicitAuthFlows: [ALLOW_USER_SRP_AUTH]\n");
    return file;
  }

  private static CliRun run(Terminal terminal, String... args) {
    return CliRun.run(new Context(Map.of(), Context.DEFAULT.gateways()), terminal, args);
  }

  @Test
  void validate_onTerminal_coloursTheSeverityWordOfDiagnostics() throws IOException {
    CliRun run = run(COLOUR_TERMINAL, "validate", warningFile().toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertTrue(run.err().contains(": " + ESC + "1;35mwarning" + ESC + "0m: "), run.err());
    assertFalse(run.out().contains(ESC), "the result line stays plain: " + run.out());
  }

  @Test
  void validate_stderrNotATerminal_hasNoColour() throws IOException {
    CliRun run = run(new Terminal(true, true, false, false), "validate", warningFile().toString());
    assertTrue(run.err().contains(": warning: "), run.err());
    assertFalse(run.err().contains(ESC), run.err());
  }

  @Test
  void noColor_beforeOrAfterTheCommand_turnsColourOff() throws IOException {
    String file = warningFile().toString();
    for (List<String> args :
        List.of(
            List.of("--no-color", "validate", file),
            List.of("validate", "--no-color", file),
            List.of("validate", file, "--no-color"))) {
      CliRun run = run(COLOUR_TERMINAL, args.toArray(String[]::new));
      assertEquals(ExitCode.OK, run.exitCode(), args + ": " + run.err());
      assertTrue(run.err().contains(": warning: "), args + ": " + run.err());
      assertFalse(run.all().contains(ESC), args + ": " + run.all());
    }
  }

  @Test
  void noColor_turnsOffTheColoursOfHelp() {
    assertTrue(run(COLOUR_TERMINAL, "plan", "--help").out().contains(ESC));
    for (List<String> args :
        List.of(
            List.of("plan", "--help", "--no-color"),
            List.of("--no-color", "plan", "--help"),
            List.of("--no-color", "--help"),
            List.of("--no-color", "help", "drift"))) {
      CliRun run = run(COLOUR_TERMINAL, args.toArray(String[]::new));
      assertEquals(ExitCode.OK, run.exitCode(), args + ": " + run.err());
      assertTrue(run.out().contains("Usage: ccr"), args + ": " + run.out());
      assertFalse(run.out().contains(ESC), args + ": " + run.out());
    }
  }

  @Test
  void noColor_isListedInTheHelpOfEveryCommand() {
    for (String command : List.of("validate", "plan", "apply", "drift", "export", "completion")) {
      CliRun run = CliRun.run(command, "--help");
      assertTrue(run.out().contains("--no-color"), command + ":\n" + run.out());
    }
    assertTrue(CliRun.run("--help").out().contains("--no-color"));
  }
}
