package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ccr.testing.RunnerCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written to break ccr: each ends in a message at the file with a documented exit code, in
 * bounded time, with no stack trace and nothing printed raw that a terminal would obey.
 */
class HostileInputTest {
  private static final String VALID =
      "UserPoolId: us-east-1_Example12\nClientId: 3n4b5urk1ft4fl3mg5e62d9ado\nClientName: web\n";
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final int LEVELS = 20_000;

  @TempDir Path dir;

  @Test
  void attack_deepFlowNesting_exit3AtFile() throws IOException {
    Path deep = write("deep.yaml", "a: " + "[".repeat(LEVELS) + "]".repeat(LEVELS) + "\n");
    Path other = write("other.yaml", VALID + "Bogus: 1\n");

    CliRun run = validate(deep, other);

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(
        run.err().contains(deep + ":1:19: error: document nests deeper than 16 levels\n"),
        run.err());
    assertTrue(run.err().contains(other + ":4:1: error: unknown key Bogus"), run.err());
    assertTrue(run.err().endsWith("2 files: 2 errors.\n"), run.err());
  }

  @Test
  void attack_deepFlowMappingNesting_exit3AtFile() throws IOException {
    Path deep = write("deep.yaml", "a: " + "{a: ".repeat(LEVELS) + "1" + "}".repeat(LEVELS) + "\n");

    CliRun run = validate(deep);

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(
        run.err().contains(deep + ":1:64: error: document nests deeper than 16 levels\n"),
        run.err());
  }

  @Test
  void attack_deepBlockNesting_exit3AtFile() throws IOException {
    Path deep = write("deep.yaml", "a:\n" + "- ".repeat(LEVELS) + "x\n");

    CliRun run = validate(deep);

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(
        run.err().contains(deep + ":2:31: error: document nests deeper than 16 levels\n"),
        run.err());
  }

