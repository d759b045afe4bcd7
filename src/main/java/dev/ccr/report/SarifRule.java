package dev.ccr.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a SARIF run (a {@code reportingDescriptor}): what a kind of finding means, its
 * default level, and help in text and Markdown, which code scanning shows beside each alert.
 *
 * @param level the default level: {@code error} or {@code warning}
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
    if (!level.equals("error") && !level.equals("warning")) {
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
}
