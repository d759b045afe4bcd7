package dev.ccr.drift;

import static dev.ccr.plan.Clients.map;

import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.LiveClient;
import dev.ccr.plan.Plan;
import dev.ccr.plan.Reconciler;
import dev.ccr.plan.Targets;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.RuleSettings;
import dev.ccr.spec.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sample drift reports built from inline desired and live clients through the real planner. */
public final class DriftReports {
  public static final String POOL = "us-east-1_Example12";

  private DriftReports() {}

  /**
   * A client as a block-style YAML document starting at {@code line} would declare it: UserPoolId,
   * ClientId, then one key a line, sub-keys of nested objects indented by two on their own lines.
   */
  public static ClientSpec spec(
      String file, int line, String clientId, Map<String, Object> attributes) {
    Map<String, Position> positions = new HashMap<>();
    positions.put("/UserPoolId", new Position(line, 1));
    positions.put("/ClientId", new Position(line + 1, 1));
    int next = line + 2;
    for (Map.Entry<String, Object> entry : attributes.entrySet()) {
      positions.put("/" + entry.getKey(), new Position(next++, 1));
      if (entry.getValue() instanceof Map<?, ?> nested) {
        for (Object key : nested.keySet()) {
          positions.put("/" + entry.getKey() + "/" + key, new Position(next++, 3));
        }
      }
    }
    return new ClientSpec(
        new SourceRef(file, new Position(line, 1)), POOL, clientId, attributes, positions);
  }

  public static LiveClient live(String clientId, Map<String, Object> attributes) {
    return new LiveClient(POOL, clientId, attributes, false);
  }

  /**
   * The report of the declared {@code specs}: those with a live client are planned, the others fail
   * as not found; the pool lists the live clients.
   */
  public static DriftReport report(
      List<ClientSpec> specs, List<LiveClient> live, boolean failOnUnmanaged) {
    return report(specs, live, failOnUnmanaged, RuleSettings.DEFAULT);
  }

