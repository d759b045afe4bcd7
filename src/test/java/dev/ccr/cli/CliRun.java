package dev.ccr.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One in-process run of the command line with captured streams. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(Map<String, String> env, String... args) {
    return run(new Context(env, Context.DEFAULT.gateways()), args);
  }

  static CliRun run(Context context, String... args) {
    return run(context, Terminal.detect(context.env()), args);
  }

  /** A run with a given context (gateways, standard input) and terminal. */
  static CliRun run(Context context, Terminal terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Ccr.run(args, o, e, context, terminal);
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  String all() {
    return out + err;
  }

  /** Whether any output looks like a Java stack trace. */
  boolean hasStackTrace() {
    String all = out + err;
    return all.contains("\tat ")
        || all.contains("Exception in thread")
        || all.matches("(?s).*\\w+(Exception|Error): .*\\n\\s+at .*");
  }
}
