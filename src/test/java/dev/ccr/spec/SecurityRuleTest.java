package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one table of security rules, and the docs that list it, kept in step. */
class SecurityRuleTest {

  @Test
  void table_everyRuleHasAStableIdAReasonAndAnAwsPage() {
    Set<String> ids = new HashSet<>();
    for (SecurityRule rule : SecurityRule.values()) {
      assertTrue(rule.id().matches("CCR1\\d\\d"), rule.id());
      assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
      assertTrue(rule.title().matches("[A-Z][A-Za-z]+"), rule.title());
      assertEquals(Severity.WARNING, rule.level());
      assertTrue(rule.reason().endsWith(".") && !rule.reason().contains(". "), rule.reason());
      assertTrue(rule.help().endsWith("."), rule.help());
      assertTrue(rule.helpUrl().startsWith("https://docs.aws.amazon.com/"), rule.helpUrl());
      assertTrue(
          rule.securitySeverity() >= 0.1 && rule.securitySeverity() <= 10,
          "GitHub's range: " + rule.securitySeverity());
    }
  }

  @Test
  void docs_listEveryRuleWithItsIdNameSeverityAwsPageAndSecuritySeverity() throws IOException {
    String rules = Files.readString(Golden.projectDir().resolve("docs/rules.md"));
    String readme = Files.readString(Golden.projectDir().resolve("docs/validate.md"));
    for (SecurityRule rule : SecurityRule.values()) {
      String row = "| " + rule.id() + " | " + rule.title() + " | warning |";
      assertTrue(rules.contains(row), "docs/rules.md lacks " + row);
      assertTrue(rules.contains("(" + rule.helpUrl() + ")"), "docs/rules.md lacks its AWS page");
      assertTrue(
          readme.contains("| " + rule.id() + " | warning |"),
          "docs/validate.md lacks " + rule.id());
      String score =
          "| "
              + rule.id()
              + " | "
              + String.format(java.util.Locale.ROOT, "%.1f", rule.securitySeverity())
              + " |";
      assertTrue(rules.contains(score), "docs/rules.md lacks its security-severity: " + score);
    }
  }

  @Test
  void byId_ignoresCase_andUnknownIdsGetASuggestionOrTheList() {
    assertEquals(Optional.of(SecurityRule.LOCALHOST_REDIRECT), SecurityRule.byId("ccr108"));
    assertEquals(
        "no security rule CCR180; did you mean CCR108 (LocalhostRedirect)?",
        SecurityRule.unknown("CCR180"));
    assertEquals(
        "no security rule LocalhostRedirect; did you mean CCR108 (LocalhostRedirect)?",
        SecurityRule.unknown("LocalhostRedirect"));
    assertTrue(
        SecurityRule.unknown("CCR999")
            .endsWith("; the rules are " + String.join(", ", SecurityRule.ids())),
        SecurityRule.unknown("CCR999"));
  }
}
