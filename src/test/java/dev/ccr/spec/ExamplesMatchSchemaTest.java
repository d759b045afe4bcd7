package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;

/** Every file in examples/ is a valid desired state that editors can check against the schema. */
class ExamplesMatchSchemaTest {
  private static final String MODELINE =
      "# yaml-language-server: $schema=../schemas/user-pool-client.schema.json\n";
  private static final Schema SCHEMA = ClientSchemas.validator();

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Golden.projectDir().resolve("examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void examples_coverTheDocumentedClients() throws IOException {
    List<String> names = examples().stream().map(f -> f.getFileName().toString()).toList();
    assertEquals(
        List.of(
            "internal-tools.yaml",
            "machine-to-machine.yaml",
            "mobile-app.yaml",
            "reports-app.yaml",
            "retired-app.yaml",
            "rotation.yaml",
            "spa.yaml",
            "web-app.yaml"),
        names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example_startsWithSchemaModeline(Path file) throws IOException {
    assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith(MODELINE), file::toString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example_everyDocumentMatchesSchema(Path file) throws IOException {
    List<JsonNode> documents = documents(file);
    assertFalse(documents.isEmpty(), file::toString);
    for (JsonNode document : documents) {
      assertEquals(
          List.of(), SCHEMA.validate(document), () -> file + ": " + document.get("ClientName"));
    }
  }

  @Test
  void multiDocumentExample_holdsSeveralClients() throws IOException {
    Path file = Golden.projectDir().resolve("examples/internal-tools.yaml");
    List<JsonNode> documents = documents(file);
    assertTrue(documents.size() >= 2, "documents: " + documents.size());
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    Load load = new Load(LoadSettings.builder().setLabel(file.toString()).build());
    List<JsonNode> documents = new ArrayList<>();
    for (Object document : load.loadAllFromString(Files.readString(file, StandardCharsets.UTF_8))) {
      documents.add(ClientSchemas.MAPPER.valueToTree(document));
    }
    return documents;
  }
}
