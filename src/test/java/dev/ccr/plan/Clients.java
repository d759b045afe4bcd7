package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.LiveClient;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inline desired and live clients for tests, and sample plans made by the real planner. */
public final class Clients {
  public static final String POOL = "us-east-1_Example12";
  public static final String ID = "3n4b5urk1ft4fl3mg5e62d9ado";

  private Clients() {}

  /** An ordered map from alternating keys and values. */
  public static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  public static ClientSpec spec(Object... keysAndValues) {
    return specAt(ID, "examples/web-app.yaml", 2, map(keysAndValues));
  }

  public static ClientSpec specAt(
      String clientId, String file, int line, Map<String, Object> attributes) {
    return new ClientSpec(
        new SourceRef(file, new Position(line, 1)), POOL, clientId, attributes, Map.of());
  }

  public static LiveClient live(Object... keysAndValues) {
    return liveWithId(ID, map(keysAndValues));
  }

  public static LiveClient liveWithId(String clientId, Map<String, Object> attributes) {
    return new LiveClient(POOL, clientId, attributes, false);
  }

  /** Three clients: one update with every kind of change, one no-op, one that gains a value. */
  public static Plan severalClients() {
    ClientSpec web =
        specAt(
            ID,
            "examples/web-app.yaml",
            2,
            map(
                "ClientName",
                "web-app",
                "AccessTokenValidity",
                30,
                "TokenValidityUnits",
                map("AccessToken", "minutes"),
                "ExplicitAuthFlows",
                List.of("ALLOW_USER_SRP_AUTH"),
                "CallbackURLs",
                List.of("https://app.example.com/callback", "https://app.example.com/cb2"),
                "AllowedOAuthFlowsUserPoolClient",
                true,
                "PreventUserExistenceErrors",
                "ENABLED",
                "AuthSessionValidity",
                5,
                "RefreshTokenRotation",
                map("RetryGracePeriodSeconds", 30)));
    LiveClient webLive =
        liveWithId(
            ID,
            map(
                "ClientName",
                "web-app",
                "AccessTokenValidity",
                1,
                "RefreshTokenValidity",
                30,
                "TokenValidityUnits",
                map("AccessToken", "hours", "IdToken", "hours", "RefreshToken", "days"),
                "ExplicitAuthFlows",
                List.of("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"),
                "CallbackURLs",
                List.of("https://old.example.com/callback", "https://app.example.com/callback"),
                "AllowedOAuthFlowsUserPoolClient",
                false,
                "RefreshTokenRotation",
                map("Feature", "ENABLED", "RetryGracePeriodSeconds", 0)));
    ClientSpec admin =
        specAt(
            "5mpl4admn8cl13nt0000000000",
            "examples/admin.yaml",
            1,
            map(
                "ClientName",
                "admin-console",
                "IdTokenValidity",
                60,
                "TokenValidityUnits",
                map("IdToken", "minutes")));
    LiveClient adminLive =
        liveWithId(
            "5mpl4admn8cl13nt0000000000", map("ClientName", "admin-console", "IdTokenValidity", 1));
    ClientSpec mobile =
        specAt(
            "7m0b1l3app0000000000000000",
            "examples/admin.yaml",
            6,
            map(
                "CallbackURLs",
                List.of("myapp://callback"),
                "DefaultRedirectURI",
                "myapp://callback"));
    LiveClient mobileLive =
        liveWithId(
            "7m0b1l3app0000000000000000",
            map(
                "ClientName",
                "mobile-app",
                "CallbackURLs",
                List.of("myapp://callback"),
                "AllowedOAuthFlowsUserPoolClient",
                true));
    return plan(List.of(web, admin, mobile), List.of(mobileLive, webLive, adminLive));
  }

