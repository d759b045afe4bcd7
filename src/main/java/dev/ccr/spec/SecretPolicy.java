package dev.ccr.spec;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a document's client secret is rotated and where it is delivered ({@code ccr: {secret:}}).
 *
 * @param rotateAfter how old the secret the store holds may grow before apply rotates it
 * @param grace how long the previous secret stays valid after the new one is delivered
 * @param store where applications read the secret
 */
public record SecretPolicy(Duration rotateAfter, Duration grace, Store store) {
  /** The grace period when the document gives none. */
  public static final Duration DEFAULT_GRACE = Duration.ofDays(7);

  private static final Pattern AGE = Pattern.compile("([1-9][0-9]{0,5}) (day|days|hour|hours)");

  public SecretPolicy {
    Objects.requireNonNull(rotateAfter, "rotateAfter");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(store, "store");
  }

  /** Where the secret is delivered. */
  public sealed interface Store permits SecretsManager, SsmParameter {
    /** The secret's name or ARN, or the parameter's name. */
    String name();

    /** How plans name the store: {@code secretsManager:prod/app} or {@code ssm:/prod/app}. */
    String label();
  }

  /** An AWS Secrets Manager secret, by name or ARN. */
  public record SecretsManager(String name) implements Store {
    public SecretsManager {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String label() {
      return "secretsManager:" + name;
    }
  }

  /** An SSM Parameter Store SecureString parameter, by name. */
  public record SsmParameter(String name) implements Store {
    public SsmParameter {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String label() {
      return "ssmParameter:" + name;
    }
  }

  /** An age as the schema allows it ({@code 90 days}, {@code 12 hours}). */
  public static Duration age(String text) {
    Matcher m = AGE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not an age like '90 days' or '12 hours': " + text);
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2).startsWith("day") ? Duration.ofDays(n) : Duration.ofHours(n);
  }

  /** An age as documents write it: whole days when it is, else hours. */
  public static String describe(Duration age) {
    long hours = age.toHours();
    if (hours % 24 == 0) {
      long days = hours / 24;
      return days + (days == 1 ? " day" : " days");
    }
    return hours + (hours == 1 ? " hour" : " hours");
  }
}
