package dev.ccr.spec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What looks like a user name and password in a value meant as a URL, however malformed: a password
 * with a space, a raw {@code @} or no scheme before it is found before the URL is parsed, so that
 * no message about a malformed URL can show it.
 */
public final class UserInfo {
  static final String MASK = "****";

  /** Up to the last {@code @}, after a scheme and its slashes if there is one. */
  private static final Pattern USER_INFO =
      Pattern.compile("(?s)^((?i:[a-z][a-z0-9+.-]*:)/+)?(.*)@");

  private UserInfo() {}

  /** The value with what looks like user information as {@code ****}. */
  public static String masked(String value) {
    Matcher userInfo = USER_INFO.matcher(value);
    if (!userInfo.find()) {
      return value;
    }
    String scheme = userInfo.group(1) == null ? "" : userInfo.group(1);
    return scheme + MASK + "@" + value.substring(userInfo.end());
  }

  /** What looks like user information in the value, if anything. */
  static Optional<String> of(String value) {
    Matcher userInfo = USER_INFO.matcher(value);
    return userInfo.find() && !userInfo.group(2).isEmpty()
        ? Optional.of(userInfo.group(2))
        : Optional.empty();
  }
}
