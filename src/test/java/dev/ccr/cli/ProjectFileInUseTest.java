package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project file found in a parent directory, whose {@code exclude} leaves files out: ccr says
 * which project file is in use. Runs ccr as its own process, since the search starts from the
 * current directory.
 */
class ProjectFileInUseTest {
  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private Run ccr(Path workingDirectory, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.ccr.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.equals("CI"));
    builder.redirectOutput(dir.resolve("out.txt").toFile());
    builder.redirectError(dir.resolve("err.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Run(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void aProjectFileInAParentDirectory_isNamedOnStderr() throws Exception {
    Files.writeString(dir.resolve("ccr.yaml"), "exclude: [\"team/old.yaml\"]\n");
    Path team = Files.createDirectories(dir.resolve("team"));
    Files.writeString(
        team.resolve("web.yaml"), "UserPoolId: us-east-1_Example12\nClientName: web\n");
    Files.writeString(team.resolve("old.yaml"), "not: a client\n");

    Run run = ccr(team, "validate", ".");

    assertEquals(ExitCode.OK, run.exitCode(), run.out() + run.err());
    assertEquals(
        "ccr: using ../ccr.yaml, the project file nearest the current directory (--config names"
            + " another)\n",
        run.err());
    assertEquals("1 client in 1 file: valid.\n", run.out());
    Run json = ccr(team, "validate", "--format", "json", ".");
    assertTrue(json.out().contains("\"projectFile\": \"../ccr.yaml\""), json.out());
  }

  @Test
  void withoutAProjectFile_nothingIsSaid() throws Exception {
    Path team = Files.createDirectories(dir.resolve("team"));
    Files.writeString(
        team.resolve("web.yaml"), "UserPoolId: us-east-1_Example12\nClientName: web\n");

    Run run = ccr(team, "validate", ".");

    assertEquals(ExitCode.OK, run.exitCode(), run.out() + run.err());
    assertEquals("", run.err());
  }
}
