package dev.ccr.cli;

import dev.ccr.live.AwsCognitoGateway;
import dev.ccr.live.AwsOptions;
import dev.ccr.live.CognitoGateway;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a command gets from outside besides its arguments: the environment, how to open the door to
 * Cognito (tests give a fake), and standard input (for apply's confirmation).
 */
record Context(Map<String, String> env, Gateways gateways, InputStream in) {
  /**
   * The real environment's door to AWS. A lambda, not a method reference: linking {@code
   * AwsCognitoGateway::new} would load the AWS SDK even for commands that never call AWS.
   */
  static final Context DEFAULT = new Context(Map.of(), options -> new AwsCognitoGateway(options));

  Context {
    env = Map.copyOf(env);
    Objects.requireNonNull(gateways, "gateways");
    Objects.requireNonNull(in, "in");
  }

  /** A context reading the process's standard input. */
  Context(Map<String, String> env, Gateways gateways) {
    this(env, gateways, System.in);
  }

  /** Opens a gateway for the AWS options of a command line. */
  @FunctionalInterface
  interface Gateways {
    CognitoGateway open(AwsOptions options);
  }
}
