package dev.ccr.cli;

import java.util.Map;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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
      arity = "0..1")
  Shell shell;

  /** What the scripts ask for as the user types: the values of --env or of --target. */
  enum Listing {
    env,
    target
  }

  @Option(names = "--list", hidden = true, paramLabel = "WHAT")
  Listing list;

  /** The options whose values the scripts ask ccr for, by long name. */
  private static final Map<String, Listing> LISTED =
      Map.of("--env", Listing.env, "--target", Listing.target);

  static Optional<String> listed(String option) {
    return Optional.ofNullable(LISTED.get(option)).map(Enum::name);
  }

  @Override
  int execute() {
    if (list != null) {
      CompletionValues.of(list).forEach(out()::println);
      out().flush();
      return ExitCode.OK;
    }
    if (shell == null) {
      throw usage("Missing required parameter: 'SHELL'");
    }
    String name = spec.root().name();
    String script =
        switch (shell) {
          case bash, zsh -> listedInBash(AutoComplete.bash(name, spec.root().commandLine()), name);
          case fish -> FishCompletion.script(spec.root());
        };
    out().print(script);
    out().flush();
    return ExitCode.OK;
  }

  /** picocli's bash script, with --env and --target completed from what ccr lists then. */
  static String listedInBash(String script, String name) {
    for (Map.Entry<String, Listing> option : LISTED.entrySet()) {
      script =
          script.replace(
              "    '" + option.getKey() + "')\n      return\n      ;;\n",
              "    '"
                  + option.getKey()
                  + "')\n      local IFS=$'\\n'\n      COMPREPLY=( $( compgen -W \"$("
                  + name
                  + " completion --list "
                  + option.getValue()
                  + " 2>/dev/null)\" -- \"${curr_word}\" ) )\n      return $?\n      ;;\n");
    }
    return script;
  }
}
