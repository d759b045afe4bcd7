package dev.ccr.cli;

import dev.ccr.live.CognitoGateway;
import dev.ccr.plan.FleetPlanner;
import dev.ccr.plan.Plan;
import dev.ccr.plan.PlanFile;
import dev.ccr.report.PlanRenderer;
import dev.ccr.spec.DesiredState;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ccr plan}: shows how the live clients differ from their files, and saves a plan. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    header = "Shows how the live clients differ from their files.",
    description =
        "Reads every declared client, shows which attributes drifted from the files, and with --out saves a plan for 'ccr apply --plan'. Makes no change in AWS.",
    footer = ExitCode.HELP_TABLE)
final class PlanCommand extends BaseCommand {
  /** The output formats of plan. */
  enum Format {
    text,
    json,
    markdown
  }

  @Mixin SpecMixin specs = new SpecMixin();
  @Mixin AwsMixin aws = new AwsMixin();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Save the plan as JSON for 'ccr apply --plan FILE'.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 2 when there are changes, 0 when there are none.")
  boolean detailedExitcode;

  @Override
  int execute() {
    DesiredState state = loadDesiredState(specs.pathsOrCurrentDirectory());
    FleetPlanner.Result result = plan(state);
    printLateDiagnostics(result.plan().diagnostics());
    if (worthShowing(result) && (format != Format.json || !result.plan().hasErrors())) {
      out().print(renderer().render(result.plan()));
      out().flush();
    }
    reportReadFailures(result.failures());
    if (out != null) {
      savePlan(result);
    }
    if (result.hasFailures()) {
      return ExitCode.ERROR;
    }
    if (result.plan().hasErrors()) {
      return ExitCode.INVALID;
    }
    return detailedExitcode && result.plan().hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
  }

  private FleetPlanner.Result plan(DesiredState state) {
    try (CognitoGateway gateway = gateway(aws)) {
      return new FleetPlanner(gateway, aws.concurrency, progress(aws, "reading clients"))
          .plan(state.clients());
    }
  }

  private PlanRenderer renderer() {
    return switch (format) {
      case text -> PlanRenderer.text(terminal.colour());
      case json -> PlanRenderer.json(Version.generatedBy());
      case markdown -> PlanRenderer.markdown();
    };
  }

  private void savePlan(FleetPlanner.Result result) {
    Plan plan = result.plan();
    if (result.hasFailures() || plan.hasErrors()) {
      printMessage("plan not saved to " + out + ": fix the errors above and run plan again");
      return;
    }
    try {
      PlanFile.write(out, plan, Version.generatedBy());
      err().println("Saved the plan to " + out + "; apply it with: ccr apply --plan " + out);
    } catch (IOException e) {
      printMessage("cannot write the plan to " + out + ": " + IoProblems.describe(e));
      throw new Stop(ExitCode.ERROR);
    }
  }
}
