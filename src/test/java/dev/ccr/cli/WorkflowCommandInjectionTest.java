package dev.ccr.cli;

import static dev.ccr.plan.Clients.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.live.GatewayException;
import dev.ccr.testing.RunnerCommands;
import dev.ccr.testing.RunnerCommands.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Under GitHub Actions the runner reads workflow commands from every line ccr prints; values from
 * files and from Cognito must never pass for one, and ccr's own annotations must still be read. The
 * runner's reading is {@link RunnerCommands}, a port of its parser.
 */
class WorkflowCommandInjectionTest {
  private static final String POOL = "us-east-1_Example12";
  private static final Map<String, String> ACTIONS = Map.of("GITHUB_ACTIONS", "true");

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway();

  private CliRun run(String... args) {
    return CliRun.run(new Context(ACTIONS, options -> fake), args);
  }

  private Path file(String name, String body) throws IOException {
    return Files.writeString(dir.resolve(name), "UserPoolId: " + POOL + "\n" + body);
  }

  private static List<Command> commands(CliRun run) {
    return RunnerCommands.read(run.out() + run.err());
  }

  /** A client file that draws no security-rule warning, so any annotation is the test's own. */
  private static final String WEB =
      "ClientId: web\nClientName: web\nccr: {allow: [CCR101, CCR107]}\n";

  @Test
  void drift_clientNamesHoldingLegacyCommands_forgeNoAnnotation() throws IOException {
    fake.seed(POOL, "web", map("ClientName", "web ##[warning]forged"), false);
    fake.seed(POOL, "other", map("ClientName", "##[error file=README.md]x ::error::y"), false);
    file("web.yaml", WEB);
    for (String format : List.of("text", "markdown", "junit", "json", "sarif")) {
      CliRun run = run("drift", dir.toString(), "--format", format);
      assertEquals(ExitCode.CHANGES, run.exitCode(), run.err());
      assertEquals(List.of(), commands(run), format + ":\n" + run.all());
    }
    CliRun text = run("drift", dir.toString());
    assertTrue(text.out().contains("web ##\\u005bwarning]forged"), text.out());
  }

  @Test
  void drift_jsonOnStandardOutput_staysTheSameJsonUnderGithubActions() throws IOException {
    String name = "##[warning]x \u200b::error::y \udb40\udd00 ##[";
    fake.seed(POOL, "web", map("ClientName", name), false);
    file("web.yaml", WEB);
    for (String format : List.of("json", "sarif")) {
      CliRun actions = run("drift", dir.toString(), "--format", format);
      CliRun plain =
          CliRun.run(
              new Context(Map.of(), options -> fake), "drift", dir.toString(), "--format", format);
      assertEquals(List.of(), commands(actions), actions.out());
      assertEquals(
          JsonMapper.shared().readTree(plain.out()),
          JsonMapper.shared().readTree(actions.out()),
          format);
      assertTrue(plain.out().contains(name) || plain.out().contains("##[warning]x"), plain.out());
    }
  }

  @Test
  void validate_stopCommandsInAValue_leavesTheRealAnnotationsThatFollowOn() throws IOException {
    Path file =
        file(
            "web.yaml",
            "ClientId: web\nBogus: \"##[stop-commands]tok\"\n::stop-commands::tok2: 1\nClientNme: web\n");
    CliRun run = run("validate", file.toString());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    List<Command> commands = commands(run);
    assertEquals(List.of("3", "4", "5"), lines(commands), run.err());
    assertTrue(commands.stream().allMatch(c -> c.name().equals("error")), commands.toString());
  }

  @Test
  void validate_sourceLineStartingWithACommand_forgesNoAnnotationOnAnotherFile()
      throws IOException {
    Path file = file("web.yaml", "ClientId: web\n::error file=README.md::forged: 1\n");
    CliRun run = run("validate", file.toString());
    assertTrue(run.err().contains("\n:\\u003aerror file=README.md:\\u003aforged: 1\n"), run.err());
    List<Command> commands = commands(run);
    assertEquals(1, commands.size(), commands.toString());
    assertEquals(file.toString(), commands.get(0).properties().get("file"));
    assertEquals("3", commands.get(0).properties().get("line"));
  }

