package dev.ccr.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands the paths a user names into desired-state files: a file is taken as it is; a directory is
 * searched recursively for {@code *.yaml} and {@code *.yml}, in sorted order, following symbolic
 * links and skipping hidden directories such as {@code .git} and {@code .github} and hidden files
 * such as {@code .gitlab-ci.yml}. A file reached twice (named twice, or through two spellings of
 * one directory) is read once, under the first name. Nothing but the file type is looked at here: a
 * FIFO or a device is never opened.
 */
public final class SpecFiles {
  private SpecFiles() {}

  /**
   * The files found, and what was wrong with them.
   *
   * @param problems paths named on the command line that cannot be read as desired state (missing,
   *     a dangling or looping symbolic link, a FIFO, a directory without YAML files)
   * @param skipped why each {@code *.yaml} and {@code *.yml} entry of a searched directory that is
   *     not a file was passed over ({@code a.yaml is a FIFO (named pipe), not a file or a
   *     directory}): no client is read from it
   */
  public record Found(List<Path> files, List<String> problems, List<String> skipped) {
    public Found {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
      skipped = List.copyOf(skipped);
    }
  }

  public static Found find(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<Path> passedOver = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.isDirectory(path)) {
        List<Path> found = walk(path, passedOver);
        if (found.isEmpty()) {
          problems.add("no *.yaml or *.yml files in " + path);
        }
        files.addAll(found);
      } else {
        problems.add(unusable(path));
      }
    }
    List<String> skipped = distinct(passedOver).stream().map(SpecFiles::unusable).toList();
    return new Found(distinct(files), problems, skipped);
  }

  /** The files in their first spelling, each real file once. */
  private static List<Path> distinct(List<Path> files) {
    Set<Path> seen = new HashSet<>();
    return files.stream().filter(file -> seen.add(realPath(file))).toList();
  }

  /** The real path; for a link that cannot be followed, the real path of its directory. */
  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      Path absolute = file.toAbsolutePath().normalize();
      if (absolute.getParent() == null) {
        return absolute;
      }
      try {
        return absolute.getParent().toRealPath().resolve(absolute.getFileName());
      } catch (IOException again) {
        return absolute;
      }
    }
  }

  /** Why a path that is neither a regular file nor a directory cannot be read as desired state. */
  static String unusable(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return "no such file or directory: " + path;
    }
    if (Files.isSymbolicLink(path)) {
      try {
        path.toRealPath();
      } catch (NoSuchFileException e) {
        return path + " is a symbolic link to " + target(path) + ", which does not exist";
      } catch (FileSystemException e) {
        return path + " is a symbolic link that cannot be followed: " + reason(e);
      } catch (IOException e) {
        return path + " is a symbolic link that cannot be followed: " + e.getMessage();
      }
    }
    return path + " is " + specialKind(path) + ", not a file or a directory";
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "a path";
    }
  }

  private static String reason(FileSystemException e) {
    String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
    return reason.toLowerCase(java.util.Locale.ROOT).contains("too many levels")
        ? "the links lead in a loop"
        : reason;
  }

  /** A FIFO, a socket or a device, named from the file type bits where the platform has them. */
  private static String specialKind(Path path) {
    try {
      int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0140000 -> "a socket";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  /**
   * The YAML files under a directory, sorted; adds the YAML entries that are not files (a link that
   * cannot be followed, a FIFO) to {@code passedOver}. Follows symbolic links to files and
   * directories; a directory link that loops is passed over.
   */
  private static List<Path> walk(Path directory, List<Path> passedOver) {
    List<Path> found = new ArrayList<>();
    List<Path> notFiles = new ArrayList<>();
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
              if (isYaml(file) && !isHidden(file)) {
                (attributes.isRegularFile() ? found : notFiles).add(file);
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
    notFiles.stream().sorted().map(p -> shown(directory, p)).forEach(passedOver::add);
    return found.stream().sorted().map(p -> shown(directory, p)).toList();
  }

  /** A path found under {@code directory} as the user would write it: no {@code ./} in front. */
  private static Path shown(Path directory, Path file) {
    return directory.normalize().toString().isEmpty() ? directory.relativize(file) : file;
  }

  /** A dot file such as .gitlab-ci.yml or .pre-commit-config.yaml: never a client file. */
  private static boolean isHidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  /** {@code .yaml} or {@code .yml} in any case: {@code spa.YAML} is a client file too. */
  private static boolean isYaml(Path path) {
    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
