package dev.ccr.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes exported clients into a directory, one file each, never through a symbolic link. Every
 * target is checked first, and if any is in the way nothing is written: without {@code force} any
 * entry that exists is in the way; with it, anything but a regular file (a symbolic link, a
 * directory, a FIFO). A file is never opened in place: without {@code force} it is created only if
 * nothing has its name; with it, the document is written to a new hidden file in the directory and
 * renamed over the old one, which replaces a link planted meanwhile instead of following it.
 */
public final class ExportWriter {
  private ExportWriter() {}

  /** A target that cannot be written, and what it is ({@code a symbolic link to /etc/passwd}). */
  public record Obstacle(Path path, String what) {
    public Obstacle {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(what, "what");
    }

    /** The path, and what is there unless it is a plain file. */
    @Override
    public String toString() {
      return what.equals(REGULAR_FILE) ? path.toString() : path + " (" + what + ")";
    }
  }

  /**
   * Where the output directory leads when it is itself a symbolic link: export never writes into
   * one, as a link planted in a repository could send the files anywhere. Directories above it are
   * followed as usual.
   */
  public static Optional<String> linkTarget(Path directory) {
    return Files.isSymbolicLink(directory) ? Optional.of(target(directory)) : Optional.empty();
  }

  /** The targets in the way, in client order; see the class comment. */
  public static List<Obstacle> obstacles(
      Path directory, List<ExportedClient> clients, boolean force) {
    List<Obstacle> obstacles = new ArrayList<>();
    for (ExportedClient client : clients) {
      Path path = directory.resolve(client.fileName());
      kind(path)
          .filter(what -> !force || !what.equals(REGULAR_FILE))
          .ifPresent(what -> obstacles.add(new Obstacle(path, what)));
    }
    return obstacles;
  }

  private static final String REGULAR_FILE = "a file";

  /** What is at the path, without following a link; empty when nothing is. */
  private static Optional<String> kind(Path path) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (attributes.isSymbolicLink()) {
      return Optional.of("a symbolic link to " + target(path));
    }
    if (attributes.isDirectory()) {
      return Optional.of("a directory");
    }
    return Optional.of(attributes.isRegularFile() ? REGULAR_FILE : "a special file");
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "somewhere else";
    }
  }

  /**
   * Writes every client into {@code directory}, creating it when missing, and returns the files.
   *
   * @throws IOException when a file cannot be written, or a target appeared after {@link
   *     #obstacles} was checked that is in the way (that file is left as it was)
   */
  public static List<Path> write(Path directory, List<ExportedClient> clients, boolean force)
      throws IOException {
    Files.createDirectories(directory);
    List<Path> written = new ArrayList<>();
    for (ExportedClient client : clients) {
      Path file = directory.resolve(client.fileName());
      byte[] bytes = client.yaml().getBytes(StandardCharsets.UTF_8);
      if (force) {
        replace(file, bytes);
      } else {
        create(file, bytes);
      }
      written.add(file);
    }
    return written;
  }

  /** Creates the file, failing if anything (a link too, even a dangling one) has its name. */
  private static void create(Path file, byte[] bytes) throws IOException {
    try (OutputStream out =
        Files.newOutputStream(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      out.write(bytes);
    }
  }

  /**
   * Writes one file as {@code --force} writes an exported one, for every command that writes a file
   * it was given ({@code plan --out}, {@code drift --output}): anything at the path but a regular
   * file (a symbolic link, even a dangling one, a directory, a FIFO) is left as it is and the write
   * fails; otherwise the text goes to a new hidden file beside it, renamed over it. Missing parent
   * folders are created.
   *
   * @throws IOException when something is in the way (the message names it and where a link leads)
   *     or the file cannot be written
   */
  public static void writeFile(Path file, String text) throws IOException {
    Optional<String> what = kind(file).filter(kind -> !kind.equals(REGULAR_FILE));
    if (what.isPresent()) {
      throw inTheWay(file, what.get());
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent);
    }
    replace(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Appends {@code text} to {@code file} (a job summary), creating it if nothing has its name; like
   * {@link #writeFile}, anything there but a regular file is named and left as it is, and the file
   * is opened without following a link planted in the meantime.
   *
   * @throws IOException when something is in the way or the file cannot be written
   */
  public static void appendFile(Path file, String text) throws IOException {
    Optional<String> what = kind(file).filter(kind -> !kind.equals(REGULAR_FILE));
    if (what.isPresent()) {
      throw inTheWay(file, what.get());
    }
    try {
      Files.writeString(
          file,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          LinkOption.NOFOLLOW_LINKS);
    } catch (FileSystemException e) {
      Optional<String> now = kind(file).filter(kind -> !kind.equals(REGULAR_FILE));
      if (now.isPresent()) {
        throw inTheWay(file, now.get());
      }
      throw e;
    }
  }

  private static IOException inTheWay(Path file, String what) {
    return new IOException(
        file
            + " is "
            + what
            + "; ccr writes only a regular file, never through a link, so it was left as it is");
  }

  /** Writes a new hidden file beside the target and renames it over the target. */
  private static void replace(Path file, byte[] bytes) throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID());
    try {
      create(temporary, bytes);
      Optional<String> what = kind(file).filter(kind -> !kind.equals(REGULAR_FILE));
      if (what.isPresent()) {
        throw inTheWay(file, what.get());
      }
      move(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
