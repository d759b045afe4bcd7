package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ccr.yaml: its schema, where it is found, and what it gives a run. */
class ProjectFileTest {
  @TempDir Path dir;

  @Test
  void load_validFile_givesEnvironmentsInFileOrderWithTheirAwsOptions() throws IOException {
    ProjectFile project =
        valid(
            """
            environments:
              prod:
                vars: {pool: eu-west-1_Abc}
                profile: prod
                role-arn: arn:aws:iam::123456789012:role/ccr-deployer
              dev:
                region: us-east-1
                endpoint-url: http://127.0.0.1:5000
            exclude: [misc/notes.yml]
            """);
    assertEquals(List.of("prod", "dev"), project.environmentNames());
    assertEquals(
        new Environment(
            "prod",
            new AwsSettings(
                Optional.empty(),
                Optional.of("prod"),
                Optional.empty(),
                Optional.of("arn:aws:iam::123456789012:role/ccr-deployer"))),
        project.environment("prod").orElseThrow());
    assertEquals(
        new AwsSettings(
            Optional.of("us-east-1"),
            Optional.empty(),
            Optional.of("http://127.0.0.1:5000"),
            Optional.empty()),
        project.environment("dev").orElseThrow().aws());
    assertEquals(List.of("prod"), project.environmentsDefining("pool"));
  }

  @Test
  void load_misspeltKeys_areErrorsWithDidYouMean() throws IOException {
    assertEquals(
        List.of(
            "1:1: unknown key enviroments; did you mean environments?",
            "5:1: unknown key excludes; did you mean exclude?"),
        errors(
            """
            enviroments:
              dev:
                vars: {a: 1}
            # the next key is misspelt too
            excludes: [x]
            """));
    assertEquals(
        List.of(
            "3:5: unknown key regoin in environments.dev; did you mean region?",
            "4:5: unknown key role in environments.dev; did you mean role-arn?"),
        errors(
            """
            environments:
              dev:
                regoin: us-east-1
                role: arn:aws:iam::123456789012:role/x
            """));
  }

  @Test
  void load_badValues_areErrorsAtTheirValuesInWords() throws IOException {
    assertEquals(
        List.of(
            "3:13: environments.dev.region: \"US East\" is not a region name such as eu-west-1 (pattern ^[a-z0-9]+(-[a-z0-9]+)*$)",
            "4:19: environments.dev.endpoint-url: \"localhost:4566\" is not an http:// or https:// URL with a host (pattern ^https?://[^\\s/?#]+([/?#]\\S*)?$)",
            "5:15: environments.dev.role-arn: \"ccr-deployer\" is not an IAM role ARN such as arn:aws:iam::123456789012:role/ccr-deployer (pattern ^arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]+$)",
            "6:11: environments.dev.vars: expected a mapping, found the string \"pool\""),
        errors(
            """
            environments:
              dev:
                region: US East
                endpoint-url: localhost:4566
                role-arn: ccr-deployer
                vars: pool
            """));
  }

