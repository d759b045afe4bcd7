package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.testing.SarifSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security rules' findings in drift's SARIF and JSON reports, against the fake gateway: what
 * the file states and what the live client adds where the file leaves it, {@code --allow} and
 * {@code --strict}.
 */
class DriftSecurityTest {
  private static final String POOL = "us-east-1_Example12";
  private static final Terminal PIPE = new Terminal(false, false, false);

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);

  @Test
  void driftSarif_carriesTheFindingsOfTheFileAndOfTheLiveClient() throws IOException {
    seedWeb("LEGACY");
    write("PreventUserExistenceErrors: LEGACY");

    CliRun run = run("drift", dir.toString(), "--format", "sarif");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(List.of(), SarifSchema.validate(run.out()));
    assertEquals(
        List.of(
            "CCR102 warning 1:1 EnableTokenRevocation: false (live, unmanaged) means refresh"
                + " tokens cannot be revoked; set true [CCR102]",
            "CCR101 warning 3:1 PreventUserExistenceErrors: LEGACY lets sign-in and password"
                + " recovery reveal which users exist; set ENABLED [CCR101]"),
        results(run.out()),
        "the live client's setting at the document, the file's at its key");
    assertTrue(run.err().contains("warning: CCR102 TokenRevocationOff on 1 client"), run.err());
    assertTrue(run.err().contains("warning: PreventUserExistenceErrors: LEGACY"), run.err());
  }

  @Test
  void driftJson_carriesTheSameFindings() throws IOException {
    seedWeb("LEGACY");
    write("PreventUserExistenceErrors: LEGACY");

    CliRun run = run("drift", dir.toString(), "--format", "json");

    JsonNode findings = JsonMapper.shared().readTree(run.out()).get("securityFindings");
    assertEquals(2, findings.size(), run.out());
    assertEquals("CCR102", findings.get(0).get("rule").asString());
    assertEquals("", findings.get(0).get("pointer").asString());
    assertEquals(1, findings.get(0).get("line").asInt());
    assertEquals("CCR101", findings.get(1).get("rule").asString());
    assertEquals(3, findings.get(1).get("line").asInt());
  }

  @Test
  void driftSarif_allow_removesTheResult() throws IOException {
    seedWeb("LEGACY");
    write("PreventUserExistenceErrors: LEGACY");

    CliRun run = run("drift", dir.toString(), "--format", "sarif", "--allow", "CCR102");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    List<String> results = results(run.out());
    assertEquals(1, results.size(), results.toString());
    assertTrue(results.get(0).startsWith("CCR101 warning 3:1 "), results.toString());
  }

  @Test
  void driftSarif_strict_givesLevelErrorAndExitThree_withoutAPlanErrorBesideIt()
      throws IOException {
    seedWeb("ENABLED");
    write("PreventUserExistenceErrors: ENABLED");

    CliRun run = run("drift", dir.toString(), "--format", "sarif", "--strict");

    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertEquals(List.of(), SarifSchema.validate(run.out()));
    assertEquals(
        List.of(
            "CCR102 error 1:1 EnableTokenRevocation: false (live, unmanaged) means refresh tokens"
                + " cannot be revoked; set true [CCR102]"),
        results(run.out()));
  }

  @Test
  void driftSarif_findingOnAValueTheFileDoesNotSet_isAtTheDocumentWithoutTheOriginOfAVariable()
      throws IOException {
    seedWeb("ENABLED");
    Files.writeString(
        dir.resolve("web.yaml"),
        "# the web client\n---\nUserPoolId: " + POOL + "\nClientId: ${web_id}\n");

    CliRun run = run("drift", dir.toString(), "--format", "sarif", "--var", "web_id=web");

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(
        List.of(
            "CCR102 warning 3:1 EnableTokenRevocation: false (live, unmanaged) means refresh"
                + " tokens cannot be revoked; set true [CCR102]"),
        results(run.out()),
        "at the document's first line, not at ClientId's value, and no word of ${web_id}");
  }

  private void seedWeb(String preventUserExistenceErrors) {
    fake.seed(
        POOL,
        "web",
        Map.of(
            "ClientName",
            "web",
            "PreventUserExistenceErrors",
            preventUserExistenceErrors,
            "EnableTokenRevocation",
            false),
        true);
  }

  private void write(String... lines) throws IOException {
    Files.writeString(
        dir.resolve("web.yaml"),
        "UserPoolId: " + POOL + "\nClientId: web\n" + String.join("\n", lines) + "\n");
  }

  /** {@code RULE LEVEL line:column message} of each result. */
  private static List<String> results(String sarif) {
    List<String> found = new ArrayList<>();
    for (JsonNode result : JsonMapper.shared().readTree(sarif).at("/runs/0/results")) {
      JsonNode region = result.at("/locations/0/physicalLocation/region");
      found.add(
          result.get("ruleId").asString()
              + " "
              + result.get("level").asString()
              + " "
              + region.get("startLine").asInt()
              + ":"
              + region.get("startColumn").asInt()
              + " "
              + result.at("/message/text").asString());
    }
    return found;
  }

  private CliRun run(String... args) {
    Context context = new Context(Map.of(), options -> fake, new ByteArrayInputStream(new byte[0]));
    CliRun run = CliRun.run(context, PIPE, args);
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }
}
