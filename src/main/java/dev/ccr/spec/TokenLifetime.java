package dev.ccr.spec;

/**
 * Effective token lifetimes: a validity counts in its unit, and the product must fall in the range
 * Cognito allows for that token (5 minutes to 1 day for access and ID tokens, 1 hour to 3650 days
 * for refresh tokens; see TokenValidityUnitsType in the Amazon Cognito API Reference).
 */
public final class TokenLifetime {
  private TokenLifetime() {}

  /**
   * Seconds in one {@code unit} ({@code seconds}, {@code minutes}, {@code hours}, {@code days}).
   */
  public static long unitSeconds(String unit) {
    return DurationUnit.parse(unit).seconds();
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
    return DurationUnit.parse(unit).format(value);
  }

  /** Seconds in the largest unit that divides them: {@code 3600} gives {@code 1 hour}. */
  public static String humanize(long seconds) {
    DurationUnit unit = DurationUnit.largestDividing(seconds);
    return unit.format(seconds / unit.seconds());
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
