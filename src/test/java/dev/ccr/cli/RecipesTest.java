package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ccr} command line of the CI recipes ({@code examples/ci/}) and of {@code
 * docs/ci.md}, run as written in the dev/prod layout of {@code examples/environments/} (its {@code
 * clients/} and {@code ccr.yaml}), each environment in turn, against a fake Cognito holding that
 * repository's clients: none may fail for want of an option (no environment selected, a usage
 * error, invalid files), so a snippet cannot rot.
 */
class RecipesTest {
  private static final Path ROOT = Golden.projectDir();
  private static final Path REPOSITORY = ROOT.resolve("examples/environments");
  private static final Pattern COMMAND =
      Pattern.compile("^\\s*(?:- )?(?:run: )?(ccr (?:validate|plan|apply|drift|show)\\b.*)$");
  private static final Pattern ENVIRONMENT =
      Pattern.compile("\\$\\{\\{ matrix\\.environment }}|\\$ENVIRONMENT\\b|\\$CCR_ENV\\b");

  @TempDir Path dir;

  /** The recipe files and the command lines each holds, in order. */
  static Map<Path, List<String>> recipes() throws IOException {
    Map<Path, List<String>> recipes = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> found = Files.walk(ROOT.resolve("examples/ci"))) {
      found.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().forEach(files::add);
    }
    files.add(ROOT.resolve("docs/ci.md"));
    for (Path file : files) {
      List<String> commands = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        Matcher m = COMMAND.matcher(line);
        if (m.matches() && !line.strip().startsWith("#")) {
          commands.add(m.group(1).split(" >| \\|| &&")[0].strip());
        }
      }
      recipes.put(file, commands);
    }
    return recipes;
  }

  private static FakeCognitoGateway exampleClients() {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    fake.seed(
        "us-east-1_DevPool12",
        "1example2dev3web4client5",
        new LinkedHashMap<>(Map.of("ClientName", "web-app")),
        false);
    fake.seed(
        "us-east-1_DevPool12",
        "6example7dev8debug9console",
        new LinkedHashMap<>(Map.of("ClientName", "debug-console")),
        false);
    fake.seed(
        "eu-west-1_ProdPool1",
        "2example3prod4web5client6",
        new LinkedHashMap<>(Map.of("ClientName", "web-app")),
        false);
    return fake;
  }

  /** The command line as the test runs it: the example repository's files, outputs in dir. */
  private String[] args(String command, String environment, Path out) {
    String line = ENVIRONMENT.matcher(command).replaceAll(environment).replace("\"", "");
    List<String> args = new ArrayList<>();
    for (String word : line.substring("ccr ".length()).split("\\s+")) {
      if (word.equals("clients/")) {
        args.add(REPOSITORY.resolve("clients").toString());
        args.add("--config");
        args.add(REPOSITORY.resolve("ccr.yaml").toString());
      } else if (word.matches("[\\w.-]+\\.(json|xml|sarif|md)")) {
        args.add(out.resolve(word).toString());
      } else {
        args.add(word);
      }
    }
    return args.toArray(String[]::new);
  }

  @Test
  void everyRecipeCommand_runsAsWrittenInEachEnvironment() throws IOException {
    int ran = 0;
    for (Map.Entry<Path, List<String>> recipe : recipes().entrySet()) {
      for (String environment : List.of("dev", "prod")) {
        Path out = Files.createDirectories(dir.resolve(environment + ran));
        Path summary = out.resolve("summary.md");
        FakeCognitoGateway fake = exampleClients();
        Context context =
            new Context(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), options -> fake);
        for (String command : recipe.getValue()) {
          CliRun run = CliRun.run(context, args(command, environment, out));
          String where =
              ROOT.relativize(recipe.getKey()) + ": " + command + " (" + environment + ")";
          assertTrue(
              run.exitCode() == ExitCode.OK || run.exitCode() == ExitCode.CHANGES,
              where + " exited " + run.exitCode() + "\n" + run.err());
          assertFalse(run.err().contains("no environment selected"), where + "\n" + run.err());
          ran++;
        }
      }
    }
    assertTrue(ran >= 20, "found the recipes' commands: " + ran);
  }

  @Test
  void recipes_everyCommandThatReadsTheFilesOfOneEnvironmentNamesIt() throws IOException {
    for (Map.Entry<Path, List<String>> recipe : recipes().entrySet()) {
      for (String command : recipe.getValue()) {
        boolean readsFiles = command.contains("clients/") && !command.startsWith("ccr validate");
        assertTrue(
            !readsFiles || command.contains("--env "),
            ROOT.relativize(recipe.getKey()) + ": " + command + " names no --env");
      }
    }
    assertTrue(
        recipes().get(ROOT.resolve("docs/ci.md")).stream()
            .anyMatch(c -> c.contains("drift") && c.contains("--format sarif")),
        "docs/ci.md's drift SARIF snippet is among the commands run");
  }

  /** The commands of the block of {@code file} that holds {@code marker}, comments cut. */
  private static List<String> block(String file, String marker) throws IOException {
    String text = Files.readString(ROOT.resolve(file));
    int at = text.indexOf(marker);
    assertTrue(at >= 0, file + " lacks " + marker);
    int start = text.lastIndexOf("```", at);
    int end = text.indexOf("```", at);
    List<String> commands = new ArrayList<>();
    for (String line : text.substring(text.indexOf('\n', start) + 1, end).split("\n")) {
      String command = line.replaceFirst("^\\$ ", "").replaceFirst("\\s+#.*", "").strip();
      if (command.startsWith("ccr ")) {
        commands.add(command);
      }
    }
    return commands;
  }

  @Test
  void walkthroughs_runAsWrittenInTheExampleRepository() throws IOException {
    List<String> commands = new ArrayList<>();
    commands.addAll(block("docs/environments.md", "ccr plan --env prod --out prod.json"));
    commands.addAll(block("docs/environments.md", "$ ccr plan --env prod --out prod.json"));
    commands.addAll(block("README.md", "ccr show plan.json"));
    assertTrue(commands.size() >= 13, commands.toString());
    FakeCognitoGateway fake = exampleClients();
    Context context = new Context(Map.of(), options -> fake);
    for (String command : commands) {
      List<String> args = new ArrayList<>(List.of(args(command, "dev", dir)));
      if (!command.contains("clients/")
          && !command.contains("--plan")
          && !command.startsWith("ccr show")) {
        args.add("--config");
        args.add(REPOSITORY.resolve("ccr.yaml").toString());
        args.add(REPOSITORY.resolve("clients").toString());
      }
      CliRun run = CliRun.run(context, args.toArray(String[]::new));
      assertTrue(
          run.exitCode() == ExitCode.OK || run.exitCode() == ExitCode.CHANGES,
          command + " exited " + run.exitCode() + "\n" + run.err());
    }
  }

  @Test
  void environmentsDocOutputs_areWhatCcrPrintsInTheExampleRepository() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/environments.md"));
    for (String command :
        List.of(
            "$ ccr validate                      # every environment in turn\n",
            "$ ccr plan\n",
            "$ ccr validate --env prod --var access_minutes=2000\n")) {
      int start = docs.indexOf("```console\n" + command);
      assertTrue(start >= 0, "docs/environments.md lacks " + command);
      start += "```console\n".length() + command.length();
      String shown =
          docs.substring(
              start,
              docs.indexOf("\n$ ", start) > 0
                      && docs.indexOf("\n$ ", start) < docs.indexOf("```", start)
                  ? docs.indexOf("\n$ ", start) + 1
                  : docs.indexOf("```", start));
      List<String> args =
          new ArrayList<>(
              List.of(command.substring(2).replaceFirst("\\s+#.*", "").strip().split(" ")));
      args.remove(0);
      args.add("--config");
      args.add(REPOSITORY.resolve("ccr.yaml").toString());
      args.add(REPOSITORY.resolve("clients").toString());
      CliRun run = CliRun.run(args.toArray(String[]::new));
      String printed = (run.err() + run.out()).replace(REPOSITORY + "/", "");
      int cut = shown.indexOf("...\n");
      if (cut < 0) {
        assertEquals(shown, printed, command);
      } else {
        assertTrue(printed.startsWith(shown.substring(0, cut)), command + "\n" + printed);
        assertTrue(printed.endsWith(shown.substring(cut + 4)), command + "\n" + printed);
      }
    }
  }
}
