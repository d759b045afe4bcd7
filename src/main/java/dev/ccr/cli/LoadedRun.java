package dev.ccr.cli;

import dev.ccr.spec.AwsSettings;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Environment;
import dev.ccr.spec.ProjectFile;
import dev.ccr.spec.RuleSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * What loading a run hands to its next steps: the project file and the environment {@code --env}
 * selected (with its AWS options), the desired state read from the files (with the variables'
 * substitutions, to explain later diagnostics), and how the rules are judged. A command takes it as
 * an argument; nothing of it is kept in the command.
 *
 * @param rules the command's {@code --allow} and {@code --strict} with the environment's {@code
 *     allow}
 */
record LoadedRun(Selection selection, DesiredState state, RuleSettings rules) {
  LoadedRun {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(rules, "rules");
  }

  /** The AWS options the command line's fall back on: the selected environment's. */
  AwsSettings aws() {
    return selection.aws();
  }

  Optional<Environment> environment() {
    return selection.environment();
  }

  /** The project file, and the environment of it that {@code --env} named. */
  record Selection(Optional<ProjectFile> project, Optional<Environment> environment) {
    /** No project file, no environment. */
    static final Selection NONE = new Selection(Optional.empty(), Optional.empty());

    Selection {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(environment, "environment");
    }

    /** The same project file with the environment of this name (validate's run per environment). */
    Selection with(String name) {
      return new Selection(project, project.flatMap(p -> p.environment(name)));
    }

    Optional<String> environmentName() {
      return environment.map(Environment::name);
    }

    AwsSettings aws() {
      return environment.map(Environment::aws).orElse(AwsSettings.NONE);
    }
  }
}
