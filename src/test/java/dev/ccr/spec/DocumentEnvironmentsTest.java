package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ccr: {environments: [...]}}: a document belongs to the environments it names. */
class DocumentEnvironmentsTest {
  private static final String FILE =
      """
      UserPoolId: ${pool}
      ClientName: web
      ---
      UserPoolId: ${pool}
      ClientName: debug-console
      CallbackURLs:
        - ${debug_url}
      ccr:
        environments: [dev]
      ---
      UserPoolId: ${pool}
      ClientName: partner
      ccr: {environments: [prod]}
      """;

  @TempDir Path dir;
  private ProjectFile project;

  @BeforeEach
  void writeProject() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("ccr.yaml"),
            """
            environments:
              dev:
                vars: {pool: us-east-1_Dev1, debug_url: "https://dev.example.com/cb"}
              prod:
                vars: {pool: eu-west-1_Prod1}
            """);
    project = ProjectFile.load(file).project().orElseThrow();
  }

  @Test
  void load_inOneEnvironment_readsItsDocumentsAndThoseForAll() {
    assertEquals(List.of("web", "debug-console"), names(load("dev", FILE)));
  }

  @Test
  void load_documentOfAnotherEnvironment_isSkippedWithItsVariables() {
    // debug_url is defined only for dev: prod never reads the document that uses it.
    DesiredState state = load("prod", FILE);
    assertEquals(List.of(), state.diagnostics());
    assertEquals(List.of("web", "partner"), names(state));
    assertEquals("eu-west-1_Prod1", state.clients().get(0).userPoolId());
  }

  @Test
  void load_unknownEnvironmentName_isAnErrorWithDidYouMean() {
    DesiredState state =
        load("prod", "UserPoolId: ${pool}\nClientName: web\nccr:\n  environments: [dev, prdo]\n");
    assertEquals(1, state.diagnostics().size(), state.diagnostics().toString());
    Diagnostic d = state.diagnostics().get(0);
    assertEquals(new Position(4, 23), d.position());
    assertEquals(
        "ccr.environments[1]: no environment prdo in ccr.yaml; it defines dev, prod (did you mean prod?)",
        d.message());
  }

  @Test
  void load_restrictedDocumentWithoutAnEnvironment_asksForOne() {
    DesiredState state =
        new SpecLoader(
                Variables.builder(Map.of("CCR_VAR_pool", "us-east-1_X1")).project(project).build(),
                RuleSettings.DEFAULT)
            .loadText(
                "web.yaml", "UserPoolId: ${pool}\nClientName: web\nccr:\n  environments: [prod]\n");
    assertEquals(1, state.diagnostics().size(), state.diagnostics().toString());
    assertEquals(new Position(4, 3), state.diagnostics().get(0).position());
    assertEquals(
        "this document belongs to environment prod only: select it with --env",
        state.diagnostics().get(0).message());
  }

  @Test
  void load_environmentsWithoutAProjectFile_isAnError() {
    DesiredState state =
        new SpecLoader()
            .loadText(
                "web.yaml",
                "UserPoolId: us-east-1_X1\nClientName: web\nccr: {environments: [dev]}\n");
    assertTrue(
        state
            .diagnostics()
            .get(0)
            .message()
            .endsWith("no ccr.yaml defines environments for this run"),
        state.diagnostics().toString());
  }

  private DesiredState load(String environment, String text) {
    Variables variables =
        Variables.builder(Map.of()).project(project).environment(environment).build();
    return new SpecLoader(variables, RuleSettings.DEFAULT).loadText("clients.yaml", text);
  }

  private static List<String> names(DesiredState state) {
    assertEquals(List.of(), state.diagnostics());
    return state.clients().stream().map(c -> c.clientName().orElseThrow()).toList();
  }
}
