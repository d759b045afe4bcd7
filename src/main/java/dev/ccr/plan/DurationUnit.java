package dev.ccr.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The units of TokenValidityUnits, each with its length in seconds. */
public enum DurationUnit {
  SECONDS(1),
  MINUTES(60),
  HOURS(3_600),
  DAYS(86_400);

  private final long seconds;

  DurationUnit(long seconds) {
    this.seconds = seconds;
  }

  public long seconds() {
    return seconds;
  }

  /** The word Cognito uses ({@code minutes}). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The word for one unit ({@code minute}). */
  public String singular() {
    String word = word();
    return word.substring(0, word.length() - 1);
  }

  /** The unit Cognito names with {@code word}, if any. */
  public static Optional<DurationUnit> of(String word) {
    return Arrays.stream(values()).filter(u -> u.word().equals(word)).findFirst();
  }
}
