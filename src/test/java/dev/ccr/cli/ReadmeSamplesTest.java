package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The README's sample plan is what plan prints for the demo's repository: the examples seeded by
 * {@code demo/seed.py} with its drift, ids aside (the emulator makes new ones each run).
 */
@ExtendWith(MotoServer.class)
class ReadmeSamplesTest {
  private static final Path ROOT = Golden.projectDir();
  private static final String COMMAND = "$ ccr plan clients/ --out plan.json\n";

  @TempDir Path dir;

  private static String readmeSample() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start =
        readme.indexOf("```console\n" + COMMAND) + "```console\n".length() + COMMAND.length();
    return readme.substring(start, readme.indexOf("```\n", start));
  }

  /** Ids as the emulator makes them: a pool's 32 hex digits, a client's 26 characters. */
  private static String withoutIds(String text) {
    return text.replaceAll("([a-z]{2}-[a-z]+-\\d)_[0-9a-f]{32}", "$1_POOL")
        .replaceAll("/[0-9a-z]{26}\\)", "/CLIENT)");
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
    assertEquals(withoutIds(readmeSample()), withoutIds(printed));
  }
}
