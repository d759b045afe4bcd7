package dev.ccr.spec;

import java.util.Objects;

/**
 * One substitution: where in a file a variable's value went, and where that value came from.
 *
 * @param position the position of the {@code ${...}} (every value a list variable gives stands
 *     there)
 * @param text the variable and its origin, such as {@code ${pool} from environment prod,
 *     ccr.yaml:4}
 */
public record VariableUse(String file, Position position, String text) {
  public VariableUse {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(text, "text");
  }
}
