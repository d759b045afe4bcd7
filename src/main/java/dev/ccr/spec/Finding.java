package dev.ccr.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule found, before it is located in the file.
 *
 * @param rule the security rule, empty for a cross-field rule
 * @param pointers the JSON Pointers of the values concerned, the preferred place first; the finding
 *     is shown at the first one the document gives ({@link Configuration#locate})
 */
record Finding(
    Severity severity, Optional<SecurityRule> rule, List<String> pointers, String message) {
  Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    pointers = List.copyOf(pointers);
    Objects.requireNonNull(message, "message");
    if (pointers.isEmpty()) {
      throw new IllegalArgumentException("a finding needs a pointer: " + message);
    }
  }

  /** The message as shown, with the rule id at its end ({@code ... [CCR101]}). */
  String text() {
    return rule.map(r -> message + " [" + r.id() + "]").orElse(message);
  }
}
