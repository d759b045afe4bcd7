package dev.ccr.live;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The AWS options of a command line: {@code --region}, {@code --profile}, {@code --endpoint-url},
 * and the pacing of {@code --max-read-rps} and {@code --max-write-rps}. Each one left empty falls
 * back to the SDK's own resolution (the region to the user pool id's prefix).
 */
public record AwsOptions(
    Optional<String> region, Optional<String> profile, Optional<URI> endpoint, Pacing pacing) {

  public AwsOptions {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(pacing, "pacing");
  }

  /** Options paced to Cognito's quotas. */
  public AwsOptions(Optional<String> region, Optional<String> profile, Optional<URI> endpoint) {
    this(region, profile, endpoint, Pacing.cognitoQuotas());
  }

  /** No overrides: every setting comes from the pool id and the SDK's default chains. */
  public static AwsOptions defaults() {
    return new AwsOptions(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
