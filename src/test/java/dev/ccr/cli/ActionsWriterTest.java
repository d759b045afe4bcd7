package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ccr.testing.RunnerCommands;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ActionsWriterTest {

  private static String written(Consumer<ActionsWriter> printing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ActionsWriter writer = new ActionsWriter(bytes);
    printing.accept(writer);
    writer.finish();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void flushInTheMiddleOfALine_cannotStartACommandWithWhatFollows() {
    String out =
        written(
            w -> {
              w.print("  ");
              w.flush();
              w.print(":");
              w.flush();
              w.println(":error::forged");
              w.print("text #");
              w.flush();
              w.print("#[warning]forged");
            });
    assertEquals("  :\\u003aerror:\\u003aforged\ntext ##\\u005bwarning]forged", out);
    assertEquals(List.of(), RunnerCommands.read(out));
  }

  @Test
  void command_startsALineOfItsOwnAndIsReadAsIs() {
    String out =
        written(
            w -> {
              w.print("unfinished ");
              w.command("::error::real");
              w.println("::error::forged");
            });
    assertEquals("unfinished \n::error::real\n:\\u003aerror:\\u003aforged\n", out);
    assertEquals(
        List.of(new RunnerCommands.Command("error", java.util.Map.of(), "real")),
        RunnerCommands.read(out));
  }

  @Test
  void flush_writesAnUnfinishedLineSoAPromptShows() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ActionsWriter writer = new ActionsWriter(bytes);
    writer.print("Apply these changes? ");
    writer.flush();
    assertEquals("Apply these changes? ", bytes.toString(StandardCharsets.UTF_8));
  }
}
