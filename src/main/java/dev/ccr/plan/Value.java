package dev.ccr.plan;

import dev.ccr.spec.DurationUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One side of an attribute change. {@link None} stands for "no value" explicitly, so a change never
 * holds null; a token validity is a {@link Duration}, carrying its number and unit together.
 */
public sealed interface Value {

  /** The value as a user reads it: {@code ENABLED}, {@code 30 minutes}, {@code [a, b]}. */
  String display();

  /** No value: the attribute is absent and Cognito documents no default for it. */
  record None() implements Value {
    @Override
    public String display() {
      return "(none)";
    }
  }

  /** A string or an enum value. */
  record Text(String text) implements Value {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String display() {
      return text;
    }
  }

  record Number(long number) implements Value {
    @Override
    public String display() {
      return Long.toString(number);
    }
  }

  record Flag(boolean flag) implements Value {
    @Override
    public String display() {
      return Boolean.toString(flag);
    }
  }

  /** A set-like list, in the order it was given (order carries no meaning). */
  record Items(List<String> items) implements Value {
    public Items {
      items = List.copyOf(items);
    }

    @Override
    public String display() {
      return "[" + String.join(", ", items) + "]";
    }
  }

  /** A token lifetime: {@code amount} counted in {@code unit}, as Cognito stores it. */
  record Duration(long amount, DurationUnit unit) implements Value {
    public Duration {
      Objects.requireNonNull(unit, "unit");
      if (amount < 0) {
        throw new IllegalArgumentException("negative duration: " + amount);
      }
    }

    /** A lifetime in the largest unit that counts it exactly: 3600 seconds give 1 hour. */
    public static Duration ofSeconds(long seconds) {
      DurationUnit unit = DurationUnit.largestDividing(seconds);
      return new Duration(seconds / unit.seconds(), unit);
    }

    public long seconds() {
      return amount * unit.seconds();
    }

    /** {@code 1 hour}, {@code 30 minutes}. */
    @Override
    public String display() {
      return unit.format(amount);
    }
  }

  Value NONE = new None();

  /**
   * The value of a plain attribute as the model holds it (String, Integer, Boolean or a List of
   * String); a nested object is never a single value.
   */
  static Value of(Object raw) {
    if (raw instanceof String text) {
      return new Text(text);
    }
    if (raw instanceof Boolean flag) {
      return new Flag(flag);
    }
    if (raw instanceof Integer || raw instanceof Long) {
      return new Number(((java.lang.Number) raw).longValue());
    }
    if (raw instanceof List<?> list) {
      return new Items(list.stream().map(String::valueOf).toList());
    }
    if (raw instanceof Map<?, ?>) {
      throw new IllegalArgumentException("a nested object is not a single value: " + raw);
    }
    throw new IllegalArgumentException("unsupported value: " + raw);
  }
}