  @Test
  void validate_fileNameWithANewline_cannotSplitADiagnosticIntoAForgedOne() throws IOException {
    Path file = file("web\n::error file=README.md::forged.yaml", "ClientId: web\nBogus: 1\n");
    CliRun run = run("validate", file.toString());
    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    List<Command> commands = commands(run);
    assertEquals(1, commands.size(), run.err());
    assertEquals(file.toString(), commands.get(0).properties().get("file"));
  }

  @Test
  void validate_invisibleCharactersInAValue_cannotHideACommandFromTheCheck() throws IOException {
    Path file =
        file("web.yaml", "ClientId: web\n\u200b::warning::x: 1\nBogus: \"#\u00ad#[debug]x\"\n");
    CliRun run = run("validate", file.toString());
    List<Command> commands = commands(run);
    assertEquals(List.of("3", "4"), lines(commands), run.err());
    assertTrue(run.err().contains("\\u200b:\\u003awarning:\\u003ax"), run.err());
  }

  @Test
  void drift_poolThatCannotBeListed_getsAnAnnotationAtItsUserPoolId() throws IOException {
    fake.seed(POOL, "web", map("ClientName", "web"), false);
    fake.failAlways(
        Operation.LIST,
        POOL,
        "",
        new GatewayException(
            GatewayException.Reason.ACCESS_DENIED,
            "AccessDeniedException",
            Operation.LIST.action(),
            "not allowed to list"));
    file("web.yaml", WEB);
    CliRun run = run("drift", dir.toString());
    assertEquals(ExitCode.ERROR, run.exitCode(), run.err());
    List<Command> commands = commands(run);
    assertEquals(1, commands.size(), run.all());
    assertEquals("error", commands.get(0).name());
    assertEquals(
        Map.of("file", dir.resolve("web.yaml").toString(), "line", "1", "col", "1"),
        commands.get(0).properties());
    assertTrue(commands.get(0).data().contains("cannot list the clients of pool " + POOL));
  }

  @Test
  void plan_credentialsRejected_getOneAnnotationWithoutAFile() throws IOException {
    GatewayException expired =
        new GatewayException(
            GatewayException.Reason.CREDENTIALS,
            "ExpiredTokenException",
            Operation.DESCRIBE.action(),
            "the security token has expired");
    for (String id : List.of("web", "api")) {
      fake.seed(POOL, id, map("ClientName", id), false);
      fake.failAlways(Operation.DESCRIBE, POOL, id, expired);
      file(id + ".yaml", "ClientId: " + id + "\n");
    }
    CliRun run = run("plan", dir.toString());
    assertEquals(ExitCode.ERROR, run.exitCode(), run.err());
    List<Command> commands = commands(run);
    assertEquals(1, commands.size(), run.all());
    assertEquals(Map.of(), commands.get(0).properties());
    assertTrue(commands.get(0).data().contains("the security token has expired"), run.err());
  }

  @Test
  void validate_outsideGithubActions_printsNoCommandAndLeavesLinesAsTheyAre() throws IOException {
    Path file = file("web.yaml", "ClientId: web\n::error file=README.md::forged: 1\n");
    CliRun run = CliRun.run(new Context(Map.of(), options -> fake), "validate", file.toString());
    assertTrue(run.err().contains("\n::error file=README.md::forged: 1\n"), run.err());
    assertEquals(1, commands(run).size(), "the echoed line itself reads as one, as before");
  }

  @Test
  void process_stderrToAPipeIsEscaped_toAFileIsWrittenAsItIs() throws Exception {
    Path file = file("web.yaml", "ClientId: web\n::error file=README.md::forged: 1\n");
    Path log = dir.resolve("stderr.txt");
    ProcessBuilder java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.ccr.Main",
                "validate",
                file.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    java.environment().put("GITHUB_ACTIONS", "true");
    Process piped = java.start();
    String pipe = new String(piped.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(ExitCode.INVALID, piped.waitFor(), pipe);
    assertTrue(pipe.contains("\n:\\u003aerror file=README.md:\\u003aforged: 1\n"), pipe);
    assertEquals(1, RunnerCommands.read(pipe).size(), pipe);
    assertEquals(ExitCode.INVALID, java.redirectError(log.toFile()).start().waitFor());
    String written = Files.readString(log);
    assertTrue(written.contains("\n::error file=README.md::forged: 1\n"), written);
    assertTrue(written.contains("\n::error file=" + file + ",line=3,col=1::"), written);
  }

  private static List<String> lines(List<Command> commands) {
    return commands.stream().map(c -> c.properties().getOrDefault("line", "?")).toList();
  }
}
