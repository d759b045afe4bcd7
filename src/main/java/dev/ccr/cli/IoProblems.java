package dev.ccr.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says in words what an I/O failure means, for messages such as "cannot write plan.json: ...". */
final class IoProblems {
  private IoProblems() {}

  static String describe(IOException e) {
    String reason =
        e instanceof FileSystemException fs && fs.getReason() != null ? ": " + fs.getReason() : "";
    if (e instanceof NoSuchFileException) {
      return "no such file or directory" + reason;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied" + reason;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way" + reason;
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory" + reason;
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "a directory is in the way";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
