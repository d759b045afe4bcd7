package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import dev.ccr.testing.SarifSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ccr validate --format sarif}: one SARIF document on stdout (golden files under {@code
 * golden/validate-sarif}), valid against the OASIS SARIF 2.1.0 schema, nothing on stderr, the same
 * exit code as text, each security rule's finding under its id at its severity, and no secret
 * pasted into a file.
 */
class ValidateSarifTest {
  static final Path CASES = Golden.projectDir().resolve("src/test/resources/golden/validate-sarif");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"valid-with-warnings", "invalid"})
  void validateSarif_printsTheReportOnStdout(String name) {
    Path dir = CASES.resolve(name);
    CliRun run = CliRun.run("validate", "--format", "sarif", dir.toString());

    assertEquals("", run.err());
    assertEquals(name.equals("invalid") ? ExitCode.INVALID : ExitCode.OK, run.exitCode());
    assertEquals(List.of(), SarifSchema.validate(run.out()));
    Golden.assertMatches(dir.resolve("expected.sarif"), run.out());
  }

  @Test
  void validateSarif_secretPastedIntoAFile_isNeverShown() {
    CliRun run = CliRun.run("validate", "--format", "sarif", CASES.resolve("invalid").toString());

    assertTrue(run.out().contains("ClientSecret is not desired state"), run.out());
    assertFalse(run.out().contains("1q2w3e4r5t"), "the secret pasted into the file");
  }

  @Test
  void validateSarif_securityFindings_areResultsOfTheirRulesAndTheRestInvalidDesiredState()
      throws IOException {
    Path file =
        write(
            "PreventUserExistenceErrors: LEGACY",
            "AccessTokenValidity: 2",
            "ExplicitAuthFlows: [CUSTOM_AUTH_FLOW_ONLY, ALLOW_USER_SRP_AUTH]");

    CliRun run = CliRun.run("validate", "--format", "sarif", file.toString());

    assertEquals(ExitCode.INVALID, run.exitCode(), run.all());
    assertEquals(
        List.of(
            "CCR101 warning 3:1-27",
            "ccr/invalid-desired-state warning 4:1-20",
            "ccr/invalid-desired-state error 5:1-18"),
        results(run),
        "the rule's warning, the unit warning, and the mixed flow list at their keys");
  }

  @Test
  void validateSarif_strict_makesTheSecurityResultsErrors() throws IOException {
    Path file = write("PreventUserExistenceErrors: LEGACY", "EnableTokenRevocation: false");

    CliRun plain = CliRun.run("validate", "--format", "sarif", file.toString());
    CliRun strict = CliRun.run("validate", "--format", "sarif", "--strict", file.toString());

    assertEquals(ExitCode.OK, plain.exitCode(), plain.all());
    assertEquals(List.of("CCR101 warning 3:1-27", "CCR102 warning 4:1-22"), results(plain));
    assertEquals(ExitCode.INVALID, strict.exitCode(), strict.all());
    assertEquals(List.of("CCR101 error 3:1-27", "CCR102 error 4:1-22"), results(strict));
  }

  @Test
  void validateSarif_allow_removesTheResult() throws IOException {
    Path file = write("PreventUserExistenceErrors: LEGACY", "EnableTokenRevocation: false");

    CliRun run = CliRun.run("validate", "--format", "sarif", "--allow", "CCR101", file.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(List.of("CCR102 warning 4:1-22"), results(run));
  }

  @Test
  void validateSarif_eachEnvironment_namesTheEnvironmentsAFindingIsIn() throws IOException {
    Files.writeString(
        dir.resolve("ccr.yaml"),
        """
        environments:
          dev:
            allow: [CCR108]
          prod: {}
        """);
    write(
        "AllowedOAuthFlowsUserPoolClient: true",
        "AllowedOAuthFlows: [code]",
        "AllowedOAuthScopes: [openid]",
        "CallbackURLs: [http://localhost:3000/cb]");

    CliRun run =
        CliRun.run(
            "validate",
            "--config",
            dir.resolve("ccr.yaml").toString(),
            "--format",
            "sarif",
            dir.resolve("clients").toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.all());
    assertEquals(List.of(), SarifSchema.validate(run.out()));
    JsonNode result = JsonMapper.shared().readTree(run.out()).at("/runs/0/results/0");
    assertEquals("CCR108", result.get("ruleId").asString());
    assertTrue(
        result.at("/message/text").asString().endsWith("[CCR108] (in environment prod)"),
        result.toString());
    assertEquals(1, JsonMapper.shared().readTree(run.out()).at("/runs/0/results").size());
  }

  private Path write(String... lines) throws IOException {
    Path file = dir.resolve("clients/web.yaml");
    Files.createDirectories(file.getParent());
    return Files.writeString(
        file, "UserPoolId: us-east-1_Example12\nClientId: web\n" + String.join("\n", lines) + "\n");
  }

  /** {@code RULE LEVEL line:startColumn-endColumn} of each result. */
  private static List<String> results(CliRun run) {
    List<String> found = new ArrayList<>();
    for (JsonNode result : JsonMapper.shared().readTree(run.out()).at("/runs/0/results")) {
      JsonNode region = result.at("/locations/0/physicalLocation/region");
      found.add(
          result.get("ruleId").asString()
              + " "
              + result.get("level").asString()
              + " "
              + region.get("startLine").asInt()
              + ":"
              + region.get("startColumn").asInt()
              + "-"
              + region.get("endColumn").asInt());
    }
    return found;
  }
}
