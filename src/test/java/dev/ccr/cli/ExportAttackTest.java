package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links planted in the output directory of {@code ccr export}: export never writes through one,
 * even with {@code --force}, and says which one stopped it.
 */
class ExportAttackTest {
  private static final String POOL = "us-east-1_Example12";
  private static final String OUTSIDE = "root:x:0:0:root:/root:/bin/bash\n";

  @TempDir Path dir;

  private final FakeCognitoGateway fake =
      new FakeCognitoGateway()
          .seed(POOL, "3n4b5urk1ft4fl3mg5e62d9ado", Map.of("ClientName", "web"), false)
          .seed(POOL, "7kq2aa1ft4fl3mg5e62d9adoz", Map.of("ClientName", "admin"), false);

  @Test
  void attack_forceWithSymlinkPlantedAtATarget_exit1NamingItAndNothingWritten() throws IOException {
    Path out = Files.createDirectories(dir.resolve("clients"));
    Path outside = Files.writeString(dir.resolve("passwd"), OUTSIDE);
    Path link = Files.createSymbolicLink(out.resolve("web.yaml"), outside);

    CliRun run = export(out, "--force");

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertEquals(
        "ccr: error: 1 file cannot be replaced; nothing was written:\n"
            + "  "
            + link
            + " (a symbolic link to "
            + outside
            + ")\n"
            + "--force replaces files only, never a symbolic link, a directory or a special file:"
            + " remove them, or export into another directory.\n",
        run.err());
    assertEquals(OUTSIDE, Files.readString(outside));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(List.of("web.yaml"), names(out), "nothing written for any client");
  }

  @Test
  void attack_forceWithDanglingSymlinkAtATarget_createsNothingOutside() throws IOException {
    Path out = Files.createDirectories(dir.resolve("clients"));
    Path outside = dir.resolve("cron.d").resolve("owned.yaml");
    Files.createDirectories(outside.getParent());
    Files.createSymbolicLink(out.resolve("admin.yaml"), outside);

    CliRun run = export(out, "--force");

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(run.err().contains("admin.yaml (a symbolic link to " + outside + ")"), run.err());
    assertFalse(Files.exists(outside, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void attack_symlinkAtATargetWithoutForce_isAnExistingFileAndNothingIsWritten()
      throws IOException {
    Path out = Files.createDirectories(dir.resolve("clients"));
    Path outside = dir.resolve("elsewhere.yaml");
    Files.createSymbolicLink(out.resolve("web.yaml"), outside);

    CliRun run = export(out);

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(
        run.err().startsWith("ccr: error: 1 file exists already; nothing was written:\n"),
        run.err());
    assertFalse(Files.exists(outside));
    assertEquals(List.of("web.yaml"), names(out));
  }

  @Test
  void attack_outputDirIsASymlinkToElsewhere_exit1AndNothingWritten() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("etc"));
    Path out = Files.createSymbolicLink(dir.resolve("clients"), elsewhere);

    CliRun run = export(out, "--force");

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertEquals(
        "ccr: error: "
            + out
            + " is a symbolic link to "
            + elsewhere
            + "; export never writes through a symbolic link, so nothing was written. Give the"
            + " directory itself as --output-dir.\n",
        run.err());
    assertEquals(List.of(), names(elsewhere));
  }

  @Test
  void attack_forceWithHardLinkAtATarget_replacesTheNameAndLeavesTheOtherFileAlone()
      throws IOException {
    Path out = Files.createDirectories(dir.resolve("clients"));
    Path outside = Files.writeString(dir.resolve("passwd"), OUTSIDE);
    Path hardLink = Files.createLink(out.resolve("web.yaml"), outside);

    CliRun run = export(out, "--force");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(OUTSIDE, Files.readString(outside));
    assertTrue(Files.readString(hardLink).contains("ClientName: web\n"));
  }

  @Test
  void attack_forceWithDirectoryAtATarget_exit1NamingIt() throws IOException {
    Path out = Files.createDirectories(dir.resolve("clients"));
    Files.createDirectories(out.resolve("admin.yaml"));

    CliRun run = export(out, "--force");

    assertEquals(ExitCode.ERROR, run.exitCode(), run.all());
    assertTrue(run.err().contains(out.resolve("admin.yaml") + " (a directory)\n"), run.err());
    assertFalse(Files.exists(out.resolve("web.yaml")));
  }

  @Test
  void export_force_replacesFilesAndLeavesNoTemporaryFileBehind() throws IOException {
    Path out = Files.createDirectories(dir.resolve("clients"));
    Files.writeString(out.resolve("web.yaml"), "# old\n");

    CliRun run = export(out, "--force");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(List.of("admin.yaml", "web.yaml"), names(out));
    assertTrue(Files.readString(out.resolve("web.yaml")).contains("ClientName: web\n"));
  }

  @Test
  void attack_aClientNamedCcr_isNotExportedAsTheProjectFile() throws IOException {
    fake.seed(POOL, "9zz2aa1ft4fl3mg5e62d9adoz", Map.of("ClientName", "ccr"), false);
    Path out = dir.resolve("clients");

    CliRun run = export(out);

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(List.of("admin.yaml", "ccr-client.yaml", "web.yaml"), names(out));
    CliRun validate = CliRun.run("validate", out.toString());
    assertEquals(ExitCode.OK, validate.exitCode(), validate.all());
    assertEquals("3 clients in 3 files: valid.\n", validate.out());
  }

  private CliRun export(Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("export", "--user-pool-id", POOL, "--output-dir", out.toString()));
    args.addAll(List.of(more));
    CliRun run = CliRun.run(new Context(Map.of(), options -> fake), args.toArray(String[]::new));
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
