package dev.ccr.cli;

import dev.ccr.live.AwsCognitoGateway;
import dev.ccr.live.AwsOptions;
import dev.ccr.live.CognitoGateway;
import java.util.Map;

/**
 * What a command gets from outside besides its arguments: the environment, and how to open the
 * door to Cognito (tests give a fake).
 */
record Context(Map<String, String> env, Gateways gateways) {
  /**
   * The real environment's door to AWS. A lambda, not a method reference: linking
   * {@code AwsCognitoGateway::new} would load the AWS SDK even for commands that never call AWS.
   */
  static final Context DEFAULT = new Context(Map.of(), options -> new AwsCognitoGateway(options));

  Context {
    env = Map.copyOf(env);
  }

  /** Opens a gateway for the AWS options of a command line. */
  @FunctionalInterface
  interface Gateways {
    CognitoGateway open(AwsOptions options);
  }
}
