package dev.ccr.cli;

import dev.ccr.spec.RuleSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --allow} and {@code --strict} ({@code --no-strict}): how a run treats ccr's security
 * rules, on top of the project's {@code rules} in ccr.yaml.
 */
final class RuleMixin {
  @Option(
      names = "--allow",
      paramLabel = "RULE",
      description =
          "Allow a security rule (such as CCR108) for every client of this run; repeat for"
              + " several. A document allows rules with ccr: {allow: [RULE]}.")
  List<String> allow = new ArrayList<>();

  @Option(
      names = "--strict",
      negatable = true,
      description =
          "Make the security rules' warnings errors (exit 3). --no-strict keeps them warnings"
              + " where ccr.yaml says rules: {strict: true}.")
  Boolean strict;

  /** The settings; an id that names no rule is a usage error. */
  RuleSettings settings(CommandLine.Model.CommandSpec spec) {
    List<String> unknown = RuleSettings.unknownIds(allow);
    if (!unknown.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--allow: " + String.join("; ", unknown));
    }
    RuleSettings settings = RuleSettings.of(allow, Boolean.TRUE.equals(strict));
    return Boolean.FALSE.equals(strict) ? settings.toLenient() : settings;
  }
}
