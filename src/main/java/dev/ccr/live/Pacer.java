package dev.ccr.live;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces the calls of every thread of one gateway (one account) to Cognito's quotas: a bucket per
 * region and category (read: Describe and List of app clients; write: Create, Update and Delete;
 * and the pool reads plan makes once per pool, DescribeUserPool and the lists of resource servers
 * and identity providers, each category at the read rate) and a bucket per region, operation and
 * user pool. A request waits until both of its buckets allow it; a throttled request slows both
 * down.
 */
final class Pacer {
  /** Waits; the real one sleeps, tests advance a fake clock. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  /** The quota category of an operation, as Cognito's quotas page groups them. */
  enum Category {
    /** UserPoolClientRead: Describe and List of app clients. */
    READ,
    /** UserPoolClientUpdate: Create, Update and Delete of app clients. */
    WRITE,
    /** UserPoolRead: DescribeUserPool. */
    POOL_READ,
    /** UserResourceRead: ListResourceServers and ListIdentityProviders. */
    RESOURCE_READ,
    /** Operations ccr does not call: paced per operation and pool only. */
    OTHER;

    static Category of(String operation) {
      return switch (operation) {
        case "DescribeUserPoolClient", "ListUserPoolClients" -> READ;
        case "CreateUserPoolClient", "UpdateUserPoolClient", "DeleteUserPoolClient" -> WRITE;
        case "DescribeUserPool" -> POOL_READ;
        case "ListResourceServers", "ListIdentityProviders" -> RESOURCE_READ;
        default -> OTHER;
      };
    }
  }

  private final Pacing pacing;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private final Map<String, TokenBucket> buckets = new HashMap<>();
  private long throttles;

  /**
   * @param clock nanoseconds from any origin ({@code System::nanoTime})
   */
  Pacer(Pacing pacing, LongSupplier clock, Sleeper sleeper) {
    this.pacing = Objects.requireNonNull(pacing, "pacing");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** A pacer on the real clock. */
  static Pacer of(Pacing pacing) {
    return new Pacer(pacing, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
  }

  /** Waits until a request may go, and books it; returns the time it was booked for. */
  long acquire(String region, String operation, String userPoolId) throws InterruptedException {
    long asked = clock.getAsLong();
    long wait = reserve(region, operation, userPoolId);
    if (wait > 0) {
      sleeper.sleep(wait);
    }
    return asked + wait;
  }

  /** Books a request at the earliest time its buckets allow; returns the nanoseconds to wait. */
  synchronized long reserve(String region, String operation, String userPoolId) {
    long now = clock.getAsLong();
    TokenBucket category = categoryBucket(region, operation, now);
    TokenBucket pool = poolBucket(region, operation, userPoolId, now);
    long at = pool.availableAt(now);
    if (category != null) {
      at = Math.max(at, category.availableAt(now));
      category.reserve(at);
    }
    pool.reserve(at);
    return at - now;
  }

  /** Cognito answered TooManyRequests to a request sent just now: its buckets slow down. */
  synchronized void throttled(String region, String operation, String userPoolId) {
    throttled(region, operation, userPoolId, clock.getAsLong());
  }

  /**
   * Cognito answered TooManyRequests to a request booked for {@code sent} ({@link #acquire}): its
   * buckets slow down.
   */
  synchronized void throttled(String region, String operation, String userPoolId, long sent) {
    long now = clock.getAsLong();
    throttles++;
    TokenBucket category = categoryBucket(region, operation, now);
    if (category != null) {
      category.throttled(now, sent);
    }
    poolBucket(region, operation, userPoolId, now).throttled(now, sent);
  }

  /** How many requests Cognito throttled so far. */
  synchronized long throttles() {
    return throttles;
  }

  /** Requests per second that the category of {@code operation} in {@code region} allows now. */
  synchronized double categoryRate(String region, String operation) {
    long now = clock.getAsLong();
    TokenBucket category = categoryBucket(region, operation, now);
    return category == null ? Double.POSITIVE_INFINITY : category.rate(now);
  }

  private TokenBucket categoryBucket(String region, String operation, long now) {
    Category category = Category.of(operation);
    return switch (category) {
      case READ -> bucket(region + " read", pacing.readRps(), now);
      case WRITE -> bucket(region + " write", pacing.writeRps(), now);
      case POOL_READ -> bucket(region + " pool read", pacing.readRps(), now);
      case RESOURCE_READ -> bucket(region + " resource read", pacing.readRps(), now);
      case OTHER -> null;
    };
  }

  private TokenBucket poolBucket(String region, String operation, String userPoolId, long now) {
    double categoryRps =
        Category.of(operation) == Category.WRITE ? pacing.writeRps() : pacing.readRps();
    return bucket(
        region + " " + operation + " " + userPoolId, Pacing.perOperationAndPool(categoryRps), now);
  }

  private TokenBucket bucket(String key, double rate, long now) {
    return buckets.computeIfAbsent(key, k -> new TokenBucket(rate, burstOf(rate), now));
  }

  /**
   * A third of a second's worth of requests less one may go at once, and always one. Cognito's
   * buckets are assumed to hold a third of a second's worth; keeping one request below that leaves
   * room for requests that reach Cognito closer together than they were sent (one interval, 67 ms
   * at 15 per second), which a full burst followed by requests at exactly the quota would not.
   */
  static double burstOf(double rate) {
    return Math.max(1, Math.floor(rate / 3) - 1);
  }
}
