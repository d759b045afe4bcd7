package dev.ccr.plan;

import java.util.List;
import java.util.Objects;

/**
 * One managed attribute whose live value differs from the desired one.
 *
 * @param path the member name ({@code AccessTokenValidity}); for a sub-key of a nested object the
 *     member and the sub-key joined by a slash ({@code RefreshTokenRotation/Feature}), that is a
 *     JSON Pointer into the client's configuration without its leading slash. A validity change
 *     also sets the validity's unit in TokenValidityUnits; it is never reported on its own.
 * @param before the live value, Cognito's default when Describe left it out
 * @param after the desired value
 * @param added for a set, the items to add, in the file's order; empty otherwise
 * @param removed for a set, the items to remove, in the live order; empty otherwise
 */
public record AttributeChange(
    String path, Value before, Value after, List<String> added, List<String> removed) {

  public AttributeChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    if (path.isEmpty() || path.startsWith("/")) {
      throw new IllegalArgumentException("path must be a member name, not '" + path + "'");
    }
    if (before.equals(after)) {
      throw new IllegalArgumentException("no change at " + path + ": " + before.display());
    }
    if (!(after instanceof Value.Items) && !(added.isEmpty() && removed.isEmpty())) {
      throw new IllegalArgumentException("only a set lists added and removed items: " + path);
    }
  }

  /** A change of a value that is not a set. */
  public static AttributeChange of(String path, Value before, Value after) {
    return new AttributeChange(path, before, after, List.of(), List.of());
  }

  /** Whether this change is to a set, shown item by item. */
  public boolean isSet() {
    return after instanceof Value.Items;
  }
}
