package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.live.GatewayException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security rules and the checks against the pool through the command line, against the fake
 * gateway: {@code --allow}, {@code --strict}, exit codes, and no write for a refused client.
 */
class RuleOptionsTest {
  private static final String POOL = "us-east-1_Example12";
  private static final Terminal PIPE = new Terminal(false, false, false);

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);

  @Test
  void validate_allowOfAnUnknownRule_isAUsageErrorWithASuggestion() throws IOException {
    Path file = write("web", "PreventUserExistenceErrors: ENABLED");

    CliRun run = run("validate", "--allow", "CCR180", file.toString());

    assertEquals(ExitCode.USAGE, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains("--allow: no security rule CCR180; did you mean CCR108 (LocalhostRedirect)?"),
        run.err());
  }

  @Test
  void validate_strict_makesARuleWarningAnError_andAllowLiftsIt() throws IOException {
    Path file = write("web", "PreventUserExistenceErrors: LEGACY");

    CliRun plain = run("validate", file.toString());
    CliRun strict = run("validate", "--strict", file.toString());
    CliRun allowed = run("validate", "--strict", "--allow", "ccr101", file.toString());

    assertEquals(ExitCode.OK, plain.exitCode(), plain.all());
    assertTrue(
        plain.err().contains(":3:1: warning: PreventUserExistenceErrors: LEGACY"), plain.err());
    assertEquals(ExitCode.INVALID, strict.exitCode(), strict.all());
    assertTrue(
        strict.err().contains(":3:1: error: PreventUserExistenceErrors: LEGACY"), strict.err());
    assertTrue(strict.err().contains("[CCR101]"), strict.err());
    assertEquals(ExitCode.OK, allowed.exitCode(), allowed.all());
    assertEquals("", allowed.err());
  }

  @Test
  void plan_strict_refusesAnUnmanagedInsecureLiveValue_withExit3AndNoWrite() throws IOException {
    fake.seed(POOL, "web", Map.of("ClientName", "web", "EnableTokenRevocation", false), false);
    write("web", "ClientName: web-app");

    CliRun plain = run("plan", dir.toString(), "--detailed-exitcode");
    CliRun strict = run("apply", dir.toString(), "--strict", "--auto-approve");

    assertEquals(ExitCode.CHANGES, plain.exitCode(), plain.all());
    assertTrue(
        plain.err().contains("warning: CCR102 TokenRevocationOff on 1 client, from a value its"),
        plain.err());
    assertEquals(ExitCode.INVALID, strict.exitCode(), strict.all());
    assertTrue(
        strict.err().contains("error: EnableTokenRevocation: false (live, unmanaged)"),
        strict.err());
    assertEquals(0, writes());
  }

  @Test
  void apply_unknownScope_isRefusedAtTheItemWithExit3AndNoWrite() throws IOException {
    fake.seed(POOL, "web", Map.of("AllowedOAuthFlowsUserPoolClient", true), false);
    Path file = write("web", "AllowedOAuthScopes:", "  - openid", "  - billing/read");

    CliRun run = run("apply", dir.toString(), "--auto-approve");

    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains(
                file
                    + ":5:5: error: AllowedOAuthScopes: \"billing/read\" is not a scope of user pool "
                    + POOL
                    + ", which has no resource server"),
        run.err());
    assertTrue(run.err().contains("  - billing/read\n    ^\n"), "quotes the line: " + run.err());
    assertEquals(0, writes());
  }

  @Test
  void plan_poolThatMayNotBeRead_warnsAndStillPlans() throws IOException {
    fake.seed(POOL, "web", Map.of("ClientName", "web"), false);
    fake.failAlways(
        Operation.DESCRIBE_POOL,
        POOL,
        "",
        new GatewayException(
            GatewayException.Reason.ACCESS_DENIED,
            "AccessDeniedException",
            Operation.DESCRIBE_POOL.action(),
            "denied"));
    Path file = write("web", "ClientName: web-app");

    CliRun run = run("plan", dir.toString(), "--detailed-exitcode");

    assertEquals(ExitCode.CHANGES, run.exitCode(), run.all());
    assertTrue(
        run.err()
            .contains(
                file
                    + ":1:1: warning: user pool "
                    + POOL
                    + ": checks against the pool skipped: tier, domain and read/write attributes"
                    + " not checked: the AWS identity in use may not call"
                    + " cognito-idp:DescribeUserPool (grant it to check them)"),
        run.err());
    assertTrue(run.out().contains("~ ClientName: web -> web-app"), run.out());
  }

  @Test
  void applySavedPlan_withRuleOptions_isAUsageError() throws IOException {
    Path plan = dir.resolve("plan.json");
    Files.writeString(plan, "{}");

    CliRun run = run("apply", "--plan", plan.toString(), "--strict");
    CliRun lenient = run("apply", "--plan", plan.toString(), "--no-strict");

    assertEquals(ExitCode.USAGE, run.exitCode(), run.all());
    assertTrue(run.err().contains("--allow and --strict judge a plan as it is made"), run.err());
    assertEquals(ExitCode.USAGE, lenient.exitCode(), lenient.all());
    assertTrue(lenient.err().contains("--allow and --strict judge a plan"), lenient.err());
  }

  private long writes() {
    return fake.calls().stream()
        .filter(
            c ->
                List.of(Operation.UPDATE, Operation.CREATE, Operation.DELETE)
                    .contains(c.operation()))
        .count();
  }

  private Path write(String clientId, String... lines) throws IOException {
    Path file = dir.resolve(clientId + ".yaml");
    Files.writeString(
        file,
        "UserPoolId: " + POOL + "\nClientId: " + clientId + "\n" + String.join("\n", lines) + "\n");
    return file;
  }

  private CliRun run(String... args) {
    Context context = new Context(Map.of(), options -> fake, new ByteArrayInputStream(new byte[0]));
    CliRun run = CliRun.run(context, PIPE, args);
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }
}
