package dev.ccr.cli;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.EndpointUrl;
import dev.ccr.live.Pacing;
import dev.ccr.live.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The AWS options of every command that talks to AWS. */
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
      names = "--max-write-rps",
      paramLabel = "N",
      defaultValue = "15",
      description =
          "Create, Update and Delete calls per second per region (default: ${DEFAULT-VALUE}, Cognito's quota).")
  double maxWriteRps;

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

  /** The environment variables the SDK would read an endpoint from, most specific first. */
  static final List<String> ENDPOINT_VARIABLES =
      List.of("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_ENDPOINT_URL");

  /**
   * The options; the endpoint from {@code --endpoint-url}, else from the environment variables the
   * SDK would read, checked and masked the same way.
   *
   * @throws IllegalArgumentException when an environment variable holds no endpoint URL ccr takes
   */
  AwsOptions options(Map<String, String> env) {
    return new AwsOptions(
        Optional.ofNullable(region),
        Optional.ofNullable(profile),
        Optional.ofNullable(endpoint).or(() -> endpointFrom(env)),
        new Pacing(maxReadRps, maxWriteRps),
        timeouts());
  }

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
