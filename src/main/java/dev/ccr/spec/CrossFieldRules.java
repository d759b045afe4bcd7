package dev.ccr.spec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules that span several attributes, each written once over a {@link Configuration}: on a
 * document alone they check what the document decides; on the configuration a write would send they
 * check the live values the document leaves as they are too (docs/validate.md's "Rules beyond the
 * schema"). Rules needing the pool run at plan time ({@code PoolChecks}).
 */
final class CrossFieldRules {
  private static final Set<String> LEGACY_FLOWS =
      Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH");
  private static final List<String> OAUTH_SETTINGS =
      List.of(
          "AllowedOAuthFlows",
          "AllowedOAuthScopes",
          "CallbackURLs",
          "LogoutURLs",
          "DefaultRedirectURI");
  private static final Set<String> URL_SETTINGS =
      Set.of("CallbackURLs", "LogoutURLs", "DefaultRedirectURI");
  private static final String REFRESH_FLOW = "ALLOW_REFRESH_TOKEN_AUTH";
  private static final String UNITS = "TokenValidityUnits";
  private static final String ENABLED_FLAG = "AllowedOAuthFlowsUserPoolClient";

  private final Configuration config;
  private final Consumer<Finding> findings;

  private CrossFieldRules(Configuration config, Consumer<Finding> findings) {
    this.config = config;
    this.findings = findings;
  }

  static void check(Configuration config, Consumer<Finding> findings) {
    CrossFieldRules rules = new CrossFieldRules(config, findings);
    rules.tokenLifetimes();
    rules.redirectUris();
    rules.oauthNeedsUserPoolClient();
    rules.clientCredentialsAlone();
    rules.secretNeeded();
    rules.legacyFlowsNotMixed();
    rules.authFlowsNotEmpty();
    rules.rotationWithoutRefreshFlow();
    rules.refreshFlowPresent();
    rules.idTokenWithinRefreshToken();
  }

  /**
   * Token lifetimes in range, a refresh token validity other than 0, and the unit warnings (which
   * concern a document alone).
   */
  private void tokenLifetimes() {
    for (Attribute validity : validities()) {
      String name = validity.memberName();
      String unitPath = UNITS + "/" + validity.unitKey().orElseThrow();
      Optional<Integer> value = config.effective(name).map(Integer.class::cast);
      Optional<String> unit = unit(validity);
      List<String> both = List.of("/" + name, "/" + unitPath);
      if (value.isPresent() && validity == Attribute.REFRESH_TOKEN_VALIDITY && value.get() == 0) {
        error(
            ErrorRule.CCR002,
            both,
            name
                + ": 0 is replaced by Cognito with 30 days, so the plan would never converge; write the lifetime you want (for example 30 with TokenValidityUnits.RefreshToken: days)"
                + config.origin(name));
      } else if (value.isPresent() && unit.isPresent()) {
        long seconds = value.get() * TokenLifetime.unitSeconds(unit.get());
        if (!TokenLifetime.inRange(validity, seconds)) {
          error(
              ErrorRule.CCR001,
              both,
              name
                  + ": "
                  + TokenLifetime.format(value.get(), unit.get())
                  + " is outside the "
                  + TokenLifetime.range(validity)
                  + " Cognito allows for the "
                  + TokenLifetime.tokenName(validity)
                  + config.origin(name, unitPath));
        }
      } else if (value.isPresent()) {
        warning(
            both,
            name
                + ": "
                + value.get()
                + " has no unit in TokenValidityUnits."
                + validity.unitKey().orElseThrow()
                + ", so the live client's unit applies ("
                + validity.defaultUnit().orElseThrow()
                + " if it has none); state the unit to make the file self-contained");
      } else if (unit.isPresent()) {
        warning(
            List.of("/" + unitPath),
            "TokenValidityUnits."
                + validity.unitKey().orElseThrow()
                + " is set without "
                + name
                + ": the live "
                + name
                + " will be counted in "
                + unit.get()
                + "; state "
                + name
                + " as well");
      }
    }
  }

  /** DefaultRedirectURI is one of the CallbackURLs; callback and logout URLs are acceptable. */
  private void redirectUris() {
    for (String member : RedirectUrls.LISTS) {
      List<String> urls = config.list(member);
      for (int i = 0; i < urls.size(); i++) {
        checkUrl(
            config.itemPointer(member, urls.get(i)), member, member + "[" + i + "]", urls.get(i));
      }
    }
    String redirectMember = Attribute.DEFAULT_REDIRECT_URI.memberName();
    Optional<String> redirect = config.get(redirectMember).map(String.class::cast);
    redirect.ifPresent(url -> checkUrl("/" + redirectMember, redirectMember, redirectMember, url));
    boolean callbacksKnown = config.complete() || config.get("CallbackURLs").isPresent();
    if (redirect.isEmpty()
        || !callbacksKnown
        || config.list("CallbackURLs").contains(redirect.get())) {
      return;
    }
    if (config.source(redirectMember) == Configuration.Source.FILE) {
      error(
          ErrorRule.CCR003,
          List.of("/DefaultRedirectURI", "/CallbackURLs"),
          "DefaultRedirectURI: \""
              + redirect.get()
              + "\" must be one of the CallbackURLs"
              + config.origin("CallbackURLs"));
    } else {
      error(
          ErrorRule.CCR003,
          List.of("/CallbackURLs", "/DefaultRedirectURI"),
          "DefaultRedirectURI "
              + redirect.get()
              + config.mark(redirectMember)
              + " is not one of CallbackURLs after this change; keep it in CallbackURLs, or remove"
              + " it with DefaultRedirectURI: null");
    }
  }

  private void checkUrl(String pointer, String member, String path, String url) {
    Optional<String> problem = RedirectUrls.problem(url);
    problem.ifPresent(
        p ->
            error(
                ErrorRule.CCR004,
                List.of(pointer),
                path + ": \"" + url + "\" " + p + config.origin(member)));
  }

  /**
   * OAuth flows and scopes need AllowedOAuthFlowsUserPoolClient (an error, as the API reference
   * says); callback and logout URLs and the default redirect without it are stored by Cognito but
   * unused (a warning).
   */
  private void oauthNeedsUserPoolClient() {
    Optional<Boolean> enabled = config.effective(ENABLED_FLAG).map(Boolean.class::cast);
    if (enabled.isEmpty() || enabled.get()) {
      return;
    }
    for (String member : OAUTH_SETTINGS) {
      boolean set =
          member.equals("DefaultRedirectURI")
              ? config.get(member).isPresent()
              : !config.list(member).isEmpty();
      if (!set) {
        continue;
      }
      Configuration.Source flag = config.source(ENABLED_FLAG);
      if (URL_SETTINGS.contains(member)) {
        if (config.source(member) == Configuration.Source.FILE
            || flag == Configuration.Source.FILE) {
          warning(
              List.of("/" + member, "/" + ENABLED_FLAG),
              member
                  + " is stored but unused while AllowedOAuthFlowsUserPoolClient is false"
                  + (flag == Configuration.Source.FILE
                      ? " (line " + config.spec().positionOf("/" + ENABLED_FLAG).line() + ")"
                      : config.mark(ENABLED_FLAG))
                  + ": the URLs take effect once OAuth is on (AllowedOAuthFlowsUserPoolClient:"
                  + " true)");
        }
        continue;
      }
      String because =
          flag == Configuration.Source.FILE
              ? "it is false (line "
                  + config.spec().positionOf("/" + ENABLED_FLAG).line()
                  + "); enable it or remove the OAuth settings"
              : "it is false" + config.mark(ENABLED_FLAG) + "; set it to true in the file";
      error(
          ErrorRule.CCR005,
          List.of("/" + member, "/" + ENABLED_FLAG),
          member
              + config.mark(member)
              + " needs AllowedOAuthFlowsUserPoolClient: true, but "
              + because);
    }
  }

  /** client_credentials is the only OAuth flow of its client. */
  private void clientCredentialsAlone() {
    List<String> flows = config.list("AllowedOAuthFlows");
    if (flows.contains("client_credentials") && flows.size() > 1) {
      error(
          ErrorRule.CCR006,
          List.of("/AllowedOAuthFlows"),
          "AllowedOAuthFlows: client_credentials must be the only flow, found "
              + flows
              + "; use a separate client for user sign-in"
              + config.origin("AllowedOAuthFlows"));
    }
  }

  /**
   * client_credentials and EnablePropagateAdditionalUserContextData need a client with a secret. A
   * document alone knows only {@code GenerateSecret: false}; a write knows the live client, or what
   * a create generates.
   */
  private void secretNeeded() {
    Optional<Configuration.Secret> secret = config.secret();
    if (secret.isEmpty() || secret.get().present()) {
      return;
    }
    Configuration.Source source = secret.get().source();
    if (config.list("AllowedOAuthFlows").contains("client_credentials")) {
      error(
          ErrorRule.CCR007,
          List.of("/AllowedOAuthFlows", "/GenerateSecret"),
          "AllowedOAuthFlows: client_credentials needs a client with a secret, "
              + withoutSecret(source)
              + (source == Configuration.Source.FILE
                  ? "; set GenerateSecret: true on a new client, or use a separate confidential"
                      + " client"
                  : "")
              + config.origin("AllowedOAuthFlows"));
    }
    String propagate = "EnablePropagateAdditionalUserContextData";
    if (config.effective(propagate).map(Boolean.class::cast).orElse(false)) {
      error(
          ErrorRule.CCR007,
          List.of("/" + propagate, "/GenerateSecret"),
          propagate
              + ": true needs a client with a secret, "
              + withoutSecret(source)
              + config.origin(propagate));
    }
  }

  private String withoutSecret(Configuration.Source source) {
    return switch (source) {
      case FILE ->
          "but GenerateSecret is false (line "
              + config.spec().positionOf("/GenerateSecret").line()
              + ")";
      case LIVE -> "and this client has none; create a confidential client for it";
      case DEFAULT -> "and the client would be created without one (set GenerateSecret: true)";
    };
  }

  /** Legacy ExplicitAuthFlows values are not mixed with ALLOW_ values. */
  private void legacyFlowsNotMixed() {
    List<String> flows = config.list("ExplicitAuthFlows");
    List<String> legacy = flows.stream().filter(LEGACY_FLOWS::contains).toList();
    if (!legacy.isEmpty() && legacy.size() < flows.size()) {
      error(
          ErrorRule.CCR008,
          List.of("/ExplicitAuthFlows"),
          "ExplicitAuthFlows: legacy values "
              + legacy
              + " cannot be mixed with ALLOW_ values; use only ALLOW_ values"
              + config.origin("ExplicitAuthFlows"));
    }
  }

  /**
   * An empty ExplicitAuthFlows is not "no flows": Cognito accepts it and the client keeps its
   * default set, so a warning says so.
   */
  private void authFlowsNotEmpty() {
    Optional<Object> flows = config.get("ExplicitAuthFlows");
    if (flows.isPresent() && ((List<?>) flows.get()).isEmpty()) {
      warning(
          List.of("/ExplicitAuthFlows"),
          "ExplicitAuthFlows: [] does not turn the client's auth flows off: Cognito stores no"
              + " flows and the client supports its default set "
              + Attribute.EXPLICIT_AUTH_FLOWS.defaultValue().orElseThrow()
              + "; list the flows you want");
    }
  }

  /**
   * Rotation cannot be combined with the refresh-token flow, which the default flow set holds (also
   * on a document alone: a document that enables rotation states its flows).
   */
  private void rotationWithoutRefreshFlow() {
    if (!rotationEnabled()) {
      return;
    }
    String feature = "/RefreshTokenRotation/Feature";
    Optional<Object> flows = config.get("ExplicitAuthFlows");
    if (flows.isEmpty()) {
      error(
          ErrorRule.CCR010,
          List.of(feature),
          "RefreshTokenRotation.Feature: ENABLED cannot be combined with ALLOW_REFRESH_TOKEN_AUTH, which the default ExplicitAuthFlows include; state ExplicitAuthFlows without ALLOW_REFRESH_TOKEN_AUTH"
              + config.origin("RefreshTokenRotation/Feature"));
    } else if (((List<?>) flows.get()).contains(REFRESH_FLOW)) {
      error(
          ErrorRule.CCR010,
          List.of(config.itemPointer("ExplicitAuthFlows", REFRESH_FLOW), feature),
          "ExplicitAuthFlows: ALLOW_REFRESH_TOKEN_AUTH cannot be combined with RefreshTokenRotation.Feature: ENABLED; remove it (rotation replaces it)"
              + config.origin("ExplicitAuthFlows", "RefreshTokenRotation/Feature"));
    }
  }

  /** A warning: Cognito has rejected ALLOW_ lists without the refresh-token flow. */
  private void refreshFlowPresent() {
    List<String> flows = config.list("ExplicitAuthFlows");
    boolean allowStyle = !flows.isEmpty() && flows.stream().allMatch(f -> f.startsWith("ALLOW_"));
    if (allowStyle && !flows.contains(REFRESH_FLOW) && !rotationEnabled()) {
      warning(
          List.of("/ExplicitAuthFlows"),
          "ExplicitAuthFlows: without ALLOW_REFRESH_TOKEN_AUTH (and without refresh token rotation) Cognito may reject the update (\"REFRESH_TOKEN_AUTH should always be allowed\"); add it"
              + config.origin("ExplicitAuthFlows"));
    }
  }

  /** A warning: an ID token outliving the refresh token. */
  private void idTokenWithinRefreshToken() {
    Optional<Long> id = seconds(config, Attribute.ID_TOKEN_VALIDITY);
    Optional<Long> refresh = seconds(config, Attribute.REFRESH_TOKEN_VALIDITY);
    if (id.isPresent() && refresh.isPresent() && id.get() > refresh.get()) {
      warning(
          List.of("/IdTokenValidity", "/RefreshTokenValidity"),
          "IdTokenValidity: "
              + TokenLifetime.humanize(id.get())
              + " is longer than RefreshTokenValidity ("
              + TokenLifetime.humanize(refresh.get())
              + "); the ID token would outlive the session"
              + config.origin("IdTokenValidity", "RefreshTokenValidity"));
    }
  }

  private boolean rotationEnabled() {
    return config
        .effectiveSub("RefreshTokenRotation", "Feature")
        .map("ENABLED"::equals)
        .orElse(false);
  }

  static List<Attribute> validities() {
    return List.of(
        Attribute.ACCESS_TOKEN_VALIDITY,
        Attribute.ID_TOKEN_VALIDITY,
        Attribute.REFRESH_TOKEN_VALIDITY);
  }

  /** A token's lifetime in seconds, when both its validity and its unit are known. */
  static Optional<Long> seconds(Configuration config, Attribute validity) {
    Optional<Integer> value = config.effective(validity.memberName()).map(Integer.class::cast);
    Optional<String> unit =
        config.effectiveSub(UNITS, validity.unitKey().orElseThrow()).map(String.class::cast);
    return value.isPresent() && unit.isPresent()
        ? Optional.of(value.get() * TokenLifetime.unitSeconds(unit.get()))
        : Optional.empty();
  }

  private Optional<String> unit(Attribute validity) {
    return config.effectiveSub(UNITS, validity.unitKey().orElseThrow()).map(String.class::cast);
  }

  private void error(ErrorRule rule, List<String> pointers, String message) {
    findings.accept(new Finding(Severity.ERROR, Optional.empty(), pointers, message));
  }

  private void warning(List<String> pointers, String message) {
    findings.accept(new Finding(Severity.WARNING, Optional.empty(), pointers, message));
  }
}
