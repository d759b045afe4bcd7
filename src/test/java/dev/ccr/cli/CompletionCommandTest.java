package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The completion scripts load in their shells and complete commands, options and values. */
class CompletionCommandTest {
  @TempDir Path dir;

  /** Completes each line in bash with the script loaded; one output line per completed line. */
  private static final String BASH_DRIVER =
      """
      source "$1"
      complete -p ccr
      shift
      for line in "$@"; do
        read -r -a COMP_WORDS <<< "$line"
        [[ $line == *' ' ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=$line; COMP_POINT=${#line}
        COMPREPLY=()
        _complete_ccr 2>/dev/null
        echo "[$line] ${COMPREPLY[*]}"
      done
      """;

  @Test
  void bash_scriptLoads_andCompletesSubcommandsOptionsAndValues() throws Exception {
    Path script = script("bash");
    List<String> lines =
        shell(
            List.of(
                "bash",
                "-c",
                BASH_DRIVER,
                "driver",
                script.toString(),
                "ccr pl",
                "ccr ",
                "ccr plan --fo",
                "ccr plan --format ",
                "ccr drift --format ",
                "ccr plan --max-w",
                "ccr apply --max-w",
                "ccr completion "));
    assertEquals("complete -o default -F _complete_ccr ccr", lines.get(0));
    assertEquals(
        List.of(
            "[ccr pl] plan",
            "[ccr ] init validate plan apply drift export show fmt rotate completion help",
            "[ccr plan --fo] --format",
            "[ccr plan --format ] text json markdown",
            "[ccr drift --format ] text json markdown junit sarif",
            "[ccr plan --max-w] ",
            "[ccr apply --max-w] --max-write-rps",
            "[ccr completion ] bash zsh fish"),
        lines.subList(1, lines.size()));
  }

  @Test
  void bash_completesEnvironmentNamesAndTargetsFromTheWorkingDirectory() throws Exception {
    Path script = script("bash");
    Files.writeString(
        dir.resolve("ccr.yaml"),
        "environments:\n  dev:\n    vars: {pool: us-east-1_Dev1}\n  prod:\n    vars: {pool: us-east-1_Prod1}\n");
    Files.writeString(
        dir.resolve("web.yaml"),
        "UserPoolId: ${pool}\nClientId: 1example23web\nClientName: web-app\n");
    // ccr itself, run from the test's classes in the directory being completed
    String ccr =
        "ccr() { java -cp '" + System.getProperty("java.class.path") + "' dev.ccr.Main \"$@\"; }\n";
    List<String> lines =
        shell(
            List.of(
                "bash",
                "-c",
                ccr + BASH_DRIVER,
                "driver",
                script.toString(),
                "ccr plan --env ",
                "ccr drift --env p",
                "ccr plan --target "));
    assertEquals(
        List.of(
            "[ccr plan --env ] dev prod",
            "[ccr drift --env p] prod",
            "[ccr plan --target ] web-app 1example23web web.yaml"),
        lines.subList(1, lines.size()));
  }

  @Test
  void zsh_scriptLoadsThroughBashcompinit_andRegistersTheCompletion() throws Exception {
    assumeTrue(onPath("zsh"), "zsh is not installed");
    Path script = script("zsh");
    List<String> lines =
        shell(
            List.of(
                "zsh",
                "-f",
                "-c",
                "autoload -U +X compinit && compinit -u -D; source \"$1\"; print -r -- ${_comps[ccr]}",
                "driver",
                script.toString()));
    assertEquals(List.of("_bash_complete -F _complete_ccr -o default"), lines);
  }

  @Test
  void fish_scriptLoads_andCompletesSubcommandsOptionsValuesAndFiles() throws Exception {
    assumeTrue(onPath("fish"), "fish is not installed");
    Path script = script("fish");
    Files.writeString(dir.resolve("web.yaml"), "");
    List<String> lines =
        shell(
            List.of(
                "fish",
                "--no-config",
                "-c",
                "source $argv[1]; for line in $argv[2..]; echo \"[$line]\" (complete -C $line | string replace -r '\\t.*' '' | string join ' '); end",
                script.toString(),
                "ccr pl",
                "ccr plan --fo",
                "ccr plan --format ",
                "ccr plan --max-w",
                "ccr apply --max-w",
                "ccr plan w",
                "ccr export --user-pool-id x w",
                "ccr help dr"));
    assertEquals(
        List.of(
            "[ccr pl] plan",
            "[ccr plan --fo] --format",
            "[ccr plan --format ] json markdown text",
            "[ccr plan --max-w]",
            "[ccr apply --max-w] --max-write-rps",
            "[ccr plan w] web.yaml",
            "[ccr export --user-pool-id x w]",
            "[ccr help dr] drift"),
        lines);
  }

  @Test
  void fish_scriptNamesEverySubcommandAndEveryOption() {
    String script = CliRun.run("completion", "fish").out();
    CommandLine ccr = new CommandLine(new Ccr());
    ccr.getSubcommands()
        .forEach(
            (name, sub) -> {
              assertTrue(
                  script.contains("-n __fish_use_subcommand -a '" + name + "'"),
                  "subcommand " + name);
              for (CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
                assertTrue(
                    script.contains(
                        "-n '__fish_seen_subcommand_from "
                            + name
                            + "' "
                            + (option.shortestName().startsWith("--") ? "-l " : "-s ")
                            + option.shortestName().replaceFirst("^--?", "")),
                    name + " " + option.longestName());
              }
            });
  }

  @Test
  void completion_unknownShell_isUsageErrorNamingTheShells() {
    CliRun run = CliRun.run("completion", "powershell");
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("bash, zsh, fish"), run.err());
  }

  private Path script(String shell) throws IOException {
    CliRun run = CliRun.run("completion", shell);
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals("", run.err());
    Path script = dir.resolve("ccr." + shell);
    Files.writeString(script, run.out());
    return script;
  }

  private List<String> shell(List<String> command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the shell did not finish");
    assertEquals(0, process.exitValue(), command.get(0) + " failed; output:\n" + out);
    return new ArrayList<>(out.lines().toList());
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, program))) {
        return true;
      }
    }
    return false;
  }
}
