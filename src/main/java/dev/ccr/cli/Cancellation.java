package dev.ccr.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGINT and SIGTERM during apply (what CI sends on cancel), seen through a shutdown hook. Before
 * the writes start, the run ends at once: nothing was written. Once they started, no further write
 * is started, the writes already sent finish, and the command prints what was written and what was
 * not before the process ends; either way it exits with {@link ExitCode#CANCELLED}. A process that
 * ends normally removes the hook first.
 */
final class Cancellation implements AutoCloseable {
  private enum Stage {
    BEFORE_WRITES,
    WRITING,
    DONE
  }

  private final PrintWriter err;
  private final Runnable beforeWrites;
  private final Duration grace;
  private final Thread hook = new Thread(this::onSignal, "ccr-cancel");
  private final CountDownLatch reported = new CountDownLatch(1);
  private Stage stage = Stage.BEFORE_WRITES;
  private boolean requested;

  /**
   * @param beforeWrites prints what a cancel before the first write says (the JSON result, when
   *     asked for)
   * @param grace how long the writes in flight may take to finish
   */
  Cancellation(PrintWriter err, Runnable beforeWrites, Duration grace) {
    this.err = err;
    this.beforeWrites = beforeWrites;
    this.grace = grace;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether a signal came. */
  synchronized boolean requested() {
    return requested;
  }

  /** The writes start: from now on a signal lets them finish and waits for {@link #reported}. */
  synchronized void writing() {
    if (stage == Stage.BEFORE_WRITES) {
      stage = Stage.WRITING;
    }
  }

  /** What was written is printed: a signal that came may now end the process. */
  void reported() {
    err.flush();
    reported.countDown();
  }

  /** The command ends normally: the hook is removed, unless the process is already ending. */
  @Override
  public void close() {
    synchronized (this) {
      if (requested) {
        return;
      }
      stage = Stage.DONE;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs and returns at once: the stage is DONE.
    }
  }

  private void onSignal() {
    Stage now;
    synchronized (this) {
      if (stage == Stage.DONE) {
        return;
      }
      requested = true;
      now = stage;
    }
    if (now == Stage.BEFORE_WRITES) {
      beforeWrites.run();
      err.println(
          "ccr: apply was cancelled (SIGINT or SIGTERM) before any write; nothing was written.");
      err.flush();
      Runtime.getRuntime().halt(ExitCode.CANCELLED);
    }
    try {
      if (!reported.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        err.println(
            "ccr: apply was cancelled (SIGINT or SIGTERM) and the writes in flight did not finish"
                + " within "
                + grace.toSeconds()
                + " seconds; run plan to see which clients were written.");
        err.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(ExitCode.CANCELLED);
  }
}
