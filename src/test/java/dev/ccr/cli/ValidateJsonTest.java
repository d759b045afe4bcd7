package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ccr.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ccr validate --format json}: one JSON document on stdout (golden files under {@code
 * golden/validate-json}), valid against {@code schemas/validate-report.schema.json}, nothing on
 * stderr, the same exit code as text, and no secret pasted into a file.
 */
class ValidateJsonTest {
  static final Path CASES = Golden.projectDir().resolve("src/test/resources/golden/validate-json");

  @ParameterizedTest
  @ValueSource(strings = {"valid-with-warnings", "invalid"})
  void validateJson_printsTheReportOnStdout(String name) throws IOException {
    Path dir = CASES.resolve(name);
    CliRun run = CliRun.run("validate", "--format", "json", dir.toString());

    String json = run.out().replace(dir + "/", "");
    assertEquals("", run.err());
    assertEquals(name.equals("invalid") ? ExitCode.INVALID : ExitCode.OK, run.exitCode());
    assertFalse(json.contains("1q2w3e4r5t"), "the secret pasted into the file");
    assertEquals(List.of(), schema().validate(JsonMapper.shared().readTree(json)));
    Golden.assertMatches(dir.resolve("expected.json"), json);
  }

  static Schema schema() throws IOException {
    try (InputStream in =
        Files.newInputStream(Golden.projectDir().resolve("schemas/validate-report.schema.json"))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(in, InputFormat.JSON);
    }
  }
}