  /** Three clients that all match their files. */
  public static Plan allNoOp() {
    List<ClientSpec> specs =
        List.of(
            specAt(ID, "clients/web.yaml", 1, map("PreventUserExistenceErrors", "LEGACY")),
            specAt(
                "c2",
                "clients/web.yaml",
                9,
                map(
                    "AccessTokenValidity",
                    60,
                    "TokenValidityUnits",
                    map("AccessToken", "minutes"))),
            specAt(
                "c3",
                "clients/api.yml",
                1,
                map(
                    "ExplicitAuthFlows",
                    List.of(
                        "ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))));
    List<LiveClient> live =
        List.of(
            liveWithId(ID, map("ClientName", "web")),
            liveWithId("c2", map("ClientName", "web-2", "AccessTokenValidity", 1)),
            liveWithId("c3", map("ClientName", "api")));
    return plan(specs, live);
  }

  /**
   * {@link #allNoOp} with secret policies: web's secret is past rotateAfter (rotate), web-2 has an
   * undelivered second secret after a failed delivery (retire, deliver), api is as its policy
   * wants. Read at {@link #SECRETS_READ}.
   */
  public static Plan withSecrets() {
    Plan plan = allNoOp();
    java.time.Instant at = SECRETS_READ;
    java.util.function.Function<String, ClientAction> action =
        id ->
            plan.actions().stream()
                .filter(a -> a.ref().clientId().equals(java.util.Optional.of(id)))
                .findFirst()
                .orElseThrow();
    List<dev.ccr.secret.ClientSecrets> secrets =
        List.of(
            secrets(
                action.apply(ID),
                new dev.ccr.spec.SecretPolicy(
                    java.time.Duration.ofDays(90),
                    java.time.Duration.ofDays(7),
                    new dev.ccr.spec.SecretPolicy.SecretsManager("prod/web")),
                at,
                List.of(secret(ID, at, 120)),
                java.util.Optional.of(ID + "--120")),
            secrets(
                action.apply("c2"),
                new dev.ccr.spec.SecretPolicy(
                    java.time.Duration.ofDays(30),
                    java.time.Duration.ofHours(12),
                    new dev.ccr.spec.SecretPolicy.SsmParameter("/prod/web-2/secret")),
                at,
                List.of(secret("c2", at, 40), secret("c2", at, 1)),
                java.util.Optional.of("c2--gone")),
            secrets(
                action.apply("c3"),
                new dev.ccr.spec.SecretPolicy(
                    java.time.Duration.ofDays(90),
                    java.time.Duration.ofDays(7),
                    new dev.ccr.spec.SecretPolicy.SecretsManager(
                        "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-AbCdEf")),
                at,
                List.of(secret("c3", at, 10)),
                java.util.Optional.of("c3--10")));
    return plan.withSecrets(secrets);
  }

  /** When {@link #withSecrets} read its secrets. */
  public static final java.time.Instant SECRETS_READ =
      java.time.Instant.parse("2026-03-01T12:00:00Z");

  private static dev.ccr.secret.SecretDescriptor secret(
      String client, java.time.Instant at, int daysOld) {
    return new dev.ccr.secret.SecretDescriptor(
        client + "--" + daysOld, at.minus(java.time.Duration.ofDays(daysOld)));
  }

  private static dev.ccr.secret.ClientSecrets secrets(
      ClientAction action,
      dev.ccr.spec.SecretPolicy policy,
      java.time.Instant at,
      List<dev.ccr.secret.SecretDescriptor> live,
      java.util.Optional<String> held) {
    dev.ccr.secret.SecretPlanner.State state = new dev.ccr.secret.SecretPlanner.State(live, held);
    return new dev.ccr.secret.ClientSecrets(
        action.ref(),
        action.origin().source(),
        policy,
        java.util.Optional.of(state),
        dev.ccr.secret.SecretPlanner.plan(policy, state, at, false),
        dev.ccr.secret.SecretPlanner.violations(policy, state, at),
        java.util.Optional.empty(),
        at);
  }

  /** The plan of these documents against a pool holding exactly these live clients. */
  public static Plan plan(List<ClientSpec> specs, List<LiveClient> live) {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    specs.forEach(spec -> fake.seedPool(spec.userPoolId()));
    live.forEach(l -> fake.seed(l.userPoolId(), l.clientId(), l.attributes(), l.hasSecret()));
    return new Reconciler(fake, 4, ClientReader.Listener.NONE)
        .reconcile(specs, Reconciler.Options.PLAN);
  }
}
