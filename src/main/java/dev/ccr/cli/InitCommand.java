package dev.ccr.cli;

import dev.ccr.export.ExportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccr init}: a new repository's ccr.yaml and its first client file. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    header = "Starts a repository: ccr.yaml and a first client file.",
    description = {
      "Writes DIR/ccr.yaml with the environments named by --env (default: dev and prod), each"
          + " with the variable 'pool', and DIR/clients/NAME.yaml, a first client that names"
          + " its pool as $${pool} and is created by the first apply.",
      "With --from-pool ID: DIR/clients/ holds the clients of that pool instead, exported as"
          + " 'ccr export' does, and ccr.yaml one environment with the AWS options given here.",
      "When ccr.yaml or a client file exists, writes nothing at all (exit 1) unless --force"
          + " is given."
          + " Makes no change in AWS."
    },
    footer = ExitCode.HELP_TABLE)
final class InitCommand extends BaseCommand {
  private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern CLIENT_NAME = Pattern.compile("[\\w+=,.@-]+");
  private static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

  /** The pool of a new file until the user names theirs: a valid id that no pool has. */
  static final String PLACEHOLDER_POOL = dev.ccr.spec.SpecLoader.PLACEHOLDER_POOL;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description = "The repository's directory, created if needed (default: the current one).")
  Path dir = Path.of("");

  @Option(
      names = "--env",
      paramLabel = "NAME",
      description =
          "An environment of the new ccr.yaml; repeat for several (default: dev and prod; with"
              + " --from-pool: dev).")
  List<String> environments = new ArrayList<>();

  @Option(
      names = "--user-pool-id",
      paramLabel = "ID",
      description =
          "The value of 'pool' in each environment (default: "
              + PLACEHOLDER_POOL
              + ", to replace).")
  String userPoolId;

  @Option(
      names = "--client-name",
      paramLabel = "NAME",
      defaultValue = "my-app",
      description =
          "The ClientName of the first client and the name of its file (default: ${DEFAULT-VALUE}).")
  String clientName;

  @Option(
      names = "--from-pool",
      paramLabel = "ID",
      description = "Export this user pool's clients into DIR/clients/ instead of a first client.")
  String fromPool;

  @Option(names = "--force", description = "Overwrite ccr.yaml and client files that exist.")
  boolean force;

  @Mixin AwsMixin aws = new AwsMixin();

  @Override
  int execute() {
    checkOptions();
    Path project = dir.resolve("ccr.yaml");
    Path clients = dir.resolve("clients");
    List<Path> written = new ArrayList<>();
    refuseLink(dir);
    if (fromPool == null) {
      Path client = clients.resolve(clientName + ".yaml");
      refuseLink(clients);
      refuseExisting(List.of(project, client));
      write(client, firstClient());
      written.add(client);
    } else {
      refuseExisting(List.of(project));
      export(clients);
      written.add(clients);
    }
    write(project, projectFile());
    written.add(0, project);
    err()
        .println("Wrote " + String.join(" and ", written.stream().map(this::shown).toList()) + ".");
    err().println("Next:");
    if (userPoolId == null && fromPool == null) {
      err()
          .println(
              "  replace "
                  + PLACEHOLDER_POOL
                  + " in "
                  + project
                  + " with each environment's user pool id (validate refuses it until then)");
    }
    String config = dir.toString().isEmpty() ? "" : "cd " + dir + " && ";
    err().println("  " + config + "ccr validate");
    err().println("  " + config + "ccr plan clients/ --env " + names().get(0));
    return ExitCode.OK;
  }

  private String shown(Path path) {
    return path.equals(dir.resolve("clients")) ? path + "/" : path.toString();
  }

  private List<String> names() {
    if (!environments.isEmpty()) {
      return List.copyOf(new LinkedHashSet<>(environments));
    }
    return fromPool == null ? List.of("dev", "prod") : List.of("dev");
  }

  private void checkOptions() {
    aws.check(spec);
    for (String name : environments) {
      if (!ENVIRONMENT.matcher(name).matches()) {
        throw usage(
            "--env must start with a letter or digit and hold only letters, digits, _ . and -,"
                + " not '"
                + name
                + "'");
      }
    }
    if (!CLIENT_NAME.matcher(clientName).matches() || clientName.length() > 128) {
      throw usage(
          "--client-name must be 1 to 128 letters, digits and + = , . @ - _, not '"
              + clientName
              + "'");
    }
    for (String pool : new String[] {userPoolId, fromPool}) {
      if (pool != null && !USER_POOL_ID.matcher(pool).matches()) {
        throw usage("a user pool id looks like us-east-1_Abc123, not '" + pool + "'");
      }
    }
    if (fromPool != null && userPoolId != null) {
      throw usage(
          "--from-pool writes the pool's id into each file; give no --user-pool-id with it");
    }
    if (fromPool != null && names().size() > 1) {
      throw usage(
          "--from-pool exports one pool, so it makes one environment; give one --env at most");
    }
  }

  /** Stops with 1, writing nothing, when the directory is a symbolic link, as export does. */
  private void refuseLink(Path directory) {
    ExportWriter.linkTarget(directory)
        .ifPresent(
            target -> {
              printError(
                  directory
                      + " is a symbolic link to "
                      + target
                      + "; init never writes through a symbolic link, so nothing was written."
                      + " Give the directory itself.");
              throw new Stop(ExitCode.ERROR);
            });
  }

  /**
   * Stops with 1, writing nothing, when a file is in the way and --force was not given, or when
   * anything but a regular file is (a link, a directory), which --force never replaces.
   */
  private void refuseExisting(List<Path> files) {
    List<Path> existing =
        files.stream().filter(f -> Files.exists(f, LinkOption.NOFOLLOW_LINKS)).toList();
    List<Path> special =
        existing.stream().filter(f -> !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList();
    if (force && !special.isEmpty()) {
      special.forEach(
          f ->
              printError(
                  f
                      + (Files.isSymbolicLink(f) ? " is a symbolic link" : " is not a regular file")
                      + "; ccr writes only a regular file, never through a link"));
      printMessage("nothing was written.");
      throw new Stop(ExitCode.ERROR);
    }
    if (!existing.isEmpty() && !force) {
      existing.forEach(f -> printError(f + " exists already"));
      printMessage("nothing was written; pass --force to overwrite, or init another directory.");
      throw new Stop(ExitCode.ERROR);
    }
  }

  private void write(Path file, String text) {
    try {
      ExportWriter.writeFile(file, text);
    } catch (IOException e) {
      printError("cannot write " + file + ": " + IoProblems.describe(e));
      throw new Stop(ExitCode.ERROR);
    }
  }

  /** Exports the pool's clients as {@code ccr export --output-dir DIR/clients} would. */
  private void export(Path clients) {
    ExportCommand export = new ExportCommand();
    export.init(terminal, context);
    export.spec = spec;
    export.aws = aws;
    export.userPoolId = fromPool;
    export.outputDir = clients;
    export.force = force;
    int code = export.call();
    if (code != ExitCode.OK) {
      printMessage("ccr.yaml was not written.");
      throw new Stop(code);
    }
  }

  private String projectFile() {
    StringBuilder text = new StringBuilder();
    text.append(
            "# The project file of ccr: the environments this repository deploys to, each with\n")
        .append("# its AWS options and the values of the ${name} variables of the client files.\n")
        .append("# Select one per run with --env NAME:  ccr plan clients/ --env ")
        .append(names().get(0))
        .append("\n# (see docs/environments.md of ccr).\n")
        .append("environments:\n");
    for (String name : names()) {
      text.append("  ").append(name).append(":\n");
      awsOptions(text);
      if (fromPool == null) {
        text.append("    vars:\n      pool: ")
            .append(userPoolId == null ? PLACEHOLDER_POOL : userPoolId)
            .append(
                userPoolId == null ? " # replace with the id of this environment's user pool" : "")
            .append('\n');
      }
    }
    return text.toString();
  }

  /** The AWS options of the command line, which reached the pool, for the environment. */
  private void awsOptions(StringBuilder text) {
    option(text, "region", aws.region);
    option(text, "profile", aws.profile);
    option(text, "endpoint-url", aws.endpoint == null ? null : aws.endpoint.toString());
    option(text, "role-arn", aws.roleArn);
  }

  private static void option(StringBuilder text, String key, String value) {
    if (value != null) {
      text.append("    ").append(key).append(": ").append(value).append('\n');
    }
  }

  private String firstClient() {
    return "# A first app client. Each key is an attribute of Cognito's UpdateUserPoolClient;\n"
        + "# a key left out is left as it is in Cognito. Without ClientId, ccr finds the client\n"
        + "# by ClientName in the pool, and the first 'ccr apply' creates it.\n"
        + "UserPoolId: ${pool}\n"
        + "ClientName: "
        + clientName
        + "\n"
        + "RefreshTokenValidity: 30\n"
        + "AccessTokenValidity: 60\n"
        + "IdTokenValidity: 60\n"
        + "TokenValidityUnits:\n"
        + "  AccessToken: minutes\n"
        + "  IdToken: minutes\n"
        + "  RefreshToken: days\n"
        + "ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH] # rotation replaces ALLOW_REFRESH_TOKEN_AUTH\n"
        + "PreventUserExistenceErrors: ENABLED\n"
        + "EnableTokenRevocation: true\n"
        + "RefreshTokenRotation: {Feature: ENABLED, RetryGracePeriodSeconds: 10}\n";
  }
}
