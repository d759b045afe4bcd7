package dev.ccr.live;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Endpoint URLs as ccr takes them: checked and explained in words before the SDK sees them, and
 * with any user name and password replaced by {@code ****}, so that no message, report or log can
 * carry them. The SDK never sends them anyway.
 */
public final class EndpointUrl {
  static final String MASK = "****";

  /**
   * The user information of a URL in a text: after {@code scheme://}, up to the last {@code @}
   * before a space or a quote, so that a raw {@code @} in a password leaves no tail.
   */
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s'\"]*@");

  /** A port that is not a number, at the end of an authority the URI class could not read. */
  private static final Pattern BAD_PORT = Pattern.compile(".*[^:]:([^:\\]]*)$");

  private EndpointUrl() {}

  /**
   * An http:// or https:// URL with a host, a port from 1 to 65535 if any, and neither query nor
   * fragment; its user information masked.
   *
   * @throws IllegalArgumentException saying in words what is wrong, with the value masked
   */
  public static URI parse(String given) {
    String value = maskValue(given);
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + value + "' is not a URL: " + e.getReason());
    }
    String shown = "'" + value + "'";
    if (!List.of("http", "https")
        .contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "must be an http:// or https:// URL with a host, not " + shown);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(missingHost(uri, shown));
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw new IllegalArgumentException(
          "port " + uri.getPort() + " of " + shown + " is out of range: ports go from 1 to 65535");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      String bare = value.replaceFirst("[?#].*", "");
      throw new IllegalArgumentException(
          "an endpoint URL has no query (?...) or fragment (#...), which may carry a token and"
              + " are not shown: remove them from '"
              + bare
              + (uri.getRawQuery() != null ? "?..." : "#...")
              + "'");
    }
    return masked(uri);
  }

  private static String missingHost(URI uri, String shown) {
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    Matcher port = BAD_PORT.matcher(authority);
    if (port.matches() && !port.group(1).chars().allMatch(Character::isDigit)) {
      return "port '" + port.group(1) + "' of " + shown + " is not a number from 1 to 65535";
    }
    return "must be an http:// or https:// URL with a host name or an IP address, not " + shown;
  }

  /** The URL with its user information, if any, as {@code ****}. */
  static URI masked(URI uri) {
    return uri.getRawUserInfo() == null ? uri : URI.create(mask(uri.toString()));
  }

  /** A value meant as a URL with everything that looks like user information as {@code ****}. */
  public static String maskValue(String value) {
    return dev.ccr.spec.UserInfo.masked(value);
  }

  /** The text with the user information of every URL in it as {@code ****}. */
  public static String mask(String text) {
    return USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
  }
}
