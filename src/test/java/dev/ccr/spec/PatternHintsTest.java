package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PatternHintsTest {
  @Test
  void everySchemaPattern_isExplainedInWords() throws IOException {
    JsonNode schema =
        JsonMapper.shared()
            .readTree(
                Files.readString(
                    Golden.projectDir().resolve("schemas/user-pool-client.schema.json")));
    List<String> patterns = new ArrayList<>();
    collect(schema, patterns);
    assertTrue(patterns.size() >= 8, "patterns found: " + patterns);
    for (String pattern : patterns) {
      assertTrue(
          SchemaChecker.PATTERN_HINTS.containsKey(pattern), "no words for the pattern " + pattern);
    }
  }

  private static void collect(JsonNode node, List<String> patterns) {
    if (node.isObject() && node.has("pattern") && node.get("pattern").isString()) {
      patterns.add(node.get("pattern").stringValue());
    }
    node.values().forEach(child -> collect(child, patterns));
  }
}
