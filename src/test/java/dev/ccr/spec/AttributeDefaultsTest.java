package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ccr.testing.DocumentedDefaults;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Checks the defaults of {@link Attribute} against an independent source: the documentation AWS
 * publishes in the cognito-idp service model, which the API reference is generated from. It reads
 * the model that botocore ships (botocore comes with moto, which the build needs anyway). Where AWS
 * documents no default, the test says so, checks that the documentation still gives none, and
 * states what ccr assumes instead.
 */
class AttributeDefaultsTest {
  /** A sentence that states a default; none may appear where ccr says AWS documents none. */
  private static final Pattern STATES_A_DEFAULT =
      Pattern.compile(
          "(?i)defaults? (?:to|is|value|time unit)|if you don't (?:specify|include|set)"
              + "|when you don't specify|automatically activated");

  /**
   * ccr's table and the defaults the fake gateway resets omitted members to ({@link
   * DocumentedDefaults}, derived from the documentation alone) agree on every updatable member.
   */
  @TestFactory
  Stream<DynamicTest> everyMember_ccrsDefaultIsTheOneTheFakeGatewayDerives() {
    assertEquals(
        Arrays.stream(Attribute.values())
            .filter(a -> a.kind() != Attribute.Kind.IDENTIFIER)
            .map(Attribute::memberName)
            .toList(),
        DocumentedDefaults.members());
    return DocumentedDefaults.members().stream()
        .map(
            member ->
                DynamicTest.dynamicTest(
                    member,
                    () ->
                        assertEquals(
                            DocumentedDefaults.of(member),
                            Attribute.byMemberName(member).orElseThrow().defaultValue())));
  }

  @TestFactory
  Stream<DynamicTest> everyAttribute_defaultMatchesTheAwsDocumentation() {
    return Arrays.stream(Attribute.values())
        .map(a -> DynamicTest.dynamicTest(a.memberName() + ": " + source(a), () -> check(a)));
  }

  /** What the check of an attribute rests on, shown as the test's name. */
  private static String source(Attribute attribute) {
    return switch (attribute) {
      case USER_POOL_ID, CLIENT_ID -> "an identifier, no default";
      case REFRESH_TOKEN_VALIDITY, ACCESS_TOKEN_VALIDITY, ID_TOKEN_VALIDITY ->
          "documented lifetime in the documented default unit";
      case TOKEN_VALIDITY_UNITS -> "documented unit of each token";
      case READ_ATTRIBUTES, WRITE_ATTRIBUTES ->
          "documented: Describe returns nothing for the default set, so ccr's default is []";
      case EXPLICIT_AUTH_FLOWS -> "documented flows when none are specified";
      case ALLOWED_OAUTH_FLOWS_USER_POOL_CLIENT, PREVENT_USER_EXISTENCE_ERRORS ->
          "documented default";
      case ENABLE_TOKEN_REVOCATION ->
          "documented for CreateUserPoolClient only (activated); the update documents none";
      case ENABLE_PROPAGATE_ADDITIONAL_USER_CONTEXT_DATA ->
          "documented: without it the source IP cannot be sent, so false";
      case CLIENT_NAME,
          SUPPORTED_IDENTITY_PROVIDERS,
          CALLBACK_URLS,
          LOGOUT_URLS,
          DEFAULT_REDIRECT_URI,
          ALLOWED_OAUTH_FLOWS,
          ALLOWED_OAUTH_SCOPES,
          ANALYTICS_CONFIGURATION ->
          "AWS documents no default; ccr takes an absent value as none (no items)";
      case AUTH_SESSION_VALIDITY, REFRESH_TOKEN_ROTATION ->
          "AWS documents no default; ccr takes what Describe reports for a new client";
    };
  }

