package dev.ccr.cli;

import dev.ccr.live.JdkTrust;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Work a process that calls Cognito needs whatever its options say, started on daemon threads
 * before picocli reads the command line (a tenth of a second of reflection over its annotations):
 * the SDK's warm-up ({@link Context.Gateways#prepare}) and the JDK's trust store ({@link
 * JdkTrust}), the latter unless the command line or the environment sends every call to an {@code
 * http://} endpoint. The second core runs them beside the parsing and the reading of the files; a
 * command that ends early (usage error, {@code --help}) leaves them unfinished, and nothing they do
 * is seen outside the process.
 */
public final class StartUp {
  /** Commands that call Cognito. */
  static final Set<String> CALL_AWS = Set.of("plan", "apply", "drift");

  private StartUp() {}

  /** Starts what the command named first on the command line will need; returns at once. */
  public static void begin(String[] args) {
    begin(args, System.getenv(), Context.DEFAULT);
  }

  static void begin(String[] args, Map<String, String> env, Context context) {
    String command = "";
    for (String arg : args) {
      if (!arg.startsWith("-")) { // the top command's options (--no-color) take no value
        command = arg;
        break;
      }
    }
    if (!CALL_AWS.contains(command)) {
      return;
    }
    context.gateways().prepare();
    if (mayNeedTls(args, env)) {
      Thread thread = new Thread(JdkTrust::preload, "ccr-trust-store"); // reports nothing
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * False only when the endpoint given ({@code --endpoint-url} before any {@code --}, else {@code
   * AWS_ENDPOINT_URL...} unless {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is true) is plain HTTP;
   * an endpoint set by a ccr.yaml environment is not known yet, and counts as TLS. A wrong guess
   * costs time only: the store is read on the first handshake anyway.
   */
  static boolean mayNeedTls(String[] args, Map<String, String> env) {
    Optional<String> endpoint = Optional.empty();
    for (int i = 1; i < args.length && !args[i].equals("--"); i++) {
      if (args[i].equals("--endpoint-url") && i + 1 < args.length) {
        endpoint = Optional.of(args[i + 1]);
      } else if (args[i].startsWith("--endpoint-url=")) {
        endpoint = Optional.of(args[i].substring("--endpoint-url=".length()));
      }
    }
    boolean ignored =
        "true".equalsIgnoreCase(env.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ""));
    if (endpoint.isEmpty() && !ignored) {
      for (String name : AwsMixin.ENDPOINT_VARIABLES) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
          endpoint = Optional.of(value);
          break;
        }
      }
    }
    return endpoint
        .map(url -> !url.strip().toLowerCase(Locale.ROOT).startsWith("http://"))
        .orElse(true);
  }
}