  /** {@link #report(List, List, boolean)} with the security rules tuned by {@code rules}. */
  public static DriftReport report(
      List<ClientSpec> specs, List<LiveClient> live, boolean failOnUnmanaged, RuleSettings rules) {
    FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);
    live.forEach(
        l -> {
          if (l.clientType().isEmpty()) {
            fake.seed(POOL, l.clientId(), l.attributes(), l.hasSecret());
          } else {
            fake.seedTyped(POOL, l.clientId(), l.attributes(), l.clientType());
          }
        });
    Plan plan =
        new Reconciler(fake, 2, ClientReader.Listener.NONE)
            .reconcile(specs, new Reconciler.Options(false, true, Targets.ALL, rules));
    return DriftFinder.report(plan, List.of(), failOnUnmanaged);
  }

  /**
   * A public client whose file manages its access token validity (drifted) and prevents
   * user-existence errors, while the live client, where the file leaves them, revokes no tokens,
   * allows the implicit grant and rotates no refresh token: three security warnings at its
   * ClientId, or with {@code strict} three errors that make the client invalid.
   */
  public static DriftReport insecure(boolean strict) {
    ClientSpec spa =
        spec(
            "clients/spa.yaml",
            1,
            "5p4cl13nt0000000000000000a",
            map(
                "ClientName",
                "spa",
                "AccessTokenValidity",
                30,
                "TokenValidityUnits",
                map("AccessToken", "minutes"),
                "PreventUserExistenceErrors",
                "ENABLED"));
    LiveClient live =
        live(
            "5p4cl13nt0000000000000000a",
            map(
                "ClientName",
                "spa",
                "AccessTokenValidity",
                60,
                "TokenValidityUnits",
                map("AccessToken", "minutes"),
                "PreventUserExistenceErrors",
                "ENABLED",
                "EnableTokenRevocation",
                false,
                "AllowedOAuthFlowsUserPoolClient",
                true,
                "AllowedOAuthFlows",
                List.of("implicit"),
                "AllowedOAuthScopes",
                List.of("openid"),
                "CallbackURLs",
                List.of("https://spa.example.com/cb")));
    return report(List.of(spa), List.of(live), false, new RuleSettings(Set.of(), strict));
  }

  /**
   * Web drifted four ways, api in sync, legacy gone, one live client nobody declares, and one
   * registered at run time (DCR), listed apart.
   */
  public static DriftReport driftAndUnmanaged(boolean failOnUnmanaged) {
    ClientSpec web =
        spec(
            "clients/web.yaml",
            1,
            "3n4b5urk1ft4fl3mg5e62d9ado",
            map(
                "ClientName",
                "web-app",
                "AccessTokenValidity",
                30,
                "TokenValidityUnits",
                map("AccessToken", "minutes"),
                "CallbackURLs",
                List.of("https://app.example.com/callback", "https://app.example.com/cb2"),
                "AllowedOAuthFlowsUserPoolClient",
                true,
                "PreventUserExistenceErrors",
                "ENABLED",
                "RefreshTokenRotation",
                map("Feature", "DISABLED")));
    ClientSpec api =
        spec(
            "clients/web.yaml",
            13,
            "4p1cl13nt0000000000000000a",
            map(
                "ClientName",
                "api",
                "ExplicitAuthFlows",
                List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
    ClientSpec legacy =
        spec(
            "clients/legacy.yaml",
            1,
            "l3gacy00000000000000000000",
            map("ClientName", "legacy <old> & \"gone\""));
    List<LiveClient> live =
        List.of(
            live(
                "3n4b5urk1ft4fl3mg5e62d9ado",
                map(
                    "ClientName",
                    "web-app",
                    "AccessTokenValidity",
                    1,
                    "TokenValidityUnits",
                    map("AccessToken", "hours", "IdToken", "hours", "RefreshToken", "days"),
                    "CallbackURLs",
                    List.of("https://old.example.com/callback", "https://app.example.com/callback"),
                    "AllowedOAuthFlowsUserPoolClient",
                    true,
                    "RefreshTokenRotation",
                    map("Feature", "ENABLED", "RetryGracePeriodSeconds", 10))),
            live(
                "4p1cl13nt0000000000000000a",
                map(
                    "ClientName",
                    "api",
                    "ExplicitAuthFlows",
                    List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"))),
            live("f0rg0tt3n00000000000000000", map("ClientName", "forgotten-client")),
            new LiveClient(
                POOL, "dcr0agent00000000000000000", map("ClientName", "mcp-agent"), false, "DCR"));
    return report(List.of(web, api, legacy), live, failOnUnmanaged);
  }

  /** Two clients that match their files, and nothing else in the pool. */
  public static DriftReport inSync() {
    ClientSpec web =
        spec("clients/web.yaml", 1, "3n4b5urk1ft4fl3mg5e62d9ado", map("ClientName", "web-app"));
    ClientSpec api =
        spec(
            "clients/web.yaml",
            5,
            "4p1cl13nt0000000000000000a",
            map("PreventUserExistenceErrors", "LEGACY"));
    List<LiveClient> live =
        List.of(
            live("3n4b5urk1ft4fl3mg5e62d9ado", map("ClientName", "web-app")),
            live("4p1cl13nt0000000000000000a", map("ClientName", "api")));
    return report(List.of(web, api), live, false);
  }

  /**
   * A client of every status: web drifted, api in sync, reports missing (declared by name, and the
   * only client of that name is of a type ccr does not know, so not adopted: listed apart), retired
   * unwanted (declared absent, still there), legacy an error (gone).
   */
  public static DriftReport everyStatus() {
    ClientSpec web =
        spec("clients/web.yaml", 1, "3n4b5urk1ft4fl3mg5e62d9ado", map("AuthSessionValidity", 5));
    ClientSpec api =
        spec("clients/web.yaml", 5, "4p1cl13nt0000000000000000a", map("ClientName", "api"));
    ClientSpec reports = reportsApp();
    ClientSpec retired =
        new ClientSpec(
            new SourceRef("clients/retired.yaml", new Position(1, 1)),
            POOL,
            Optional.of("r3t1r3d0000000000000000000"),
            map(),
            Optional.empty(),
            new ClientSpec.Settings(ClientSpec.State.ABSENT, List.of(), List.of()),
            Map.of("/UserPoolId", new Position(1, 1), "/ClientId", new Position(2, 1)));
    ClientSpec legacy =
        spec("clients/legacy.yaml", 1, "l3gacy00000000000000000000", map("ClientName", "legacy"));
    List<LiveClient> live =
        List.of(
            live("3n4b5urk1ft4fl3mg5e62d9ado", map("ClientName", "web-app")),
            live("4p1cl13nt0000000000000000a", map("ClientName", "api")),
            live("r3t1r3d0000000000000000000", map("ClientName", "retired-app")),
            new LiveClient(
                POOL,
                "dcr0rep0rts000000000000000",
                map("ClientName", "reports-app"),
                false,
                "SOMETHING_LATER"));
    return report(List.of(web, api, reports, retired, legacy), live, false);
  }

  /** reports-app, declared by name in clients/reports.yaml, that no live client matches here. */
  private static ClientSpec reportsApp() {
    return new ClientSpec(
        new SourceRef("clients/reports.yaml", new Position(1, 1)),
        POOL,
        Optional.empty(),
        map("ClientName", "reports-app"),
        Optional.empty(),
        ClientSpec.Settings.DEFAULT,
        Map.of("/UserPoolId", new Position(1, 1), "/ClientName", new Position(2, 1)));
  }

  /** One client in sync and one that does not exist yet: drift, but no attribute drifted. */
  public static DriftReport inSyncAndMissing() {
    ClientSpec api =
        spec("clients/web.yaml", 5, "4p1cl13nt0000000000000000a", map("ClientName", "api"));
    ClientSpec reports = reportsApp();
    return report(
        List.of(api, reports),
        List.of(live("4p1cl13nt0000000000000000a", map("ClientName", "api"))),
        false);
  }

  /** {@code n} clients in one file, each with its access token validity drifted. */
  public static DriftReport manyDrifted(int n) {
    List<ClientSpec> specs = new ArrayList<>();
    List<LiveClient> live = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("c%025d", i);
      specs.add(
          spec(
              "clients/fleet.yaml",
              1 + 5 * i,
              id,
              map("ClientName", "client-" + i, "AccessTokenValidity", 2)));
      live.add(live(id, map("ClientName", "client-" + i, "AccessTokenValidity", 1)));
    }
    return report(specs, live, false);
  }
}
