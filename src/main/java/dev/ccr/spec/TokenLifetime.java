package dev.ccr.spec;

import java.util.Map;

/**
 * Effective token lifetimes (rule R1): a validity counts in its unit, and the product must fall in
 * the range Cognito allows for that token (the UpdateUserPoolClient API reference, {@code
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html}).
 */
public final class TokenLifetime {
  private static final Map<String, Long> UNIT_SECONDS =
      Map.of("seconds", 1L, "minutes", 60L, "hours", 3600L, "days", 86400L);

  private TokenLifetime() {}

  /**
   * Seconds in one {@code unit} ({@code seconds}, {@code minutes}, {@code hours}, {@code days}).
   */
  public static long unitSeconds(String unit) {
    Long seconds = UNIT_SECONDS.get(unit);
    if (seconds == null) {
      throw new IllegalArgumentException("unknown validity unit: " + unit);
    }
    return seconds;
  }

  /** The shortest lifetime in seconds Cognito allows for the token of a validity attribute. */
  public static long minSeconds(Attribute validity) {
    return validity == Attribute.REFRESH_TOKEN_VALIDITY ? 3600L : 300L;
  }

  /** The longest lifetime in seconds Cognito allows for the token of a validity attribute. */
  public static long maxSeconds(Attribute validity) {
    return validity == Attribute.REFRESH_TOKEN_VALIDITY ? 3650L * 86400L : 86400L;
  }

  public static boolean inRange(Attribute validity, long seconds) {
    return seconds >= minSeconds(validity) && seconds <= maxSeconds(validity);
  }

  /** The allowed range in words: {@code 5 minutes to 1 day}. */
  public static String range(Attribute validity) {
    return humanize(minSeconds(validity)) + " to " + humanize(maxSeconds(validity));
  }

  /** A value and unit in words: {@code 1 hour}, {@code 30 minutes}. */
  public static String format(long value, String unit) {
    String singular = unit.substring(0, unit.length() - 1);
    return value + " " + (value == 1 ? singular : unit);
  }

  /** Seconds in the largest unit that divides them: {@code 3600} gives {@code 1 hour}. */
  public static String humanize(long seconds) {
    for (String unit : new String[] {"days", "hours", "minutes"}) {
      long size = unitSeconds(unit);
      if (seconds != 0 && seconds % size == 0) {
        return format(seconds / size, unit);
      }
    }
    return format(seconds, "seconds");
  }

  /** The name of the token a validity attribute governs, for messages: {@code access token}. */
  public static String tokenName(Attribute validity) {
    return switch (validity) {
      case ACCESS_TOKEN_VALIDITY -> "access token";
      case ID_TOKEN_VALIDITY -> "ID token";
      case REFRESH_TOKEN_VALIDITY -> "refresh token";
      default -> throw new IllegalArgumentException("not a validity: " + validity);
    };
  }
}
