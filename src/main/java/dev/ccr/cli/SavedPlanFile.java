package dev.ccr.cli;

import dev.ccr.plan.PlanFile;
import dev.ccr.plan.PlanFileException;
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
    check(command, file);
    try {
      return PlanFile.read(file);
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
