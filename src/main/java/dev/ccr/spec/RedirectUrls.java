package dev.ccr.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Callback and logout URLs as Cognito accepts them: absolute, without a fragment, HTTPS except
 * plain http to the loopback host; app schemes such as {@code myapp://cb} are allowed.
 */
public final class RedirectUrls {
  /** The lists of redirect URLs. */
  static final List<String> LISTS =
      List.of(Attribute.CALLBACK_URLS.memberName(), Attribute.LOGOUT_URLS.memberName());

  /** The members whose values are redirect URLs: the two lists and the default. */
  public static final List<String> MEMBERS =
      List.of(LISTS.get(0), LISTS.get(1), Attribute.DEFAULT_REDIRECT_URI.memberName());

  private static final Set<String> LOOPBACK_HOSTS =
      Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private RedirectUrls() {}

  /** Whether a URL is plain http to the loopback host ({@code http://localhost:3000/cb}). */
  public static boolean isLoopbackHttp(String url) {
    try {
      URI uri = new URI(url);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      return "http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK_HOSTS.contains(host);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * What is wrong with a callback or logout URL, if anything (CallbackURLs in the
   * UpdateUserPoolClient API reference).
   */
  public static Optional<String> problem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL: " + e.getReason());
    }
    if (uri.getScheme() == null) {
      return Optional.of(
          "must be an absolute URL with a scheme, such as https://app.example.com/callback");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not contain a fragment (#...)");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
      return Optional.of(
          "must use https; plain http is allowed only for localhost, 127.0.0.1 and [::1]");
    }
    if (scheme.equals("https") && host.isEmpty()) {
      return Optional.of("has no host");
    }
    return Optional.empty();
  }
}
