package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan and drift list each pool while the files are still read, once per pool, and start nothing
 * but reads: an invalid file stops the run with no write, a contradicting --region before any call.
 */
class PlanEarlyReadsTest {
  private static final String EAST = "us-east-1_Early1";
  private static final String EAST2 = "us-east-1_Early2";
  @TempDir Path dir;
  private final FakeCognitoGateway fake =
      new FakeCognitoGateway()
          .seed(EAST, "east0client0id", Map.of("ClientName", "web"), false)
          .seed(EAST2, "east2client0id", Map.of("ClientName", "api"), false);

  private CliRun run(String... args) {
    return CliRun.run(new Context(Map.of(), options -> fake), args);
  }

  private void files() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "UserPoolId: " + EAST + "\nClientName: web\n");
    Files.writeString(
        dir.resolve("b.yaml"),
        "UserPoolId: "
            + EAST
            + "\nClientName: other\n---\nUserPoolId: "
            + EAST2
            + "\nClientName: api\n");
  }

  private long calls(Operation operation) {
    return fake.calls().stream().filter(c -> c.operation() == operation).count();
  }

  @Test
  void plan_listsEachPoolOnce() throws Exception {
    files();

    CliRun plan = run("plan", dir.toString());

    assertEquals(ExitCode.OK, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("1 to create"), plan.out());
    assertEquals(2, calls(Operation.LIST), fake.calls().toString());
    CliRun drift = run("drift", dir.toString());
    assertEquals(ExitCode.CHANGES, drift.exitCode(), drift.out() + drift.err());
    assertEquals(4, calls(Operation.LIST), fake.calls().toString());
  }

  @Test
  void anInvalidFile_stopsThePlanWithReadsOnly() throws Exception {
    files();
    Files.writeString(dir.resolve("c.yaml"), "UserPoolId: " + EAST + "\nClientNam: typo\n");

    CliRun plan = run("plan", dir.toString());

    assertEquals(ExitCode.INVALID, plan.exitCode(), plan.out() + plan.err());
    Set<Operation> reads = Set.of(Operation.LIST, Operation.DESCRIBE, Operation.DESCRIBE_POOL);
    assertTrue(
        fake.calls().stream().allMatch(c -> reads.contains(c.operation())),
        fake.calls().toString());
  }

  @Test
  void aContradictingRegion_stopsThePlanBeforeAnyCall() throws Exception {
    files();

    CliRun plan = run("plan", dir.toString(), "--region", "eu-west-1");

    assertEquals(ExitCode.USAGE, plan.exitCode(), plan.out() + plan.err());
    assertEquals(java.util.List.of(), fake.calls());
  }
}
