package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import dev.ccr.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's sample plan and apply are what plan and apply print for the demo's repository: the
 * examples seeded by {@code demo/seed.py} with its drift, ids aside (the emulator makes new ones
 * each run).
 */
@ExtendWith(MotoServer.class)
class ReadmeSamplesTest {
  private static final Path ROOT = Golden.projectDir();
  private static final String COMMAND = "$ ccr plan clients/ --out plan.json\n";

  @TempDir Path dir;

  /** What the README's console block of {@code command} shows it print. */
  private static String readmeSample(String command) throws IOException {
    return sample("README.md", command);
  }

  /**
   * What the first console block of {@code file} that runs {@code command} shows it print, up to
   * the block's end or its next command.
   */
  private static String sample(String file, String command) throws IOException {
    String text = Files.readString(ROOT.resolve(file));
    int block = text.indexOf("```console\n");
    while (block >= 0) {
      int end = text.indexOf("```\n", block + 1);
      int at = text.indexOf("\n" + command, block);
      if (at >= 0 && at < end) {
        String shown = text.substring(at + 1 + command.length(), end);
        int next = shown.indexOf("\n$ ");
        return next < 0 ? shown : shown.substring(0, next + 1);
      }
      block = text.indexOf("```console\n", end + 1);
    }
    throw new AssertionError(file + " lacks " + command);
  }

  private Path seedDemo(URI moto) throws Exception {
    Path clients = dir.resolve("clients");
    Process seed =
        new ProcessBuilder(
                "python3",
                ROOT.resolve("demo/seed.py").toString(),
                moto.toString(),
                ROOT.resolve("examples").toString(),
                clients.toString())
            .redirectErrorStream(true)
            .start();
    String seeded = new String(seed.getInputStream().readAllBytes());
    seed.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, seed.exitValue(), seeded);
    return clients;
  }

  /** What a command run in the directory above clients/ prints, paths relative to it. */
  private String printed(CliRun run) {
    return (run.err() + run.out()).replace(dir + "/", "");
  }

  @Test
  void driftSamples_areWhatDriftPrintsForTheDemo(URI moto) throws Exception {
    Path clients = seedDemo(moto);
    String endpoint = moto.toString();

    CliRun all = CliRun.run("drift", clients.toString(), "--endpoint-url", endpoint);
    CliRun rotation =
        CliRun.run(
            "drift", clients.resolve("rotation.yaml").toString(), "--endpoint-url", endpoint);
    CliRun json =
        CliRun.run("drift", clients.toString(), "--endpoint-url", endpoint, "--format", "json");

    assertEquals(ExitCode.CHANGES, all.exitCode(), all.err());
    assertEquals(
        withoutIds(sample("docs/drift.md", "$ ccr drift clients/\n")), withoutIds(printed(all)));
    assertEquals(ExitCode.OK, rotation.exitCode(), rotation.err());
    assertEquals(
        withoutIds(sample("docs/drift.md", "$ ccr drift clients/rotation.yaml\n")),
        withoutIds(printed(rotation)));
    String shownJson = sample("docs/drift.md", "$ ccr drift clients/ --format json\n");
    String jsonHead = shownJson.substring(0, shownJson.indexOf("    ...\n"));
    assertTrue(
        withoutIds(json.out().replace(dir + "/", "")).startsWith(withoutIds(jsonHead)),
        withoutIds(json.out()) + "\n---\n" + withoutIds(jsonHead));
  }

  /** Ids as the emulator makes them: a pool's 32 hex digits, a client's 26 characters. */
  private static String withoutIds(String text) {
    return text.replaceAll("([a-z]{2}-[a-z]+-\\d)_[0-9a-f]{32}", "$1_POOL")
        .replaceAll("/[0-9a-z]{26}\\)", "/CLIENT)")
        .replaceAll("\"clientId\": \"[0-9a-z]{26}\"", "\"clientId\": \"CLIENT\"")
        .replaceAll("[0-9a-z]{26}--\\d+", "CLIENT--EPOCH");
  }

  @Test
  void samplePlan_isWhatPlanPrintsForTheDemo(URI moto) throws Exception {
    Path clients = seedDemo(moto);

    CliRun plan =
        CliRun.run(
            "plan",
            clients.toString(),
            "--endpoint-url",
            moto.toString(),
            "--out",
            dir.resolve("plan.json").toString());

    String printed =
        (plan.out()
                + plan.err()
                    .lines()
                    .filter(l -> l.startsWith("Saved the plan"))
                    .findFirst()
                    .orElse("")
                + "\n")
            .replace(dir + "/", "");
    assertEquals(withoutIds(readmeSample(COMMAND)), withoutIds(printed));

    CliRun apply = CliRun.run("apply", "--plan", dir.resolve("plan.json").toString());

    assertEquals(ExitCode.OK, apply.exitCode(), apply.err());
    assertEquals(
        withoutIds(readmeSample("$ ccr apply --plan plan.json\n")), withoutIds(apply.out()));
    assertEquals(
        withoutIds(sample("docs/apply.md", "$ ccr apply --plan plan.json\n")),
        withoutIds(apply.out()));

    CliRun again =
        CliRun.run(
            "plan", clients.toString(), "--endpoint-url", moto.toString(), "--detailed-exitcode");
    assertEquals(ExitCode.OK, again.exitCode(), again.err());
    assertEquals(sample("docs/apply.md", "$ ccr plan clients/ --detailed-exitcode\n"), again.out());
  }
}
