package dev.ccr.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * The AWS options an environment of {@code ccr.yaml} sets, in the words of the command line; each
 * one empty leaves the choice to the command line and then to the SDK. Never holds a secret.
 *
 * @param endpointUrl an http:// or https:// URL, checked when the project file was read
 * @param roleArn an IAM role ARN to assume with STS before calling Cognito
 */
public record AwsSettings(
    Optional<String> region,
    Optional<String> profile,
    Optional<String> endpointUrl,
    Optional<String> roleArn) {

  public static final AwsSettings NONE =
      new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public AwsSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(endpointUrl, "endpointUrl");
    Objects.requireNonNull(roleArn, "roleArn");
  }
}
