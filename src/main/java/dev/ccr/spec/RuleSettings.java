package dev.ccr.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a run treats the security rules: the rules it allows everywhere ({@code --allow ID}, the
 * project's {@code rules: {allow: [ID]}} and the environment's {@code allow} in ccr.yaml) and
 * whether their warnings are errors ({@code --strict}, or {@code rules: {strict: true}}). A
 * document allows more with {@code ccr: {allow: [ID]}}.
 *
 * @param allowed the ids of the rules allowed for every client of the run
 * @param lenient whether the run keeps the warnings warnings whatever the project says ({@code
 *     --no-strict})
 */
public record RuleSettings(Set<String> allowed, boolean strict, boolean lenient) {
  /** Every rule on, as warnings. */
  public static final RuleSettings DEFAULT = new RuleSettings(Set.of(), false);

  /** Settings that a project's {@code strict: true} can still make strict. */
  public RuleSettings(Set<String> allowed, boolean strict) {
    this(allowed, strict, false);
  }

  public RuleSettings {
    allowed = Set.copyOf(new TreeSet<>(allowed));
    for (String id : allowed) {
      if (SecurityRule.byId(id).isEmpty()) {
        throw new IllegalArgumentException(SecurityRule.unknown(id));
      }
    }
  }

  /** The problems with a run's {@code --allow} values: ids that name no rule. */
  public static List<String> unknownIds(List<String> ids) {
    return ids.stream()
        .filter(id -> SecurityRule.byId(id).isEmpty())
        .map(SecurityRule::unknown)
        .toList();
  }

  /** The settings of a run's options, with the ids as the user typed them. */
  public static RuleSettings of(List<String> ids, boolean strict) {
    return new RuleSettings(
        Set.copyOf(ids.stream().map(id -> SecurityRule.byId(id).orElseThrow().id()).toList()),
        strict);
  }

  /**
   * These settings, lenient: {@code --no-strict}, which keeps the warnings warnings where the
   * project says {@code strict: true}.
   */
  public RuleSettings toLenient() {
    return new RuleSettings(allowed, false, true);
  }

  /** These settings with more rules allowed (an environment's {@code allow} in ccr.yaml). */
  public RuleSettings allowing(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return this;
    }
    Set<String> all = new TreeSet<>(allowed);
    all.addAll(of(List.copyOf(ids), strict).allowed());
    return new RuleSettings(all, strict, lenient);
  }

  /**
   * These settings (a run's options) merged with the project's {@code rules} in ccr.yaml: the rules
   * either allows; strict when either is, unless these are {@link #lenient}.
   */
  public RuleSettings with(RuleSettings project) {
    Set<String> all = new TreeSet<>(allowed);
    all.addAll(project.allowed);
    return new RuleSettings(all, !lenient && (strict || project.strict), lenient);
  }

  /**
   * What becomes of a finding for a client: nothing when the run or the document allows its rule,
   * else the finding with its severity ({@code --strict} makes a rule's warning an error).
   */
  Optional<Severity> severity(Finding finding, ClientSpec spec) {
    if (finding.rule().isEmpty()) {
      return Optional.of(finding.severity());
    }
    String id = finding.rule().get().id();
    boolean allowedHere =
        allowed.contains(id) || spec.settings().allow().stream().anyMatch(id::equalsIgnoreCase);
    if (allowedHere) {
      return Optional.empty();
    }
    return Optional.of(strict ? Severity.ERROR : finding.severity());
  }
}
