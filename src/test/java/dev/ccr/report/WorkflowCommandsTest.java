package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.Severity;
import dev.ccr.testing.RunnerCommands;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowCommandsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "##[warning]forged",
        "name ##[stop-commands]token",
        "::error file=README.md::forged",
        "   ::warning::indented",
        "\u3000::notice::ideographic space",
        "\u00a0::debug::no-break space",
        "\u200b::error::zero width",
        "#\u200d#[error]joined",
        "a\n::error::after a line feed",
        "a\r::error::after a carriage return",
        "a\r\n##[add-mask]x",
        "##[ERROR]case does not matter",
        "::Set-Output name=x::y"
      })
  void inert_anyForgedCommand_isReadAsNoCommand(String text) {
    assertFalse(RunnerCommands.read(text).isEmpty(), "the runner reads a command from the text");
    assertEquals(List.of(), RunnerCommands.read(WorkflowCommands.inert(text)));
  }

  @Test
  void inert_showsTheTextWithAsFewChangesAsPossible() {
    assertEquals("~ web ##\\u005bwarning]x", WorkflowCommands.inert("~ web ##[warning]x"));
    assertEquals("  :\\u003aerror:\\u003ax", WorkflowCommands.inert("  ::error::x"));
    assertEquals("\\u200b:\\u003aerror:\\u003ax", WorkflowCommands.inert("\u200b::error::x"));
    assertEquals("a\n:\\u003aerror:\\u003ab\r\n", WorkflowCommands.inert("a\n::error::b\r\n"));
    assertEquals("plain: text, a:\\u003ab", WorkflowCommands.inert("plain: text, a::b"));
    assertEquals(":\\u003a:", WorkflowCommands.inert(":::"));
    assertEquals("\ttab", WorkflowCommands.inert("\ttab"));
  }

  @Test
  void attack_commandsInsideAnAnnotationOrALine_neutralisedAnywhere() {
    Diagnostic d =
        new Diagnostic(
            Severity.ERROR,
            "ClientName: \"web ##[warning]forged\" x ##[stop-commands]tok ::error::y",
            "a.yaml",
            new Position(3, 7),
            "/X",
            "");
    String annotation = WorkflowCommands.annotation(d);
    assertFalse(annotation.contains("##["), annotation);
    assertEquals(1, RunnerCommands.read(annotation).size());
    String line = WorkflowCommands.inert("x ##[stop-commands]tok and a::b ::error file=R::f");
    assertFalse(line.contains("##[") || line.contains("::"), line);
  }

  @Test
  void annotation_isReadWithItsFileLineColumnAndMessage() {
    Diagnostic d =
        new Diagnostic(
            Severity.ERROR,
            "bad value 50%,\n##[warning]x",
            "dir/a,b:c.yaml",
            new Position(3, 7),
            "/X",
            "");
    List<RunnerCommands.Command> read = RunnerCommands.read(WorkflowCommands.annotation(d));
    assertEquals(1, read.size());
    assertEquals("error", read.get(0).name());
    assertEquals("dir/a,b:c.yaml", read.get(0).properties().get("file"));
    assertEquals("3", read.get(0).properties().get("line"));
    assertEquals("7", read.get(0).properties().get("col"));
    assertEquals("bad value 50%,\n##\\u005bwarning]x", read.get(0).data());
  }

  @Test
  void error_isAnAnnotationWithoutAFile() {
    List<RunnerCommands.Command> read = RunnerCommands.read(WorkflowCommands.error("a\nb%"));
    assertEquals(List.of(new RunnerCommands.Command("error", java.util.Map.of(), "a\nb%")), read);
  }

  @Test
  void safeLength_holdsBackWhatCouldStillBecomeACommand() {
    assertEquals(3, WorkflowCommands.safeLength("   "));
    assertEquals(1, WorkflowCommands.safeLength(" :"));
    assertEquals(1, WorkflowCommands.safeLength("a::"));
    assertEquals(4, WorkflowCommands.safeLength("text##"));
    assertEquals(4, WorkflowCommands.safeLength("text:"));
    assertEquals(4, WorkflowCommands.safeLength("text#:"));
  }
}
