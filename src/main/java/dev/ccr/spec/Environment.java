package dev.ccr.spec;

import java.util.Objects;

/**
 * The environment a run selected with {@code --env}: its name and the AWS options {@code ccr.yaml}
 * gives it. What a saved plan needs to record to be applied later without {@code ccr.yaml}; the
 * variables are not part of it, because their resolved values are already in the plan's changes.
 */
public record Environment(String name, AwsSettings aws) {
  public Environment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(aws, "aws");
  }
}
