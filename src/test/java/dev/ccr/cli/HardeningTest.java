package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks of a hostile repository, a hostile endpoint and a cancelled job that earlier rounds
 * missed: each ends in a bounded, documented answer.
 */
class HardeningTest {
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void attack_manyDuplicateDocuments_eachReportedOnceAndCapped() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("---\nUserPoolId: us-east-1_Example12\nClientName: n\n");
    }
    Path file = write("many.yaml", text.toString());

    CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.run("validate", file.toString()));

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err().substring(0, 2000));
    assertFalse(run.hasStackTrace());
    assertTrue(run.err().length() < 100_000, "stderr holds " + run.err().length() + " chars");
    assertTrue(
        run.err()
            .contains(
                file
                    + ":6:1: error: client n (us-east-1_Example12) is declared by name again"
                    + " (first at "
                    + file
                    + ":3); declare each client once\n"),
        run.err().substring(0, 2000));
    assertTrue(
        run.err().contains("19899 more problems in this file are not shown (at most 100"),
        run.err().substring(run.err().length() - 2000));
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unused")
  private static final Map<String, String> NO_ENV = Map.of();
}
