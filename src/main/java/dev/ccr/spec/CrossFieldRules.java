package dev.ccr.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules beyond the schema that span several attributes and that a file alone decides (the
 * README's "Rules beyond the schema"; R1-R7, R9, and R14, R15 as warnings). Rules needing the live
 * client or the pool run at plan time.
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
  private static final String REFRESH_FLOW = "ALLOW_REFRESH_TOKEN_AUTH";

  /** Receives what the rules find, by JSON Pointer of the attribute concerned. */
  interface Findings {
    void report(Severity severity, String pointer, String message);
  }

  private final ClientSpec spec;
  private final Findings findings;

  private CrossFieldRules(ClientSpec spec, Findings findings) {
    this.spec = spec;
    this.findings = findings;
  }

  static void check(ClientSpec spec, Findings findings) {
    CrossFieldRules rules = new CrossFieldRules(spec, findings);
    rules.tokenLifetimes();
    rules.redirectUris();
    rules.oauthNeedsUserPoolClient();
    rules.clientCredentialsAlone();
    rules.secretWhereNoneIsGenerated();
    rules.legacyFlowsNotMixed();
    rules.authFlowsNotEmpty();
    rules.rotationWithoutRefreshFlow();
    rules.refreshFlowPresent();
    rules.idTokenWithinRefreshToken();
  }

  /** R1, R2 and the unit warnings. */
  private void tokenLifetimes() {
    for (Attribute validity : validities()) {
      Optional<Integer> value = integer(validity.memberName());
      Optional<String> unit = unit(validity);
      String name = validity.memberName();
      if (value.isPresent() && validity == Attribute.REFRESH_TOKEN_VALIDITY && value.get() == 0) {
        error(
            "/" + name,
            name
                + ": 0 is replaced by Cognito with 30 days, so the plan would never converge; write the lifetime you want (for example 30 with TokenValidityUnits.RefreshToken: days)");
      } else if (value.isPresent() && unit.isPresent()) {
        long seconds = value.get() * TokenLifetime.unitSeconds(unit.get());
        if (!TokenLifetime.inRange(validity, seconds)) {
          error(
              "/" + name,
              name
                  + ": "
                  + TokenLifetime.format(value.get(), unit.get())
                  + " is outside the "
                  + TokenLifetime.range(validity)
                  + " Cognito allows for the "
                  + TokenLifetime.tokenName(validity));
        }
      } else if (value.isPresent()) {
        warning(
            "/" + name,
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
            "/TokenValidityUnits/" + validity.unitKey().orElseThrow(),
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

  /** R3 and R4. */
  private void redirectUris() {
    for (String member : RedirectUrls.LISTS) {
      List<String> urls = list(member);
      for (int i = 0; i < urls.size(); i++) {
        checkUrl("/" + member + "/" + i, member + "[" + i + "]", urls.get(i));
      }
    }
    Optional<String> redirect = string("DefaultRedirectURI");
    redirect.ifPresent(url -> checkUrl("/DefaultRedirectURI", "DefaultRedirectURI", url));
    if (redirect.isPresent()
        && spec.get("CallbackURLs").isPresent()
        && !list("CallbackURLs").contains(redirect.get())) {
      error(
          "/DefaultRedirectURI",
          "DefaultRedirectURI: \"" + redirect.get() + "\" must be one of the CallbackURLs");
    }
  }

  private void checkUrl(String pointer, String path, String url) {
    Optional<String> problem = RedirectUrls.problem(url);
    problem.ifPresent(p -> error(pointer, path + ": \"" + url + "\" " + p));
  }

  /** R5. */
  private void oauthNeedsUserPoolClient() {
    Optional<Boolean> enabled = bool("AllowedOAuthFlowsUserPoolClient");
    if (enabled.isEmpty() || enabled.get()) {
      return;
    }
    for (String member : OAUTH_SETTINGS) {
      boolean set =
          member.equals("DefaultRedirectURI")
              ? string(member).isPresent()
              : !list(member).isEmpty();
      if (set) {
        Position off = spec.positionOf("/AllowedOAuthFlowsUserPoolClient");
        error(
            "/" + member,
            member
                + " needs AllowedOAuthFlowsUserPoolClient: true, but it is false (line "
                + off.line()
                + "); enable it or remove the OAuth settings");
      }
    }
  }

  /** R6 (the part a file decides: the secret is checked at plan time). */
  private void clientCredentialsAlone() {
    List<String> flows = list("AllowedOAuthFlows");
    if (flows.contains("client_credentials") && flows.size() > 1) {
      error(
          "/AllowedOAuthFlows",
          "AllowedOAuthFlows: client_credentials must be the only flow, found "
              + flows
              + "; use a separate client for user sign-in");
    }
  }

  /**
   * R6 and R10 where the file itself says the client has no secret ({@code GenerateSecret: false});
   * otherwise they are checked against the live client, or GenerateSecret on a create, at plan
   * time.
   */
  private void secretWhereNoneIsGenerated() {
    if (spec.generateSecret().orElse(true)) {
      return;
    }
    int line = spec.positionOf("/GenerateSecret").line();
    if (list("AllowedOAuthFlows").contains("client_credentials")) {
      error(
          "/AllowedOAuthFlows",
          "AllowedOAuthFlows: client_credentials needs a client with a secret, but GenerateSecret is false (line "
              + line
              + "); set GenerateSecret: true on a new client, or use a separate confidential client");
    }
    if (bool("EnablePropagateAdditionalUserContextData").orElse(false)) {
      error(
          "/EnablePropagateAdditionalUserContextData",
          "EnablePropagateAdditionalUserContextData: true needs a client with a secret, but GenerateSecret is false (line "
              + line
              + ")");
    }
  }

  /** R7. */
  private void legacyFlowsNotMixed() {
    List<String> flows = list("ExplicitAuthFlows");
    List<String> legacy = flows.stream().filter(LEGACY_FLOWS::contains).toList();
    if (!legacy.isEmpty() && legacy.size() < flows.size()) {
      error(
          "/ExplicitAuthFlows",
          "ExplicitAuthFlows: legacy values "
              + legacy
              + " cannot be mixed with ALLOW_ values; use only ALLOW_ values");
    }
  }

  /** An empty ExplicitAuthFlows is not "no flows": Cognito applies its default set instead. */
  private void authFlowsNotEmpty() {
    if (spec.get("ExplicitAuthFlows").isPresent() && list("ExplicitAuthFlows").isEmpty()) {
      error(
          "/ExplicitAuthFlows",
          "ExplicitAuthFlows: [] does not mean no flows: Cognito then applies its default set "
              + Attribute.EXPLICIT_AUTH_FLOWS.defaultValue().orElseThrow()
              + ", so the plan would never converge; list the flows you want");
    }
  }

  /**
   * R9: rotation cannot be combined with the refresh-token flow, which the default flow set holds.
   */
  private void rotationWithoutRefreshFlow() {
    if (!rotationEnabled()) {
      return;
    }
    if (spec.get("ExplicitAuthFlows").isEmpty()) {
      error(
          "/RefreshTokenRotation/Feature",
          "RefreshTokenRotation.Feature: ENABLED cannot be combined with ALLOW_REFRESH_TOKEN_AUTH, which the default ExplicitAuthFlows include; state ExplicitAuthFlows without ALLOW_REFRESH_TOKEN_AUTH");
    } else if (list("ExplicitAuthFlows").contains(REFRESH_FLOW)) {
      int index = list("ExplicitAuthFlows").indexOf(REFRESH_FLOW);
      error(
          "/ExplicitAuthFlows/" + index,
          "ExplicitAuthFlows: ALLOW_REFRESH_TOKEN_AUTH cannot be combined with RefreshTokenRotation.Feature: ENABLED; remove it (rotation replaces it)");
    }
  }

  /** R14, a warning: Cognito has rejected ALLOW_ lists without the refresh-token flow. */
  private void refreshFlowPresent() {
    List<String> flows = list("ExplicitAuthFlows");
    boolean allowStyle = !flows.isEmpty() && flows.stream().allMatch(f -> f.startsWith("ALLOW_"));
    if (allowStyle && !flows.contains(REFRESH_FLOW) && !rotationEnabled()) {
      warning(
          "/ExplicitAuthFlows",
          "ExplicitAuthFlows: without ALLOW_REFRESH_TOKEN_AUTH (and without refresh token rotation) Cognito may reject the update (\"REFRESH_TOKEN_AUTH should always be allowed\"); add it");
    }
  }

  /** R15, a warning: an ID token outliving the refresh token. */
  private void idTokenWithinRefreshToken() {
    Optional<Long> id = seconds(Attribute.ID_TOKEN_VALIDITY);
    Optional<Long> refresh = seconds(Attribute.REFRESH_TOKEN_VALIDITY);
    if (id.isPresent() && refresh.isPresent() && id.get() > refresh.get()) {
      warning(
          "/IdTokenValidity",
          "IdTokenValidity: "
              + TokenLifetime.humanize(id.get())
              + " is longer than RefreshTokenValidity ("
              + TokenLifetime.humanize(refresh.get())
              + "); the ID token would outlive the session");
    }
  }

  private boolean rotationEnabled() {
    return spec.get("RefreshTokenRotation")
        .map(r -> "ENABLED".equals(((Map<?, ?>) r).get("Feature")))
        .orElse(false);
  }

  private static List<Attribute> validities() {
    return List.of(
        Attribute.ACCESS_TOKEN_VALIDITY,
        Attribute.ID_TOKEN_VALIDITY,
        Attribute.REFRESH_TOKEN_VALIDITY);
  }

  private Optional<Long> seconds(Attribute validity) {
    Optional<Integer> value = integer(validity.memberName());
    Optional<String> unit = unit(validity);
    return value.isPresent() && unit.isPresent()
        ? Optional.of(value.get() * TokenLifetime.unitSeconds(unit.get()))
        : Optional.empty();
  }

  private Optional<String> unit(Attribute validity) {
    return spec.get("TokenValidityUnits")
        .map(units -> ((Map<?, ?>) units).get(validity.unitKey().orElseThrow()))
        .map(String.class::cast);
  }

  private Optional<Integer> integer(String member) {
    return spec.get(member).map(Integer.class::cast);
  }

  private Optional<Boolean> bool(String member) {
    return spec.get(member).map(Boolean.class::cast);
  }

  private Optional<String> string(String member) {
    return spec.get(member).map(String.class::cast);
  }

  private List<String> list(String member) {
    List<String> items = new ArrayList<>();
    spec.get(member)
        .ifPresent(value -> ((List<?>) value).forEach(item -> items.add((String) item)));
    return items;
  }

  private void error(String pointer, String message) {
    findings.report(Severity.ERROR, pointer, message);
  }

  private void warning(String pointer, String message) {
    findings.report(Severity.WARNING, pointer, message);
  }
}
