package dev.ccr.cli;

import dev.ccr.export.ExportWriter;
import dev.ccr.plan.Plan;
import dev.ccr.plan.PlanFile;
import dev.ccr.report.PlanRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ccr plan}: shows how the live clients differ from their files, and saves a plan. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    header = "Shows what apply would create, update and delete.",
    description =
        "Reads every declared client (finding those without ClientId by their ClientName), shows"
            + " which clients apply would create, update or delete and which attributes drifted,"
            + " and with --out saves a plan for 'ccr apply --plan'. Each client to write is"
            + " checked on what apply would send (the live client with the file laid over it)"
            + " and against its user pool; a client that fails is not planned (exit 3). For a"
            + " client whose document declares ccr: {secret:}, also shows its secret actions"
            + " (rotate, deliver, retire) with the secrets' ids and ages, never a value. Makes no"
            + " change in AWS.",
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
  @Mixin TargetMixin targets = new TargetMixin();
  @Mixin RuleMixin rules = new RuleMixin();

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

  @Option(
      names = "--prune",
      description =
          "Also delete the clients of the declared user pools that no file declares (a client"
              + " that a document of another environment declares is kept). Refused, deleting"
              + " nothing (exit 1), when a desired-state file was found and could not be read."
              + " Without it they are only counted.")
  boolean prune;

  @Option(names = "--allow-nested-projects", description = ALLOW_NESTED_PROJECTS)
  boolean allowNestedProjects;

  @Override
  int execute() {
    aws.check(spec);
    context.gateways().prepare(); // the SDK gets ready beside the reading of the files
    LoadedRun.Selection selection = selectEnvironment(specs.environment);
    LoadedRun run;
    Plan plan;
    try (EarlyReads reads =
        new EarlyReads(aws, selection, () -> !pruneRefused(prune, allowNestedProjects))) {
      run = loadDesiredState(specs, selection, rules.settings(spec), reads.listings::declared);
      checkNestedProjects(prune, allowNestedProjects);
      checkRegion(run, aws);
      plan = reconcile(reads.gateway(run), run, aws, targets, prune, false, reads.listings);
    }
    plan = withSecrets(aws, run, plan, false);
    out().print(renderer(run, willSave(plan)).render(plan));
    out().flush();
    reportFailures(plan, Optional.of(run));
    boolean secretErrors = reportSecretErrors(plan);
    if (out != null) {
      savePlan(run, plan);
    }
    if (plan.hasFailures() || secretErrors) {
      return ExitCode.ERROR;
    }
    if (plan.hasErrors()) {
      return ExitCode.INVALID;
    }
    return detailedExitcode && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
  }

  private PlanRenderer renderer(LoadedRun run, boolean saving) {
    return switch (format) {
      case text -> PlanRenderer.text(terminal.colour());
      case json -> PlanRenderer.json(Version.generatedBy(), made(run, aws));
      case markdown -> saving ? PlanRenderer.markdown(out) : PlanRenderer.markdown();
    };
  }

  /** Whether the plan will be saved: --out was given and nothing keeps it from being applied. */
  private boolean willSave(Plan plan) {
    return out != null && !plan.hasFailures() && !plan.hasErrors() && plan.secretErrors().isEmpty();
  }

  private void savePlan(LoadedRun run, Plan plan) {
    if (!willSave(plan)) {
      printMessage("plan not saved to " + out + ": fix the errors above and run plan again");
      return;
    }
    try {
      ExportWriter.writeFile(out, PlanFile.toJson(plan, Version.generatedBy(), made(run, aws)));
      err().println("Saved the plan to " + out + "; apply it with: ccr apply --plan " + out);
    } catch (IOException e) {
      printMessage("cannot write the plan to " + out + ": " + IoProblems.describe(e));
      throw new Stop(ExitCode.ERROR);
    }
  }
}
