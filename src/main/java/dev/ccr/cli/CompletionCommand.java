package dev.ccr.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ccr completion}: prints a shell completion script for ccr. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    header = "Prints a shell completion script.",
    description = {
      "Prints a script that completes ccr's commands, options and option values in bash, zsh or fish.",
      "bash: add 'source <(ccr completion bash)' to ~/.bashrc.",
      "zsh: add 'source <(ccr completion zsh)' to ~/.zshrc (the script loads bashcompinit).",
      "fish: ccr completion fish > ~/.config/fish/completions/ccr.fish"
    },
    footer = ExitCode.HELP_TABLE)
final class CompletionCommand extends BaseCommand {
  /** The shells a script is made for. */
  enum Shell {
    bash,
    zsh,
    fish
  }

  @Parameters(
      paramLabel = "SHELL",
      description = "The shell: ${COMPLETION-CANDIDATES}.",
      arity = "1")
  Shell shell;

  @Override
  int execute() {
    String name = spec.root().name();
    String script =
        switch (shell) {
          case bash, zsh -> AutoComplete.bash(name, spec.root().commandLine());
          case fish -> FishCompletion.script(spec.root());
        };
    out().print(script);
    out().flush();
    return ExitCode.OK;
  }
}
