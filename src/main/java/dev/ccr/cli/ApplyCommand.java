package dev.ccr.cli;

import dev.ccr.apply.Applier;
import dev.ccr.apply.ApplyResult;
import dev.ccr.live.CognitoGateway;
import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.FleetPlanner;
import dev.ccr.plan.Plan;
import dev.ccr.plan.PlanFile;
import dev.ccr.plan.PlanFileException;
import dev.ccr.report.PlanRenderer;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ccr apply}: writes a saved plan, or plans the files and writes that after confirmation.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    header = "Writes the planned changes to Cognito.",
    description = {
      "With --plan FILE: applies a plan saved by 'ccr plan --out FILE', without asking.",
      "With PATH...: plans the files, shows the plan and asks for confirmation on a terminal; without a terminal it needs --auto-approve.",
      "Every client is read again first; if any changed since the plan, nothing is written (exit 4).",
      "Each update sends the client's complete configuration with the changes laid over it, so Cognito resets nothing; each updated client is read back and checked."
    },
    footer = ExitCode.HELP_TABLE)
final class ApplyCommand extends BaseCommand {
  static final String PROMPT = "Apply these changes? Only 'yes' is accepted: ";

  @Mixin SpecMixin specs = new SpecMixin();
  @Mixin AwsMixin aws = new AwsMixin();

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description = "Apply this saved plan (JSON from 'ccr plan --out FILE').")
  Path planFile;

  @Option(names = "--auto-approve", description = "Apply PATH... without asking for confirmation.")
  boolean autoApprove;

  @Override
  int execute() {
    if (planFile != null && !specs.paths.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Give either --plan FILE or PATH..., not both.");
    }
    return planFile != null ? applySaved() : applyFiles();
  }

  private int applySaved() {
    if (!java.nio.file.Files.isRegularFile(planFile)) {
      printMessage("no such plan file: " + planFile);
      return ExitCode.USAGE;
    }
    Plan plan;
    try {
      plan = PlanFile.read(planFile);
    } catch (PlanFileException e) {
      printMessage("error: " + e.getMessage());
      printMessage("nothing was applied.");
      return ExitCode.ERROR;
    }
    try (CognitoGateway gateway = gateway(aws)) {
      if (!plan.hasChanges()) {
        out().println("No changes. The plan has nothing to apply.");
      }
      return report(new Applier(gateway, aws.concurrency, context.backoff()).apply(plan));
    }
  }

  private int applyFiles() {
    DesiredState state = loadDesiredState(specs.pathsOrCurrentDirectory());
    try (CognitoGateway gateway = gateway(aws)) {
      FleetPlanner.Result result =
          new FleetPlanner(gateway, aws.concurrency, progress(aws, "reading clients"))
              .plan(state.clients());
      printLateDiagnostics(result.plan().diagnostics());
      if (worthShowing(result)) {
        out().print(PlanRenderer.text(terminal.colour()).render(result.plan()));
        out().flush();
      }
      reportReadFailures(result.failures());
      if (result.hasFailures() || result.plan().hasErrors()) {
        printMessage("nothing was applied: fix the errors above and run apply again.");
        return result.hasFailures() ? ExitCode.ERROR : ExitCode.INVALID;
      }
      if (!result.plan().hasChanges()) {
        return ExitCode.OK;
      }
      if (!approved()) {
        out().println("Apply cancelled.");
        return ExitCode.ERROR;
      }
      return report(
          new Applier(gateway, aws.concurrency, context.backoff())
              .apply(result.plan(), state.clients()));
    }
  }

  /** Whether the user confirmed; without a terminal only --auto-approve confirms. */
  private boolean approved() {
    if (autoApprove) {
      return true;
    }
    if (!terminal.interactive()) {
      printMessage(
          "apply needs confirmation and there is no terminal to ask on; nothing was applied."
              + " Pass --auto-approve, or save a plan with 'ccr plan --out FILE' and run 'ccr apply --plan FILE'.");
      throw new Stop(ExitCode.USAGE);
    }
    out().println();
    out().print(PROMPT);
    out().flush();
    try {
      String answer =
          new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8))
              .readLine();
      out().println();
      return answer != null && answer.strip().equals("yes");
    } catch (IOException e) {
      printMessage("cannot read the answer: " + e.getMessage());
      return false;
    }
  }

  private int report(Applier.Outcome outcome) {
    if (outcome instanceof Applier.Stale stale) {
      stale.moved().forEach(m -> err().println(m.message()));
      printMessage(
          "the plan is stale: "
              + Summaries.count(stale.clientCount(), "client")
              + " changed since it was made; nothing was written. Run plan again.");
      return ExitCode.STALE;
    }
    Applier.Applied applied = (Applier.Applied) outcome;
    List<Diagnostic> problems = new ArrayList<>();
    for (ApplyResult result : applied.results()) {
      if (result instanceof ApplyResult.Updated updated) {
        out().println(updated.plan().title() + ": updated " + paths(updated.plan().changes()));
      } else if (result instanceof ApplyResult.Failed failed) {
        problems.add(failed.diagnostic());
      } else if (result instanceof ApplyResult.NotConverged notConverged) {
        problems.add(notConverged.diagnostic());
      }
    }
    out().flush();
    printLateDiagnostics(problems);
    out().println(summary(applied));
    return applied.hasProblems() ? ExitCode.ERROR : ExitCode.OK;
  }

  private static String paths(List<AttributeChange> changes) {
    return changes.stream().map(AttributeChange::path).collect(Collectors.joining(", "));
  }

  /** {@code Apply: 3 updated, 1 failed, 5 unchanged.} (and {@code , 1 not converged}). */
  static String summary(Applier.Applied applied) {
    long notConverged = applied.count(ApplyResult.NotConverged.class);
    return "Apply: "
        + applied.count(ApplyResult.Updated.class)
        + " updated, "
        + applied.count(ApplyResult.Failed.class)
        + " failed, "
        + applied.count(ApplyResult.Unchanged.class)
        + " unchanged"
        + (notConverged > 0 ? ", " + notConverged + " not converged" : "")
        + ".";
  }
}
