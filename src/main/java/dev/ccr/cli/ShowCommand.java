package dev.ccr.cli;

import dev.ccr.plan.PlanFile;
import dev.ccr.report.PlanRenderer;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccr show}: a saved plan, as plan printed it, without reading AWS. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    header = "Shows a plan saved by 'ccr plan --out FILE'.",
    description =
        "Reads a saved plan, with the checks apply makes before it writes (format version,"
            + " digest, schema, what a plan run could have made), and prints it as plan did: the"
            + " clients to create, update and delete and the attributes that change. Makes no AWS"
            + " call; the live clients may have moved since ('ccr apply --plan FILE' checks that).",
    footer = ExitCode.HELP_TABLE)
final class ShowCommand extends BaseCommand {
  /** The output formats of show. */
  enum Format {
    text,
    json,
    markdown
  }

  @Parameters(paramLabel = "PLANFILE", description = "The plan file 'ccr plan --out' wrote.")
  Path planFile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json prints the"
              + " plan file as it is, once checked (schemas/plan.schema.json).")
  Format format;

  @Override
  int execute() {
    SavedPlanFile.Read read =
        SavedPlanFile.readText(this, planFile, "not a plan ccr can show or apply.");
    out()
        .print(
            format == Format.json
                ? read.text()
                : renderer(read.saved()).render(read.saved().plan()));
    out().flush();
    return ExitCode.OK;
  }

  private PlanRenderer renderer(PlanFile.Saved saved) {
    return switch (format) {
      case text -> PlanRenderer.text(terminal.colour());
      case json -> throw new IllegalStateException("json is the file as it is");
      case markdown -> PlanRenderer.markdown(planFile);
    };
  }
}
