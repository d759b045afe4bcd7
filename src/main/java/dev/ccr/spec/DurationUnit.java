package dev.ccr.spec;

import java.util.Arrays;
import java.util.Locale;

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

  /** {@code 1 hour}, {@code 30 minutes}. */
  public String format(long amount) {
    return amount + " " + (amount == 1 ? singular() : word());
  }

  /**
   * The unit a word names, where the word is known to be one of Cognito's units (the schema checked
   * it): the one parsing of a unit.
   *
   * @throws IllegalArgumentException for any other word
   */
  public static DurationUnit parse(String word) {
    return Arrays.stream(values())
        .filter(u -> u.word().equals(word))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown token validity unit: " + word));
  }

  /** Whether the word is one of Cognito's units. */
  public static boolean isKnown(String word) {
    return Arrays.stream(values()).anyMatch(u -> u.word().equals(word));
  }

  /** The largest unit that counts {@code seconds} exactly: 3600 gives hours, 90 seconds. */
  public static DurationUnit largestDividing(long seconds) {
    DurationUnit[] units = values();
    for (int i = units.length - 1; i > 0; i--) {
      if (seconds != 0 && seconds % units[i].seconds == 0) {
        return units[i];
      }
    }
    return SECONDS;
  }
}
