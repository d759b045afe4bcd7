package dev.ccr.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Expands the paths a user names into desired-state files: a file is taken as it is; a directory is
 * searched recursively for {@code *.yaml} and {@code *.yml}, in sorted order, skipping hidden
 * directories such as {@code .git} and {@code .github} and hidden files such as {@code
 * .gitlab-ci.yml}.
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

  /** Follows symbolic links to files and directories; a link that loops is passed over. */
  private static List<Path> walk(Path directory) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          directory,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              return !dir.equals(directory) && dir.getFileName().toString().startsWith(".")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile() && isYaml(file) && !isHidden(file)) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof FileSystemLoopException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
    }
    return found.stream()
        .sorted()
        .map(p -> directory.normalize().toString().isEmpty() ? directory.relativize(p) : p)
        .toList();
  }

  /** A dot file such as .gitlab-ci.yml or .pre-commit-config.yaml: never a client file. */
  private static boolean isHidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private static boolean isYaml(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
