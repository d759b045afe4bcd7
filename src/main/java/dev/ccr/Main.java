package dev.ccr;

import dev.ccr.cli.Ccr;
import dev.ccr.cli.StartUp;

/** Entry point: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    StartUp.begin(args);
    System.exit(Ccr.run(args, System.out, System.err, System.getenv()));
  }
}
