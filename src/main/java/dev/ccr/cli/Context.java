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
  /** The real environment's door to AWS. */
  static final Context DEFAULT = new Context(Map.of(), new Sdk());

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

    /**
     * Gets ready to open a gateway soon, in the background: a command calls it before it reads its
     * files, so that the work runs beside the reading. Does nothing unless the gateways say so.
     */
    default void prepare() {}
  }

  /**
   * The AWS SDK's gateways. Its methods name {@link AwsCognitoGateway} only in their bodies, so a
   * command that never calls AWS never loads an SDK class.
   */
  private static final class Sdk implements Gateways {
    @Override
    public CognitoGateway open(AwsOptions options) {
      return new AwsCognitoGateway(options);
    }

    /** Gets the SDK's classes for a client ready on a daemon thread, sending nothing. */
    @Override
    public void prepare() {
      AwsCognitoGateway.warmUp();
    }
  }
}
