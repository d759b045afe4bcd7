package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ErrorRuleTest {
  private static final Pattern ROW = Pattern.compile("(?m)^\\| (CCR0[0-9]{2}) \\|(.*)$");

  @Test
  void everyErrorRule_hasAnEvidenceRowInTheDocs_withAPublicSource() throws IOException {
    String rules = Files.readString(Golden.projectDir().resolve("docs/rules.md"));
    Matcher rows = ROW.matcher(rules);
    List<String> documented = new java.util.ArrayList<>();
    while (rows.find()) {
      documented.add(rows.group(1));
      assertTrue(rows.group(2).contains("](https://"), "no public source in " + rows.group());
      assertTrue(
          rows.group(2).split("\\|").length >= 3,
          "a row names the rule, the Cognito error and the source: " + rows.group());
    }
    List<String> ids = Arrays.stream(ErrorRule.values()).map(ErrorRule::id).toList();
    assertEquals(ids, documented, "one row per error rule in docs/rules.md, in order");
  }
}
