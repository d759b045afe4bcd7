package dev.ccr.cli;

import dev.ccr.spec.RuleSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --allow} and {@code --strict}: how a run treats ccr's security rules. */
final class RuleMixin {
  @Option(
      names = "--allow",
      paramLabel = "RULE",
      description =
          "Allow a security rule (such as CCR108) for every client of this run; repeat for"
              + " several. A document allows rules with ccr: {allow: [RULE]}.")
  List<String> allow = new ArrayList<>();

  @Option(names = "--strict", description = "Make the security rules' warnings errors (exit 3).")
  boolean strict;

  /** The settings; an id that names no rule is a usage error. */
  RuleSettings settings(CommandLine.Model.CommandSpec spec) {
    List<String> unknown = RuleSettings.unknownIds(allow);
    if (!unknown.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--allow: " + String.join("; ", unknown));
    }
    return RuleSettings.of(allow, strict);
  }
}
