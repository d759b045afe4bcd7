package dev.ccr.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths a user names into desired-state files: a file is taken as it is; a directory
 * is searched recursively for {@code *.yaml} and {@code *.yml}, in sorted order, skipping hidden
 * directories such as {@code .git} and {@code .github}.
 */
public final class SpecFiles {
  private SpecFiles() {}

  /**
   * The files found, and what was wrong with the paths (a path that does not exist, a directory
   * without YAML files).
   */
  public record Found(List<Path> files, List<String> problems) {
    public Found {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  public static Found find(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        List<Path> found = walk(path);
        if (found.isEmpty()) {
          problems.add("no *.yaml or *.yml files in " + path);
        }
        files.addAll(found);
      } else {
        problems.add("no such file or directory: " + path);
      }
    }
    return new Found(files.stream().distinct().toList(), problems);
  }

  private static List<Path> walk(Path directory) {
    try (Stream<Path> stream = Files.walk(directory)) {
      return stream
          .filter(Files::isRegularFile)
          .filter(p -> isYaml(p) && !hidden(directory, p))
          .sorted()
          .map(p -> directory.normalize().toString().isEmpty() ? directory.relativize(p) : p)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isYaml(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static boolean hidden(Path root, Path file) {
    for (Path part : root.relativize(file.getParent() == null ? file : file.getParent())) {
      if (part.toString().startsWith(".") && !part.toString().equals(".")) {
        return true;
      }
    }
    return false;
  }
}
