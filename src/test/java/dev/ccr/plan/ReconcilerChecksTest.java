package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.live.GatewayException;
import dev.ccr.live.LivePool;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.RuleSettings;
import dev.ccr.spec.Severity;
import dev.ccr.spec.SourceRef;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Plan checks what a write would send, not the file alone: the rules on the live client with the
 * file laid over it, and the checks against the user pool. Each refused client is invalid (exit 3)
 * and located at the key the file manages; each valid version plans a change.
 */
class ReconcilerChecksTest {
  static final String POOL = "us-east-1_Checks1";
  static final String ID = "checks0client0id";
  static final String A = "https://a.example.com/cb";
  static final String B = "https://b.example.com/cb";

  private final FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);

  // ---- the cross-field rules on the merged configuration

  @Test
  void plan_callbackDroppedUnderTheLiveDefaultRedirect_isInvalidAndNamesTheLiveValue() {
    seedLive(
        "AllowedOAuthFlowsUserPoolClient",
        true,
        "CallbackURLs",
        List.of(A, B),
        "DefaultRedirectURI",
        A);

    ClientAction action = plan(spec("CallbackURLs", List.of(B)));

    Diagnostic error = onlyError(action);
    assertEquals(
        "DefaultRedirectURI "
            + A
            + " (live, unmanaged) is not one of CallbackURLs after this change; keep it in"
            + " CallbackURLs, or remove it with DefaultRedirectURI: null",
        error.message());
    assertEquals("/CallbackURLs", error.pointer());
    assertEquals(new Position(5, 1), error.position(), "at the managed key in the file");
  }

  @Test
  void plan_callbackDroppedTogetherWithTheDefaultRedirect_isAnUpdate() {
    seedLive(
        "AllowedOAuthFlowsUserPoolClient",
        true,
        "CallbackURLs",
        List.of(A, B),
        "DefaultRedirectURI",
        A);

    ClientAction action = plan(spec("CallbackURLs", List.of(B), "DefaultRedirectURI", B));

    assertInstanceOf(ClientAction.Update.class, action, action.toString());
  }

  @Test
  void plan_callbackUrlsOnAClientWhoseLiveFlagIsOff_isAnUpdateWithAWarningAtTheUrls() {
    seedLive("AllowedOAuthFlowsUserPoolClient", false);

    ClientAction action = plan(spec("CallbackURLs", List.of(A)));

    assertInstanceOf(ClientAction.Update.class, action, action.toString());
    Diagnostic warning = action.diagnostics().get(0);
    assertEquals("/CallbackURLs", warning.pointer());
    assertTrue(
        warning
            .message()
            .startsWith(
                "CallbackURLs is stored but unused while AllowedOAuthFlowsUserPoolClient is false"
                    + " (live, unmanaged)"),
        warning.message());
  }

  @Test
  void plan_oauthFlowsOnAClientWhoseLiveFlagIsOff_isInvalidAtTheFlows() {
    seedLive("AllowedOAuthFlowsUserPoolClient", false);

    ClientAction action = plan(spec("AllowedOAuthFlows", List.of("code")));

    Diagnostic error = onlyError(action);
    assertEquals("/AllowedOAuthFlows", error.pointer());
    assertTrue(
        error
            .message()
            .startsWith(
                "AllowedOAuthFlows needs AllowedOAuthFlowsUserPoolClient: true, but it is false"
                    + " (live, unmanaged); set it to true in the file"),
        error.message());
  }

  @Test
  void plan_flagTurnedOffWhileLiveOAuthSettingsStay_isInvalidAtTheFlag() {
    seedLive(
        "AllowedOAuthFlowsUserPoolClient",
        true,
        "AllowedOAuthFlows",
        List.of("code"),
        "AllowedOAuthScopes",
        List.of("openid"));

    ClientAction action = plan(spec("AllowedOAuthFlowsUserPoolClient", false));

    assertInstanceOf(ClientAction.Invalid.class, action);
    assertTrue(
        action.diagnostics().stream()
            .filter(Diagnostic::isError)
            .allMatch(d -> d.pointer().equals("/AllowedOAuthFlowsUserPoolClient")),
        action.diagnostics().toString());
    assertTrue(
        action.diagnostics().get(0).message().startsWith("AllowedOAuthFlows (live, unmanaged)"),
        action.diagnostics().get(0).message());
  }

  @Test
  void create_oauthScopesWithoutTheFlag_isInvalidNamingCognitosDefault() {
    ClientAction action = plan(byName("new-spa", "AllowedOAuthScopes", List.of("openid")));

    Diagnostic error = onlyError(action);
    assertTrue(error.message().contains("it is false (Cognito's default)"), error.message());
  }

  @Test
  void create_clientCredentialsWithoutGenerateSecret_isInvalid_andWithItACreate() {
    Object[] m2m = {
      "AllowedOAuthFlowsUserPoolClient", true, "AllowedOAuthFlows", List.of("client_credentials")
    };

    Diagnostic error = onlyError(plan(byName("m2m", m2m)));
    assertTrue(error.message().contains("set GenerateSecret: true"), error.message());

    ClientSpec withSecret = withGenerateSecret(byName("m2m", m2m));
    assertInstanceOf(ClientAction.Create.class, plan(withSecret));
  }

  @Test
  void plan_clientCredentialsOnALiveClientWithoutSecret_isInvalid() {
    seedLive("AllowedOAuthFlowsUserPoolClient", true);

    Diagnostic error = onlyError(plan(spec("AllowedOAuthFlows", List.of("client_credentials"))));

    assertTrue(error.message().contains("this client has none"), error.message());
  }

  @Test
  void plan_clientLeftAsItIs_isNoOpWhateverItsLiveValuesBreak() {
    seedLive("CallbackURLs", List.of(A), "DefaultRedirectURI", B, "ClientName", "web");

    ClientAction action = plan(spec("ClientName", "web"));

    assertInstanceOf(ClientAction.NoOp.class, action, "nothing is sent, so nothing is refused");
  }

  // ---- the security rules on the merged configuration

  @Test
  void plan_securityRuleOnAnUnmanagedLiveValue_warnsAtTheDocumentAndNamesTheSource() {
    seedLive("ClientName", "web", "EnableTokenRevocation", false);

    ClientAction action = plan(spec("ClientName", "web"));

    Diagnostic warning = rule(action, "CCR102");
    assertEquals(Severity.WARNING, warning.severity());
    assertEquals("", warning.pointer(), "the file sets no value of the finding");
    assertEquals(
        "EnableTokenRevocation: false (live, unmanaged) means refresh tokens cannot be revoked; set"
            + " true [CCR102]",
        warning.message());
    assertInstanceOf(ClientAction.NoOp.class, action);
  }

  @Test
  void plan_securityRuleTheFileAloneBreaks_isLeftToValidateAndNotRepeated() {
    seedLive("ClientName", "web", "EnableTokenRevocation", true);

    ClientAction action = plan(spec("EnableTokenRevocation", false));

    assertTrue(
        action.diagnostics().stream().noneMatch(d -> d.rule().equals(Optional.of("CCR102"))),
        action.diagnostics().toString());
  }

  @Test
  void plan_strict_makesARuleWarningAnErrorAndTheClientInvalid() {
    seedLive("ClientName", "web", "EnableTokenRevocation", false);
    RuleSettings strict = new RuleSettings(Set.of(), true);

    ClientAction action = plan(strict, spec("ClientName", "web"));

    assertInstanceOf(ClientAction.Invalid.class, action);
    assertEquals(Severity.ERROR, rule(action, "CCR102").severity());
  }

  @Test
  void plan_ruleAllowedByTheRunOrTheDocument_isNotReported() {
    seedLive("ClientName", "web", "EnableTokenRevocation", false);

    ClientAction byRun = plan(new RuleSettings(Set.of("CCR102"), true), spec("ClientName", "web"));
    ClientSpec allowing =
        new ClientSpec(
            spec("ClientName", "web").source(),
            POOL,
            Optional.of(ID),
            Map.of("ClientName", "web"),
            Optional.empty(),
            new ClientSpec.Settings(ClientSpec.State.PRESENT, List.of(), List.of("ccr102")),
            Map.of());
    ClientAction byDocument = plan(new RuleSettings(Set.of(), true), allowing);

    for (ClientAction action : List.of(byRun, byDocument)) {
      assertTrue(
          action.diagnostics().stream().noneMatch(d -> d.rule().equals(Optional.of("CCR102"))),
          action.diagnostics().toString());
    }
  }

  // ---- the checks against the pool

  @Test
  void plan_customScopeThePoolLacks_isInvalidAtTheItem_andOnceTheServerExistsAnUpdate() {
    seedLive("AllowedOAuthFlowsUserPoolClient", true);
    fake.seedResourceServer(POOL, "orders-api", "orders.read");
    ClientSpec desired =
        spec("AllowedOAuthScopes", List.of("openid", "orders-api/orders.read", "orders-api/write"));

    Diagnostic error = onlyError(plan(desired));

    assertEquals("/AllowedOAuthScopes/2", error.pointer());
    assertEquals(new Position(8, 5), error.position());
    assertTrue(
        error
            .message()
            .startsWith(
                "AllowedOAuthScopes: \"orders-api/write\" is not a scope of user pool "
                    + POOL
                    + " (its custom scopes: orders-api/orders.read)"),
        error.message());
    assertTrue(error.message().contains("ScopeDoesNotExistException"), error.message());

    FakeCognitoGateway withServer =
        new FakeCognitoGateway()
            .seed(POOL, ID, Map.of("AllowedOAuthFlowsUserPoolClient", true), false)
            .seedResourceServer(POOL, "orders-api", "orders.read", "write");
    assertInstanceOf(ClientAction.Update.class, plan(withServer, RuleSettings.DEFAULT, desired));
  }

  @Test
  void plan_scopeWithoutASlash_isNeitherStandardNorCustom() {
    seedLive("AllowedOAuthFlowsUserPoolClient", true);

    Diagnostic error = onlyError(plan(spec("AllowedOAuthScopes", List.of("emial"))));

    assertTrue(error.message().contains("is neither a standard scope"), error.message());
    assertTrue(error.message().contains("did you mean email?"), error.message());
  }

  @Test
  void plan_identityProviderThePoolLacks_isInvalid_builtInAndConfiguredOnesAreFine() {
    seedLive("ClientName", "web");
    fake.seedIdentityProvider(POOL, "CorpOkta");

    Diagnostic error =
        onlyError(plan(spec("SupportedIdentityProviders", List.of("COGNITO", "Okta"))));
    assertEquals("/SupportedIdentityProviders/1", error.pointer());
    assertTrue(
        error
            .message()
            .startsWith(
                "SupportedIdentityProviders: \"Okta\" is not an identity provider of user pool "
                    + POOL
                    + " (its providers: CorpOkta)"),
        error.message());

    assertInstanceOf(
        ClientAction.Update.class,
        plan(spec("SupportedIdentityProviders", List.of("COGNITO", "Google", "CorpOkta"))));
  }

  @Test
  void plan_attributesThePoolLacksOrCannotWrite_areInvalid_customOnesInTheSchemaAreFine() {
    seedLive("ClientName", "web");
    List<LivePool.SchemaAttribute> schema =
        new java.util.ArrayList<>(FakeCognitoGateway.standardSchema());
    schema.add(new LivePool.SchemaAttribute("custom:tenant", true));
    schema.add(new LivePool.SchemaAttribute("custom:plan", false));
    fake.seedPool(POOL, new LivePool.Description(Optional.of("ESSENTIALS"), true, schema));

    ClientAction action =
        plan(
            spec(
                "ReadAttributes", List.of("email", "custom:tenant", "custom:team"),
                "WriteAttributes", List.of("name", "custom:plan", "sub")));

    assertInstanceOf(ClientAction.Invalid.class, action);
    List<Diagnostic> errors = action.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(
        List.of("/ReadAttributes/2", "/WriteAttributes/1", "/WriteAttributes/2"),
        errors.stream().map(Diagnostic::pointer).toList());
    assertTrue(
        errors.get(0).message().startsWith("ReadAttributes: \"custom:team\" is not an attribute"),
        errors.get(0).message());
    assertTrue(
        errors.get(1).message().contains("\"custom:plan\" cannot be written"),
        errors.get(1).message());
    assertInstanceOf(
        ClientAction.Update.class,
        plan(spec("ReadAttributes", List.of("email", "custom:tenant", "custom:plan"))));
  }

  @Test
  void plan_userAuthOnALitePool_isInvalid_andOnEssentialsAnUpdate() {
    seedLive("ClientName", "web");
    fake.seedPool(
        POOL,
        new LivePool.Description(Optional.of("LITE"), true, FakeCognitoGateway.standardSchema()));
    ClientSpec desired =
        spec("ExplicitAuthFlows", List.of("ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));

    Diagnostic error = onlyError(plan(desired));
    assertEquals("/ExplicitAuthFlows/0", error.pointer());
    assertTrue(error.message().contains("FeatureUnavailableInTierException"), error.message());

    fake.seedPool(POOL, FakeCognitoGateway.STANDARD_POOL);
    assertInstanceOf(ClientAction.Update.class, plan(desired));
  }

  @Test
  void plan_oauthFlowsOnAPoolWithoutDomain_isAWarningAndStillAnUpdate() {
    seedLive("AllowedOAuthFlowsUserPoolClient", true);
    fake.seedPool(
        POOL,
        new LivePool.Description(
            Optional.of("ESSENTIALS"), false, FakeCognitoGateway.standardSchema()));

    ClientAction action = plan(spec("AllowedOAuthFlows", List.of("code")));

    assertInstanceOf(ClientAction.Update.class, action);
    assertTrue(
        action.diagnostics().stream()
            .anyMatch(
                d ->
                    d.severity() == Severity.WARNING
                        && d.pointer().equals("/AllowedOAuthFlows")
                        && d.message().contains("has no domain")),
        action.diagnostics().toString());
  }

  @Test
  void plan_poolThatMayNotBeRead_warnsWhichChecksWereSkippedAndWhichActionEnablesThem() {
    seedLive("AllowedOAuthFlowsUserPoolClient", true);
    fake.failAlways(
        Operation.LIST_RESOURCE_SERVERS,
        POOL,
        "",
        new GatewayException(
            GatewayException.Reason.ACCESS_DENIED,
            "AccessDeniedException",
            Operation.LIST_RESOURCE_SERVERS.action(),
            "not allowed"));

    Plan plan = reconcile(RuleSettings.DEFAULT, spec("AllowedOAuthScopes", List.of("api/x")));

    assertInstanceOf(ClientAction.Update.class, plan.actions().get(0), "the plan goes on");
    Diagnostic note = plan.notes().get(0);
    assertEquals(Severity.WARNING, note.severity());
    assertEquals("/UserPoolId", note.pointer());
    assertTrue(
        note.message()
            .contains(
                "custom scopes not checked: the AWS identity in use may not call"
                    + " cognito-idp:ListResourceServers"),
        note.message());
    assertTrue(plan.diagnostics().contains(note), "printed with the other diagnostics");
  }

  @Test
  void plan_readsEachPoolOnce_forAllItsClients_andNotAtAllForNothingToCheck() {
    for (String id : List.of("c1", "c2", "c3")) {
      fake.seed(POOL, id, Map.of("ClientName", id), false);
    }
    List<ClientSpec> specs =
        List.of(
            specFor("c1", Map.of("ClientName", "one")),
            specFor("c2", Map.of("ClientName", "two")),
            specFor("c3", Map.of("ClientName", "c3")));

    new Reconciler(fake, 4, ClientReader.Listener.NONE).reconcile(specs, Reconciler.Options.PLAN);

    for (Operation read :
        List.of(
            Operation.DESCRIBE_POOL,
            Operation.LIST_RESOURCE_SERVERS,
            Operation.LIST_IDENTITY_PROVIDERS)) {
      assertEquals(
          1, fake.calls().stream().filter(c -> c.operation() == read).count(), read.name());
    }
  }

  @Test
  void plan_poolWhoseClientsMayNotBeListed_isStillCheckedForClientsNamedById() {
    seedLive("AllowedOAuthFlowsUserPoolClient", true);
    fake.failAlways(
        Operation.LIST,
        POOL,
        "",
        new GatewayException(
            GatewayException.Reason.ACCESS_DENIED,
            "AccessDeniedException",
            Operation.LIST.action(),
            "not allowed"));

    ClientAction action = plan(spec("AllowedOAuthScopes", List.of("billing/read")));

    assertTrue(onlyError(action).message().contains("is not a scope of user pool"));
  }

  @Test
  void plan_clientLeftAsItIs_isNotCheckedAgainstThePool() {
    seedLive(
        "ClientName",
        "web",
        "AllowedOAuthFlowsUserPoolClient",
        true,
        "AllowedOAuthScopes",
        List.of("gone-api/read"));

    ClientAction action = plan(spec("AllowedOAuthScopes", List.of("gone-api/read")));

    assertInstanceOf(ClientAction.NoOp.class, action);
  }

  // ---- helpers

  private void seedLive(Object... keysAndValues) {
    fake.seed(POOL, ID, Clients.map(keysAndValues), false);
  }

  private ClientAction plan(ClientSpec desired) {
    return plan(RuleSettings.DEFAULT, desired);
  }

  private ClientAction plan(RuleSettings rules, ClientSpec desired) {
    return plan(fake, rules, desired);
  }

  private static ClientAction plan(
      FakeCognitoGateway gateway, RuleSettings rules, ClientSpec desired) {
    return new Reconciler(gateway, 2, ClientReader.Listener.NONE)
        .reconcile(List.of(desired), new Reconciler.Options(false, false, Targets.ALL, rules))
        .actions()
        .get(0);
  }

  private Plan reconcile(RuleSettings rules, ClientSpec desired) {
    return new Reconciler(fake, 2, ClientReader.Listener.NONE)
        .reconcile(List.of(desired), new Reconciler.Options(false, false, Targets.ALL, rules));
  }

  private static Diagnostic onlyError(ClientAction action) {
    assertInstanceOf(ClientAction.Invalid.class, action, action.toString());
    List<Diagnostic> errors = action.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0);
  }

  private static Diagnostic rule(ClientAction action, String id) {
    return action.diagnostics().stream()
        .filter(d -> d.rule().equals(Optional.of(id)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " in " + action.diagnostics()));
  }

  /** A document pinning the client by id; each key on its own line from line 5, items below. */
  static ClientSpec spec(Object... keysAndValues) {
    return specFor(ID, Clients.map(keysAndValues));
  }

  static ClientSpec specFor(String clientId, Map<String, Object> attributes) {
    return new ClientSpec(
        new SourceRef("clients/web.yaml", new Position(3, 1)),
        POOL,
        Optional.of(clientId),
        attributes,
        Optional.empty(),
        ClientSpec.Settings.DEFAULT,
        positions(attributes));
  }

  static ClientSpec byName(String name, Object... keysAndValues) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("ClientName", name);
    attributes.putAll(Clients.map(keysAndValues));
    return new ClientSpec(
        new SourceRef("clients/" + name + ".yaml", new Position(1, 1)),
        POOL,
        Optional.empty(),
        attributes,
        Optional.empty(),
        ClientSpec.Settings.DEFAULT,
        positions(attributes));
  }

  private static ClientSpec withGenerateSecret(ClientSpec spec) {
    return new ClientSpec(
        spec.source(),
        spec.userPoolId(),
        spec.clientId(),
        spec.attributes(),
        Optional.of(true),
        spec.settings(),
        spec.positions());
  }

  private static Map<String, Position> positions(Map<String, Object> attributes) {
    Map<String, Position> positions = new HashMap<>();
    positions.put("/UserPoolId", new Position(3, 1));
    positions.put("/ClientId", new Position(4, 1));
    int line = 5;
    for (Map.Entry<String, Object> entry : attributes.entrySet()) {
      positions.put("/" + entry.getKey(), new Position(line++, 1));
      if (entry.getValue() instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          positions.put("/" + entry.getKey() + "/" + i, new Position(line++, 5));
        }
      }
    }
    return positions;
  }
}
