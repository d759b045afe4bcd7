package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code $ bin/ccr ...} line of a console block in README.md and docs/ runs as it is from the
 * project's root (offline: validate, fmt, completion), and prints what the block shows after it:
 * stderr then stdout, up to the next {@code $} line; a following {@code $ echo $?} shows its exit
 * code. A snippet that would need AWS is written {@code $ ccr ...} and is checked elsewhere (the
 * sample plan by {@link ReadmeSamplesTest}, the recipes by {@link RecipesTest}).
 */
class DocSnippetsTest {
  private static final Path ROOT = Golden.projectDir();

  /** One command of a console block and what the block shows for it. */
  record Snippet(Path file, int line, String command, String output, Integer exitCode) {}

  static List<Snippet> snippets() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Snippet> snippets = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      boolean console = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("```")) {
          console = line.equals("```console") && !console;
          continue;
        }
        if (!console || !line.startsWith("$ bin/ccr ")) {
          continue;
        }
        StringBuilder output = new StringBuilder();
        int j = i + 1;
        while (!lines.get(j).startsWith("$ ") && !lines.get(j).startsWith("```")) {
          output.append(lines.get(j)).append('\n');
          j++;
        }
        Integer exit =
            lines.get(j).equals("$ echo $?") ? Integer.valueOf(lines.get(j + 1).strip()) : null;
        snippets.add(
            new Snippet(
                file, i + 1, line.substring("$ bin/ccr ".length()), output.toString(), exit));
      }
    }
    return snippets;
  }

  @Test
  void everyRunnableSnippet_printsWhatTheDocsShow() throws IOException {
    List<Snippet> snippets = snippets();
    for (Snippet snippet : snippets) {
      String[] args =
          java.util.Arrays.stream(snippet.command().split(" "))
              .map(a -> a.startsWith("examples") ? ROOT.resolve(a).toString() : a)
              .toArray(String[]::new);
      CliRun run = CliRun.run(args);
      String where =
          ROOT.relativize(snippet.file()) + ":" + snippet.line() + ": " + snippet.command();
      assertEquals(snippet.output(), (run.err() + run.out()).replace(ROOT + "/", ""), where);
      if (snippet.exitCode() != null) {
        assertEquals(snippet.exitCode().intValue(), run.exitCode(), where);
      }
    }
    assertTrue(snippets.size() >= 2, "snippets found: " + snippets);
  }

  @Test
  void readmesClientFile_isValidWithoutAWarning(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
    Path file =
        Files.writeString(
            dir.resolve("web-app.yaml"), readme.substring(start, readme.indexOf("```", start)));

    CliRun run = CliRun.run("validate", file.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals("", run.err());
  }
}
