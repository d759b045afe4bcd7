package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden diagnostics: each folder under {@code golden/diagnostics} holds an {@code input.yaml} (and
 * optionally an {@code env} file of KEY=VALUE lines); {@code expected.txt} is what {@code ccr
 * validate} prints for it, followed by its exit status. Regenerate with -Dgolden.update=true.
 */
class ValidateGoldenTest {
  /** The secrets pasted into the corpus's files; none may be echoed. */
  private static final List<String> SECRETS = List.of("1q2w3e4r5t", "SUPER", "U1VQRVJT");

  static final Path CASES = Golden.projectDir().resolve("src/test/resources/golden/diagnostics");

  @TestFactory
  Stream<DynamicTest> validate_invalidInput_printsExactDiagnostics() throws IOException {
    return cases().stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  @Test
  void corpus_coversAtLeastThirtyCases() throws IOException {
    assertTrue(cases().size() >= 30, "only " + cases().size() + " golden cases");
  }

  private static void check(Path dir) throws IOException {
    CliRun run = CliRun.run(env(dir), "validate", dir.toString());
    String shown =
        (run.err() + run.out()).replace(dir + "/", "") + "exit status: " + run.exitCode() + "\n";
    assertFalse(run.hasStackTrace(), "stack trace for " + dir + ":\n" + shown);
    assertFalse(run.out().contains(": error: "), "diagnostics go to stderr only");
    assertFalse(run.out().contains(": warning: "), "diagnostics go to stderr only");
    assertEquals(
        run.exitCode() == ExitCode.OK,
        run.out().matches("\\d+ clients? in \\d+ files?: valid(, \\d+ warnings?)?\\.\\n"),
        "the result line of valid files, alone on stdout:\n" + run.out());
    for (String secret : SECRETS) {
      assertFalse(shown.contains(secret), "a secret pasted into a file is echoed:\n" + shown);
    }
    assertTrue(run.exitCode() == ExitCode.INVALID || run.exitCode() == ExitCode.OK, shown);
    assertEquals(
        run.err().contains(": error: "),
        run.exitCode() == ExitCode.INVALID,
        "exit 3 exactly when an error is reported");
    Golden.assertMatches(dir.resolve("expected.txt"), shown);
  }

  private static List<Path> cases() throws IOException {
    try (Stream<Path> list = Files.list(CASES)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static Map<String, String> env(Path dir) throws IOException {
    Map<String, String> env = new HashMap<>();
    Path file = dir.resolve("env");
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          env.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    return env;
  }
}
