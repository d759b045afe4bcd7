package dev.ccr.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.LiveClient;
import dev.ccr.plan.Planner;
import dev.ccr.spec.Attribute;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.SpecLoader;
import dev.ccr.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExporterTest {
  private static final String POOL = "us-east-1_Example12";

  /** Every attribute set, in an order other than the schema's, units partly given. */
  static LiveClient full() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("RefreshTokenRotation", Map.of("RetryGracePeriodSeconds", 10, "Feature", "DISABLED"));
    a.put("AuthSessionValidity", 5);
    a.put("ClientName", "web app");
    a.put("TokenValidityUnits", Map.of("AccessToken", "minutes"));
    a.put("AccessTokenValidity", 30);
    a.put("IdTokenValidity", 2);
    a.put("RefreshTokenValidity", 7);
    a.put("ReadAttributes", List.of("email", "custom:tier"));
    a.put("WriteAttributes", List.of("email"));
    a.put("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
    a.put("SupportedIdentityProviders", List.of("COGNITO", "Google"));
    a.put("CallbackURLs", List.of("https://app.example.com/callback", "http://localhost:3000/cb"));
    a.put("LogoutURLs", List.of("https://app.example.com/logout"));
    a.put("DefaultRedirectURI", "https://app.example.com/callback");
    a.put("AllowedOAuthFlows", List.of("code"));
    a.put("AllowedOAuthScopes", List.of("openid", "email", "api.example.com/read"));
    a.put("AllowedOAuthFlowsUserPoolClient", true);
    a.put(
        "AnalyticsConfiguration",
        Map.of(
            "UserDataShared", true,
            "ApplicationId", "0123456789abcdef0123456789abcdef",
            "RoleArn", "arn:aws:iam::123456789012:role/pinpoint",
            "ExternalId", "ext-1"));
    a.put("PreventUserExistenceErrors", "ENABLED");
    a.put("EnableTokenRevocation", true);
    a.put("EnablePropagateAdditionalUserContextData", false);
    return new LiveClient(POOL, "3n4b5urk1ft4fl3mg5e62d9ado", a, false);
  }

  /** As Describe returns a client made with defaults only (and what moto fills in). */
  static LiveClient defaults() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("ClientName", "defaults");
    a.put("RefreshTokenValidity", 30);
    a.put("AccessTokenValidity", 60);
    a.put("IdTokenValidity", 1);
    a.put(
        "TokenValidityUnits",
        Map.of("AccessToken", "minutes", "IdToken", "hours", "RefreshToken", "days"));
    a.put(
        "ExplicitAuthFlows",
        List.of("ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"));
    a.put("CallbackURLs", List.of());
    a.put("AllowedOAuthFlowsUserPoolClient", false);
    a.put("PreventUserExistenceErrors", "LEGACY");
    a.put("EnableTokenRevocation", true);
    a.put("EnablePropagateAdditionalUserContextData", false);
    a.put("AuthSessionValidity", 3);
    a.put("RefreshTokenRotation", Map.of("Feature", "ENABLED", "RetryGracePeriodSeconds", 0));
    a.put("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH"));
    return new LiveClient(POOL, "defaults0000000000000000000", a, true);
  }

  /** Strings that YAML would read as something else unless quoted. */
  static LiveClient scalars() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("ClientName", "true");
    a.put("AllowedOAuthFlowsUserPoolClient", true);
    a.put("AllowedOAuthFlows", List.of("code"));
    a.put(
        "CallbackURLs", List.of("myapp://cb", "https://a.example/?q=a:b&r=#".replace("#", "%23")));
    a.put(
        "AnalyticsConfiguration",
        Map.of(
            "ApplicationArn", "arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc",
            "ExternalId", "key: value # not a comment",
            "UserDataShared", false));
    a.put(
        "AllowedOAuthScopes",
        List.of(
            "null", "~", "123", "0x1F", "1e3", ".inf", "false", "yes", "-", "#tag", "a:b", "*",
            "&x", "!x", "'q'", "%p", "@at", "`b", "{x}", "On", "1_000", "12:30", "+1", "-.5",
            "Null", "TRUE"));
    a.put("SupportedIdentityProviders", List.of("COGNITO", "Ümlaut IdP", "007"));
    return new LiveClient(POOL, "scalars", a, false);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("full", full(), false),
        Arguments.of("full-omit-defaults", full(), true),
        Arguments.of("defaults", defaults(), false),
        Arguments.of("defaults-omit-defaults", defaults(), true),
        Arguments.of("minimal", new LiveClient(POOL, "minimal", Map.of(), false), false),
        Arguments.of("scalars", scalars(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void export_matchesGoldenFile(String name, LiveClient client, boolean omitDefaults) {
    ExportedClient exported = new Exporter(omitDefaults, false).export(List.of(client)).get(0);
    Golden.assertMatches(golden(name), exported.yaml());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void export_thenLoad_isValidWithoutWarningsAndPlansNoChange(
      String name, LiveClient client, boolean omitDefaults) {
    ExportedClient exported = new Exporter(omitDefaults, false).export(List.of(client)).get(0);
    assertEquals(List.of(), beyondSecurityRules(exported.findings()));
    DesiredState state = new SpecLoader().loadText(exported.fileName(), exported.yaml());
    assertEquals(List.of(), beyondSecurityRules(state.diagnostics()));
    Planner.Comparison plan = new Planner().compare(state.clients().get(0), client);
    assertEquals(List.of(), plan.changes(), exported.yaml());
    assertEquals(List.of(), plan.diagnostics());
  }

  /** The findings other than the security rules' warnings, which these clients break on purpose. */
  private static List<Diagnostic> beyondSecurityRules(List<Diagnostic> findings) {
    return findings.stream().filter(d -> d.rule().isEmpty()).toList();
  }

  @Test
  void export_clientBreakingSecurityRules_warnsWithTheRuleIds() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("ClientName", "legacy-web");
    a.put("PreventUserExistenceErrors", "LEGACY");
    ExportedClient exported =
        new Exporter(true, false).export(List.of(new LiveClient(POOL, "legacy", a, false))).get(0);
    assertEquals(
        List.of("CCR101", "CCR107"),
        exported.findings().stream().map(d -> d.rule().orElse("")).sorted().toList(),
        exported.findings().toString());
    assertTrue(
        exported.findings().stream().noneMatch(Diagnostic::isError),
        exported.findings().toString());
  }

  @Test
  void export_omitDefaults_leavesOutExactlyTheDefaults() {
    String yaml = new Exporter(true, false).export(List.of(defaults())).get(0).yaml();
    assertEquals(
        ClientYaml.MODELINE
            + "\n"
            + "UserPoolId: us-east-1_Example12\n"
            + "ClientId: defaults0000000000000000000\n"
            + "ClientName: defaults\n"
            + "ExplicitAuthFlows:\n"
            + "  - ALLOW_USER_SRP_AUTH\n"
            + "RefreshTokenRotation:\n"
            + "  Feature: ENABLED\n",
        yaml);
  }

  @Test
  void export_validityWithoutLiveUnit_getsTheDefaultUnit() {
    LiveClient client = new LiveClient(POOL, "c", Map.of("RefreshTokenValidity", 30), false);
    String yaml = new Exporter(false, false).export(List.of(client)).get(0).yaml();
    assertTrue(
        yaml.endsWith("RefreshTokenValidity: 30\nTokenValidityUnits:\n  RefreshToken: days\n"),
        yaml);
  }

  @Test
  void export_clientBreakingARule_isExportedWithTheRuleAsFinding() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("ClientName", "legacy");
    a.put("AllowedOAuthFlowsUserPoolClient", true);
    a.put("AllowedOAuthFlows", List.of("code", "client_credentials"));
    a.put("CallbackURLs", List.of("http://app.example.com/cb"));
    ExportedClient exported =
        new Exporter(false, false).export(List.of(new LiveClient(POOL, "legacy1", a, true))).get(0);
    assertTrue(exported.yaml().contains("  - http://app.example.com/cb\n"), exported.yaml());
    List<String> messages =
        exported.findings().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
    assertEquals(2, messages.size(), messages.toString());
    assertTrue(
        messages.stream()
            .anyMatch(
                m -> m.startsWith("AllowedOAuthFlows: client_credentials must be the only flow")),
        messages.toString());
    assertTrue(
        messages.stream().anyMatch(m -> m.contains("\"http://app.example.com/cb\" must use https")),
        messages.toString());
    assertEquals("legacy.yaml", exported.findings().get(0).file());
  }

  @Test
  void export_clientCredentialsWithoutSecret_isAFindingAsPlanReportsIt() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("AllowedOAuthFlowsUserPoolClient", true);
    a.put("AllowedOAuthFlows", List.of("client_credentials"));
    ExportedClient exported =
        new Exporter(false, false).export(List.of(new LiveClient(POOL, "m2m", a, false))).get(0);
    List<Diagnostic> findings = beyondSecurityRules(exported.findings());
    assertEquals(1, findings.size(), exported.findings().toString());
    assertTrue(
        findings
            .get(0)
            .message()
            .startsWith("AllowedOAuthFlows: client_credentials needs a client with a secret"));
  }

  @Test
  void export_neverWritesTheSecretOrTheDates() {
    for (LiveClient client : List.of(full(), defaults())) {
      String yaml = new Exporter(false, false).export(List.of(client)).get(0).yaml();
      for (String key : Attribute.NOT_DESIRED_STATE) {
        assertFalse(yaml.contains(key), yaml);
      }
    }
  }

  @Test
  void stream_separatesDocumentsAndEachStartsWithTheModeline() {
    List<ExportedClient> exported = new Exporter(false, false).export(List.of(full(), scalars()));
    String stream = ClientYaml.stream(exported.stream().map(ExportedClient::yaml).toList());
    Golden.assertMatches(golden("stream"), stream);
    DesiredState state = new SpecLoader().loadText("-", stream);
    assertEquals(List.of(), beyondSecurityRules(state.diagnostics()));
    assertEquals(2, state.clients().size());
  }

  @Test
  void subKeyOrder_isTheSdkModelOrder_whateverOrderTheLiveValuesCameIn() {
    Map<String, Object> shuffled = new java.util.LinkedHashMap<>();
    shuffled.put("UserDataShared", true);
    shuffled.put("ExternalId", "x");
    shuffled.put("ApplicationId", "abc123");
    shuffled.put("SomethingNew", 1);
    assertEquals(
        List.of("ApplicationId", "ExternalId", "UserDataShared", "SomethingNew"),
        new ArrayList<>(DocumentBuilder.ordered("AnalyticsConfiguration", shuffled).keySet()),
        "SDK order first, keys the SDK does not know after them");
    assertEquals(
        List.of("AccessToken", "IdToken", "RefreshToken"),
        new ArrayList<>(
            DocumentBuilder.ordered(
                    "TokenValidityUnits",
                    Map.of("RefreshToken", "days", "IdToken", "hours", "AccessToken", "minutes"))
                .keySet()));
  }

  @Test
  void requiredSubKeys_areTheSchemasRequiredSubKeys() throws IOException {
    JsonNode properties;
    try (InputStream in =
        getClass().getResourceAsStream("/dev/ccr/schemas/user-pool-client.schema.json")) {
      properties = JsonMapper.builder().build().readTree(in).get("properties");
    }
    for (String name :
        List.of("TokenValidityUnits", "AnalyticsConfiguration", "RefreshTokenRotation")) {
      List<String> required = new ArrayList<>();
      properties.get(name).path("required").values().forEach(n -> required.add(n.asString()));
      assertEquals(
          required.stream().sorted().toList(),
          DocumentBuilder.REQUIRED_SUB_KEYS.getOrDefault(name, java.util.Set.of()).stream()
              .sorted()
              .toList(),
          name);
    }
  }

  private static Path golden(String name) {
    return Golden.projectDir()
        .resolve("src/test/resources/golden/export")
        .resolve(name)
        .resolve("expected.yaml");
  }

  @Test
  void render_stringsYaml11ReadsAsDatesOrNumbers_areQuoted() {
    for (String name : java.util.List.of("2001-12-14", "0b101", "0x1F", "yes", "1_000")) {
      String yaml =
          ClientYaml.render(new java.util.LinkedHashMap<>(java.util.Map.of("ClientName", name)));
      org.junit.jupiter.api.Assertions.assertTrue(
          yaml.contains("ClientName: \"" + name + "\""), yaml);
    }
  }

  @Test
  void render_nameWithALineBreakYamlReadsInPlainText_isQuotedAndReadsBack() {
    for (String name : List.of("\u0085nel", "a\u2028b", "c\u2029d", "\ufeffbom", "e\u0085")) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("UserPoolId", POOL);
      document.put("ClientName", name);

      String yaml = ClientYaml.render(document);

      assertTrue(yaml.contains("\nClientName: \""), yaml);
      Object read =
          new org.snakeyaml.engine.v2.api.Load(
                  org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
              .loadFromString(yaml);
      assertEquals(name, ((Map<?, ?>) read).get("ClientName"), yaml);
    }
  }

  @Test
  void render_valueHoldingDollarBrace_isWrittenAsALiteralThatReadsBackAsIt() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("UserPoolId", POOL);
    document.put("ClientId", "abc");
    document.put("AnalyticsConfiguration", Map.of("ExternalId", "${tenant}"));
    String yaml = ClientYaml.render(document);
    assertTrue(yaml.contains("ExternalId: $${tenant}"), yaml);
    DesiredState state = new SpecLoader().loadText("web.yaml", yaml);
    assertEquals(List.of(), state.diagnostics());
    assertEquals(
        Map.of("ExternalId", "${tenant}"),
        state.clients().get(0).get("AnalyticsConfiguration").orElseThrow());
  }

  @Test
  void export_byName_twoClientsOfOneName_isAnErrorThatSaysWhatValidateAndPlanDo() {
    Map<String, Object> dup = new LinkedHashMap<>();
    dup.put("ClientName", "dup");
    List<ExportedClient> exported =
        new Exporter(false, true)
            .export(
                List.of(
                    new LiveClient(POOL, "dup1", dup, false),
                    new LiveClient(POOL, "dup2", dup, false)));

    Diagnostic finding =
        exported.get(0).findings().stream()
            .filter(d -> d.message().startsWith("ClientName: client dup2"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        finding.isError(), "validate refuses the files, so export must not call it a warning");
    assertEquals(
        "ClientName: client dup2 has the same name, and a file without ClientId cannot tell them"
            + " apart: 'ccr validate' reports two such files as one client declared twice, and"
            + " 'ccr plan' refuses each file (exit 3); add the ClientId of each client (export"
            + " without --by-name)",
        finding.message());
    DesiredState state =
        new SpecLoader()
            .loadText("both.yaml", exported.get(0).yaml() + "---\n" + exported.get(1).yaml());
    assertTrue(state.hasErrors(), "as the message says, validate refuses the two files");
  }
}
