package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccr fmt [--check] [PATH...]}: rewrites files, lists them, changes nothing twice. */
class FmtCommandTest {
  private static final String MESSY =
      "# keep me\nClientName: web # and me\nUserPoolId: us-east-1_Example12   \n";
  private static final String TIDY =
      "# keep me\nUserPoolId: us-east-1_Example12\nClientName: web # and me\n";

  @TempDir Path dir;
  private Path messy;
  private Path tidy;

  @BeforeEach
  void files() throws IOException {
    messy = Files.writeString(dir.resolve("messy.yaml"), MESSY);
    tidy = Files.writeString(dir.resolve("tidy.yaml"), TIDY);
  }

  @Test
  void check_listsTheFilesThatWouldChange_exits2_andChangesNothing() throws IOException {
    CliRun run = CliRun.run("fmt", "--check", dir.toString());

    assertEquals(ExitCode.CHANGES, run.exitCode(), run.err());
    assertEquals(messy + "\n", run.out());
    assertEquals(MESSY, Files.readString(messy));
  }

  @Test
  void fmt_rewritesAndListsTheFile_thenAgainChangesNothing() throws IOException {
    CliRun run = CliRun.run("fmt", dir.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals(messy + "\n", run.out());
    assertEquals(TIDY, Files.readString(messy));
    assertEquals(TIDY, Files.readString(tidy));
    CliRun again = CliRun.run("fmt", "--check", dir.toString());
    assertEquals(ExitCode.OK, again.exitCode(), again.err());
    assertEquals("", again.out());
  }

  @Test
  void fmt_notYaml_isLeftAsItIsAndExits3_theOthersAreFormatted() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "a: [1, 2\n");
    Path latin1 =
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});

    CliRun run = CliRun.run("fmt", dir.toString());

    assertEquals(ExitCode.INVALID, run.exitCode());
    assertTrue(run.err().contains("broken.yaml: not formatted, it is not valid YAML"), run.err());
    assertEquals("a: [1, 2\n", Files.readString(broken));
    assertTrue(run.err().contains("latin1.yaml: not formatted, it is not UTF-8 text"), run.err());
    assertEquals(5, Files.size(latin1));
    assertEquals(TIDY, Files.readString(messy));
    assertFalse(run.hasStackTrace(), run.err());
  }

  @Test
  void fmt_hostileNestingAliasesAndSize_areRefusedWithAMessage_notACrash() throws IOException {
    String pool = "UserPoolId: us-east-1_Example12\nClientName: x\n";
    String deep = pool + "CallbackURLs: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    Path nested = Files.writeString(dir.resolve("nested.yaml"), deep);
    StringBuilder chain = new StringBuilder(pool).append("a0: &a0 [x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 40; i++) {
      chain.append("a").append(i).append(": &a").append(i);
      chain.append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    Path aliases = Files.writeString(dir.resolve("aliases.yaml"), chain.toString());
    String big = ("---\n" + MESSY).repeat(1_100_000 / MESSY.length());
    Path large = Files.writeString(dir.resolve("large.yaml"), big);

    CliRun run = CliRun.run("fmt", dir.toString());

    assertEquals(ExitCode.INVALID, run.exitCode(), run.err());
    assertFalse(run.hasStackTrace(), run.err());
    assertTrue(
        run.err().contains(nested + ": not formatted, it is not valid YAML: document nests deeper"),
        run.err());
    assertTrue(run.err().contains(aliases + ": not formatted"), run.err());
    assertTrue(run.err().contains("bytes, over the limit of 1048576 bytes"), run.err());
    assertEquals(deep, Files.readString(nested));
    assertEquals(chain.toString(), Files.readString(aliases));
    assertEquals(big, Files.readString(large));
    assertEquals(TIDY, Files.readString(messy));
  }

  @Test
  void attack_aDirectoryLinkInTheRepository_isNeverWrittenThrough() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path outside = Files.writeString(elsewhere.resolve("other.yaml"), MESSY);
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.createSymbolicLink(repo.resolve("linked"), elsewhere);
    Path own = Files.writeString(repo.resolve("own.yaml"), MESSY);

    CliRun run = CliRun.run("fmt", repo.toString());

    assertEquals(ExitCode.ERROR, run.exitCode(), run.err());
    assertTrue(run.err().contains("reached through the symbolic link"), run.err());
    assertEquals(MESSY, Files.readString(outside));
    assertEquals(TIDY, Files.readString(own));
    assertFalse(run.hasStackTrace(), run.err());
    assertEquals(ExitCode.CHANGES, CliRun.run("fmt", "--check", repo.toString()).exitCode());
  }

  @Test
  void fmt_missingPath_isAUsageError() {
    assertEquals(ExitCode.USAGE, CliRun.run("fmt", dir.resolve("nope").toString()).exitCode());
  }

  @Test
  void fmtHelp_describesTheCommand() {
    CliRun help = CliRun.run("fmt", "--help");
    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().contains("Usage: ccr fmt"), help.out());
    assertTrue(help.out().contains("--check"), help.out());
    assertTrue(help.out().replaceAll("\\s+", " ").contains("every comment stays"), help.out());
  }

  @Test
  void examples_areInCanonicalLayout() {
    Path root = dev.ccr.testing.Golden.projectDir();
    CliRun examples = CliRun.run("fmt", "--check", root.resolve("examples").toString());
    CliRun environments =
        CliRun.run(
            "fmt",
            "--check",
            "--config",
            root.resolve("examples/environments/ccr.yaml").toString(),
            root.resolve("examples/environments/clients").toString());

    assertEquals(ExitCode.OK, examples.exitCode(), examples.out());
    assertEquals(ExitCode.OK, environments.exitCode(), environments.out());
  }
}
