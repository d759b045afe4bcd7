package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples/environments: a repository with dev and prod that validates in both. */
class EnvironmentExamplesTest {
  private static final Path EXAMPLE = Golden.projectDir().resolve("examples/environments");

  @Test
  void validate_example_isValidInEveryEnvironment() {
    CliRun run =
        CliRun.run(
            "validate", "--config", EXAMPLE.resolve("ccr.yaml").toString(), EXAMPLE.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals("", run.err());
    assertEquals(
        "dev: 2 clients in 2 files: valid.\nprod: 1 client in 2 files: valid.\n", run.out());
  }

  @Test
  void validate_examplesDirectory_skipsTheProjectWithItsOwnCcrYaml() {
    Path examples = Golden.projectDir().resolve("examples");
    CliRun run = CliRun.run("validate", examples.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(
        run.err().startsWith("ccr: skipped " + EXAMPLE + ": it holds its own ccr.yaml"), run.err());
    assertTrue(run.out().matches("\\d+ clients in \\d+ files: valid\\.\\n"), run.out());
  }
}
