package dev.ccr.cli;

import dev.ccr.drift.DriftFinder;
import dev.ccr.drift.DriftReport;
import dev.ccr.export.ExportWriter;
import dev.ccr.plan.Plan;
import dev.ccr.report.DriftRenderer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ccr drift}: reports how the live clients differ from their files, for CI and schedules.
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    header = "Reports drift and clients no file declares.",
    description = {
      "Reads every declared client and reports the attributes that drifted from the files, and the clients of the same user pools that no file declares (unmanaged). A client whose secrets break its document's secret policy (ccr: {secret:}) drifted at ccr/secret: a delivered secret older than rotateAfter, two secrets past the grace period, a store that holds no secret of the client.",
      "Exits 2 when anything drifted. Makes no change in AWS."
    },
    footer = ExitCode.HELP_TABLE)
final class DriftCommand extends BaseCommand {
  /** The output formats of drift. */
  enum Format {
    text,
    json,
    markdown,
    junit,
    sarif
  }

  @Mixin SpecMixin specs = new SpecMixin();
  @Mixin AwsMixin aws = new AwsMixin();
  @Mixin TargetMixin targets = new TargetMixin();
  @Mixin RuleMixin rules = new RuleMixin();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--fail-on-unmanaged",
      description = "Exit 2 when a declared pool has clients no file declares.")
  boolean failOnUnmanaged;

  @Option(
      names = "--github-summary",
      description =
          "Also append the Markdown report to the file named by $GITHUB_STEP_SUMMARY, when it is set.")
  boolean githubSummary;

  @Override
  int execute() {
    aws.check(spec);
    context.gateways().prepare(); // the SDK gets ready beside the reading of the files
    LoadedRun.Selection selection = selectEnvironment(specs.environment);
    LoadedRun run;
    Plan plan;
    try (EarlyReads reads = new EarlyReads(aws, selection, () -> true)) {
      run = loadDesiredState(specs, selection, rules.settings(spec), reads.listings::declared);
      checkRegion(run, aws);
      plan = reconcile(reads.gateway(run), run, aws, targets, false, true, reads.listings);
    }
    plan = withSecrets(aws, run, plan, false);
    reportFailures(plan, Optional.of(run));
    boolean secretErrors = reportSecretErrors(plan);
    DriftReport report = DriftFinder.report(plan, run.state().diagnostics(), failOnUnmanaged);
    String rendered = renderer().render(report);
    if (output == null) {
      out().print(rendered);
      out().flush();
    } else {
      write(output, rendered, false);
    }
    if (githubSummary) {
      appendGithubSummary(report);
    }
    if (output != null || format != Format.text) {
      err()
          .println(
              "Drift: "
                  + DriftRenderer.counts(report)
                  + "."
                  + (output == null ? "" : " Report written to " + output + "."));
    }
    return secretErrors ? ExitCode.ERROR : exitCode(report);
  }

  private DriftRenderer renderer() {
    return switch (format) {
      case text -> DriftRenderer.text(terminal.colour() && output == null);
      case json ->
          DriftRenderer.json(Version.generatedBy(), projectFileInUse().map(Path::toString));
      case markdown -> DriftRenderer.markdown();
      case junit -> DriftRenderer.junit(Path.of(""), Instant.now(), hostname(), readTimes);
      case sarif -> DriftRenderer.sarif(Version.number(), Version.INFORMATION_URI, Path.of(""));
    };
  }

  /** The machine's name for the JUnit report; {@code localhost} when it cannot be told. */
  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private void appendGithubSummary(DriftReport report) {
    String summary = context.env().getOrDefault("GITHUB_STEP_SUMMARY", "");
    if (summary.isEmpty()) {
      printMessage("GITHUB_STEP_SUMMARY is not set; no job summary written");
      return;
    }
    write(Path.of(summary), DriftRenderer.markdown().render(report), true);
  }

  private void write(Path file, String text, boolean append) {
    try {
      if (append) {
        ExportWriter.appendFile(file, text);
      } else {
        ExportWriter.writeFile(file, text);
      }
    } catch (IOException e) {
      printMessage("cannot write " + file + ": " + IoProblems.describe(e));
      throw new Stop(ExitCode.ERROR);
    }
  }

  /** Errors first (1, then 3 for values the live client makes invalid), then drift (2). */
  private static int exitCode(DriftReport report) {
    if (report.hasReadErrors()) {
      return ExitCode.ERROR;
    }
    if (report.hasPlanErrors()) {
      return ExitCode.INVALID;
    }
    return report.hasDrift() || report.unmanagedFail() ? ExitCode.CHANGES : ExitCode.OK;
  }
}
