package dev.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The CI recipes in {@code examples/ci} and ccr's own workflows in {@code .github/workflows} parse
 * as YAML, hang together (jobs, steps, the outputs they read), pin every action to a commit SHA,
 * and hold shell scripts that parse.
 */
class CiRecipesTest {
  private static final Path PROJECT = Golden.projectDir();
  private static final Pattern PINNED =
      Pattern.compile("[\\w.-]+/[\\w.-]+(/[\\w./-]+)?@[0-9a-f]{40}");
  private static final Pattern USES_LINE = Pattern.compile("^\\s*(?:- )?uses:\\s*(\\S+)(.*)$");
  private static final Pattern NEEDS_OUTPUT =
      Pattern.compile("needs\\.([\\w-]+)\\.outputs\\.([\\w-]+)");
  private static final Pattern STEP_OUTPUT = Pattern.compile("steps\\.([\\w-]+)\\.");
  private static final Set<String> GITLAB_KEYWORDS =
      Set.of("variables", "stages", "default", "workflow", "include", "image", "services", "cache");

  @Test
  void recipes_allFoundAndNoneUsesThePlaceholderJarUrl() throws IOException {
    List<Path> files = ciFiles();
    List<String> names = files.stream().map(p -> PROJECT.relativize(p).toString()).toList();
    for (String expected :
        List.of(
            ".github/workflows/release.yml",
            ".github/workflows/ci.yml",
            "examples/ci/.github/workflows/ccr-plan.yml",
            "examples/ci/.github/workflows/ccr-apply.yml",
            "examples/ci/.github/workflows/ccr-drift.yml",
            "examples/ci/.github/actions/install-ccr/action.yml",
            "examples/ci/gitlab/.gitlab-ci.yml")) {
      assertTrue(names.contains(expected), expected + " missing from " + names);
    }
    for (Path file : files) {
      assertFalse(Files.readString(file).contains("CCR_JAR_URL"), file.toString());
    }
  }

  @Test
  void githubWorkflows_haveTriggersPermissionsAndJobsWithSteps() throws IOException {
    for (Path file : githubWorkflows()) {
      Map<String, Object> workflow = load(file);
      assertTrue(workflow.containsKey("on"), file + ": no trigger");
      assertTrue(workflow.containsKey("permissions"), file + ": no explicit permissions");
      Map<String, Object> jobs = map(workflow.get("jobs"));
      assertFalse(jobs.isEmpty(), file + ": no jobs");
      jobs.forEach(
          (name, value) -> {
            Map<String, Object> job = map(value);
            String where = file.getFileName() + " job " + name;
            assertTrue(job.containsKey("runs-on"), where + ": no runs-on");
            List<Object> steps = list(job.get("steps"));
            assertFalse(steps.isEmpty(), where + ": no steps");
            for (Object step : steps) {
              Map<String, Object> s = map(step);
              assertTrue(s.containsKey("uses") ^ s.containsKey("run"), where + ": " + s);
            }
          });
    }
  }

  @Test
  void githubWorkflows_readOnlyOutputsThatTheirJobsAndStepsDeclare() throws IOException {
    for (Path file : githubWorkflows()) {
      Map<String, Object> jobs = map(load(file).get("jobs"));
      for (Map.Entry<String, Object> entry : jobs.entrySet()) {
        Map<String, Object> job = map(entry.getValue());
        String text = job.toString();
        Matcher needs = NEEDS_OUTPUT.matcher(text);
        while (needs.find()) {
          Map<String, Object> outputs = map(map(jobs.get(needs.group(1))).get("outputs"));
          assertTrue(outputs.containsKey(needs.group(2)), file + ": " + needs.group());
          assertTrue(
              list(job.get("needs")).contains(needs.group(1))
                  || needs.group(1).equals(job.get("needs")),
              file + ": job " + entry.getKey() + " reads " + needs.group() + " without needs");
        }
        List<String> ids =
            list(job.get("steps")).stream()
                .map(step -> String.valueOf(map(step).get("id")))
                .toList();
        Matcher steps = STEP_OUTPUT.matcher(text);
        while (steps.find()) {
          assertTrue(ids.contains(steps.group(1)), file + ": no step with id " + steps.group(1));
        }
      }
    }
  }

