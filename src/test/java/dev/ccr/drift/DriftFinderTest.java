package dev.ccr.drift;

import static dev.ccr.plan.Clients.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.drift.DriftReport.Status;
import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.plan.Reconciler;
import dev.ccr.plan.Targets;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftFinderTest {
  private static final String WEB = "3n4b5urk1ft4fl3mg5e62d9ado";
  private static final String API = "4p1cl13nt0000000000000000a";
  private static final String OTHER = "0th3r00000000000000000000a";

  private final FakeCognitoGateway gateway =
      new FakeCognitoGateway()
          .seed(DriftReports.POOL, WEB, map("ClientName", "web", "AccessTokenValidity", 1), false)
          .seed(DriftReports.POOL, API, map("ClientName", "api"), false)
          .seed(DriftReports.POOL, OTHER, map("ClientName", "other"), false);

  private final List<ClientSpec> declared =
      List.of(
          DriftReports.spec("a.yaml", 1, WEB, map("AccessTokenValidity", 2)),
          DriftReports.spec("b.yaml", 1, API, map("ClientName", "api")));

  @Test
  void check_reportsDriftInSyncAndTheClientsNoFileDeclares() {
    DriftReport report = check(declared, false);
    assertEquals(
        List.of(Status.DRIFTED, Status.IN_SYNC),
        report.clients().stream().map(c -> c.status()).toList());
    assertEquals(new Position(3, 1), report.clients().get(0).drifted().get(0).position());
    assertEquals(List.of(OTHER), report.unmanaged().stream().map(c -> c.clientId()).toList());
    assertEquals("a.yaml", report.unmanaged().get(0).file());
    assertTrue(report.hasDrift());
    assertFalse(report.unmanagedFail());
    assertTrue(check(declared, true).unmanagedFail());
  }

  @Test
  void check_listsEachPoolOnce() {
    check(declared, false);
    long lists =
        gateway.calls().stream()
            .filter(c -> c.operation() == FakeCognitoGateway.Operation.LIST)
            .count();
    assertEquals(1, lists);
  }

  @Test
  void check_poolThatCannotBeListed_isAReadErrorNotAnUnmanagedClient() {
    gateway.failAlways(
        FakeCognitoGateway.Operation.LIST,
        DriftReports.POOL,
        "",
        new GatewayException(
            GatewayException.Reason.ACCESS_DENIED,
            "AccessDeniedException",
            "cognito-idp:ListUserPoolClients",
            "not allowed"));
    DriftReport report = check(declared, true);
    assertEquals(List.of(), report.unmanaged());
    assertEquals(1, report.poolErrors().size());
    assertEquals(
        "cannot list the clients of pool "
            + DriftReports.POOL
            + ": not allowed (AccessDeniedException)",
        report.poolErrors().get(0).message());
    assertTrue(report.hasReadErrors());
  }

  @Test
  void check_clientThatCannotBeRead_isAnErrorAtItsClientId() {
    List<ClientSpec> withGone =
        List.of(
            declared.get(0),
            DriftReports.spec(
                "gone.yaml", 4, "g0n3000000000000000000000a", map("ClientName", "gone")));
    DriftReport report = check(withGone, false);
    DriftReport.ClientResult gone = report.clients().get(1);
    assertEquals(Status.ERROR, gone.status());
    assertEquals("gone", gone.clientName());
    assertEquals(new Position(5, 1), gone.problems().get(0).position());
    assertTrue(report.hasReadErrors());
  }

  private DriftReport check(List<ClientSpec> specs, boolean failOnUnmanaged) {
    return DriftFinder.report(
        new Reconciler(gateway, 2, ClientReader.Listener.NONE)
            .reconcile(specs, new Reconciler.Options(false, true, Targets.ALL)),
        List.of(),
        failOnUnmanaged);
  }

  @Test
  void secretPolicyViolations_areDriftAtCcrSecret_andAClientWithoutOneStaysInSync() {
    DriftReport report = DriftFinder.report(dev.ccr.plan.Clients.withSecrets(), List.of(), false);

    DriftReport.ClientResult web = report.clients().get(0);
    assertEquals(Status.DRIFTED, web.status());
    assertEquals(List.of("ccr/secret"), web.drifted().stream().map(d -> d.path()).toList());
    assertTrue(web.drifted().get(0).live().contains("older than rotateAfter 90 days"));
    assertTrue(
        web.drifted().get(0).desired().contains("store secretsManager:prod/web"),
        web.drifted().get(0).desired());

    DriftReport.ClientResult web2 = report.clients().get(1);
    assertEquals(Status.DRIFTED, web2.status());
    assertTrue(web2.drifted().get(0).live().contains("holds c2--gone, which the client no"));
    assertTrue(web2.drifted().get(1).live().contains("past the grace period of 12 hours"));

    assertEquals(Status.IN_SYNC, report.clients().get(2).status(), "api is as its policy wants");
    assertTrue(report.hasDrift());
  }
}
