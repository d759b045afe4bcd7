package dev.ccr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a user gets ccr: the release location and version that the README and the CI recipes name are
 * pom.xml's; the README's install steps work as written on an empty home; the launcher runs every
 * installed copy with its JVM flags and its class-data archive.
 *
 * <p>It is long because the launcher is a shell script whose every path (first run, read-only
 * install, link from ~/.local/bin, no JAVA_HOME, a bare PATH, a terminal) is only seen by running
 * it, each with its own stand-in for java.
 */
class ReleaseTest {
  private static final Path PROJECT = Golden.projectDir();

  /** Where a text names a release: a download address, or a variable that holds a version. */
  private static final List<Pattern> REFERENCES =
      List.of(
          Pattern.compile("github\\.com/(?<repo>[\\w.-]+/[\\w.-]+)/releases"),
          Pattern.compile("releases/download/v(?<version>\\d[\\w.-]*)/"),
          Pattern.compile("(?m)^v=(?<version>\\S+)$"),
          Pattern.compile("CCR_VERSION: \"(?<version>[^\"$]+)\""),
          Pattern.compile("CCR_REPOSITORY: (?<repo>[\\w.-]+/[\\w.-]+)"),
          Pattern.compile("(?m)^  version:\\n(?:    .*\\n)*?    default: \"(?<version>[^\"]+)\"$"),
          Pattern.compile("(?m)^  repository:\\n(?:    .*\\n)*?    default: (?<repo>\\S+)$"));

  private record Release(String repo, String version) {}

