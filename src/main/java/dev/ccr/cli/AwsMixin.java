package dev.ccr.cli;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.Pacing;
import dev.ccr.spec.AwsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
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
          "Send requests to this endpoint instead (a local emulator, a VPC endpoint); AWS_ENDPOINT_URL works too.")
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
      names = {"-q", "--quiet"},
      description = "Show no progress on stderr during long runs.")
  boolean quiet;

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
    if (roleArn != null && !roleArn.matches("arn:aws[a-z-]*:iam::[0-9]{12}:role/.+")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--role-arn must be an IAM role ARN such as arn:aws:iam::123456789012:role/ccr-deployer,"
              + " not '"
              + roleArn
              + "'");
    }
  }

  static void checkRate(CommandLine.Model.CommandSpec spec, String option, double rps) {
    if (!(rps >= MIN_RPS) || Double.isInfinite(rps)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), option + " must be a number of at least " + MIN_RPS + ", not " + rps);
    }
  }

  /**
   * The options of this command line, each one it does not give taken from the environment's.
   *
   * @param maxWriteRps the pace of writes: apply's {@code --max-write-rps}, Cognito's quota for the
   *     commands that never write
   * @param environment the AWS settings of the selected environment of ccr.yaml
   * @param sessionName the name of the role session, if a role is assumed
   */
  AwsOptions options(double maxWriteRps, AwsSettings environment, String sessionName) {
    return new AwsOptions(
        Optional.ofNullable(region).or(environment::region),
        Optional.ofNullable(profile).or(environment::profile),
        Optional.ofNullable(endpoint).or(() -> environment.endpointUrl().map(URI::create)),
        new Pacing(maxReadRps, maxWriteRps),
        Optional.ofNullable(roleArn)
            .or(environment::roleArn)
            .map(arn -> new AwsOptions.AssumedRole(arn, sessionName)));
  }

  /** Accepts an http:// or https:// URL with a host, and says so in words otherwise. */
  static final class EndpointConverter implements CommandLine.ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      URI uri;
      try {
        uri = new URI(value);
      } catch (URISyntaxException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a URL: " + e.getReason());
      }
      if (uri.getHost() == null
          || !List.of("http", "https").contains(String.valueOf(uri.getScheme()))) {
        throw new CommandLine.TypeConversionException(
            "must be an http:// or https:// URL with a host, not '" + value + "'");
      }
      return uri;
    }
  }
}
