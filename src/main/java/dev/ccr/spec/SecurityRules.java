package dev.ccr.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks the {@link SecurityRule}s on a {@link Configuration}: on a document alone, what it states;
 * on the configuration a write would send, every value, Cognito's defaults included.
 */
final class SecurityRules {
  private static final Set<String> PASSWORD_FLOWS =
      Set.of("ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH");
  private static final long HOUR = 3_600;
  private static final long THIRTY_DAYS = 30 * 86_400L;

  private final Configuration config;
  private final Consumer<Finding> findings;

  private SecurityRules(Configuration config, Consumer<Finding> findings) {
    this.config = config;
    this.findings = findings;
  }

  static void check(Configuration config, Consumer<Finding> findings) {
    SecurityRules rules = new SecurityRules(config, findings);
    rules.userExistenceErrors();
    rules.tokenRevocation();
    rules.implicitGrant();
    rules.passwordFlows();
    rules.tokenLifetimes();
    rules.rotationForPublicClient();
    rules.localhostRedirects();
  }

  /** CCR101. */
  private void userExistenceErrors() {
    String member = "PreventUserExistenceErrors";
    config
        .effective(member)
        .filter(v -> !"ENABLED".equals(v))
        .ifPresent(
            v ->
                report(
                    SecurityRule.USER_EXISTENCE_ERRORS,
                    "/" + member,
                    member
                        + ": "
                        + v
                        + config.mark(member)
                        + " lets sign-in and password recovery reveal which users exist; set"
                        + " ENABLED"));
  }

  /** CCR102. */
  private void tokenRevocation() {
    String member = "EnableTokenRevocation";
    config
        .effective(member)
        .filter(Boolean.FALSE::equals)
        .ifPresent(
            v ->
                report(
                    SecurityRule.TOKEN_REVOCATION_OFF,
                    "/" + member,
                    member
                        + ": false"
                        + config.mark(member)
                        + " means refresh tokens cannot be revoked; set true"));
  }

  /** CCR103. */
  private void implicitGrant() {
    String member = "AllowedOAuthFlows";
    if (config.list(member).contains("implicit")) {
      report(
          SecurityRule.IMPLICIT_GRANT,
          config.itemPointer(member, "implicit"),
          member
              + ": implicit"
              + config.mark(member)
              + " hands tokens over in the redirect URL; use code (with PKCE)");
    }
  }

  /** CCR104. */
  private void passwordFlows() {
    String member = "ExplicitAuthFlows";
    for (String flow : config.list(member)) {
      if (PASSWORD_FLOWS.contains(flow)) {
        report(
            SecurityRule.PASSWORD_FLOW,
            config.itemPointer(member, flow),
            member
                + ": "
                + flow
                + config.mark(member)
                + " sends the user's password to Cognito; prefer ALLOW_USER_SRP_AUTH");
      }
    }
  }

  /** CCR105 and CCR106. */
  private void tokenLifetimes() {
    for (Attribute validity : CrossFieldRules.validities()) {
      boolean refresh = validity == Attribute.REFRESH_TOKEN_VALIDITY;
      long limit = refresh ? THIRTY_DAYS : HOUR;
      Optional<Long> seconds = CrossFieldRules.seconds(config, validity);
      if (seconds.isEmpty()
          || seconds.get() <= limit
          || !TokenLifetime.inRange(validity, seconds.get())) {
        continue; // out of Cognito's range is an error of its own
      }
      String name = validity.memberName();
      String unitPath = "TokenValidityUnits/" + validity.unitKey().orElseThrow();
      report(
          refresh ? SecurityRule.LONG_LIVED_REFRESH_TOKEN : SecurityRule.LONG_LIVED_TOKEN,
          List.of("/" + name, "/" + unitPath),
          name
              + ": "
              + TokenLifetime.humanize(seconds.get())
              + " is longer than "
              + TokenLifetime.humanize(limit)
              + config.origin(name, unitPath)
              + "; a leaked "
              + TokenLifetime.tokenName(validity)
              + " stays usable that long");
    }
  }

  /** CCR107. */
  private void rotationForPublicClient() {
    Optional<Configuration.Secret> secret = config.secret();
    Optional<Object> feature = config.effectiveSub("RefreshTokenRotation", "Feature");
    if (secret.isEmpty()
        || secret.get().present()
        || feature.isEmpty()
        || "ENABLED".equals(feature.get())) {
      return;
    }
    String path = "RefreshTokenRotation/Feature";
    String pointer = "/" + path;
    report(
        SecurityRule.PUBLIC_CLIENT_WITHOUT_ROTATION,
        List.of(pointer, "/GenerateSecret"),
        "RefreshTokenRotation.Feature: "
            + feature.get()
            + config.mark(path)
            + " on a client without a secret"
            + (switch (secret.get().source()) {
              case FILE -> " (GenerateSecret: false)";
              case LIVE -> "";
              case DEFAULT -> " (created without GenerateSecret)";
            })
            + ": a refresh token is never rotated; enable rotation");
  }

  /** CCR108. */
  private void localhostRedirects() {
    for (String member : RedirectUrls.LISTS) {
      for (String url : config.list(member)) {
        if (RedirectUrls.isLoopbackHttp(url)) {
          report(
              SecurityRule.LOCALHOST_REDIRECT,
              config.itemPointer(member, url),
              member
                  + ": "
                  + url
                  + config.mark(member)
                  + " is a plain-http loopback URL, fine for development only");
        }
      }
    }
  }

  private void report(SecurityRule rule, String pointer, String message) {
    report(rule, List.of(pointer), message);
  }

  private void report(SecurityRule rule, List<String> pointers, String message) {
    findings.accept(new Finding(rule.level(), Optional.of(rule), pointers, message));
  }
}