  /** pom.xml's {@code <url>} (the same as its {@code <scm><url>}) and version, -SNAPSHOT cut. */
  private static Release pom() throws IOException {
    String pom = Files.readString(PROJECT.resolve("pom.xml"));
    String url = first(pom, "<url>https://github\\.com/([\\w.-]+/[\\w.-]+)</url>");
    String scm = first(pom, "<scm>\\s*<url>https://github\\.com/([\\w.-]+/[\\w.-]+)</url>");
    assertEquals(url, scm, "pom.xml's <url> and <scm><url>");
    String version = first(pom, "<artifactId>ccr</artifactId>\\s*<version>([^<]+)</version>");
    return new Release(url, version.replaceFirst("-SNAPSHOT$", ""));
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex);
    return m.group(1);
  }

  /** Every release reference in {@code text} that names another repository or version. */
  private static List<String> strays(String text, Release release) {
    List<String> strays = new ArrayList<>();
    for (Pattern pattern : REFERENCES) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        String repo = pattern.pattern().contains("?<repo>") ? m.group("repo") : null;
        String version = pattern.pattern().contains("?<version>") ? m.group("version") : null;
        if ((repo != null && !repo.equals(release.repo()))
            || (version != null && !version.equals(release.version()))) {
          strays.add(m.group());
        }
      }
    }
    return strays;
  }

  private static int count(String text) {
    int n = 0;
    for (Pattern pattern : REFERENCES) {
      n += (int) pattern.matcher(text).results().count();
    }
    return n;
  }

  @Test
  void readmeDocsAndRecipes_nameOnlyThePomsReleaseLocationAndVersion() throws IOException {
    Release release = pom();
    assertEquals("ccr-dev/ccr", release.repo());
    List<Path> files = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
    files.add(PROJECT.resolve("docs/ci.md"));
    try (Stream<Path> recipes = Files.walk(PROJECT.resolve("examples/ci"))) {
      recipes.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path file : files) {
      String text = Files.readString(file);
      assertEquals(List.of(), strays(text, release), file + " names another release");
    }
    for (String named :
        List.of(
            "README.md",
            "examples/ci/.github/actions/install-ccr/action.yml",
            "examples/ci/gitlab/.gitlab-ci.yml")) {
      String text = Files.readString(PROJECT.resolve(named));
      assertTrue(count(text) >= 2, named + " names the release's location and version");
    }
  }

  @Test
  void strays_findAnotherRepositoryOrVersion() {
    Release release = new Release("ccr-dev/ccr", "0.1.0");
    assertEquals(
        List.of("github.com/someone/ccr/releases"),
        strays("curl https://github.com/someone/ccr/releases/download/v0.1.0/x", release));
    assertEquals(List.of("v=0.0.9"), strays("```sh\nv=0.0.9\n```\n", release));
    assertEquals(
        List.of("CCR_VERSION: \"0.2.0\"", "CCR_REPOSITORY: fork/ccr"),
        strays("  CCR_VERSION: \"0.2.0\"\n  CCR_REPOSITORY: fork/ccr\n", release));
    assertEquals(
        2,
        strays(
                "inputs:\n  version:\n    description: x\n    default: \"1.0.0\"\n"
                    + "  repository:\n    description: y\n    default: fork/ccr\n",
                release)
            .size());
    assertEquals(
        List.of(), strays("https://github.com/ccr-dev/ccr/releases/download/v0.1.0/", release));
  }

  /**
   * The README's install steps of both archives, run as written by bash in an empty home against a
   * stand-in for the release download (curl copies the files from a directory): they create the
   * directories they write to, check the archive, and leave a working {@code ccr} in {@code
   * ~/.local/bin}; the README says that directory must be on the PATH.
   */
  @Test
  void readmeInstallSteps_workOnAnEmptyHome(@TempDir Path dir) throws Exception {
    String readme = Files.readString(PROJECT.resolve("README.md"));
    assertTrue(readme.contains("`~/.local/bin` must be on your PATH"), "README says so");
    installAsTheReadmeSays(dir.resolve("java"), readme, "### Install a release\n", "");
    installAsTheReadmeSays(
        dir.resolve("runtime"),
        readme,
        "### Install a release with its own Java (Linux on x86-64)\n",
        "-linux-x86_64");
  }

  /** The first sh block under {@code heading}, run against a release of ccr-VERSION{suffix}. */
  private static void installAsTheReadmeSays(Path dir, String readme, String heading, String suffix)
      throws Exception {
    assertTrue(readme.contains(heading), heading);
    String section = readme.substring(readme.indexOf(heading));
    Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertTrue(block.find());
    String steps = block.group(1);
    String version = first(steps, "(?m)^v=(\\S+)$");
    String name = "ccr-" + version + suffix;

    Path release = Files.createDirectories(dir.resolve("release"));
    Path tree = Files.createDirectories(dir.resolve("tree/" + name + "/bin"));
    executable(tree.resolve("ccr"), "#!/bin/sh\necho \"installed " + name + " $*\"\n");
    String archive = name + ".tar.gz";
    run(dir, List.of("tar", "-czf", release.resolve(archive).toString(), "-C", "tree", "."));
    run(release, List.of("sh", "-c", "sha256sum " + archive + " > " + archive + ".sha256"));
    Path fakes = Files.createDirectories(dir.resolve("fakes"));
    executable(
        fakes.resolve("curl"),
        "#!/bin/sh\nfor a; do url=$a; done\ncp \"$FAKE_RELEASE/${url##*/}\" .\n");
    Path home = Files.createDirectories(dir.resolve("home"));

    Result install =
        run(
            home,
            List.of("bash", "-euo", "pipefail", "-c", steps),
            Map.of("HOME", home.toString(), "FAKE_RELEASE", release.toString()),
            fakes);
    assertEquals(0, install.code(), heading + install.output());
    Result ccr = run(home, List.of(home.resolve(".local/bin/ccr").toString(), "--version"));
    assertEquals("installed " + name + " --version\n", ccr.output());

    Files.writeString(release.resolve(archive), "a replaced archive");
    Path again = Files.createDirectories(dir.resolve("home2"));
    Result replaced =
        run(
            again,
            List.of("bash", "-euo", "pipefail", "-c", steps),
            Map.of("HOME", again.toString(), "FAKE_RELEASE", release.toString()),
            fakes);
    assertTrue(replaced.code() != 0, replaced.output());
    assertFalse(Files.exists(again.resolve(".local/bin/ccr")), "nothing installed");
  }

  /**
   * The README's command that links a checkout's launcher onto the PATH works as written in an
   * empty home (it creates {@code ~/.local/bin}) and again over the link it made.
   */
  @Test
  void readmeCheckoutLink_worksOnAnEmptyHome(@TempDir Path dir) throws Exception {
    String readme = Files.readString(PROJECT.resolve("README.md"));
    Matcher links = Pattern.compile("`([^`\\n]*ln -s[^`\\n]*bin/ccr[^`\\n]*)`").matcher(readme);
    Path checkout = Files.createDirectories(dir.resolve("checkout/bin"));
    executable(checkout.resolve("ccr"), "#!/bin/sh\necho \"checkout ccr $*\"\n");
    int found = 0;
    while (links.find()) {
      found++;
      Path home = Files.createDirectories(dir.resolve("home" + found));
      for (int time = 0; time < 2; time++) {
        Result link =
            run(
                checkout.getParent(),
                List.of("bash", "-euo", "pipefail", "-c", links.group(1)),
                Map.of("HOME", home.toString(), "PWD", checkout.getParent().toString()),
                null);
        assertEquals(0, link.code(), links.group(1) + ": " + link.output());
      }
      Result ccr = run(home, List.of(home.resolve(".local/bin/ccr").toString(), "--version"));
      assertEquals("checkout ccr --version\n", ccr.output(), links.group(1));
    }
    assertTrue(found > 0, "README links the checkout's bin/ccr");
  }

  /**
   * An installed copy (bin/ccr beside lib/ccr.jar and lib/ccr-cds.jar) run with a stand-in for
   * java: the first run trains and archives beside the jars, every run starts the JVM with the
   * launcher's flags and the archive, and a second run does not train again.
   */
  @Test
  void launcher_installedCopy_archivesBesideTheJarsAndRunsWithItsFlags(@TempDir Path dir)
      throws Exception {
    Path lib = installedCopy(dir);
    Path log = dir.resolve("java.log");
    Result first = launch(dir, log, Map.of());
    assertEquals(0, first.code(), first.output());
    assertFalse(first.output().contains("preparing"), "nothing said when stderr is no terminal");
    List<String> calls = Files.readAllLines(log);
    assertEquals(3, calls.size(), calls.toString());
    assertTrue(calls.get(0).contains("-XX:DumpLoadedClassList="), calls.get(0));
    assertTrue(calls.get(0).contains("ccr.jar:" + lib.resolve("ccr-cds.jar")), calls.get(0));
    assertTrue(calls.get(0).endsWith("dev.ccr.CdsTraining"), calls.get(0));
    assertTrue(calls.get(1).contains("-Xshare:dump"), calls.get(1));
    String run = calls.get(2);
    for (String flag :
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-Xlog:cds=off,cds+dynamic=off",
            "-XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions"
                + " -XX:ArchiveRelocationMode=0",
            "-XX:SharedArchiveFile=" + lib + "/ccr-",
            "-cp " + lib.resolve("ccr.jar") + " dev.ccr.Main plan clients/")) {
      assertTrue(run.contains(flag), flag + " in " + run);
    }
    assertFalse(run.contains("ccr-cds.jar"), "the training jar is not on the run's class path");
    try (Stream<Path> files = Files.list(lib)) {
      assertEquals(1, files.filter(p -> p.toString().endsWith(".jsa")).count());
    }

    Files.delete(log);
    assertEquals(0, launch(dir, log, Map.of()).code());
    assertEquals(1, Files.readAllLines(log).size(), "no second training");
    Files.delete(log);
    assertEquals(0, launch(dir, log, Map.of("CCR_CDS", "off")).code());
    assertFalse(Files.readString(log).contains("SharedArchiveFile"), "CCR_CDS=off");
  }

  /**
   * picocli's classes are those the build compiles from picocli's sources, for Java 17 (class file
   * version 61): picocli's own jar holds Java 5 class files (49), which an ahead-of-time cache
   * leaves out, so that every start would parse and verify picocli's 228 classes.
   */
  @Test
  void picocli_isCompiledForJava17() throws IOException {
    for (Class<?> type : List.of(picocli.CommandLine.class, picocli.CommandLine.Model.class)) {
      String name = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
      try (var in = type.getResourceAsStream(name)) {
        byte[] head = in.readNBytes(8);
        assertEquals(0xCAFEBABE, java.nio.ByteBuffer.wrap(head).getInt(), name);
        assertEquals(
            61, ((head[6] & 0xff) << 8) | (head[7] & 0xff), name + "'s class file version");
      }
    }
  }

  /**
   * A Java 25 or later (its release file says so) gets an ahead-of-time cache instead: made in one
   * training run, named .aot, and served to runs whose class path starts with the training's. Java
   * 21 keeps the class-data archive.
   */
  @Test
  void launcher_java25_trainsAnAheadOfTimeCacheAndStartsFromIt(@TempDir Path dir) throws Exception {
    Path lib = installedCopy(dir);
    // The version on a last line without a line feed, as some JDKs write it.
    Files.writeString(dir.resolve("jdk/release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"25.0.1\"");
    Path log = dir.resolve("java.log");
    Result first = launch(dir, log, Map.of());
    assertEquals(0, first.code(), first.output());
    List<String> calls = Files.readAllLines(log);
    assertEquals(2, calls.size(), calls.toString());
    String training = calls.get(0);
    assertTrue(training.contains(" -XX:AOTCacheOutput=" + lib + "/ccr-"), training);
    assertTrue(training.contains(" -Xlog:aot=off "), training);
    assertTrue(training.endsWith(":" + lib.resolve("ccr-cds.jar") + " dev.ccr.CdsTraining"));
    String run = calls.get(1);
    assertTrue(run.contains("-XX:TieredStopAtLevel=1"), run);
    assertTrue(run.contains(" -Xlog:aot=off "), run);
    assertTrue(run.contains(" -XX:AOTCache=" + lib + "/ccr-"), run);
    assertTrue(
        run.indexOf("-XX:ArchiveRelocationMode=1") > run.indexOf("-XX:ArchiveRelocationMode=0"),
        "the cache at the JVM's address: " + run);
    assertTrue(run.contains(" -XX:CompileThresholdScaling=0.5 "), "C1 compiles sooner: " + run);
    assertTrue(
        run.contains(
            "-cp "
                + lib.resolve("ccr.jar")
                + ":"
                + lib.resolve("ccr-cds.jar")
                + " dev.ccr.Main plan clients/"),
        run);
    assertFalse(run.contains("SharedArchiveFile"), run);
    try (Stream<Path> files = Files.list(lib)) {
      assertEquals(
          List.of(".aot"),
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("ccr-") && !n.endsWith(".jar"))
              .map(n -> n.substring(n.lastIndexOf('.')))
              .toList(),
          "one cache, no private files left");
    }
    Files.delete(log);
    assertEquals(0, launch(dir, log, Map.of()).code());
    assertEquals(1, Files.readAllLines(log).size(), "no second training");

    // validate (and fmt, show) never call AWS: a cache of their own, trained on them alone.
    Files.delete(log);
    Map<String, String> env =
        Map.of("JAVA_HOME", dir.resolve("jdk").toString(), "JAVA_LOG", log.toString());
    List<String> validate = List.of(dir.resolve("ccr-1.0.0/bin/ccr").toString(), "validate", ".");
    assertEquals(0, run(dir, validate, env, null).code());
    calls = Files.readAllLines(log);
    assertEquals(2, calls.size(), calls.toString());
    assertTrue(calls.get(0).endsWith("dev.ccr.CdsTraining local"), calls.get(0));
    assertTrue(calls.get(1).contains(" -XX:AOTCache=" + lib + "/ccr-"), calls.get(1));
    assertTrue(calls.get(1).matches(".* -XX:AOTCache=\\S+\\.local-\\d+\\.aot .*"), calls.get(1));
    assertFalse(calls.get(1).contains("CompileThresholdScaling"), "default thresholds: " + calls);
    Files.delete(log);
    assertEquals(0, run(dir, validate, env, null).code());
    assertEquals(1, Files.readAllLines(log).size(), "no second training");
    Files.delete(log);
    assertEquals(0, launch(dir, log, Map.of()).code());
    assertEquals(1, Files.readAllLines(log).size(), "plan's cache is still there");
    assertFalse(Files.readString(log).contains(".local-"), Files.readString(log));

    Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"21.0.5\"\n");
    Files.delete(log);
    assertEquals(0, launch(dir, log, Map.of()).code());
    calls = Files.readAllLines(log);
    assertEquals(3, calls.size(), "Java 21 trains its class-data archive: " + calls);
    assertTrue(calls.get(2).contains("-XX:SharedArchiveFile=" + lib + "/ccr-"), calls.get(2));
    assertTrue(calls.get(2).contains("-cp " + lib.resolve("ccr.jar") + " dev.ccr.Main"));
    assertFalse(calls.get(2).contains("CompileThresholdScaling"), "default thresholds: " + calls);
  }

  /**
   * A java updated in place (its release file names another version) gets a new archive; of the
   * ones made for its earlier versions the newest stays (two hosts sharing one home may see two
   * versions at one path, and must not take turns retraining), the older ones are removed.
   */
  @Test
  void launcher_javaUpdatedInPlace_trainsAgainAndKeepsOnlyTheNewestEarlierArchive(@TempDir Path dir)
      throws Exception {
    Path lib = installedCopy(dir);
    Path log = dir.resolve("java.log");
    List<List<Path>> seen = new java.util.ArrayList<>();
    for (String version : List.of("17.0.13", "17.0.14", "17.0.15")) {
      Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"" + version + "\"\n");
      Files.deleteIfExists(log);
      assertEquals(0, launch(dir, log, Map.of()).code());
      List<String> calls = Files.readAllLines(log);
      assertEquals(3, calls.size(), version + " trains: " + calls);
      seen.add(archives(lib));
      Thread.sleep(1100); // -nt compares modification times, which some file systems keep in s
    }
    assertEquals(1, seen.get(0).size(), seen.toString());
    assertEquals(2, seen.get(1).size(), "17.0.13's stays beside 17.0.14's: " + seen);
    List<Path> last = seen.get(2);
    assertEquals(2, last.size(), seen.toString());
    Path of13 = seen.get(0).get(0);
    List<Path> of14 = seen.get(1).stream().filter(p -> !p.equals(of13)).toList();
    assertFalse(last.contains(of13), "17.0.13's is removed: " + seen);
    assertTrue(last.containsAll(of14), "17.0.14's stays beside 17.0.15's: " + seen);

    // Back to 17.0.14 (the other host): its archive is there, no training.
    Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"17.0.14\"\n");
    Files.delete(log);
    assertEquals(0, launch(dir, log, Map.of()).code());
    assertEquals(1, Files.readAllLines(log).size(), Files.readString(log));
  }

  /**
   * A user's own class-data flag (here -Xshare:off, which Java 25 refuses beside an ahead-of-time
   * cache) gets the JVM without the launcher's archive or cache, and no training.
   */
  @Test
  void launcher_usersOwnClassDataFlag_replacesTheArchive(@TempDir Path dir) throws Exception {
    installedCopy(dir);
    Files.writeString(dir.resolve("jdk/release"), "JAVA_VERSION=\"25.0.1\"\n");
    Path log = dir.resolve("java.log");
    for (String flags :
        List.of("-Xshare:off", "-Xlog:gc -XX:SharedArchiveFile=/tmp/x.jsa", "-XX:AOTMode=off")) {
      Files.deleteIfExists(log);
      Result result = launch(dir, log, Map.of("CCR_JAVA_OPTS", flags));
      assertEquals(0, result.code(), result.output());
      List<String> calls = Files.readAllLines(log);
      assertEquals(1, calls.size(), flags + ": no training: " + calls);
      assertFalse(calls.get(0).contains("-XX:AOTCache="), calls.get(0));
      assertTrue(calls.get(0).contains(flags + " -cp "), calls.get(0));
    }
  }

  private static List<Path> archives(Path lib) throws IOException {
    try (Stream<Path> files = Files.list(lib)) {
      return files.filter(p -> p.toString().endsWith(".jsa")).sorted().toList();
    }
  }

  /**
   * Once the archive exists, the launcher reaches java through a link (as the README installs it)
   * with no program on the PATH but bash and readlink: every other step is a bash builtin, since
   * each program it starts costs the start of every run a few milliseconds.
   */
  @Test
  void launcher_startsJavaWithNoProgramButReadlink(@TempDir Path dir) throws Exception {
    Path lib = installedCopy(dir);
    Path log = dir.resolve("java.log");
    assertEquals(0, launch(dir, log, Map.of()).code(), "the first run makes the archive");
    Path bare = Files.createDirectories(dir.resolve("bare"));
    for (String tool : List.of("bash", "readlink")) {
      Path found = whichOnPath(tool);
      Files.createSymbolicLink(bare.resolve(tool), found);
    }
    Path link = Files.createDirectories(dir.resolve("home/.local/bin")).resolve("ccr");
    Files.createSymbolicLink(link, dir.resolve("ccr-1.0.0/bin/ccr"));
    Files.delete(log);
    List<String> plan = List.of(link.toString(), "plan", "clients/");
    Map<String, String> env =
        Map.of("PATH", bare.toString(), "JAVA_LOG", log.toString(), "HOME", dir.toString());
    Map<String, String> withJavaHome = new java.util.HashMap<>(env);
    withJavaHome.put("JAVA_HOME", dir.resolve("jdk").toString());
    Result result = run(dir, plan, withJavaHome, null);
    assertEquals(0, result.code(), result.output());
    String run = Files.readString(log);
    assertTrue(run.contains("-XX:SharedArchiveFile=" + lib + "/ccr-"), run);
    assertTrue(run.contains("-cp " + lib.resolve("ccr.jar") + " dev.ccr.Main plan clients/"), run);

    // Without JAVA_HOME: the java on the PATH, through a link, found by bash's own lookup, and
    // resolved to the same java, so to the same archive (no second training).
    Files.createSymbolicLink(bare.resolve("java"), dir.resolve("jdk/bin/java"));
    Files.delete(log);
    Map<String, String> withoutJavaHome = new java.util.HashMap<>(env);
    withoutJavaHome.put("JAVA_HOME", "");
    Result onPath = run(dir, plan, withoutJavaHome, null);
    assertEquals(0, onPath.code(), onPath.output());
    List<String> calls = Files.readAllLines(log);
    assertEquals(1, calls.size(), "no training: " + calls);
    assertTrue(calls.get(0).contains("-XX:SharedArchiveFile=" + lib + "/ccr-"), calls.get(0));
  }

  /**
   * On a terminal, the first run says why it takes long (it makes the archive); later runs and runs
   * whose stderr is not a terminal say nothing.
   */
  @Test
  void launcher_firstRunOnATerminal_saysItIsPreparingTheArchive(@TempDir Path dir)
      throws Exception {
    Path script = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(script), "util-linux script gives the launcher a terminal");
    installedCopy(dir);
    Path log = dir.resolve("java.log");
    List<String> onATerminal =
        List.of(
            script.toString(),
            "-qec",
            dir.resolve("ccr-1.0.0/bin/ccr") + " plan clients/",
            "/dev/null");
    Map<String, String> env =
        Map.of(
            "JAVA_HOME", dir.resolve("jdk").toString(),
            "JAVA_LOG", log.toString(),
            "HOME", dir.toString());
    Result first = run(dir, onATerminal, env, null);
    assertEquals(0, first.code(), first.output());
    assertTrue(first.output().contains("ccr: preparing a faster start"), first.output());
    Result second = run(dir, onATerminal, env, null);
    assertFalse(second.output().contains("preparing"), second.output());
  }

  private static Path whichOnPath(String tool) {
    for (String entry : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(entry, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(tool + " is not on the PATH");
  }

  /** An install the user cannot write keeps its archive in $XDG_CACHE_HOME/ccr. */
  @Test
  void launcher_readOnlyInstall_archivesInTheUsersCache(@TempDir Path dir) throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root can write any directory");
    Path lib = installedCopy(dir);
    assertTrue(lib.toFile().setWritable(false, false));
    try {
      Path log = dir.resolve("java.log");
      Path cache = dir.resolve("cache");
      Result result = launch(dir, log, Map.of("XDG_CACHE_HOME", cache.toString()));
      assertEquals(0, result.code(), result.output());
      String run = Files.readAllLines(log).get(2);
      assertTrue(run.contains("-XX:SharedArchiveFile=" + cache.resolve("ccr") + "/ccr-"), run);
    } finally {
      lib.toFile().setWritable(true, false);
    }
  }

  /**
   * The launcher names the main class on a class path of the jar alone. Java splits a class path at
   * colons, -jar's too, so an install whose path holds one is refused with the reason instead of
   * failing inside the JVM.
   */
  @Test
  void launcher_installPathWithAColon_isRefusedWithTheReason(@TempDir Path dir) throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Path log = dir.resolve("java.log");
    Path lib = installedCopy(plain);
    assertEquals(0, launch(plain, log, Map.of("CCR_CDS", "off")).code());
    assertTrue(
        Files.readString(log)
            .strip()
            .endsWith("-cp " + lib.resolve("ccr.jar") + " dev.ccr.Main plan clients/"),
        Files.readString(log));

    Path colon = Files.createDirectories(dir.resolve("with:colon"));
    Files.delete(log);
    Path colonLib = installedCopy(colon);
    Result result = launch(colon, log, Map.of());
    assertEquals(1, result.code(), result.output());
    assertEquals(
        "ccr: cannot start from "
            + colonLib
            + ": Java cannot load a jar whose path holds a ':'; install ccr in a directory without"
            + " one\n",
        result.output());
    assertFalse(Files.exists(log), "java is not started, not even to make the archive");
  }

  /**
   * The release with its own Java runtime (jlink: bin/ccr beside bin/java, the jars in jars/),
   * reached through a link as the README installs it: it starts its own java, whatever JAVA_HOME
   * and the PATH name, and archives beside its jars. Without that runtime and without any java, the
   * launcher says what it needs.
   */
  @Test
  void launcher_releaseWithItsOwnRuntime_startsThatJavaWhateverJavaHomeSays(@TempDir Path dir)
      throws Exception {
    Path image = dir.resolve("ccr-1.0.0-linux-x86_64");
    Path jars = launcherBesideJars(image, "jars");
    Path bin = image.resolve("bin");
    Path log = dir.resolve("java.log");
    String fakeJava =
        "#!/bin/sh\necho \"$0 $*\" >> \"$JAVA_LOG\"\n"
            + "for a; do case $a in -XX:SharedArchiveFile=*) out=${a#*=};; -Xshare:dump) dump=1;;"
            + " esac; done\n"
            + "[ -n \"$dump\" ] && echo archive > \"$out\"\nexit 0\n";
    executable(bin.resolve("java"), fakeJava);
    Path other = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
    executable(other, fakeJava);
    Path link = Files.createDirectories(dir.resolve("home/.local/bin")).resolve("ccr");
    Files.createSymbolicLink(link, bin.resolve("ccr"));

    Map<String, String> env =
        Map.of(
            "JAVA_HOME", dir.resolve("jdk").toString(),
            "PATH", dir.resolve("jdk/bin") + ":/usr/bin:/bin",
            "JAVA_LOG", log.toString(),
            "HOME", dir.toString());
    Result result = run(dir, List.of(link.toString(), "plan", "clients/"), env, null);
    assertEquals(0, result.code(), result.output());
    List<String> calls = Files.readAllLines(log);
    assertEquals(3, calls.size(), "training, dump, run: " + calls);
    for (String call : calls) {
      assertTrue(call.startsWith(bin.resolve("java") + " "), call);
    }
    assertTrue(calls.get(0).contains(jars.resolve("ccr.jar") + ":" + jars.resolve("ccr-cds.jar")));
    assertTrue(
        calls.get(2).contains("-XX:SharedArchiveFile=" + jars + "/ccr-"), "archive beside jars");
    assertTrue(
        calls.get(2).endsWith("-cp " + jars.resolve("ccr.jar") + " dev.ccr.Main plan clients/"),
        calls.get(2));

    // No java anywhere but its own: nothing on the PATH but bash and readlink, no JAVA_HOME.
    Path bare = Files.createDirectories(dir.resolve("bare"));
    for (String tool : List.of("bash", "readlink")) {
      Files.createSymbolicLink(bare.resolve(tool), whichOnPath(tool));
    }
    Files.delete(log);
    Map<String, String> noJava =
        Map.of("JAVA_HOME", "", "PATH", bare.toString(), "JAVA_LOG", log.toString());
    Result alone = run(dir, List.of(link.toString(), "validate"), noJava, null);
    assertEquals(0, alone.code(), alone.output());
    List<String> started = Files.readAllLines(log);
    assertEquals(1, started.size(), "archive made before: " + started);
    assertTrue(started.get(0).startsWith(bin.resolve("java") + " "), started.get(0));

    // Its java lost its execute bit (a copy that dropped modes, a noexec mount): said so.
    assertTrue(bin.resolve("java").toFile().setExecutable(false));
    Files.delete(log);
    Result broken = run(dir, List.of(link.toString(), "validate"), noJava, null);
    assertEquals(1, broken.code(), broken.output());
    assertEquals(
        "ccr: "
            + bin.resolve("java")
            + " is missing or cannot be run (a noexec mount?); unpack the release again\n",
        broken.output());
    assertFalse(Files.exists(log), "no java was started");

    // The plain release with no java anywhere, or a JAVA_HOME without one: the reason, and
    // nothing started.
    Path plain = Files.createDirectories(dir.resolve("plain"));
    installedCopy(plain);
    List<String> plan = List.of(plain.resolve("ccr-1.0.0/bin/ccr").toString(), "plan", "clients/");
    Result none = run(plain, plan, noJava, null);
    assertEquals(1, none.code(), none.output());
    assertEquals(
        "ccr: no java on the PATH and JAVA_HOME is not set; ccr needs Java 17 or later\n",
        none.output());
    Path missing = dir.resolve("no-such-jdk");
    Result wrongHome =
        run(
            plain,
            plan,
            Map.of("JAVA_HOME", missing.toString(), "PATH", bare.toString(), "JAVA_LOG", "" + log),
            null);
    assertEquals(1, wrongHome.code(), wrongHome.output());
    assertEquals(
        "ccr: JAVA_HOME is "
            + missing
            + ", which has no bin/java; name a Java 17 or later, or unset it\n",
        wrongHome.output());
    assertFalse(Files.exists(log), "no java was started");
  }

  /**
   * The JVM flags that tune a short run (compiler, collector, heap, stack, perf data) are the same
   * wherever ccr starts: the launcher, the flags built into the runtime image by jlink, and the two
   * CI recipes that start the jar themselves. Changing one without the others fails here.
   */
  @Test
  void jvmFlags_launcherRuntimeImageAndCiRecipes_agree() throws IOException {
    String launcher = Files.readString(PROJECT.resolve("bin/ccr"));
    Matcher opts = Pattern.compile("(?m)^opts=\\((.*)\\)$").matcher(launcher);
    assertTrue(opts.find(), "the launcher's opts=(...) line");
    List<String> tuning =
        Stream.of(opts.group(1).split(" "))
            .filter(f -> !f.startsWith("-Xlog") && !f.contains("VMOptions"))
            .filter(f -> !f.contains("ArchiveRelocationMode"))
            .toList();
    assertEquals(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx256m",
            "-Xss512k",
            "-XX:-UsePerfData"),
        tuning);
    String image =
        first(Files.readString(PROJECT.resolve("jreleaser.yml")), "(?m)^\\s+- --add-options=(.*)$");
    // The runtime is a Java 25, whose ahead-of-time cache is mapped at the JVM's own address.
    assertEquals(String.join(" ", tuning), image);
    for (String recipe :
        List.of(
            "examples/ci/.github/actions/install-ccr/action.yml",
            "examples/ci/gitlab/.gitlab-ci.yml")) {
      String text = Files.readString(PROJECT.resolve(recipe));
      assertTrue(text.contains("exec java " + String.join(" ", tuning) + " -cp "), recipe);
    }
  }

  /** bin/ccr of the checkout, copied into an install's layout with two empty jars; lib/. */
  private static Path installedCopy(Path dir) throws IOException {
    Path lib = launcherBesideJars(dir.resolve("ccr-1.0.0"), "lib");
    Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
    executable(
        java,
        "#!/bin/sh\necho \"$*\" >> \"$JAVA_LOG\"\n"
            + "for a; do case $a in -XX:SharedArchiveFile=*) out=${a#*=};; -Xshare:dump) dump=1;;"
            + " -XX:AOTCacheOutput=*) out=${a#*=}; dump=1;; esac; done\n"
            + "[ -n \"$dump\" ] && echo archive > \"$out\"\nexit 0\n");
    return lib;
  }

  /** {@code root}/bin/ccr, the checkout's launcher, and two empty jars in {@code root/jarDir}. */
  private static Path launcherBesideJars(Path root, String jarDir) throws IOException {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path jars = Files.createDirectories(root.resolve(jarDir));
    Files.copy(PROJECT.resolve("bin/ccr"), bin.resolve("ccr"));
    assertTrue(bin.resolve("ccr").toFile().setExecutable(true));
    Files.writeString(jars.resolve("ccr.jar"), "jar");
    Files.writeString(jars.resolve("ccr-cds.jar"), "jar");
    return jars;
  }

  private static Result launch(Path dir, Path log, Map<String, String> env) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("JAVA_HOME", dir.resolve("jdk").toString());
    all.put("JAVA_LOG", log.toString());
    all.put("HOME", dir.toString());
    return run(
        dir, List.of(dir.resolve("ccr-1.0.0/bin/ccr").toString(), "plan", "clients/"), all, null);
  }

  private record Result(int code, String output) {}

  private static Result run(Path dir, List<String> command) throws Exception {
    return run(dir, command, Map.of(), null);
  }

  private static Result run(Path dir, List<String> command, Map<String, String> env, Path fakes)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    builder.environment().remove("CCR_JAVA_OPTS");
    builder.environment().remove("CCR_CDS");
    builder.environment().remove("XDG_CACHE_HOME");
    builder.environment().putAll(env);
    if (fakes != null) {
      builder.environment().put("PATH", fakes + ":" + builder.environment().get("PATH"));
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Result(process.exitValue(), out);
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    assertTrue(file.toFile().setExecutable(true));
  }
}
