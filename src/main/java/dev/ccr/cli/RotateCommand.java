package dev.ccr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ccr rotate --target NAME}: rotates a client's secret now, for an incident. */
@Command(
    name = "rotate",
    mixinStandardHelpOptions = true,
    header = "Rotates the secrets of the --target clients now (an incident).",
    description = {
      "For each --target client whose document declares ccr: {secret: ...}: retires every secret its store does not hold, adds a new secret and delivers it to the store. The previously delivered secret stays valid until its grace period has passed (run 'ccr secrets --apply' then), so applications can reload; to cut it off sooner, run 'ccr rotate' again after they have.",
      "With --dry-run it only shows what it would do. See docs/secrets.md."
    },
    footer = ExitCode.HELP_TABLE)
final class RotateCommand extends SecretsBase {
  @Option(names = "--dry-run", description = "Only show what rotate would do.")
  boolean dryRun;

  @Override
  boolean applying() {
    return !dryRun;
  }

  @Override
  boolean incident() {
    return true;
  }
}
