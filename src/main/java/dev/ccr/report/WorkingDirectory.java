package dev.ccr.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where ccr runs, normally the repository's root: reports name files relative to it, as code
 * scanning and test reporters expect.
 */
record WorkingDirectory(Path path) {
  WorkingDirectory {
    path = path.toAbsolutePath().normalize();
  }

  /** The path segments of the file relative to the directory, or empty when it is outside. */
  List<String> segments(String file) {
    Path absolute = path.resolve(Path.of(file)).normalize();
    if (!absolute.startsWith(path)) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    path.relativize(absolute).forEach(p -> parts.add(p.toString()));
    return parts;
  }

  /** The file relative to the directory with forward slashes, or absolute when outside it. */
  String relative(String file) {
    List<String> segments = segments(file);
    return segments.isEmpty() ? absolute(file).toString() : String.join("/", segments);
  }

  Path absolute(String file) {
    return path.resolve(Path.of(file)).normalize();
  }
}
