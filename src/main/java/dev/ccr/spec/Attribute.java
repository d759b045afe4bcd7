package dev.ccr.spec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of app-client attributes: each member of UpdateUserPoolClient (by its PascalCase
 * API name), how ccr compares it, and the value Cognito applies when the attribute is omitted.
 *
 * <p>Defaults come from the UpdateUserPoolClient API reference
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html);
 * AttributeDefaultsTest checks them against the documentation shipped in the service model. A live
 * attribute that DescribeUserPoolClient leaves out is taken to hold its default, so a file that
 * states a default never drifts.
 */
public enum Attribute {
  USER_POOL_ID("UserPoolId", Kind.IDENTIFIER, null),
  CLIENT_ID("ClientId", Kind.IDENTIFIER, null),
  CLIENT_NAME("ClientName", Kind.STRING, null),
  REFRESH_TOKEN_VALIDITY("RefreshTokenValidity", Kind.VALIDITY, 30),
  ACCESS_TOKEN_VALIDITY("AccessTokenValidity", Kind.VALIDITY, 1),
  ID_TOKEN_VALIDITY("IdTokenValidity", Kind.VALIDITY, 1),
  TOKEN_VALIDITY_UNITS(
      "TokenValidityUnits",
      Kind.OBJECT,
      ordered("AccessToken", "hours", "IdToken", "hours", "RefreshToken", "days")),
  READ_ATTRIBUTES("ReadAttributes", Kind.SET, List.of()),
  WRITE_ATTRIBUTES("WriteAttributes", Kind.SET, List.of()),
  EXPLICIT_AUTH_FLOWS(
      "ExplicitAuthFlows",
      Kind.SET,
      List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH")),
  SUPPORTED_IDENTITY_PROVIDERS("SupportedIdentityProviders", Kind.SET, List.of()),
  CALLBACK_URLS("CallbackURLs", Kind.SET, List.of()),
  LOGOUT_URLS("LogoutURLs", Kind.SET, List.of()),
  DEFAULT_REDIRECT_URI("DefaultRedirectURI", Kind.STRING, null),
  ALLOWED_OAUTH_FLOWS("AllowedOAuthFlows", Kind.SET, List.of()),
  ALLOWED_OAUTH_SCOPES("AllowedOAuthScopes", Kind.SET, List.of()),
  ALLOWED_OAUTH_FLOWS_USER_POOL_CLIENT("AllowedOAuthFlowsUserPoolClient", Kind.BOOLEAN, false),
  ANALYTICS_CONFIGURATION("AnalyticsConfiguration", Kind.OBJECT, null),
  PREVENT_USER_EXISTENCE_ERRORS("PreventUserExistenceErrors", Kind.STRING, "LEGACY"),
  ENABLE_TOKEN_REVOCATION("EnableTokenRevocation", Kind.BOOLEAN, true),
  ENABLE_PROPAGATE_ADDITIONAL_USER_CONTEXT_DATA(
      "EnablePropagateAdditionalUserContextData", Kind.BOOLEAN, false),
  AUTH_SESSION_VALIDITY("AuthSessionValidity", Kind.INTEGER, 3),
  REFRESH_TOKEN_ROTATION(
      "RefreshTokenRotation",
      Kind.OBJECT,
      ordered("Feature", "DISABLED", "RetryGracePeriodSeconds", 0));

  /** How an attribute's desired and live values are compared. */
  public enum Kind {
    /** UserPoolId and ClientId: they name the client and are never changed. */
    IDENTIFIER,
    /** A string or an enum value, compared exactly. */
    STRING,
    /** A plain integer. */
    INTEGER,
    /** A token lifetime: the integer is counted in the unit held in TokenValidityUnits. */
    VALIDITY,
    BOOLEAN,
    /** A list whose order and multiplicity carry no meaning: compared as a set. */
    SET,
    /** A nested structure whose sub-keys are each managed on their own. */
    OBJECT
  }

  /** Members that DescribeUserPoolClient returns but that are not desired state. */
  public static final List<String> NOT_DESIRED_STATE =
      List.of("ClientSecret", "CreationDate", "LastModifiedDate");

  private final String memberName;
  private final Kind kind;
  private final Object defaultValue;

  Attribute(String memberName, Kind kind, Object defaultValue) {
    this.memberName = memberName;
    this.kind = kind;
    this.defaultValue = defaultValue;
  }

  /** The PascalCase member name of the Cognito API, which is also the key in a file. */
  public String memberName() {
    return memberName;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The value Cognito applies when the attribute is omitted, empty when AWS documents none. A
   * validity's default is counted in the default unit of {@link #TOKEN_VALIDITY_UNITS}.
   */
  public Optional<Object> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /**
   * Whether a client can go without the attribute, so that {@code null} in a file removes it: the
   * default redirect URI and the analytics configuration. Every other attribute always has a value
   * (a documented default, an empty list, or the client's name).
   */
  public boolean removable() {
    return this == DEFAULT_REDIRECT_URI || this == ANALYTICS_CONFIGURATION;
  }

  /** For a validity, its key inside TokenValidityUnits ({@code AccessToken}); else empty. */
  public Optional<String> unitKey() {
    if (kind != Kind.VALIDITY) {
      return Optional.empty();
    }
    return Optional.of(memberName.substring(0, memberName.length() - "Validity".length()));
  }

  /** For a validity, the unit Cognito uses when TokenValidityUnits does not name one. */
  public Optional<String> defaultUnit() {
    return unitKey().map(key -> (String) defaultUnits().get(key));
  }

  /** The attribute with this member name, if any. */
  public static Optional<Attribute> byMemberName(String name) {
    return Arrays.stream(values()).filter(a -> a.memberName.equals(name)).findFirst();
  }

  /** All member names, in the order of the API reference (and of the schema). */
  public static List<String> memberNames() {
    return Arrays.stream(values()).map(Attribute::memberName).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> defaultUnits() {
    return (Map<String, Object>) TOKEN_VALIDITY_UNITS.defaultValue;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
