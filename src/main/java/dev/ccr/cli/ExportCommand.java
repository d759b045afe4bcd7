package dev.ccr.cli;

import dev.ccr.export.ClientYaml;
import dev.ccr.export.ExportWriter;
import dev.ccr.export.ExportedClient;
import dev.ccr.export.Exporter;
import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.live.LiveClient;
import dev.ccr.plan.Plan;
import dev.ccr.report.ControlCharacters;
import dev.ccr.report.Noun;
import dev.ccr.spec.AwsSettings;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ccr export}: writes desired-state files for clients that exist already. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    header = "Writes desired-state files for existing clients.",
    description = {
      "Reads a user pool's app clients (all of them, or the ones named) and writes one desired-state file per client into --output-dir, or one YAML stream to stdout.",
      "The files validate and plan with no changes. Never writes the client secret.",
      "Existing files are left alone unless --force is given. Makes no change in AWS."
    },
    footer = ExitCode.HELP_TABLE)
final class ExportCommand extends BaseCommand {
  private static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

  @Mixin AwsMixin aws = new AwsMixin();

  /** {@code --env} and {@code --config}, described for export, which fills in no variable. */
  final EnvironmentMixin environmentOptions = new EnvironmentMixin();

  @Option(
      names = "--env",
      paramLabel = "NAME",
      description =
          "Use the AWS options of this environment of ccr.yaml unless given here. The files hold"
              + " the live values; nothing is read from the environment's vars.")
  void environment(String name) {
    environmentOptions.name = name;
  }

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The project file (default: ccr.yaml in the current directory or the nearest parent).")
  void config(Path config) {
    environmentOptions.config = config;
  }

