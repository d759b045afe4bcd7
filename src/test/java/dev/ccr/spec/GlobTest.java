package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** The globs of {@code exclude}: the JDK's syntax and meaning, in linear time. */
class GlobTest {
  private static final List<String> GLOBS =
      List.of(
          "drafts/**",
          "**/*.draft.yaml",
          "legacy/*.yaml",
          "*.yml",
          "a?c.yaml",
          "[ab]*.yaml",
          "[!a]*.yaml",
          "[a-c].yaml",
          "[+-0].yaml",
          "{one,two}/*.yaml",
          "x\\*y.yaml",
          "**",
          "*",
          "a.b+(c)|d$^.yaml",
          "[^x].yaml",
          "[a-].yaml");

  private static final List<String> PATHS =
      List.of(
          "drafts",
          "drafts/a.yaml",
          "drafts/x/y.yaml",
          "c/d.draft.yaml",
          "d.draft.yaml",
          "legacy/a.yaml",
          "legacy/x/a.yaml",
          "a.yml",
          "abc.yaml",
          "a/c.yaml",
          "b.yaml",
          "c.yaml",
          "a.yaml",
          "+.yaml",
          "..yaml",
          "0.yaml",
          "one/a.yaml",
          "two/a.yaml",
          "three/a.yaml",
          "x*y.yaml",
          "xzy.yaml",
          "a.b+(c)|d$^.yaml",
          "^.yaml",
          "-.yaml");

  @Test
  void matches_asTheJdksGlobDoes() {
    for (String glob : GLOBS) {
      var jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      Glob ours = Glob.compile(glob);
      for (String path : PATHS) {
        assertEquals(jdk.matches(Path.of(path)), ours.matches(Path.of(path)), glob + " " + path);
      }
    }
  }

  @Test
  void badGlobs_areRefusedAsTheJdkRefusesThem() {
    for (String glob : List.of("a[b", "{a,{b}}", "{a", "a\\", "[a/b]", "[-a]x[b-a]")) {
      PatternSyntaxException jdk =
          assertThrows(
              PatternSyntaxException.class,
              () -> FileSystems.getDefault().getPathMatcher("glob:" + glob),
              glob);
      PatternSyntaxException ours =
          assertThrows(PatternSyntaxException.class, () -> Glob.compile(glob), glob);
      assertEquals(jdk.getDescription(), ours.getDescription(), glob);
    }
  }

  @Test
  void attack_globsThatMakeABacktrackingMatcherRunForMinutes_matchAtOnce() {
    Path deep =
        Path.of(
            String.join("/", java.util.Collections.nCopies(40, "d"))
                + "/"
                + "a".repeat(48)
                + ".yaml");
    for (String glob : List.of("**" + "*a".repeat(25) + "b", "**/".repeat(30) + "x")) {
      Glob compiled = Glob.compile(glob);
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            for (int end = 1; end <= deep.getNameCount(); end++) {
              assertEquals(false, compiled.matches(deep.subpath(0, end)), glob);
            }
          });
    }
  }
}
