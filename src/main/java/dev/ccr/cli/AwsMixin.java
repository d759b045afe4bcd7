package dev.ccr.cli;

import dev.ccr.live.AwsOptions;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The AWS options of every command that talks to AWS. */
final class AwsMixin {
  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "Region for every client (default: the prefix of each UserPoolId, e.g. eu-west-1_...).")
  String region;

  @Option(names = "--profile", paramLabel = "NAME", description = "Named profile from the AWS config files.")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Send requests to this endpoint instead (a local emulator, a VPC endpoint); AWS_ENDPOINT_URL works too.")
  URI endpoint;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "8",
      description = "Clients read at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  AwsOptions options() {
    return new AwsOptions(Optional.ofNullable(region), Optional.ofNullable(profile), Optional.ofNullable(endpoint));
  }
}
