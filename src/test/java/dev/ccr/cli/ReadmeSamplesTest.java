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
    String readme = Files.readString(ROOT.resolve("README.md"));
    int at = readme.indexOf("```console\n" + command);
    assertTrue(at >= 0, "README lacks " + command);
    int start = at + "```console\n".length() + command.length();
    return readme.substring(start, readme.indexOf("```\n", start));
  }

  /** Ids as the emulator makes them: a pool's 32 hex digits, a client's 26 characters. */
  private static String withoutIds(String text) {
    return text.replaceAll("([a-z]{2}-[a-z]+-\\d)_[0-9a-f]{32}", "$1_POOL")
        .replaceAll("/[0-9a-z]{26}\\)", "/CLIENT)")
        .replaceAll("[0-9a-z]{26}--\\d+", "CLIENT--EPOCH");
  }

  @Test
  void samplePlan_isWhatPlanPrintsForTheDemo(URI moto) throws Exception {
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
  }
}
