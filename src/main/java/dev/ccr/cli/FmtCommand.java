package dev.ccr.cli;

import dev.ccr.export.ExportWriter;
import dev.ccr.spec.ClientFileFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ccr fmt}: client files in one layout, comments kept. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    header = "Rewrites client files in canonical layout.",
    description = {
      "Puts the keys of each document in the schema's order (UserPoolId, ClientId, ClientName,"
          + " then Cognito's UpdateUserPoolClient order, ccr: last; TokenValidityUnits as"
          + " AccessToken, IdToken, RefreshToken), removes trailing blanks and carriage returns,"
          + " and ends each file with one newline. Prints the name of each file it changed.",
      "Lines move whole: every comment stays with the key below it. Quotes that change nothing"
          + " go (\"web\" becomes web); quotes that keep a value a string stay (\"0123\","
          + " \"true\", \"yes\", \"${name}\"). Flow or block style is kept. The result composes"
          + " to the same YAML as before, or the document keeps its order.",
      "PATH is searched as validate searches it (ccr.yaml's exclude applies)."
    },
    footer = {
      "",
      "Exit codes: 0 formatted (or, with --check, nothing to change), 2 with --check: files would"
          + " change, 3 a file is not YAML (left as it is), 1 a file could not be written (or is reached through a symbolic link), 64"
          + " usage error."
    })
final class FmtCommand extends BaseCommand {
  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description = "Client files or directories (default: the current directory).")
  List<Path> paths = List.of();

  @Option(
      names = "--check",
      description = "Change nothing; list the files that would change and exit 2 if there are any.")
  boolean check;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The project file whose exclude applies (default: ccr.yaml in the current directory or"
              + " the nearest parent).")
  Path config;

  @Override
  int execute() {
    EnvironmentMixin environment = new EnvironmentMixin();
    environment.config = config;
    SpecMixin specs = new SpecMixin();
    specs.paths = paths;
    List<Path> files = files(specs, selectEnvironment(environment).project()).files();
    int changed = 0;
    int invalid = 0;
    int refused = 0;
    for (Path file : files) {
      String text;
      try {
        long size = Files.size(file);
        if (size > ClientFileFormat.MAX_BYTES) {
          printError(
              file
                  + ": not formatted, it is "
                  + size
                  + " bytes, over the limit of "
                  + ClientFileFormat.MAX_BYTES
                  + " bytes (1 MiB) that validate reads");
          invalid++;
          continue;
        }
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (java.nio.charset.CharacterCodingException e) {
        printError(file + ": not formatted, it is not UTF-8 text");
        invalid++;
        continue;
      } catch (IOException e) {
        printError("cannot read " + file + ": " + IoProblems.describe(e));
        throw new Stop(ExitCode.ERROR);
      }
      String formatted;
      try {
        formatted = ClientFileFormat.format(text);
      } catch (IllegalArgumentException e) {
        printError(
            file
                + ": not formatted, it is not valid YAML: "
                + e.getMessage()
                + " ('ccr validate' shows where)");
        invalid++;
        continue;
      }
      if (formatted.equals(text)) {
        continue;
      }
      changed++;
      Optional<Path> link = check ? Optional.empty() : linkBelowPath(file);
      if (link.isPresent()) {
        printError(
            file
                + ": not formatted, it is reached through the symbolic link "
                + link.get()
                + "; fmt never writes through a link found in a directory scan");
        refused++;
        continue;
      }
      if (!check) {
        write(file, formatted);
      }
      out().println(file);
    }
    out().flush();
    if (refused > 0) {
      return ExitCode.ERROR;
    }
    if (invalid > 0) {
      return ExitCode.INVALID;
    }
    return check && changed > 0 ? ExitCode.CHANGES : ExitCode.OK;
  }

  /**
   * The first symbolic link between the PATH the file was found under and the file, the file
   * included: a link planted in a repository would otherwise make fmt rewrite YAML files elsewhere.
   * Links in PATH itself are the user's own choice.
   */
  private Optional<Path> linkBelowPath(Path file) {
    Path root =
        paths.stream()
            .filter(p -> !p.toString().isEmpty() && file.startsWith(p))
            .findFirst()
            .orElse(null);
    Path at = root;
    for (Path name : root == null ? file : root.relativize(file)) {
      at = at == null ? name : at.resolve(name);
      if (Files.isSymbolicLink(at)) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }

  private void write(Path file, String text) {
    try {
      ExportWriter.writeFile(file, text);
    } catch (IOException e) {
      printError("cannot write " + file + ": " + IoProblems.describe(e));
      throw new Stop(ExitCode.ERROR);
    }
  }
}
