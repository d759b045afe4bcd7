package dev.ccr.report;

import dev.ccr.spec.SecurityRule;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a SARIF run (a {@code reportingDescriptor}): what a kind of finding means, its
 * default level, and help in text and Markdown, which code scanning shows beside each alert.
 *
 * @param level the default level: {@code error}, {@code warning}, or {@code note} for a finding
 *     that asks nothing of the user
 * @param helpUri the page behind the rule, empty when there is none
 * @param tags {@code properties.tags}; {@code security} makes code scanning treat the rule's
 *     results as security alerts
 * @param securitySeverity {@code properties."security-severity"}, GitHub's score from 0.1 to 10 by
 *     which it ranks security alerts, as a string; empty for the other rules
 * @param locatedByLine whether the line a result points at is what it is about; when it is not (an
 *     unmanaged client is in no file), each result gets a fingerprint of its own
 */
record SarifRule(
    String id,
    String name,
    String level,
    String shortDescription,
    String fullDescription,
    String helpText,
    String helpMarkdown,
    Optional<String> helpUri,
    List<String> tags,
    Optional<String> securitySeverity,
    boolean locatedByLine) {

  SarifRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (!level.equals("error") && !level.equals("warning") && !level.equals("note")) {
      throw new IllegalArgumentException("level " + level);
    }
    Objects.requireNonNull(shortDescription, "shortDescription");
    Objects.requireNonNull(fullDescription, "fullDescription");
    Objects.requireNonNull(helpText, "helpText");
    Objects.requireNonNull(helpMarkdown, "helpMarkdown");
    Objects.requireNonNull(helpUri, "helpUri");
    tags = List.copyOf(tags);
    Objects.requireNonNull(securitySeverity, "securitySeverity");
  }

  /** A rule of ccr's own, whose help as plain text is its Markdown without the code marks. */
  static SarifRule of(
      String id,
      String name,
      String level,
      String shortDescription,
      String fullDescription,
      String helpMarkdown,
      boolean locatedByLine) {
    return new SarifRule(
        id,
        name,
        level,
        shortDescription,
        fullDescription,
        helpMarkdown.replace("`", "'"),
        helpMarkdown,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        locatedByLine);
  }

  /**
   * The rule of the one result that says how many findings were left out, for a command whose text
   * output lists them all ({@code ccr drift --format text}).
   */
  static SarifRule resultsOmitted(String fullListing) {
    return of(
        "ccr/results-omitted",
        "ResultsOmitted",
        "warning",
        "More findings than code scanning keeps for one run.",
        "GitHub code scanning keeps 5,000 results of a run. ccr writes the 4,999 most severe findings and this result, which says how many more there are.",
        "Run `" + fullListing + "` to see every finding, and fix the errors first.",
        false);
  }

  /** The security rules CCR101... as SARIF rules, in the order of their table. */
  static final List<SarifRule> SECURITY =
      Arrays.stream(SecurityRule.values()).map(SarifRule::of).toList();

  /** The SARIF rule of a security rule's id ({@code CCR101}). */
  static SarifRule security(String id) {
    return SECURITY.stream()
        .filter(r -> r.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no security rule " + id));
  }

  /**
   * A security rule: its id, name and reason from the table, help on how to fix it and how to allow
   * it, its AWS page, the tag {@code security} and its security severity.
   */
  private static SarifRule of(SecurityRule rule) {
    String full =
        rule.reason()
            + " ccr checks what each file states (validate) and the configuration a write would send,"
            + " Cognito's defaults included (plan, drift). The result sits at the attribute, or at"
            + " the key that names the client when the file leaves the attribute to the live client."
            + " A warning, and an error with --strict.";
    return new SarifRule(
        rule.id(),
        rule.title(),
        rule.level().label(),
        rule.reason(),
        full,
        fixOrAllow(rule).replace("`", "'")
            + "\n\nThe AWS documentation behind the rule: "
            + rule.helpUrl(),
        fixOrAllow(rule) + "\n\n[The AWS documentation behind the rule](" + rule.helpUrl() + ")",
        Optional.of(rule.helpUrl()),
        List.of("security"),
        Optional.of(String.format(Locale.ROOT, "%.1f", rule.securitySeverity())),
        true);
  }

  /** What to do instead, then the three ways to allow the rule when the setting is intended. */
  private static String fixOrAllow(SecurityRule rule) {
    String id = rule.id();
    return rule.help()
        + "\n\nWhen the setting is intended, allow the rule and say why in a comment next to it:\n\n"
        + ("- for this client, in its document: `ccr: {allow: [" + id + "]}`;\n")
        + ("- for every client of an environment: `allow: [" + id + "]` under")
        + " `environments.NAME` in `ccr.yaml`;\n"
        + ("- for one run: `--allow " + id + "`.\n\n")
        + "`--strict` makes this warning an error (exit 3).";
  }
}
