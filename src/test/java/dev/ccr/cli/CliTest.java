package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private static final String VALID =
      "UserPoolId: us-east-1_Example12\nClientId: 3n4b5urk1ft4fl3mg5e62d9ado\nClientName: web\n";

  @TempDir Path dir;

  @Test
  void validate_examples_exitsZeroWithoutWarnings() {
    CliRun run = CliRun.run("validate", Golden.projectDir().resolve("examples").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertFalse(run.err().contains("warning"), run.err());
    // examples/environments is a project of its own, passed over with a note.
    assertTrue(
        run.err().matches("ccr: skipped \\S+/environments: it holds its own ccr.yaml;[^\\n]*\\n"),
        run.err());
    assertTrue(run.out().matches("\\d+ clients in \\d+ files: valid\\.\\n"), run.out());
  }

  @Test
  void validate_validFile_printsTheResultLineOnStdout() throws IOException {
    Path file = write("web.yaml", VALID);
    CliRun run = CliRun.run("validate", file.toString());
    assertEquals(ExitCode.OK, run.exitCode());
    assertEquals("1 client in 1 file: valid.\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void validate_directory_readsYamlRecursivelyInSortedOrderAndSkipsHiddenDirectories()
      throws IOException {
    write("b/second.yml", "UserPoolId: us-east-1_Example12\nClientId: bbb\nBogus: 1\n");
    write("a/first.yaml", "UserPoolId: us-east-1_Example12\nClientId: aaa\nBogus: 1\n");
    write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
    write("notes.txt", "not yaml");
    CliRun run = CliRun.run("validate", dir.toString());
    assertEquals(ExitCode.INVALID, run.exitCode());
    int first = run.err().indexOf("first.yaml:3:1");
    int second = run.err().indexOf("second.yml:3:1");
    assertTrue(first >= 0 && second > first, run.err());
    assertFalse(run.err().contains("ci.yml"), run.err());
    assertTrue(run.err().endsWith("2 files: 2 errors.\n"), run.err());
  }

  @Test
  void validate_directory_skipsHiddenFilesSuchAsCiConfiguration_butReadsThemWhenNamed()
      throws IOException {
    write("clients/web.yaml", VALID);
    Path gitlab = write(".gitlab-ci.yml", "stages: [plan]\n");
    write(".pre-commit-config.yaml", "repos: []\n");
    CliRun run = CliRun.run("validate", dir.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals("1 client in 1 file: valid.\n", run.out());
    CliRun named = CliRun.run("validate", gitlab.toString());
    assertEquals(ExitCode.INVALID, named.exitCode(), named.err());
  }

  @Test
  void validate_directory_followsSymbolicLinksAndPassesOverLoops() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(shared.resolve("web.yaml"), VALID);
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createSymbolicLink(repo.resolve("linked"), shared);
    Files.createSymbolicLink(repo.resolve("loop"), repo);
    CliRun run = CliRun.run("validate", repo.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals("1 client in 1 file: valid.\n", run.out());
  }

  @Test
  void validate_errorsInSeveralFiles_reportsAllOfThemInOneRun() throws IOException {
    Path a = write("a.yaml", VALID + "AuthSessionValidity: 99\n");
    Path b = write("b.yaml", VALID + "ClientSecret: s3cr3t\n");
    CliRun run = CliRun.run("validate", b.toString(), a.toString());
    assertEquals(ExitCode.INVALID, run.exitCode());
    assertTrue(run.err().contains(a + ":4:22: error: AuthSessionValidity: 99"), run.err());
    assertTrue(run.err().contains(b + ":4:1: error: ClientSecret is not desired state"), run.err());
    assertFalse(
        run.err().contains("s3cr3t"), "a secret pasted into a file is never echoed:\n" + run.err());
    assertTrue(run.err().contains("ClientSecret: ****\n^"), run.err());
  }

  @Test
  void validate_missingPath_isUsageError() {
    CliRun run = CliRun.run("validate", dir.resolve("nope.yaml").toString());
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(
        run.err().contains("no such file or directory: " + dir.resolve("nope.yaml")), run.err());
  }

  @Test
  void validate_directoryWithoutYaml_isUsageError() {
    CliRun run = CliRun.run("validate", dir.toString());
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("no *.yaml or *.yml files in " + dir), run.err());
  }

  @Test
  void unknownOption_isUsageErrorWithHint() {
    CliRun run = CliRun.run("validate", "--no-such-option");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
    assertTrue(run.err().contains("ccr validate --help"), run.err());
  }

  @Test
  void unknownCommand_isUsageErrorWithSuggestion() {
    CliRun run = CliRun.run("validat");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("validate"), run.err());
  }

  @Test
  void plan_endpointWithoutScheme_isUsageError() throws IOException {
    Path file = write("web.yaml", VALID);
    CliRun run = CliRun.run("plan", "--endpoint-url", "localhost:4566", file.toString());
    assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("'--endpoint-url': must be an http:// or https:// URL with a host"),
        run.err());
    CliRun spaces = CliRun.run("plan", "--endpoint-url", "not a url", file.toString());
    assertEquals(ExitCode.USAGE, spaces.exitCode(), spaces.err());
    assertTrue(
        spaces.err().contains("'not a url' is not a URL: Illegal character in path"), spaces.err());
    assertFalse(spaces.err().contains("Exception"), spaces.err());
  }

  @Test
  void plan_malformedRegion_isUsageError() throws IOException {
    Path file = write("web.yaml", VALID);
    for (String region : List.of("", "us east 1", "EU-WEST-1")) {
      CliRun run = CliRun.run("plan", "--region", region, file.toString());
      assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
      assertTrue(run.err().contains("--region must be a region name such as eu-west-1"), run.err());
    }
  }

  @Test
  void maxWriteRps_onCommandsThatNeverWrite_isUnknownOption() throws IOException {
    Path file = write("web.yaml", VALID);
    for (List<String> args :
        List.of(
            List.of("plan", file.toString()),
            List.of("drift", file.toString()),
            List.of("export", "--user-pool-id", "us-east-1_Example12"))) {
      List<String> all = new java.util.ArrayList<>(args);
      all.addAll(List.of("--max-write-rps", "5"));
      CliRun run = CliRun.run(all.toArray(String[]::new));
      assertEquals(ExitCode.USAGE, run.exitCode(), args + ": " + run.err());
      assertTrue(run.err().matches("(?s).*Unknown options?: '--max-write-rps'.*"), run.err());
      CliRun help = CliRun.run(args.get(0), "--help");
      assertFalse(help.out().contains("--max-write-rps"), help.out());
      assertTrue(help.out().contains("--max-read-rps"), help.out());
    }
    assertTrue(CliRun.run("apply", "--help").out().contains("--max-write-rps=N"));
  }

  @Test
  void apply_maxWriteRpsBelowTheFloor_isUsageError() throws IOException {
    Path file = write("web.yaml", VALID);
    CliRun run = CliRun.run("apply", file.toString(), "--auto-approve", "--max-write-rps", "0");
    assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("--max-write-rps must be a number of at least 0.01, not 0.0"),
        run.err());
  }

  @Test
  void ioProblems_sayWhatWentWrongInWords() {
    assertEquals(
        "no such file or directory",
        IoProblems.describe(new java.nio.file.NoSuchFileException("/nope/plan.json")));
    assertEquals(
        "a file is in the way",
        IoProblems.describe(new java.nio.file.FileAlreadyExistsException("clients")));
    assertEquals(
        "permission denied",
        IoProblems.describe(new java.nio.file.AccessDeniedException("/root/x")));
  }

  @Test
  void plan_unknownProfile_saysWhichProfileGaveNoCredentials() throws IOException {
    Path file = write("web.yaml", VALID);
    CliRun run =
        CliRun.run(
            "plan", "--profile", "nosuch", "--endpoint-url", "http://127.0.0.1:1", file.toString());
    assertEquals(ExitCode.ERROR, run.exitCode(), run.err());
    assertTrue(run.err().contains("ccr: error: profile nosuch gave no AWS credentials"), run.err());
    assertFalse(run.hasStackTrace(), run.err());
  }

  @Test
  void validate_longestValueTheSchemaAllows_doesNotHang() throws IOException {
    String external = "x".repeat(131_072);
    Path file =
        write(
            "long.yaml",
            VALID
                + "AnalyticsConfiguration: {ExternalId: "
                + external
                + ", UserDataShared: false}\n");
    // A guard against a hang (a pattern that is quadratic in the line), not a speed target.
    CliRun run =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60), () -> CliRun.run("validate", file.toString()));
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
  }

  @Test
  void noCommand_isUsageError() {
    CliRun run = CliRun.run();
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("Missing a command"), run.err());
  }

  @Test
  void help_listsEveryExitCode() {
    for (List<String> args : List.of(List.of("--help"), List.of("validate", "--help"))) {
      CliRun run = CliRun.run(args.toArray(String[]::new));
      assertEquals(ExitCode.OK, run.exitCode());
      for (String line :
          List.of(
              "0   success; no changes or drift",
              "1   error: AWS, network, I/O, a client that did not converge",
              "2   success, with changes or drift",
              "3   the desired state is invalid",
              "4   the saved plan is stale; nothing was written",
              "5   apply was cancelled (SIGINT, SIGTERM); the output says what was written",
              "64  usage error")) {
        assertTrue(run.out().contains(line), args + " help lacks: " + line + "\n" + run.out());
      }
    }
  }

  @Test
  void help_listsEveryCommand() {
    for (List<String> args : List.of(List.of("--help"), List.of("help"))) {
      CliRun run = CliRun.run(args.toArray(String[]::new));
      assertEquals(ExitCode.OK, run.exitCode());
      for (String command : List.of("validate", "plan", "apply", "drift", "export", "help")) {
        assertTrue(
            run.out().contains("\n  " + command + " "), args + ": " + command + "\n" + run.out());
      }
    }
  }

  @Test
  void help_ofOneCommand_showsItsOptions() {
    CliRun run = CliRun.run("help", "plan");
    assertEquals(ExitCode.OK, run.exitCode());
    assertTrue(run.out().contains("Usage: ccr plan"), run.out());
    assertTrue(run.out().contains("--detailed-exitcode"), run.out());
  }

  @Test
  void subcommandsFor_aNamedCommand_buildsOnlyThatOne() {
    assertEquals(
        List.of(ValidateCommand.class),
        List.copyOf(Ccr.subcommandsFor(new String[] {"validate", "x"})));
    int all = Ccr.SUBCOMMANDS.size();
    assertTrue(Ccr.SUBCOMMANDS.keySet().containsAll(List.of("validate", "show", "rotate", "help")));
    assertEquals(all, Ccr.subcommandsFor(new String[] {"help", "plan"}).size());
    assertEquals(all, Ccr.subcommandsFor(new String[] {"completion", "bash"}).size());
    assertEquals(all, Ccr.subcommandsFor(new String[] {"valdate"}).size());
    assertEquals(all, Ccr.subcommandsFor(new String[] {}).size());
  }

  @Test
  void version_printsTheBuildVersion() {
    CliRun run = CliRun.run("--version");
    assertEquals(ExitCode.OK, run.exitCode());
    assertTrue(run.out().matches("ccr \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), run.out());
  }

  @Test
  void githubActions_addsAnnotationsForWarningsToo() throws IOException {
    Path file = write("w.yaml", VALID + "ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH]\n");
    CliRun run = CliRun.run(Map.of("GITHUB_ACTIONS", "true"), "validate", file.toString());
    assertEquals(ExitCode.OK, run.exitCode());
    assertTrue(
        run.err().contains("::warning file=" + file + ",line=4,col=1::ExplicitAuthFlows"),
        run.err());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }
}