  @Test
  void everyAction_isLocalOrPinnedToACommitSha_withItsReleaseInAComment() throws IOException {
    int pinned = 0;
    List<Path> files = new ArrayList<>(ciFiles());
    files.add(PROJECT.resolve("docs/ci.md"));
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        Matcher uses = USES_LINE.matcher(line);
        if (!uses.matches()) {
          continue;
        }
        String action = uses.group(1);
        if (action.startsWith("./")) {
          assertTrue(
              Files.isDirectory(file.getParent().getParent().getParent().resolve(action)),
              file + ": no local action " + action);
          continue;
        }
        assertTrue(PINNED.matcher(action).matches(), file + ": not pinned to a SHA: " + line);
        assertTrue(
            uses.group(2).matches("\\s*# v\\d+(\\.\\d+)*\\s*"),
            file + ": no release comment: " + line);
        pinned++;
      }
    }
    assertTrue(pinned >= 10, "only " + pinned + " pinned actions found");
  }

  @Test
  void ownCi_runsCiRunOnEveryPushAndPullRequest() throws IOException {
    Map<String, Object> ci = load(PROJECT.resolve(".github/workflows/ci.yml"));
    Map<?, ?> on = (Map<?, ?>) ci.get("on");
    assertTrue(on.containsKey("push") && on.containsKey("pull_request"), on.toString());
    assertEquals(null, on.get("push"), "every branch");
    assertTrue(
        Files.readString(PROJECT.resolve(".github/workflows/ci.yml")).contains("run: .ci/run\n"));
  }

  @Test
  void installAction_isCompositeAndDownloadsByVersionWithChecksum() throws IOException {
    Map<String, Object> action =
        load(PROJECT.resolve("examples/ci/.github/actions/install-ccr/action.yml"));
    Map<String, Object> runs = map(action.get("runs"));
    assertEquals("composite", runs.get("using"));
    assertTrue(map(action.get("inputs")).containsKey("version"));
    String script = scripts(list(runs.get("steps"))).get(0);
    assertTrue(script.contains("releases/download/v$CCR_VERSION"), script);
    assertTrue(script.contains("sha256sum --check --strict"), script);
  }

  /**
   * Runs the install step of the action with stand-ins for curl (serving a fake release from a
   * directory) and java: a good download installs, a replaced jar or a wrong pinned checksum stops.
   */
  @Test
  void installAction_verifiesTheChecksum_andRefusesAReplacedJar(@TempDir Path dir)
      throws Exception {
    Path release = Files.createDirectories(dir.resolve("release"));
    Files.writeString(release.resolve("ccr-9.9.9.jar"), "the jar");
    String sum = sha256("the jar");
    Files.writeString(release.resolve("ccr-9.9.9.jar.sha256"), sum + "  ccr-9.9.9.jar\n");
    Path fakes = Files.createDirectories(dir.resolve("fakes"));
    executable(
        fakes.resolve("curl"),
        "#!/bin/sh\nfor a; do out=$url; url=$a; done\n"
            + "while [ $# -gt 0 ]; do [ \"$1\" = -o ] && out=$2; shift; done\n"
            + "cp \"$FAKE_RELEASE/${url##*/}\" \"$out\"\n");
    executable(fakes.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");

    Install good = install(dir, fakes, release, "");
    assertEquals(0, good.exitCode(), good.output());
    Path bin = Path.of(Files.readString(dir.resolve("github-path")).strip());
    assertTrue(
        good.output()
            .contains(
                "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k -XX:-UsePerfData -cp "
                    + bin.getParent().resolve("ccr-9.9.9.jar")
                    + " dev.ccr.Main --version"),
        good.output());
    assertEquals(0, install(dir, fakes, release, sum).exitCode(), "a pinned matching checksum");

    Install pinnedOther = install(dir, fakes, release, "0".repeat(64));
    assertTrue(pinnedOther.exitCode() != 0, pinnedOther.output());
    Files.writeString(release.resolve("ccr-9.9.9.jar"), "a replaced jar");
    Install replaced = install(dir, fakes, release, "");
    assertTrue(replaced.exitCode() != 0, replaced.output());
    assertTrue(replaced.output().contains("FAILED"), replaced.output());
  }

  private record Install(int exitCode, String output) {}

  private static Install install(Path dir, Path fakes, Path release, String pinned)
      throws Exception {
    Map<String, Object> action =
        load(PROJECT.resolve("examples/ci/.github/actions/install-ccr/action.yml"));
    String script = scripts(list(map(action.get("runs")).get("steps"))).get(0);
    Path runner = Files.createTempDirectory(dir, "runner");
    ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
    Map<String, String> env = bash.environment();
    env.put("PATH", fakes + ":" + env.get("PATH"));
    env.put("RUNNER_TEMP", runner.toString());
    env.put("GITHUB_PATH", dir.resolve("github-path").toString());
    env.put("FAKE_RELEASE", release.toString());
    env.put("CCR_VERSION", "9.9.9");
    env.put("CCR_REPOSITORY", "example/ccr");
    env.put("CCR_SHA256", pinned);
    Process process = bash.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    return new Install(process.exitValue(), out);
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    assertTrue(file.toFile().setExecutable(true));
  }

  private static String sha256(String text) throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(text.getBytes(StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(digest);
  }

  @Test
  void gitlabPipeline_jobsHaveKnownStagesScriptsAndExistingExtendsAndNeeds() throws IOException {
    Map<String, Object> pipeline = load(PROJECT.resolve("examples/ci/gitlab/.gitlab-ci.yml"));
    List<Object> stages = list(pipeline.get("stages"));
    List<String> jobs = gitlabJobs(pipeline);
    assertEquals(List.of("validate", "plan", "plan-main", "apply", "drift"), jobs);
    for (String name : jobs) {
      Map<String, Object> job = map(pipeline.get(name));
      assertTrue(stages.contains(job.get("stage")), name + ": unknown stage " + job.get("stage"));
      assertFalse(list(job.get("script")).isEmpty(), name + ": no script");
      for (Object parent : list(job.get("extends"))) {
        assertTrue(pipeline.containsKey(parent), name + " extends missing " + parent);
      }
      for (Object needed : list(job.get("needs"))) {
        assertTrue(jobs.contains(needed), name + " needs missing " + needed);
      }
    }
    Map<String, Object> drift = map(pipeline.get("drift"));
    assertEquals("drift-junit.xml", map(map(drift.get("artifacts")).get("reports")).get("junit"));
    assertEquals("always", map(drift.get("artifacts")).get("when"));
  }

  @Test
  void shellScripts_parse() throws Exception {
    List<String> scripts = new ArrayList<>();
    for (Path file : githubWorkflows()) {
      for (Object job : map(load(file).get("jobs")).values()) {
        scripts.addAll(scripts(list(map(job).get("steps"))));
      }
    }
    Map<String, Object> action =
        load(PROJECT.resolve("examples/ci/.github/actions/install-ccr/action.yml"));
    scripts.addAll(scripts(list(map(action.get("runs")).get("steps"))));
    Map<String, Object> pipeline = load(PROJECT.resolve("examples/ci/gitlab/.gitlab-ci.yml"));
    String before = String.join("\n", strings(map(pipeline.get(".ccr")).get("before_script")));
    for (String name : gitlabJobs(pipeline)) {
      scripts.add(
          before + "\n" + String.join("\n", strings(map(pipeline.get(name)).get("script"))));
    }
    assertTrue(scripts.size() >= 15, "scripts found: " + scripts.size());
    for (String script : scripts) {
      assertBashParses(script.replaceAll("\\$\\{\\{[^}]*}}", "x"));
    }
  }

  private static void assertBashParses(String script) throws Exception {
    Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
    bash.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    bash.getOutputStream().close();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, bash.exitValue(), out + "\nin the script:\n" + script);
  }

  private static List<String> scripts(List<Object> steps) {
    return steps.stream()
        .map(step -> map(step).get("run"))
        .filter(run -> run != null)
        .map(String::valueOf)
        .toList();
  }

  private static List<String> gitlabJobs(Map<String, Object> pipeline) {
    return pipeline.keySet().stream()
        .filter(key -> !key.startsWith(".") && !GITLAB_KEYWORDS.contains(key))
        .toList();
  }

  private static List<Path> githubWorkflows() throws IOException {
    return ciFiles().stream()
        .filter(p -> p.getParent().endsWith(Path.of(".github", "workflows")))
        .toList();
  }

  private static List<Path> ciFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(PROJECT.resolve("examples/ci"), PROJECT.resolve(".github"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  private static Map<String, Object> load(Path file) throws IOException {
    Object document =
        new Load(LoadSettings.builder().setLabel(file.toString()).build())
            .loadFromString(Files.readString(file));
    assertTrue(document instanceof Map<?, ?>, file + " is not a mapping");
    return map(document);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    if (value instanceof List<?> l) {
      return (List<Object>) l;
    }
    return value == null ? List.of() : List.of(value);
  }

  private static List<String> strings(Object value) {
    return list(value).stream().map(String::valueOf).toList();
  }
}
