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
  /** The members whose values are redirect URLs. */
  public static final List<String> MEMBERS =
      List.of("CallbackURLs", "LogoutURLs", "DefaultRedirectURI");

  private static final Set<String> LOOPBACK_HOSTS =
      Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private RedirectUrls() {}

  /** What is wrong with a callback or logout URL, if anything (rule R4). */
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
