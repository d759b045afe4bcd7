package dev.ccr.cli;

import dev.ccr.spec.ProjectFile;
import dev.ccr.spec.SpecFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The values a completion script offers as the user types, from the working directory: the
 * environments of ccr.yaml for {@code --env}; the client names, client ids and files of the client
 * files for {@code --target}. Best effort and silent: what cannot be read offers nothing.
 */
final class CompletionValues {
  private CompletionValues() {}

  static List<String> of(CompletionCommand.Listing what) {
    try {
      Optional<ProjectFile> project =
          ProjectFile.find(Path.of("")).flatMap(file -> ProjectFile.load(file).project());
      return switch (what) {
        case env -> project.map(ProjectFile::environmentNames).orElse(List.of());
        case target -> targets(project);
      };
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static List<String> targets(Optional<ProjectFile> project) {
    List<Path> paths = List.of(Path.of("."));
    SpecFiles.Found found = SpecFiles.find(paths);
    Set<String> values = new LinkedHashSet<>();
    List<String> files = new ArrayList<>();
    for (Path file : ProjectFile.scope(paths, found.files(), project).files()) {
      files.add(
          Path.of(".")
              .toAbsolutePath()
              .normalize()
              .relativize(file.toAbsolutePath().normalize())
              .toString());
      try {
        for (Object document :
            new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
          if (document instanceof Map<?, ?> client) {
            for (String key : List.of("ClientName", "ClientId")) {
              if (client.get(key) instanceof String value
                  && !value.isBlank()
                  && !value.contains("${")) {
                values.add(value);
              }
            }
          }
        }
      } catch (java.io.IOException | RuntimeException e) {
        // a file that cannot be read offers only its name
      }
    }
    values.addAll(files);
    return List.copyOf(values);
  }
}