  private static void check(Attribute attribute) {
    String doc = update(attribute.memberName());
    Optional<Object> ccr = attribute.defaultValue();
    switch (attribute) {
      case USER_POOL_ID, CLIENT_ID -> assertEquals(Optional.empty(), ccr);
      case REFRESH_TOKEN_VALIDITY, ACCESS_TOKEN_VALIDITY, ID_TOKEN_VALIDITY -> validity(attribute);
      case TOKEN_VALIDITY_UNITS -> {
        Map<?, ?> units = (Map<?, ?>) ccr.orElseThrow();
        assertEquals(
            List.of("AccessToken", "IdToken", "RefreshToken"), List.copyOf(units.keySet()));
        units.forEach(
            (key, unit) -> {
              String sub = documentation("TokenValidityUnitsType", (String) key);
              assertEquals(unit, match(sub, "The default \\w+Validity time unit is (\\w+)"), sub);
            });
      }
      case READ_ATTRIBUTES, WRITE_ATTRIBUTES -> {
        assertTrue(doc.contains(attribute.memberName() + " doesn't return any information"), doc);
        assertEquals(Optional.of(List.of()), ccr);
      }
      case EXPLICIT_AUTH_FLOWS -> {
        String flows =
            match(
                doc,
                "If you don't specify a value for ExplicitAuthFlows, your app client "
                    + "supports ([^.]+)\\.");
        List<String> documented =
            Arrays.stream(flows.split(",\\s*(?:and\\s+)?|\\s+and\\s+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .sorted()
                .toList();
        assertEquals(documented, ((List<?>) ccr.orElseThrow()).stream().sorted().toList());
      }
      case ALLOWED_OAUTH_FLOWS_USER_POOL_CLIENT ->
          assertEquals(
              Optional.of(Boolean.valueOf(match(doc, "it defaults to (true|false)"))), ccr);
      case PREVENT_USER_EXISTENCE_ERRORS ->
          assertEquals(Optional.of(match(doc, "Defaults to (\\w+)\\.")), ccr);
      case ENABLE_TOKEN_REVOCATION -> {
        assertNoDefault(doc);
        String create = documentation("CreateUserPoolClientRequest", attribute.memberName());
        assertTrue(
            create.contains(
                "If you don't include this parameter, token revocation is "
                    + "automatically activated"),
            create);
        assertEquals(Optional.of(true), ccr);
      }
      case ENABLE_PROPAGATE_ADDITIONAL_USER_CONTEXT_DATA -> {
        assertTrue(
            doc.contains("If you don’t include this parameter, you can't send the source IP"), doc);
        assertEquals(Optional.of(false), ccr);
      }
      case CLIENT_NAME, DEFAULT_REDIRECT_URI, ANALYTICS_CONFIGURATION -> {
        assertNoDefault(doc);
        assertEquals(Optional.empty(), ccr);
      }
      case SUPPORTED_IDENTITY_PROVIDERS,
          CALLBACK_URLS,
          LOGOUT_URLS,
          ALLOWED_OAUTH_FLOWS,
          ALLOWED_OAUTH_SCOPES -> {
        assertNoDefault(doc);
        assertEquals(Optional.of(List.of()), ccr);
      }
      case AUTH_SESSION_VALIDITY -> {
        assertNoDefault(doc);
        JsonNode range = DocumentedDefaults.shape("AuthSessionValidityType");
        int value = (Integer) ccr.orElseThrow();
        assertTrue(value >= range.get("min").asInt() && value <= range.get("max").asInt());
      }
      case REFRESH_TOKEN_ROTATION -> {
        assertNoDefault(doc);
        DocumentedDefaults.shape("RefreshTokenRotationType")
            .get("members")
            .forEach(m -> assertNoDefault(m.path("documentation").asString("")));
        assertEquals(Optional.of(Map.of("Feature", "DISABLED", "RetryGracePeriodSeconds", 0)), ccr);
      }
    }
  }

  /** Lifetime and unit as documented: "valid for one hour", "default time unit ... is hours". */
  private static void validity(Attribute validity) {
    String doc = update(validity.memberName());
    String unit = match(doc, "The default time unit for \\w+ in an API request is (\\w+)\\.");
    assertEquals(validity.defaultUnit().orElseThrow(), unit, doc);
    String[] lifetime =
        match(doc, "tokens are valid for ([\\w ]+?)\\.").toLowerCase(Locale.ROOT).split(" ");
    long amount = lifetime[0].equals("one") ? 1 : Long.parseLong(lifetime[0]);
    String lifetimeUnit = lifetime[1].endsWith("s") ? lifetime[1] : lifetime[1] + "s";
    long seconds = amount * TokenLifetime.unitSeconds(lifetimeUnit);
    assertEquals(
        Optional.of((Object) Math.toIntExact(seconds / TokenLifetime.unitSeconds(unit))),
        validity.defaultValue(),
        doc);
  }

  private static void assertNoDefault(String doc) {
    assertFalse(
        STATES_A_DEFAULT.matcher(doc).find(),
        "AWS now documents a default; compare it with Attribute: " + doc);
  }

  private static String match(String text, String regex) {
    try {
      return DocumentedDefaults.match(text, regex);
    } catch (IllegalStateException e) {
      return fail(e.getMessage());
    }
  }

  private static String update(String member) {
    return documentation("UpdateUserPoolClientRequest", member);
  }

  /** A member's documentation as plain text: tags removed, white space collapsed. */
  private static String documentation(String shape, String member) {
    return DocumentedDefaults.documentation(shape, member);
  }
}
