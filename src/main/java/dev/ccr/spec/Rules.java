package dev.ccr.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the cross-field rules and the security rules, the one implementation of each, on a document
 * alone ({@code validate}) or on the configuration a write would send ({@code plan}, {@code
 * apply}).
 */
public final class Rules {
  private Rules() {}

  /** What a document alone breaks: the findings validate reports, source lines not filled in. */
  static List<Diagnostic> onFile(ClientSpec spec, RuleSettings settings) {
    return run(Configuration.ofFile(spec), settings, true);
  }

  /**
   * What the configuration a write would send breaks, beyond what the document alone breaks (which
   * validate, and the loading of every command, already reported).
   *
   * @param writes whether the client is written (created or updated): the cross-field rules, which
   *     stand for what Cognito refuses, run only then; the security rules always run
   */
  public static List<Diagnostic> onWrite(
      Configuration configuration, RuleSettings settings, boolean writes) {
    Set<Diagnostic> known = new HashSet<>(onFile(configuration.spec(), settings));
    return run(configuration, settings, writes).stream().filter(d -> !known.contains(d)).toList();
  }

  /**
   * The cross-field errors of a configuration about to be sent, checked by apply right before each
   * write: the same rules as plan's, on what the write carries now.
   */
  public static List<Diagnostic> errorsBeforeWrite(Configuration configuration) {
    List<Finding> findings = new ArrayList<>();
    CrossFieldRules.check(configuration, findings::add);
    return findings.stream()
        .filter(f -> f.severity() == Severity.ERROR)
        .map(f -> configuration.diagnostic(Severity.ERROR, f.pointers(), f.text()))
        .toList();
  }

  private static List<Diagnostic> run(
      Configuration configuration, RuleSettings settings, boolean crossField) {
    List<Finding> findings = new ArrayList<>();
    if (crossField) {
      CrossFieldRules.check(configuration, findings::add);
    }
    SecurityRules.check(configuration, findings::add);
    List<Diagnostic> diagnostics = new ArrayList<>();
    ClientSpec spec = configuration.spec();
    for (Finding finding : findings) {
      settings
          .severity(finding, spec)
          .ifPresent(severity -> diagnostics.add(diagnostic(configuration, finding, severity)));
    }
    return diagnostics;
  }

  /**
   * A finding located in its document: at the first value the document gives; a security finding on
   * values the document does not give at all (live ones, Cognito's defaults) at the document itself
   * (pointer {@code ""}, the document's first line), which the text output sums up per rule; any
   * other finding then at the key that names the client.
   */
  private static Diagnostic diagnostic(
      Configuration configuration, Finding finding, Severity severity) {
    ClientSpec spec = configuration.spec();
    Optional<String> inFile = configuration.inFile(finding.pointers());
    boolean wholeDocument = inFile.isEmpty() && finding.rule().isPresent();
    String pointer = wholeDocument ? "" : configuration.locate(finding.pointers());
    return new Diagnostic(
        severity,
        finding.text(),
        spec.source().file(),
        wholeDocument ? spec.source().position() : spec.positionOf(pointer),
        pointer,
        "",
        finding.rule().map(SecurityRule::id));
  }
}