  @Test
  void attack_mergeKeyChain_exit3AtTheFirstAliasOverTheLimit() throws IOException {
    StringBuilder text = new StringBuilder(VALID).append("x0: &a0 {k0: 1}\n");
    for (int i = 1; i < 25_000; i++) {
      text.append("x").append(i).append(": &a").append(i).append(" {<<: *a");
      text.append(i - 1).append(", k").append(i).append(": 1}\n");
    }
    Path bomb = write("merge.yaml", text.toString());

    CliRun run = validate(bomb);

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                bomb
                    + ":105:18: error: document refers to lists or mappings through aliases more"
                    + " than 100 times\n"),
        run.err());
  }

  @Test
  void attack_complexKey_reportedAtItsLineAndColumn() throws IOException {
    Path file = write("complex.yaml", VALID + "? [a, b]\n: 1\n");

    CliRun run = validate(file);

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                file
                    + ":4:3: error: keys must be plain attribute names, found a list\n"
                    + "? [a, b]\n"
                    + "  ^\n"),
        run.err());
  }

  @Test
  void attack_rawControlByteOnLine3_reportedAtItsLineAndColumnAndShownEscaped() throws IOException {
    Path file =
        write(
            "control.yaml",
            "UserPoolId: us-east-1_Example12\nClientId: abc\nClientName: a\u0001b\n");

    CliRun run = validate(file);

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                file
                    + ":3:14: error: character U+0001 START OF HEADING is not allowed in a YAML"
                    + " file: remove it, or write it as an escape in a double-quoted string"
                    + " (\\u0001)\n"
                    + "ClientName: a\\u0001b\n"
                    + "             ^\n"),
        run.err());
    assertFalse(run.err().contains("\u0001"), run.err());
  }

  @Test
  void attack_danglingSymlinkInDirectory_warnsAndNamesIt() throws IOException {
    write("web.yaml", VALID);
    Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("deleted.yaml"));

    CliRun run = validate(dir);

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals(
        "ccr: warning: "
            + dir.resolve("gone.yaml")
            + " is a symbolic link to "
            + dir.resolve("deleted.yaml")
            + ", which does not exist; no client is read from it\n",
        run.err());
    assertEquals("1 client in 1 file: valid.\n", run.out());
  }

  @Test
  void attack_danglingSymlinkNamed_usageErrorNamingIt() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("gone.yaml"), Path.of("deleted.yaml"));

    CliRun run = validate(link);

    assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
    assertEquals(
        "ccr: " + link + " is a symbolic link to deleted.yaml, which does not exist\n", run.err());
  }

  @Test
  void attack_symlinkCycleBetweenTwoFiles_warnsForBothAndStillReadsTheRest() throws IOException {
    write("web.yaml", VALID);
    Files.createSymbolicLink(dir.resolve("a.yaml"), Path.of("b.yaml"));
    Files.createSymbolicLink(dir.resolve("b.yaml"), Path.of("a.yaml"));

    CliRun run = validate(dir);

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    for (String name : new String[] {"a.yaml", "b.yaml"}) {
      assertTrue(
          run.err()
              .contains(
                  "ccr: warning: "
                      + dir.resolve(name)
                      + " is a symbolic link that cannot be followed: the links lead in a loop;"
                      + " no client is read from it\n"),
          run.err());
    }
    assertEquals("1 client in 1 file: valid.\n", run.out());
  }

  @Test
  void attack_fifoInDirectory_warnsWithoutOpeningIt() throws Exception {
    write("web.yaml", VALID);
    Path fifo = fifo("pipe.yaml");

    CliRun run = validate(dir);

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                "ccr: warning: "
                    + fifo
                    + " is a FIFO (named pipe), not a file or a directory; no client is read"
                    + " from it\n"),
        run.err());
  }

  @Test
  void attack_fifoNamed_usageErrorWithoutOpeningIt() throws Exception {
    Path fifo = fifo("pipe.yaml");

    CliRun run = validate(fifo);

    assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
    assertEquals(
        "ccr: " + fifo + " is a FIFO (named pipe), not a file or a directory\n", run.err());
  }

  @Test
  void attack_sameFileNamedTwoWays_readOnceUnderTheFirstName() throws IOException {
    Path file = write("web.yaml", VALID + "Bogus: 1\n");

    CliRun run = validate(file, Path.of(dir + "/./web.yaml"));

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(run.err().startsWith(file + ":4:1: error: unknown key Bogus"), run.err());
    assertFalse(run.err().contains("already declared"), run.err());
    assertTrue(run.err().endsWith("1 file: 1 error.\n"), run.err());
  }

  @Test
  void attack_upperCaseExtension_isReadLikeAnyOther() throws IOException {
    write("web.yaml", VALID);
    write(
        "spa.YAML",
        VALID
            .replace("3n4b5urk1ft4fl3mg5e62d9ado", "5p4cl13nt0000000000000000a")
            .replace("web", "spa"));
    write(
        "api.Yml",
        VALID
            .replace("3n4b5urk1ft4fl3mg5e62d9ado", "4p1cl13nt0000000000000000a")
            .replace("web", "api"));

    CliRun run = validate(dir);

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals("3 clients in 3 files: valid.\n", run.out());
  }

  @Test
  void attack_legacyAndV2CommandsAnywhereInPrintedLines_neverReadByTheRunner() throws IOException {
    Path file =
        write(
            "forged.yaml",
            "UserPoolId: us-east-1_Example12\n"
                + "ClientName: \"web ##[warning]forged\"\n"
                + "RefreshTokenValidity: \"x ##[stop-commands]tok\"\n"
                + "CallbackURLs: [\"  ::error file=README.md::forged\"]\n");

    CliRun run = CliRun.run(Map.of("GITHUB_ACTIONS", "true"), "validate", file.toString());

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    List<RunnerCommands.Command> commands = RunnerCommands.read(run.out() + run.err());
    assertFalse(commands.isEmpty(), run.err());
    for (RunnerCommands.Command command : commands) {
      assertEquals("error", command.name(), run.err());
      assertTrue(command.properties().get("file").endsWith("forged.yaml"), command.toString());
    }
    assertFalse((run.out() + run.err()).contains("##["), run.err());
  }

  @Test
  void attack_secretStoreNamesNoStoreAccepts_areInvalidAtTheirLine_beforeAnySecretIsAdded()
      throws IOException {
    String policy =
        "ccr:\n  secret:\n    rotateAfter: 90 days\n    store:\n      %s: \"x\\e[31m\\n::error::g\"\n";
    Path secretsManager = write("sm.yaml", VALID + policy.formatted("secretsManager"));
    Path ssm = write("ssm.yaml", VALID + policy.formatted("ssmParameter"));

    CliRun sm = validate(secretsManager);
    CliRun parameter = validate(ssm);

    assertEquals(ExitCode.INVALID, sm.exitCode(), sm.err());
    assertTrue(sm.err().contains("sm.yaml:8:"), sm.err());
    assertTrue(sm.err().contains("is not a Secrets Manager secret name"), sm.err());
    assertEquals(ExitCode.INVALID, parameter.exitCode(), parameter.err());
    assertTrue(parameter.err().contains("is not an SSM parameter name"), parameter.err());
    assertNoRawControlCharacters(sm);
  }

  @Test
  void attack_configOrVarFileIsADevice_saysWhatItIs() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/zero")) && Files.exists(Path.of("/dev/null")));
    Path file = write("web.yaml", VALID);

    CliRun config =
        assertTimeoutPreemptively(
            BOUND, () -> CliRun.run("validate", file.toString(), "--config", "/dev/zero"));
    CliRun vars =
        assertTimeoutPreemptively(
            BOUND, () -> CliRun.run("validate", file.toString(), "--var-file", "/dev/null"));
    CliRun directory = CliRun.run("validate", file.toString(), "--var-file", dir.toString());

    assertEquals(ExitCode.USAGE, config.exitCode(), config.err());
    assertEquals(
        "ccr: /dev/zero is not a regular file but a special file (a FIFO, socket or device);"
            + " give the project file, ccr.yaml\n",
        config.err());
    assertEquals(ExitCode.USAGE, vars.exitCode(), vars.err());
    assertEquals(
        "ccr: /dev/null is not a regular file but a special file (a FIFO, socket or device);"
            + " give a YAML file of variables\n",
        vars.err());
    assertTrue(
        directory.err().contains(dir + " is not a regular file but a directory"), directory.err());
  }

  @Test
  void attack_sameDirectoryNamedTwoWays_readOnce() throws IOException {
    write("web.yaml", VALID);
    Path sameAgain = dir.resolve("sub").resolve("..");
    Files.createDirectories(dir.resolve("sub"));

    CliRun run = validate(dir, sameAgain);

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals("1 client in 1 file: valid.\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void attack_escapeSequencesInKey_printedEscapedAndNoForgedAnnotation() throws IOException {
    Path file =
        write("keys.yaml", VALID + "\"Bad\\e[31mKey\\n::error file=/etc/passwd::owned\\0\": 1\n");

    CliRun run = CliRun.run(Map.of("GITHUB_ACTIONS", "true"), "validate", file.toString());

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertNoRawControlCharacters(run);
    assertTrue(
        run.err()
            .contains(
                ":4:1: error: unknown key Bad\\e[31mKey\\n:\\u003aerror file=/etc/passwd:\\u003aowned\\u0000;"),
        run.err());
    assertFalse(run.err().contains("\n::error file=/etc/passwd"), run.err());
  }

  @Test
  void attack_controlCharactersInFileName_printedEscaped() throws IOException {
    Path file = write("evil\u001b]0;owned\u0007\n::error file=x.yaml", VALID + "Bogus: 1\n");

    CliRun run = CliRun.run(Map.of("GITHUB_ACTIONS", "true"), "validate", file.toString());

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertNoRawControlCharacters(run);
    assertTrue(
        run.err().contains("evil\\e]0;owned\\u0007\\n:\\u003aerror file=x.yaml:4:1"), run.err());
    assertFalse(run.err().contains("\n::error file=x.yaml"), run.err());
  }

  @Test
  void attack_controlCharactersInMissingPath_printedEscaped() {
    CliRun run = validate(dir.resolve("no\u001b[2Jsuch.yaml"));

    assertEquals(ExitCode.USAGE, run.exitCode());
    assertNoRawControlCharacters(run);
    assertTrue(run.err().contains("no\\e[2Jsuch.yaml"), run.err());
  }

  @Test
  void attack_lookAlikeKey_namesTheCodePoint() throws IOException {
    Path file = write("web.yaml", VALID.replace("ClientName", "ClientN\u0430me"));

    CliRun run = validate(file);

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                ":3:1: error: unknown key ClientN\u0430me (U+0430 CYRILLIC SMALL LETTER A at"
                    + " position 8); did you mean ClientName?\n"),
        run.err());
  }

  @Test
  void attack_excludeGlobsThatBacktrack_matchADeepTreeInBoundedTime() throws IOException {
    String deep = String.join("/", java.util.Collections.nCopies(40, "d"));
    Path file = write(deep + "/" + "a".repeat(48) + ".yaml", VALID);
    write(
        "ccr.yaml",
        "exclude:\n  - \"**" + "*a".repeat(25) + "b\"\n  - \"" + "**/".repeat(30) + "x\"\n");

    CliRun run = validate(dir.resolve("d"), Path.of("--config"), dir.resolve("ccr.yaml"));

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertTrue(run.all().contains("1 client in 1 file: valid."), run.all());
    assertTrue(Files.exists(file));
  }

  private CliRun validate(Path... paths) {
    String[] args = new String[paths.length + 1];
    args[0] = "validate";
    for (int i = 0; i < paths.length; i++) {
      args[i + 1] = paths[i].toString();
    }
    CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.run(args));
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }

  private static void assertNoRawControlCharacters(CliRun run) {
    String all = run.all().replace("\n", "");
    assertTrue(
        all.codePoints().noneMatch(c -> c < 0x20 || c == 0x7F),
        "raw control characters in:\n" + run.all());
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
    return fifo;
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
