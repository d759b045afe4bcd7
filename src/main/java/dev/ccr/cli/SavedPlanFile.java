package dev.ccr.cli;

import dev.ccr.plan.PlanFile;
import dev.ccr.plan.PlanFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A plan file named on the command line: checked to be a regular file, then read and checked. */
final class SavedPlanFile {
  private SavedPlanFile() {}

  /**
   * The saved plan; stops with 64 when the file does not exist or is not a regular file, and with 1
   * (after printing each problem and {@code consequence}) when it is no plan ccr could have
   * written.
   */
  static PlanFile.Saved read(BaseCommand command, Path file, String consequence) {
    return readText(command, file, consequence).saved();
  }

  /** A saved plan and the text it was read from, exactly as checked. */
  record Read(PlanFile.Saved saved, String text) {}

  /** {@link #read}, with the file's text as it was checked. */
  static Read readText(BaseCommand command, Path file, String consequence) {
    check(command, file);
    try {
      String text;
      try {
        if (Files.size(file) > PlanFile.MAX_BYTES) {
          PlanFile.read(file); // refuses it with its message, reading none of it
        }
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new PlanFileException(file + ": cannot read the plan file: " + e.getMessage());
      }
      return new Read(PlanFile.parse(text, file.toString()), text);
    } catch (PlanFileException e) {
      e.problems().forEach(command::printError);
      command.printMessage(consequence);
      throw new BaseCommand.Stop(ExitCode.ERROR);
    }
  }

  private static void check(BaseCommand command, Path file) {
    command.requireRegularFile(file, "plan", "give the file 'ccr plan --out FILE' wrote");
  }
}
