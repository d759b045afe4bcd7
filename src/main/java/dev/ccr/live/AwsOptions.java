package dev.ccr.live;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The AWS options of a command line: {@code --region}, {@code --profile}, {@code --endpoint-url},
 * {@code --role-arn}, the pacing of {@code --max-read-rps} and {@code --max-write-rps}, and the
 * timeouts of {@code --timeout} and {@code --attempt-timeout}. Each one left empty falls back to
 * the SDK's own resolution (the region to the user pool id's prefix).
 *
 * @param endpoint never with a user name or password: {@link EndpointUrl#parse} masks them
 * @param role a role to assume with STS on top of the profile's or the default credentials
 * @param debug where {@code --debug} writes a line per AWS call (operation, pool, client, status,
 *     latency, retries), or empty
 */
public record AwsOptions(
    Optional<String> region,
    Optional<String> profile,
    Optional<URI> endpoint,
    Pacing pacing,
    Optional<AssumedRole> role,
    Timeouts timeouts,
    Optional<Consumer<String>> debug) {

  /**
   * An IAM role to assume.
   *
   * @param sessionName what the role session is called in CloudTrail ({@code ccr-plan})
   */
  public record AssumedRole(String arn, String sessionName) {
    public AssumedRole {
      Objects.requireNonNull(arn, "arn");
      Objects.requireNonNull(sessionName, "sessionName");
    }
  }

  public AwsOptions {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(debug, "debug");
    endpoint = endpoint.map(EndpointUrl::masked);
  }

  /** Options without a line per call. */
  public AwsOptions(
      Optional<String> region,
      Optional<String> profile,
      Optional<URI> endpoint,
      Pacing pacing,
      Optional<AssumedRole> role,
      Timeouts timeouts) {
    this(region, profile, endpoint, pacing, role, timeouts, Optional.empty());
  }

  /** These options with a line per AWS call written to {@code sink}. */
  public AwsOptions withDebug(Consumer<String> sink) {
    return new AwsOptions(region, profile, endpoint, pacing, role, timeouts, Optional.of(sink));
  }

  /** Options without a role to assume, with the default timeouts. */
  public AwsOptions(
      Optional<String> region, Optional<String> profile, Optional<URI> endpoint, Pacing pacing) {
    this(region, profile, endpoint, pacing, Optional.empty(), Timeouts.defaults());
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
