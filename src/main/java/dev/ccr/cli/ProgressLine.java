package dev.ccr.cli;

import dev.ccr.live.ClientReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One line on stderr that shows how far a long run is: done/total, rate and time left, redrawn in
 * place. It stays silent for the first second (short runs show nothing), redraws at most five times
 * a second, and erases itself when the last client is done.
 */
final class ProgressLine implements ClientReader.Listener {
  private static final long SECOND = 1_000_000_000L;
  private static final long QUIET_START = SECOND;
  private static final long REDRAW = SECOND / 5;

  private final PrintWriter err;
  private final String what;
  private final LongSupplier clock;
  private final long started;
  private long drawn;
  private int width;

  /**
   * @param what what is counted ({@code reading clients})
   * @param clock nanoseconds from any origin
   */
  private int highest;

  private boolean finished;

  ProgressLine(PrintWriter err, String what, LongSupplier clock) {
    this.err = Objects.requireNonNull(err, "err");
    this.what = Objects.requireNonNull(what, "what");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.started = clock.getAsLong();
    this.drawn = started - REDRAW;
  }

  /** A progress line on {@code err}, or none with {@code --quiet} or when stderr is no terminal. */
  static ClientReader.Listener forStderr(PrintWriter err, String what, boolean quiet) {
    if (quiet || !stderrIsTerminal()) {
      return ClientReader.Listener.NONE;
    }
    return new ProgressLine(err, what, System::nanoTime);
  }

  @Override
  public synchronized void progressed(int done, int total) {
    long now = clock.getAsLong();
    if (finished || done < highest) {
      // Reports arrive from several threads: once the end was seen, or a later count drawn, an
      // earlier count must not draw the line again.
      return;
    }
    highest = done;
    if (done >= total) {
      finished = true;
      erase();
      return;
    }
    if (now - started < QUIET_START || now - drawn < REDRAW) {
      return;
    }
    String line = format(what, done, total, (now - started) / (double) SECOND);
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    err.flush();
    width = line.length();
    drawn = now;
  }

  /** {@code reading clients: 150/1000 (15%), 15.0/s, about 57 s left}. */
  static String format(String what, int done, int total, double elapsedSeconds) {
    double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
    String left = rate > 0 ? ", about " + duration((total - done) / rate) + " left" : "";
    return String.format(
        Locale.ROOT,
        "%s: %d/%d (%d%%), %.1f/s%s",
        what,
        done,
        total,
        total == 0 ? 100 : (int) (100L * done / total),
        rate,
        left);
  }

  private static String duration(double seconds) {
    long s = Math.round(Math.ceil(seconds));
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }

  private void erase() {
    if (width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }

  /**
   * Whether stderr is a terminal: {@code bin/ccr} says so in the {@code ccr.stderr.terminal}
   * property; without it, Linux's /proc tells.
   */
  static boolean stderrIsTerminal() {
    String told = System.getProperty("ccr.stderr.terminal");
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
