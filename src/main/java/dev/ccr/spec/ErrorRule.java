package dev.ccr.spec;

/**
 * The rules that can fail a document or a plan at error level beyond the AWS model, each with a
 * stable id. docs/rules.md has one row per id with the Cognito error it prevents and the public
 * source that shows Cognito refuses it (a test keeps them in step); a rule without such evidence is
 * a warning, not an entry here.
 */
public enum ErrorRule {
  /** Effective token lifetime (validity x unit) within Cognito's range. */
  CCR001("TokenLifetimeOutOfRange"),
  /** RefreshTokenValidity 0, which Cognito replaces with 30 days. */
  CCR002("RefreshTokenValidityZero"),
  /** DefaultRedirectURI is one of CallbackURLs. */
  CCR003("DefaultRedirectNotACallback"),
  /** Callback and logout URLs: absolute, no fragment, HTTPS except loopback. */
  CCR004("RedirectUrlNotAccepted"),
  /** AllowedOAuthFlows and AllowedOAuthScopes need AllowedOAuthFlowsUserPoolClient: true. */
  CCR005("OAuthFlowsWithoutOAuthClient"),
  /** client_credentials is the only OAuth flow. */
  CCR006("ClientCredentialsNotAlone"),
  /** client_credentials and EnablePropagateAdditionalUserContextData need a secret. */
  CCR007("SecretNeeded"),
  /** Legacy ExplicitAuthFlows values are not mixed with ALLOW_ values. */
  CCR008("LegacyFlowsMixed"),
  /** Refresh token rotation excludes ALLOW_REFRESH_TOKEN_AUTH. */
  CCR010("RotationWithRefreshFlow"),
  /** A custom scope exists in a resource server of the pool. */
  CCR011("ScopeDoesNotExist"),
  /** An identity provider is built in or configured in the pool. */
  CCR012("IdentityProviderDoesNotExist"),
  /** Read and write attributes exist in the pool; write attributes are mutable. */
  CCR013("AttributeNotInPool"),
  /** ALLOW_USER_AUTH needs the Essentials or Plus feature plan. */
  CCR014("FeatureUnavailableInTier"),
  /** A list holds no item twice (schema: uniqueItems). */
  CCR015("DuplicateItem"),
  /** A document names its client by ClientId or ClientName (schema: required). */
  CCR016("ClientNotNamed");

  private final String title;

  ErrorRule(String title) {
    this.title = title;
  }

  /** The stable id, as in docs/rules.md. */
  public String id() {
    return name();
  }

  /** A short name in PascalCase. */
  public String title() {
    return title;
  }
}
