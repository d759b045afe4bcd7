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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks of a hostile repository, a hostile endpoint and a cancelled job that earlier rounds
 * missed: each ends in a bounded, documented answer.
 */
class HardeningTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final String PASSWORD = "s3cr3t-pa55";
  private static final String CLIENT =
      "UserPoolId: us-east-1_Example12\nClientId: 3n4b5urk1ft4fl3mg5e62d9ado\nClientName: web\n";

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

  @Test
  void attack_malformedEndpointUrlWithPassword_neverEchoesIt() throws IOException {
    Path file = write("web.yaml", CLIENT);
    List<String> urls =
        List.of(
            "http:/u:" + PASSWORD + "@127.0.0.1:1",
            "u:" + PASSWORD + "@127.0.0.1:1",
            "http://u:pass word " + PASSWORD + "@127.0.0.1:1",
            "http://u:p@" + PASSWORD + "@127.0.0.1:1",
            "http://u:" + PASSWORD + "@127.0.0.1:99999");
    for (String url : urls) {
      CliRun option = CliRun.run("plan", "--endpoint-url", url, file.toString());
      CliRun variable = CliRun.run(Map.of("AWS_ENDPOINT_URL", url), "plan", file.toString());
      for (CliRun run : List.of(option, variable)) {
        assertTrue(run.exitCode() == ExitCode.USAGE || run.exitCode() == ExitCode.ERROR, run.all());
        assertFalse(run.all().contains(PASSWORD), run.all());
        assertTrue(run.err().contains("****@"), run.all());
      }
    }
  }

  @Test
  void attack_passwordInProjectFileEndpointUrl_neverQuoted() throws IOException {
    Path file = write("web.yaml", CLIENT);
    for (String url :
        List.of(
            "u:" + PASSWORD + "@127.0.0.1:1",
            "\"http://u:pass word" + PASSWORD + "@127.0.0.1:1\"",
            "http://u:p@" + PASSWORD + "@127.0.0.1:1")) {
      Path config = write("ccr.yaml", "environments:\n  dev:\n    endpoint-url: " + url + "\n");

      for (String command : List.of("validate", "plan")) {
        CliRun run =
            CliRun.run(command, "--config", config.toString(), "--env", "dev", file.toString());

        assertFalse(run.all().contains(PASSWORD), url + ":\n" + run.all());
        assertFalse(run.hasStackTrace(), run.all());
        assertTrue(
            url.startsWith("http://u:p@") || run.err().contains("endpoint-url"),
            url + ":\n" + run.all());
      }
    }
  }

  @Test
  void attack_passwordInProjectFileEndpointUrl_asListMappingOrBlock_neverQuoted()
      throws IOException {
    Path file = write("web.yaml", CLIENT);
    for (String url :
        List.of(
            "[http://u:" + PASSWORD + "@127.0.0.1:1]",
            "[u:" + PASSWORD + "@127.0.0.1:1]",
            "{a: \"http://u:pass word" + PASSWORD + "@127.0.0.1:1\"}",
            "\n      - http://u:" + PASSWORD + "@127.0.0.1:1",
            "|\n      http://u:" + PASSWORD + "@127.0.0.1:1",
            ">-\n      u:" + PASSWORD + "@127.0.0.1:1 x")) {
      Path config = write("ccr.yaml", "environments:\n  dev:\n    endpoint-url: " + url + "\n");

      for (String command : List.of("validate", "plan")) {
        CliRun run =
            CliRun.run(command, "--config", config.toString(), "--env", "dev", file.toString());

        assertFalse(run.all().contains(PASSWORD), url + ":\n" + run.all());
        assertFalse(run.hasStackTrace(), run.all());
        assertTrue(run.err().contains("endpoint-url"), url + ":\n" + run.all());
      }
    }
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
