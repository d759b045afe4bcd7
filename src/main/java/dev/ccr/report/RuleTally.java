package dev.ccr.report;

import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Plan;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.SecurityRule;
import dev.ccr.spec.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan's problems as the text output shows them: a security rule's warnings on values no file
 * sets (a live value, Cognito's default) once per rule, with the number of clients and the first
 * few of them, so that a large healthy fleet prints a few lines; every other problem one by one, at
 * its line. JSON and SARIF keep one result per client.
 *
 * @param located the problems shown one by one, in file order
 * @param perRule one sentence per rule, in the order of the rule ids
 */
public record RuleTally(List<Diagnostic> located, List<String> perRule) {
  /** How many clients a sentence names before {@code and N more}. */
  static final int NAMED = 3;

  public RuleTally {
    located = List.copyOf(located);
    perRule = List.copyOf(perRule);
  }

  /** The problems of a plan, each client's warnings on values its file does not set summed up. */
  public static RuleTally of(Plan plan) {
    Map<String, List<String>> clients = new TreeMap<>();
    List<Diagnostic> located = new ArrayList<>();
    for (ClientAction action : plan.actions()) {
      if (action instanceof ClientAction.Unreadable) {
        continue;
      }
      for (Diagnostic d : action.diagnostics()) {
        if (onUnsetValue(d)) {
          List<String> names =
              clients.computeIfAbsent(d.rule().orElseThrow(), id -> new ArrayList<>());
          names.add(action.ref().displayName());
        } else {
          located.add(d);
        }
      }
    }
    located.addAll(plan.notes());
    List<String> perRule = new ArrayList<>();
    clients.forEach(
        (id, names) -> perRule.add(sentence(SecurityRule.byId(id).orElseThrow(), names)));
    return new RuleTally(located.stream().sorted(Diagnostic.ORDER).toList(), perRule);
  }

  /**
   * Whether a diagnostic is a security rule's warning on values the file does not set: such a
   * finding is about the whole document (pointer {@code ""}).
   */
  static boolean onUnsetValue(Diagnostic d) {
    return d.rule().isPresent() && d.severity() == Severity.WARNING && d.pointer().isEmpty();
  }

  /**
   * {@code CCR101 UserExistenceErrorsNotPrevented on 1000 clients, from values their files do not
   * set (a, b, c and 997 more): why. What to do. ...how to allow it}.
   */
  static String sentence(SecurityRule rule, List<String> names) {
    int n = names.size();
    String shown = String.join(", ", names.subList(0, Math.min(n, NAMED)));
    String more = n > NAMED ? " and " + (n - NAMED) + " more" : "";
    return rule.id()
        + " "
        + rule.title()
        + " on "
        + Noun.count(n, "client")
        + (n == 1
            ? ", from a value its file does not set ("
            : ", from values their files do not set (")
        + shown
        + more
        + "): "
        + rule.reason()
        + " "
        + rule.help()
        + " To silence it, set the value in "
        + (n == 1 ? "the file" : "the files")
        + " or allow the rule: ccr: {allow: ["
        + rule.id()
        + "]} in a document, rules: {allow: ["
        + rule.id()
        + "]} in ccr.yaml, or --allow "
        + rule.id()
        + ". JSON and SARIF output list each client.";
  }
}
