package dev.ccr.cli;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.EndpointUrl;
import dev.ccr.live.Pacing;
import dev.ccr.live.Timeouts;
import dev.ccr.spec.AwsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The AWS options of every command that talks to AWS; apply adds {@link WriteRateMixin}. */
final class AwsMixin {
  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "Region for every client (default: the prefix of each UserPoolId, e.g. eu-west-1_...).")
  String region;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Named profile from the AWS config files.")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      converter = AwsMixin.EndpointConverter.class,
      description =
          "Send requests to this endpoint instead (a local emulator, a VPC endpoint); AWS_ENDPOINT_URL works too. A user name or password in it is never sent and shows as ****.")
  URI endpoint;

  @Option(
      names = "--role-arn",
      paramLabel = "ARN",
      description =
          "Assume this IAM role with STS first, starting from the profile's or the default credentials.")
  String roleArn;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "16",
      description =
          "Calls in flight at once (default: ${DEFAULT-VALUE}); the rate limits below, not this, set the pace.")
  int concurrency;

  @Option(
      names = "--max-read-rps",
      paramLabel = "N",
      defaultValue = "15",
      description =
          "Describe and List calls per second per region (default: ${DEFAULT-VALUE}, Cognito's quota); each operation on one user pool gets a third. Set it lower when other tools share the account.")
  double maxReadRps;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "Longest time one call to Cognito may take, retries included (default: 60, or --attempt-timeout if that is longer); then the call fails.")
  Double callTimeout;

  @Option(
      names = "--attempt-timeout",
      paramLabel = "SECONDS",
      description =
          "Longest time one attempt of a call may take before it is retried (default: 10, or --timeout if that is shorter).")
  Double attemptTimeout;

  @Option(
      names = {"-q", "--quiet"},
      description = "Show no progress on stderr during long runs.")
  boolean quiet;

  @Option(
      names = "--debug",
      description =
          "Print a line per AWS call on stderr: operation, region, user pool, client, HTTP status,"
              + " latency, retries and request id (as does CCR_LOG=debug). Never a body, header or"
              + " credential.")
  boolean debug;

  /** Whether to print a line per AWS call: {@code --debug}, or {@code CCR_LOG=debug}. */
  boolean debugging(Map<String, String> env) {
    return debug || "debug".equalsIgnoreCase(env.getOrDefault("CCR_LOG", "").strip());
  }

  /** The slowest pace accepted: one call every 100 seconds. */
  static final double MIN_RPS = 0.01;

  /** Checks the options before anything else happens; a bad one is a usage error (64). */
  void check(CommandLine.Model.CommandSpec spec) {
    if (concurrency < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--concurrency must be at least 1, not " + concurrency);
    }
    if (region != null && !region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--region must be a region name such as eu-west-1, not '" + region + "'");
    }
    checkRate(spec, "--max-read-rps", maxReadRps);
    checkTimeouts(spec);
    if (roleArn != null && !roleArn.matches("arn:aws[a-z-]*:iam::[0-9]{12}:role/.+")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--role-arn must be an IAM role ARN such as arn:aws:iam::123456789012:role/ccr-deployer,"
              + " not '"
              + roleArn
              + "'");
    }
  }

  /** The shortest and the longest timeout accepted, in seconds. */
  static final double MIN_TIMEOUT = 0.1;

  static final double MAX_TIMEOUT = 3600;

  private void checkTimeouts(CommandLine.Model.CommandSpec spec) {
    for (Double seconds : new Double[] {callTimeout, attemptTimeout}) {
      if (seconds != null && !(seconds >= MIN_TIMEOUT && seconds <= MAX_TIMEOUT)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--timeout and --attempt-timeout must be numbers of seconds from "
                + MIN_TIMEOUT
                + " to "
                + (int) MAX_TIMEOUT
                + ", not "
                + seconds);
      }
    }
    if (callTimeout != null && attemptTimeout != null && attemptTimeout > callTimeout) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--attempt-timeout ("
              + attemptTimeout
              + ") must not be longer than --timeout ("
              + callTimeout
              + "), which bounds every attempt of a call together");
    }
  }

  static void checkRate(CommandLine.Model.CommandSpec spec, String option, double rps) {
    if (!(rps >= MIN_RPS) || Double.isInfinite(rps)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + " must be a number of at least " + MIN_RPS + ", not " + rps);
    }
  }

  /**
   * The options of this command line, each one it does not give taken from {@code base}.
   *
   * @param maxWriteRps the pace of writes: apply's {@code --max-write-rps}, Cognito's quota for the
   *     commands that never write
   * @param base the AWS settings the command line's fall back on ({@link #settings})
   * @param sessionName the name of the role session, if a role is assumed
   * @param env the process environment ({@link #settings})
   * @throws IllegalArgumentException when an environment variable holds no endpoint URL ccr takes
   */
  AwsOptions options(
      double maxWriteRps, AwsSettings base, String sessionName, Map<String, String> env) {
    AwsSettings settings = settings(base, env);
    return new AwsOptions(
        settings.region(),
        settings.profile(),
        settings.endpointUrl().map(URI::create),
        new Pacing(maxReadRps, maxWriteRps),
        settings.roleArn().map(arn -> new AwsOptions.AssumedRole(arn, sessionName)),
        timeouts());
  }

  /**
   * The AWS options in effect, in the words of the command line: each one this command line does
   * not give taken from {@code base}, and an endpoint from the process environment last. What a
   * saved plan records, and what apply takes from it.
   *
   * @param base the selected environment's settings in ccr.yaml, or those a saved plan recorded
   * @param env the process environment: an endpoint URL the SDK would read from it is checked and
   *     masked like --endpoint-url
   * @throws IllegalArgumentException when an environment variable holds no endpoint URL ccr takes
   */
  AwsSettings settings(AwsSettings base, Map<String, String> env) {
    return new AwsSettings(
        Optional.ofNullable(region).or(base::region),
        Optional.ofNullable(profile).or(base::profile),
        Optional.ofNullable(endpoint)
            .or(() -> base.endpointUrl().map(EndpointUrl::parse))
            .or(() -> endpointFrom(env))
            .map(URI::toString),
        Optional.ofNullable(roleArn).or(base::roleArn));
  }

  /** The environment variables the SDK would read an endpoint from, most specific first. */
  static final List<String> ENDPOINT_VARIABLES =
      List.of("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_ENDPOINT_URL");

  private static Optional<URI> endpointFrom(Map<String, String> env) {
    if ("true".equalsIgnoreCase(env.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ""))) {
      return Optional.empty();
    }
    for (String name : ENDPOINT_VARIABLES) {
      String value = env.getOrDefault(name, "");
      if (!value.isEmpty()) {
        try {
          return Optional.of(EndpointUrl.parse(value));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The timeouts given; a default never conflicts with the other option (the attempt's is at most
   * the call's, the call's at least the attempt's).
   */
  Timeouts timeouts() {
    Duration attempt = attemptTimeout != null ? seconds(attemptTimeout) : Timeouts.DEFAULT_ATTEMPT;
    Duration call =
        callTimeout != null ? seconds(callTimeout) : max(Timeouts.DEFAULT_CALL, attempt);
    return new Timeouts(call, attemptTimeout != null ? attempt : min(call, attempt));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  /** Accepts an http:// or https:// URL with a host, and says so in words otherwise. */
  static final class EndpointConverter implements CommandLine.ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        return EndpointUrl.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
