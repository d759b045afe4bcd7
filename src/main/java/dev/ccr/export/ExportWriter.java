package dev.ccr.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes exported clients into a directory, one file each. Without {@code force} it never
 * overwrites: every target is checked first, and if any exists nothing is written.
 */
public final class ExportWriter {
  private ExportWriter() {}

  /** The target files that exist already (as files, directories or links), in client order. */
  public static List<Path> existing(Path directory, List<ExportedClient> clients) {
    return clients.stream()
        .map(client -> directory.resolve(client.fileName()))
        .filter(path -> Files.exists(path, LinkOption.NOFOLLOW_LINKS))
        .toList();
  }

  /**
   * Writes every client into {@code directory}, creating it when missing, and returns the files.
   *
   * @throws IOException when a file cannot be written; without {@code force}, also when a target
   *     appeared after {@link #existing} was checked (that file is left as it was)
   */
  public static List<Path> write(Path directory, List<ExportedClient> clients, boolean force)
      throws IOException {
    Files.createDirectories(directory);
    StandardOpenOption create = force ? StandardOpenOption.CREATE : StandardOpenOption.CREATE_NEW;
    List<Path> written = new ArrayList<>();
    for (ExportedClient client : clients) {
      Path file = directory.resolve(client.fileName());
      Files.writeString(
          file,
          client.yaml(),
          StandardCharsets.UTF_8,
          create,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
      written.add(file);
    }
    return written;
  }
}
