package dev.ccr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ccr secrets}: shows, and with {@code --apply} takes, the secret actions of the clients
 * whose documents declare a secret policy ({@code ccr: {secret: ...}}).
 */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    header = "Rotates, delivers and retires client secrets as their policies say.",
    description = {
      "For every client whose document declares ccr: {secret: {rotateAfter, grace, store}}, lists its secrets by id and age (never a value), the store that holds one, and the actions that bring it to its policy: rotate (add a secret, deliver it), deliver (the store holds no secret of the client), retire (delete a secret the store does not hold, once the grace period has passed). Policy violations are listed too.",
      "Without --apply nothing changes. With --apply the actions run in the safe order: retire, AddUserPoolClientSecret, write the value to the store; the secret the store holds is never deleted. See docs/secrets.md."
    },
    footer = ExitCode.HELP_TABLE)
final class SecretsCommand extends SecretsBase {
  @Option(names = "--apply", description = "Take the actions (without it, only show them).")
  boolean apply;

  @Override
  boolean applying() {
    return apply;
  }

  @Override
  boolean incident() {
    return false;
  }
}
