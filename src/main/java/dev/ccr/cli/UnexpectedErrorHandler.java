package dev.ccr.cli;

import picocli.CommandLine;

/**
 * The last line of defence: a failure no phase turned into a diagnostic is a bug in ccr. It is
 * reported in one line with exit 1, never as a stack trace (set CCR_DEBUG=1 to see the trace).
 */
final class UnexpectedErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    commandLine.getErr().println(BaseCommand.message("internal error: " + e));
    if (System.getenv("CCR_DEBUG") != null) {
      e.printStackTrace(commandLine.getErr());
    }
    return ExitCode.ERROR;
  }
}
