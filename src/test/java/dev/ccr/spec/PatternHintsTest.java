package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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

  @Test
  void hints_ofPatternsWithBackslashW_sayAsciiLetters_becauseAccentedLettersAreRefused() {
    int checked = 0;
    for (Map.Entry<String, String> hint : SchemaChecker.PATTERN_HINTS.entrySet()) {
      if (hint.getKey().contains("\\w") && hint.getValue().contains("letters")) {
        assertTrue(hint.getValue().contains("ASCII letters"), hint.getValue());
        assertFalse(Pattern.compile(hint.getKey()).matcher("caf\u00e9").matches(), hint.getKey());
        checked++;
      }
    }
    assertEquals(3, checked, "user pool id, client id and client name");
  }

  @Test
  void refused_namesTheFirstCharacterOutsideTheClass_withItsCodePoint() {
    String name = "^(?:[\\w\\s+=,.@-]+)$";
    assertEquals(
        Optional.of("'\u00e9' (U+00E9)"), SchemaChecker.refused(name, "caf\u00e9 /", Set.of()));
    assertEquals(Optional.of("'/' (U+002F)"), SchemaChecker.refused(name, "web/app", Set.of()));
    assertEquals(
        Optional.of("U+0007"),
        SchemaChecker.refused(name, "bell\u0007", Set.of()),
        "no raw control");
    assertEquals(Optional.empty(), SchemaChecker.refused(name, "web app", Set.of()));
  }

  @Test
  void refused_saysNothingForPatternsThatAreNotOneCharacterClass() {
    assertEquals(
        Optional.empty(),
        SchemaChecker.refused("^(?:[\\w-]+_[0-9a-zA-Z]+)$", "us-east-1_\u00e9", Set.of()));
  }

  @Test
  void refused_neverNamesACharacterOfASecretPastedIntoTheFile() {
    String name = "^(?:[\\w\\s+=,.@-]+)$";
    assertEquals(
        Optional.empty(), SchemaChecker.refused(name, "x s3cr3t/value", Set.of("s3cr3t/value")));
  }

  private static void collect(JsonNode node, List<String> patterns) {
    if (node.isObject() && node.has("pattern") && node.get("pattern").isString()) {
      patterns.add(node.get("pattern").stringValue());
    }
    node.values().forEach(child -> collect(child, patterns));
  }
}
