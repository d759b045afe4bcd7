package dev.ccr.live;

/**
 * How fast ccr may call Cognito, per account and region: requests per second of the read category
 * (Describe and List of app clients) and of the write category (Create, Update and Delete). Each
 * operation on one user pool gets a third of its category's rate, as Cognito's quotas have it (15
 * per category, 5 per operation and pool; {@code
 * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html}).
 *
 * <p>"Account" means the credentials in use: one gateway is one set of credentials, so its buckets
 * are the account's. Two ccr processes on one account each pace to these rates; lower them with
 * {@code --max-read-rps} and {@code --max-write-rps} when the account is shared.
 *
 * @param readRps requests per second of the read category, positive
 * @param writeRps requests per second of the write category, positive
 */
public record Pacing(double readRps, double writeRps) {
  /** Cognito's quota of each category: 15 requests per second per account and region. */
  public static final double COGNITO_CATEGORY_RPS = 15;

  public Pacing {
    check("readRps", readRps);
    check("writeRps", writeRps);
  }

  /** Cognito's quotas. */
  public static Pacing cognitoQuotas() {
    return new Pacing(COGNITO_CATEGORY_RPS, COGNITO_CATEGORY_RPS);
  }

  /** The rate of one operation on one user pool within a category of {@code categoryRps}. */
  static double perOperationAndPool(double categoryRps) {
    return categoryRps / 3;
  }

  private static void check(String name, double rps) {
    if (!(rps > 0) || Double.isInfinite(rps)) {
      throw new IllegalArgumentException(name + " must be a positive number: " + rps);
    }
  }
}
