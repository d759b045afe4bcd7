package dev.ccr.cli;

import dev.ccr.report.WorkflowCommands;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A standard stream under GitHub Actions: every line printed to it is made {@linkplain
 * WorkflowCommands#inert inert}, so the runner takes no value for a workflow command; only the
 * lines given to {@link #command} reach the runner as commands.
 */
final class ActionsWriter extends PrintWriter {
  private final InertLines lines;

  ActionsWriter(OutputStream stream) {
    this(new InertLines(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
  }

  private ActionsWriter(InertLines lines) {
    super(lines, true);
    this.lines = lines;
  }

  /** Prints one of ccr's own workflow commands, on a line of its own. */
  void command(String command) {
    synchronized (lock) {
      flush();
      lines.command(command);
    }
  }

  /** Prints what is left of an unfinished last line; call once nothing more will be printed. */
  void finish() {
    synchronized (lock) {
      flush();
      lines.finish();
    }
  }

  /**
   * Holds each line until it ends, then writes it inert. On a flush it writes as much of an
   * unfinished line as cannot join what follows into a command.
   */
  private static final class InertLines extends Writer {
    private final Writer out;
    private final StringBuilder line = new StringBuilder();
    private boolean midLine;

    InertLines(Writer out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      for (int i = offset; i < offset + length; i++) {
        char c = chars[i];
        if (c == '\n' || c == '\r') {
          out.write(WorkflowCommands.inert(line.toString()));
          out.write(c);
          line.setLength(0);
          midLine = false;
        } else {
          line.append(c);
        }
      }
    }

    @Override
    public void flush() throws IOException {
      int safe = safeLength();
      if (safe > 0) {
        out.write(WorkflowCommands.inert(line.substring(0, safe)));
        line.delete(0, safe);
        midLine = true;
      }
      out.flush();
    }

    private int safeLength() {
      return WorkflowCommands.safeLength(line.toString());
    }

    void command(String command) {
      try {
        if (midLine || line.length() > 0) {
          out.write(WorkflowCommands.inert(line.toString()));
          out.write('\n');
          line.setLength(0);
          midLine = false;
        }
        out.write(command);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void finish() {
      try {
        out.write(WorkflowCommands.inert(line.toString()));
        line.setLength(0);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      finish();
      out.close();
    }
  }
}
