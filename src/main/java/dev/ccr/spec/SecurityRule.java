package dev.ccr.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table of ccr's security rules: settings that Cognito accepts but that weaken an app
 * client. Each has a stable id, a name, a level, a one-line reason, what to do, and the AWS page
 * behind it, and how severe it is for code scanning; renderers (text, JSON, SARIF) take all of it
 * from here. Every rule is a warning unless {@code --strict} is given; a document allows a rule
 * with {@code ccr: {allow: [ID]}}, a run with {@code --allow ID}.
 */
public enum SecurityRule {
  USER_EXISTENCE_ERRORS(
      "CCR101",
      "UserExistenceErrorsNotPrevented",
      "Sign-in, confirmation and password recovery tell an attacker which user names exist.",
      "Set PreventUserExistenceErrors: ENABLED (the API's default is LEGACY; the console picks"
          + " ENABLED).",
      "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html",
      5.3),
  TOKEN_REVOCATION_OFF(
      "CCR102",
      "TokenRevocationOff",
      "Refresh tokens cannot be revoked, so a stolen one stays usable until it expires.",
      "Set EnableTokenRevocation: true.",
      "https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html",
      5.4),
  IMPLICIT_GRANT(
      "CCR103",
      "ImplicitGrant",
      "The implicit grant puts tokens in the redirect URL, where the browser, its history and"
          + " other scripts can read them.",
      "Use the authorization code grant (with PKCE for public clients): AllowedOAuthFlows: [code].",
      "https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints-oauth-grants.html",
      7.1),
  PASSWORD_FLOW(
      "CCR104",
      "PasswordAuthFlow",
      "The app sends the user's password itself to Cognito instead of proving it with SRP.",
      "Use ALLOW_USER_SRP_AUTH (or ALLOW_USER_AUTH) instead of ALLOW_USER_PASSWORD_AUTH and the"
          + " legacy USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH.",
      "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html",
      5.9),
  LONG_LIVED_TOKEN(
      "CCR105",
      "LongLivedAccessOrIdToken",
      "An access or ID token valid longer than an hour cannot be revoked and stays usable for that"
          + " long if it leaks.",
      "Keep AccessTokenValidity and IdTokenValidity at 1 hour or less and let the app refresh them.",
      "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html",
      4.3),
  LONG_LIVED_REFRESH_TOKEN(
      "CCR106",
      "LongLivedRefreshToken",
      "A refresh token valid longer than 30 days keeps a session, or a stolen token, alive for"
          + " that long.",
      "Keep RefreshTokenValidity at 30 days or less.",
      "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html",
      4.8),
  PUBLIC_CLIENT_WITHOUT_ROTATION(
      "CCR107",
      "PublicClientWithoutRotation",
      "A public client (no secret) keeps one refresh token for its whole life; rotation would"
          + " retire a refresh token each time it is used.",
      "Set RefreshTokenRotation: {Feature: ENABLED} and list ExplicitAuthFlows without"
          + " ALLOW_REFRESH_TOKEN_AUTH.",
      "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html",
      4.6),
  LOCALHOST_REDIRECT(
      "CCR108",
      "LocalhostRedirect",
      "A redirect to http://localhost is fine for development, but in production any program on"
          + " the user's machine can receive the code or tokens.",
      "Keep loopback URLs in development clients only; allow the rule in their documents"
          + " (environments can narrow it later).",
      "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html",
      5.6);

  private final String id;
  private final String title;
  private final String reason;
  private final String help;
  private final String helpUrl;
  private final double securitySeverity;

  SecurityRule(
      String id,
      String title,
      String reason,
      String help,
      String helpUrl,
      double securitySeverity) {
    this.id = id;
    this.title = title;
    this.reason = reason;
    this.help = help;
    this.helpUrl = helpUrl;
    this.securitySeverity = securitySeverity;
  }

  /** The stable id ({@code CCR101}), as written in {@code allow} lists and shown in messages. */
  public String id() {
    return id;
  }

  /** A PascalCase name ({@code UserExistenceErrorsNotPrevented}), as SARIF names rules. */
  public String title() {
    return title;
  }

  /** The default level: every security rule warns unless {@code --strict} is given. */
  public Severity level() {
    return Severity.WARNING;
  }

  /** Why the setting weakens the client, in one sentence. */
  public String reason() {
    return reason;
  }

  /** What to do instead. */
  public String help() {
    return help;
  }

  /** The AWS page the rule rests on. */
  public String helpUrl() {
    return helpUrl;
  }

  /**
   * How much the setting can hurt, from 0.1 to 10 as GitHub code scanning ranks security alerts
   * (4.0 to 6.9 medium, 7.0 to 8.9 high); SARIF reports carry it.
   */
  public double securitySeverity() {
    return securitySeverity;
  }

  /** The rule with this id, in any case. */
  public static Optional<SecurityRule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id.strip())).findFirst();
  }

  /** Every id, in order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(SecurityRule::id).toList();
  }

  /**
   * What is wrong with an id that names no rule: {@code no security rule CCR109; did you mean
   * CCR108?} or the list of ids.
   */
  public static String unknown(String id) {
    String hint =
        nearest(id)
            .map(r -> "; did you mean " + r.id + " (" + r.title + ")?")
            .orElse("; the rules are " + String.join(", ", ids()));
    return "no security rule " + id + hint;
  }

  /**
   * The one rule an unknown id most likely meant: by its name ({@code LocalhostRedirect}), or by an
   * id one typo or one swap of neighbouring characters away ({@code CCR180} for CCR108).
   */
  private static Optional<SecurityRule> nearest(String id) {
    String wanted = id.strip().toUpperCase(Locale.ROOT);
    List<SecurityRule> named =
        Arrays.stream(values()).filter(r -> r.title.equalsIgnoreCase(id.strip())).toList();
    if (named.size() == 1) {
      return Optional.of(named.get(0));
    }
    List<SecurityRule> near =
        Arrays.stream(values()).filter(r -> oneEditApart(wanted, r.id)).toList();
    return near.size() == 1 ? Optional.of(near.get(0)) : Optional.empty();
  }

  /** One character changed, added, dropped, or two neighbours swapped. */
  private static boolean oneEditApart(String a, String b) {
    if (a.length() == b.length()) {
      List<Integer> differ = new java.util.ArrayList<>();
      for (int i = 0; i < a.length(); i++) {
        if (a.charAt(i) != b.charAt(i)) {
          differ.add(i);
        }
      }
      return differ.size() == 1
          || differ.size() == 2
              && differ.get(1) == differ.get(0) + 1
              && a.charAt(differ.get(0)) == b.charAt(differ.get(1))
              && a.charAt(differ.get(1)) == b.charAt(differ.get(0));
    }
    return Suggestions.distance(a, b) == 1;
  }
}
