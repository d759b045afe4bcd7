package dev.ccr.cli;

import dev.ccr.live.Pacing;
import picocli.CommandLine.Option;

/** The pace of writes, an option only of the command that writes to Cognito: apply. */
final class WriteRateMixin {
  @Option(
      names = "--max-write-rps",
      paramLabel = "N",
      defaultValue = "15",
      description =
          "Create, Update and Delete calls per second per region (default: ${DEFAULT-VALUE}, Cognito's quota); each operation on one user pool gets a third. Set it lower when other tools share the account.")
  double maxWriteRps = Pacing.COGNITO_CATEGORY_RPS;
}