  @Option(
      names = "--user-pool-id",
      required = true,
      paramLabel = "ID",
      description = "The user pool to export (us-east-1_Abc).")
  String userPoolId;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description =
          "Export only this client; repeat for several (default: every client of the pool).")
  List<String> clientIds = new ArrayList<>();

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description =
          "Write one <client-name>.yaml per client here, creating DIR if needed (default: one stream to stdout).")
  Path outputDir;

  @Option(
      names = "--omit-defaults",
      description = "Leave out attributes equal to Cognito's defaults; they stay unmanaged.")
  boolean omitDefaults;

  @Option(
      names = "--by-name",
      description =
          "Leave ClientId out of the files: each names its client by ClientName, so the files can"
              + " be applied to another pool (where they create or adopt the clients of those"
              + " names).")
  boolean byName;

  @Option(
      names = "--include-dcr",
      description =
          "Export the clients registered at run time through dynamic client registration"
              + " (ClientType DCR, or a type ccr does not know) too; without it an export of the"
              + " whole pool leaves them out and says how many (--client-id exports any client).")
  boolean includeDcr;

  @Option(names = "--force", description = "Overwrite files that exist in --output-dir.")
  boolean force;

  @Override
  int execute() {
    aws.check(spec);
    checkOptions();
    LoadedRun.Selection selection =
        environmentOptions.name != null
            ? selectEnvironment(environmentOptions)
            : LoadedRun.Selection.NONE;
    List<ExportedClient> exported =
        new Exporter(omitDefaults, byName).export(read(selection.aws()));
    if (outputDir == null) {
      out().print(ClientYaml.stream(exported.stream().map(ExportedClient::yaml).toList()));
      out().flush();
    } else {
      write(exported);
    }
    reportFindings(exported);
    String where = outputDir == null ? "" : " to " + outputDir + "/";
    err()
        .println(
            "Exported "
                + Noun.count(exported.size(), "client")
                + " of "
                + userPoolId
                + where
                + ".");
    return ExitCode.OK;
  }

  private void checkOptions() {
    if (!USER_POOL_ID.matcher(userPoolId).matches()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--user-pool-id must look like us-east-1_Abc123, not '" + userPoolId + "'");
    }
    if (force && outputDir == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--force only applies with --output-dir");
    }
  }

  /** The clients to export: the ones named, or the whole pool sorted by name; stops on failure. */
  private List<LiveClient> read(AwsSettings base) {
    try (CognitoGateway gateway = gateway(aws, base)) {
      List<String> ids =
          clientIds.isEmpty() ? listed(gateway) : List.copyOf(new LinkedHashSet<>(clientIds));
      List<ClientRef> refs = ids.stream().map(id -> ClientRef.byId(userPoolId, id)).toList();
      List<ClientReader.Result<LiveClient>> results =
          new ClientReader(gateway, aws.concurrency, progress(aws, "reading clients"))
              .readAll(refs);
      List<LiveClient> clients = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < refs.size(); i++) {
        if (results.get(i) instanceof ClientReader.Found<LiveClient> found) {
          clients.add(found.value());
        } else if (results.get(i) instanceof ClientReader.Failed<LiveClient> failed) {
          failures.add(
              "cannot read client "
                  + refs.get(i).title()
                  + ": "
                  + failed.error().messageWithCode()
                  + (failed.error().reason() == GatewayException.Reason.NOT_FOUND
                      ? "; check --client-id"
                      : ""));
        }
      }
      if (!failures.isEmpty()) {
        failures.forEach(this::printError);
        printMessage(
            "nothing exported: " + Noun.count(failures.size(), "client") + " could not be read.");
        throw new Stop(ExitCode.ERROR);
      }
      return clientIds.isEmpty() && !includeDcr ? regular(clients) : clients;
    }
  }

  /**
   * The regular clients of a pool's export; says which others (registered at run time, or of a type
   * ccr does not know) it leaves out.
   */
  private List<LiveClient> regular(List<LiveClient> clients) {
    List<LiveClient> others = clients.stream().filter(c -> !c.regular()).toList();
    if (!others.isEmpty()) {
      printMessage(
          "left out "
              + Noun.count(others.size(), "client")
              + " registered at run time (not REGULAR): "
              + others.stream()
                  .map(c -> c.clientId() + " (ClientType " + c.clientType() + ")")
                  .collect(java.util.stream.Collectors.joining(", "))
              + "; --include-dcr exports them too");
    }
    return clients.stream().filter(LiveClient::regular).toList();
  }

  private List<String> listed(CognitoGateway gateway) {
    try {
      return gateway.list(userPoolId).stream()
          .sorted(
              Comparator.comparing(ClientSummary::clientName, String.CASE_INSENSITIVE_ORDER)
                  .thenComparing(ClientSummary::clientName)
                  .thenComparing(ClientSummary::clientId))
          .map(ClientSummary::clientId)
          .toList();
    } catch (GatewayException e) {
      printError(Plan.PoolProblem.listingFailed(userPoolId, e));
      throw new Stop(ExitCode.ERROR);
    }
  }

  /**
   * Writes the files, or stops with 1 before writing any: the output directory is a symbolic link,
   * or a target is in the way (any that exists without --force; with it, a link, a directory or a
   * special file, which --force never replaces).
   */
  private void write(List<ExportedClient> exported) {
    ExportWriter.linkTarget(outputDir)
        .ifPresent(
            target -> {
              printError(
                  outputDir
                      + " is a symbolic link to "
                      + target
                      + "; export never writes through a symbolic link, so nothing was written."
                      + " Give the directory itself as --output-dir.");
              throw new Stop(ExitCode.ERROR);
            });
    List<ExportWriter.Obstacle> obstacles = ExportWriter.obstacles(outputDir, exported, force);
    if (!obstacles.isEmpty()) {
      refuse(obstacles);
    }
    try {
      ExportWriter.write(outputDir, exported, force);
    } catch (IOException e) {
      printError("cannot write to " + outputDir + ": " + IoProblems.describe(e));
      throw new Stop(ExitCode.ERROR);
    }
  }

  private void refuse(List<ExportWriter.Obstacle> obstacles) {
    String count = Noun.count(obstacles.size(), "file");
    String verb = obstacles.size() == 1 ? " exists" : " exist";
    printMessage(
        "error: "
            + count
            + (force ? " cannot be replaced" : verb + " already")
            + "; nothing was written:");
    obstacles.forEach(o -> err().println("  " + ControlCharacters.escape(o.toString())));
    err()
        .println(
            force
                ? "--force replaces files only, never a symbolic link, a directory or a special"
                    + " file: remove them, or export into another directory."
                : "Export into an empty directory, or pass --force to overwrite them.");
    throw new Stop(ExitCode.ERROR);
  }

  /** A warning per rule an exported client breaks, naming the client: validate will report it. */
  private void reportFindings(List<ExportedClient> exported) {
    for (ExportedClient client : exported) {
      for (Diagnostic finding : client.findings()) {
        String file =
            outputDir == null
                ? ""
                : outputDir.resolve(client.fileName())
                    + ":"
                    + finding.position().line()
                    + ":"
                    + finding.position().column()
                    + ": ";
        String what =
            finding.isError()
                ? "breaks a rule of ccr and was exported anyway"
                : "draws a warning from ccr's checks";
        printMessage(
            "warning: "
                + file
                + "client "
                + client.displayName()
                + " ("
                + client.client().clientId()
                + ") "
                + what
                + ": "
                + finding.message());
      }
    }
  }
}
