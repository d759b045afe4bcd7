package dev.ccr.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * Every page of a listing, read so that an endpoint whose pages never end cannot hold a run: a page
 * token seen before ends the read, so does a page beyond {@link #MAX_PAGES}, and {@code --timeout}
 * bounds the whole read, each page getting what is left of it.
 *
 * @param <P> a page of the SDK's answer
 */
public final class Pages<P> {
  /**
   * A pool holds at most 1,000 app clients (the default quota), 17 full pages of 60; a hundred
   * pages leave room for a raised quota and for pages that come back short.
   */
  static final int MAX_PAGES = 100;

  /** The call for one page: the token of the page (null for the first) and the page's limits. */
  public interface Fetch<P> {
    P page(String token, AwsRequestOverrideConfiguration limits);
  }

  private final String action;
  private final String what;
  private final Timeouts timeouts;
  private final Supplier<String> endpoint;

  /**
   * @param what what is listed, for messages ({@code the clients of user pool us-east-1_X})
   * @param endpoint the URL calls go to, any password masked, computed only for a message
   */
  public Pages(String action, String what, Timeouts timeouts, Supplier<String> endpoint) {
    this.action = action;
    this.what = what;
    this.timeouts = timeouts;
    this.endpoint = endpoint;
  }

  /** The items of every page, in order. */
  public <T> List<T> read(Fetch<P> fetch, Function<P, List<T>> items, Function<P, String> next) {
    long start = System.nanoTime();
    Set<String> tokens = new HashSet<>();
    List<T> all = new ArrayList<>();
    String token = null;
    for (int pages = 0; ; pages++) {
      if (pages == MAX_PAGES) {
        throw failure(
            "Cognito at "
                + endpoint.get()
                + " gave more than "
                + MAX_PAGES
                + " pages listing "
                + what
                + " (a pool holds at most 1,000 app clients unless its quota was raised, 60 a"
                + " page, and fewer resource servers and identity providers); ccr stopped"
                + " reading: check --endpoint-url");
      }
      Duration left = timeouts.call().minusNanos(System.nanoTime() - start);
      if (left.isNegative() || left.isZero()) {
        throw new GatewayException(
            GatewayException.Reason.UNREACHABLE,
            "",
            action,
            "Cognito at "
                + endpoint.get()
                + " did not finish listing "
                + what
                + " within "
                + ErrorClassifier.seconds(timeouts.call())
                + " (--timeout, "
                + pages
                + " pages read); check the network and --endpoint-url, or raise --timeout");
      }
      Duration attempt = left.compareTo(timeouts.attempt()) < 0 ? left : timeouts.attempt();
      P page =
          fetch.page(
              token,
              AwsRequestOverrideConfiguration.builder()
                  .apiCallTimeout(left)
                  .apiCallAttemptTimeout(attempt)
                  .build());
      all.addAll(items.apply(page));
      token = next.apply(page);
      if (token == null || token.isEmpty()) {
        return all;
      }
      if (!tokens.add(token)) {
        throw failure(
            "Cognito at "
                + endpoint.get()
                + " repeated the token of an earlier page (after page "
                + (pages + 1)
                + ") listing "
                + what
                + ", so the listing would never end; ccr stopped reading: check --endpoint-url");
      }
    }
  }

  private GatewayException failure(String message) {
    return new GatewayException(GatewayException.Reason.OTHER, "", action, message);
  }
}
