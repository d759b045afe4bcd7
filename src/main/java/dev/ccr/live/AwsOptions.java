package dev.ccr.live;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The AWS options of a command line: {@code --region}, {@code --profile}, {@code --endpoint-url}.
 * Each one left empty falls back to the SDK's own resolution (the region to the user pool id's
 * prefix).
 */
public record AwsOptions(
    Optional<String> region, Optional<String> profile, Optional<URI> endpoint) {

  public AwsOptions {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** No overrides: every setting comes from the pool id and the SDK's default chains. */
  public static AwsOptions defaults() {
    return new AwsOptions(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