  @Test
  void load_badNames_areErrorsAtTheName() throws IOException {
    List<String> errors =
        errors(
            """
            environments:
              "prod env":
                vars: {"my-var": 1}
            """);
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("2:3: "), errors.get(0));
    assertTrue(errors.get(0).contains("prod env"), errors.get(0));
    assertTrue(errors.get(0).contains("is not an environment name"), errors.get(0));
    assertTrue(errors.get(1).startsWith("3:12: "), errors.get(1));
    assertTrue(errors.get(1).contains("is not a variable name"), errors.get(1));
  }

  @Test
  void load_variableReferenceInTheProjectFile_isAnError() throws IOException {
    assertEquals(
        List.of("4:10: ${other}: variables are only replaced in client files"),
        errors("environments:\n  dev:\n    vars:\n      a: ${other}\n"));
  }

  @Test
  void load_badGlobAndSeveralDocuments_areErrors() throws IOException {
    assertEquals(
        List.of("1:11: exclude[0]: \"a[b\" is not a glob: Missing ']"),
        errors("exclude: [\"a[b\"]\n"));
    assertEquals(
        List.of("3:1: ccr.yaml holds one document, not several"), errors("exclude: []\n---\n{}\n"));
  }

  @Test
  void find_walksUpFromTheWorkingDirectory() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("a/b"));
    assertEquals(Optional.empty(), ProjectFile.find(sub).filter(p -> p.startsWith(dir)));
    Files.writeString(dir.resolve("ccr.yaml"), "{}\n");
    assertEquals(Optional.of(dir.resolve("ccr.yaml")), ProjectFile.find(sub));
    Files.writeString(dir.resolve("a/ccr.yaml"), "{}\n");
    assertEquals(Optional.of(dir.resolve("a/ccr.yaml")), ProjectFile.find(sub));
  }

  @Test
  void excludes_matchesFilesAndDirectoriesRelativeToTheProjectFile() throws IOException {
    ProjectFile project = valid("exclude: [misc/notes.yml, ci, \"**/*.draft.yaml\"]\n");
    assertTrue(project.excludes(dir.resolve("misc/notes.yml")));
    assertFalse(project.excludes(dir.resolve("misc/web.yaml")));
    assertTrue(project.excludes(dir.resolve("ci/workflow.yml")));
    assertTrue(project.excludes(dir.resolve("ci")));
    assertTrue(project.excludes(dir.resolve("clients/web.draft.yaml")));
    assertFalse(project.excludes(dir.resolve("clients/web.yaml")));
    assertFalse(project.excludes(dir.resolveSibling("elsewhere/misc/notes.yml")));
  }

  @Test
  void everyProjectSchemaPattern_isExplainedInWords() throws IOException {
    JsonNode schema =
        JsonMapper.shared()
            .readTree(Files.readString(Golden.projectDir().resolve("schemas/ccr.schema.json")));
    List<String> patterns = new ArrayList<>();
    collect(schema, patterns);
    assertEquals(5, patterns.size(), patterns.toString());
    for (String pattern : patterns) {
      assertTrue(ProjectFile.PATTERN_HINTS.containsKey(pattern), "no words for " + pattern);
    }
  }

  private static void collect(JsonNode node, List<String> patterns) {
    if (node.isObject() && node.has("pattern") && node.get("pattern").isString()) {
      patterns.add(node.get("pattern").stringValue());
    }
    node.values().forEach(child -> collect(child, patterns));
  }

  @Test
  void allow_givesTheRulesOfAnEnvironment_andAnUnknownIdIsAnErrorWithASuggestion()
      throws IOException {
    ProjectFile project = valid("environments:\n  dev:\n    allow: [ccr108, CCR101]\n  prod: {}\n");
    assertEquals(List.of("CCR108", "CCR101"), project.allowed("dev"));
    assertEquals(List.of(), project.allowed("prod"));
    assertEquals(List.of(), project.allowed("nowhere"));
    assertEquals(
        List.of(
            "3:21: environments.dev.allow[1]: no security rule CCR180; did you mean CCR108"
                + " (LocalhostRedirect)?"),
        errors("environments:\n  dev:\n    allow: [CCR101, CCR180]\n"));
  }

  @Test
  void rules_giveTheProjectWideSettings_andAnUnknownIdIsAnErrorWithASuggestion()
      throws IOException {
    assertEquals(
        new RuleSettings(java.util.Set.of("CCR108", "CCR101"), true),
        valid("rules:\n  allow: [ccr108, CCR101]\n  strict: true\n").rules());
    assertEquals(RuleSettings.DEFAULT, valid("exclude: []\n").rules());
    assertEquals(
        new RuleSettings(java.util.Set.of(), true), valid("rules: {strict: true}\n").rules());
    assertEquals(
        List.of(
            "2:19: rules.allow[1]: no security rule CCR180; did you mean CCR108"
                + " (LocalhostRedirect)?"),
        errors("rules:\n  allow: [CCR101, CCR180]\n"));
    assertEquals(
        List.of("2:3: unknown key stirct in rules; did you mean strict?"),
        errors("rules:\n  stirct: true\n"));
  }

  private ProjectFile valid(String text) throws IOException {
    Path file = dir.resolve("ccr.yaml");
    Files.writeString(file, text);
    ProjectFile.Loaded loaded = ProjectFile.load(file);
    assertEquals(List.of(), loaded.diagnostics());
    return loaded.project().orElseThrow();
  }

  private List<String> errors(String text) throws IOException {
    Path file = dir.resolve("ccr.yaml");
    Files.writeString(file, text);
    ProjectFile.Loaded loaded = ProjectFile.load(file);
    assertTrue(loaded.project().isEmpty());
    assertTrue(loaded.hasErrors());
    return loaded.diagnostics().stream()
        .map(d -> d.position().line() + ":" + d.position().column() + ": " + d.message())
        .toList();
  }
}
