package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ccr.live.GatewayException;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Origin;
import dev.ccr.plan.Plan;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.Severity;
import dev.ccr.spec.SourceRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureReportTest {
  private static final String POOL = "us-east-1_Fail1";
  private static final String OTHER = "us-east-1_Fail2";

  private static Origin at(String file, int line) {
    return Origin.at(new SourceRef(file, new Position(line, 1)));
  }

  private static GatewayException error(GatewayException.Reason reason, String code, String text) {
    return new GatewayException(reason, code, "cognito-idp:ListUserPoolClients", text);
  }

  private static ClientAction unreadable(String id, GatewayException error) {
    return new ClientAction.Unreadable(ClientRef.byId(POOL, id), at(id + ".yaml", 2), error);
  }

  @Test
  void aFailureOfEveryCall_isOneError_andCountsItsClients() {
    GatewayException expired =
        error(GatewayException.Reason.CREDENTIALS, "ExpiredTokenException", "AWS rejected them");
    FailureReport report =
        FailureReport.of(new Plan(List.of(unreadable("a", expired), unreadable("b", expired))));
    assertEquals(List.of("AWS rejected them"), report.errors());
    assertEquals(List.of(), report.located());
    assertEquals(Optional.of("2 clients could not be read."), report.summary());
  }

  @Test
  void aPoolThatCannotBeListed_isLocatedAtItsUserPoolId_inOneWording() {
    Plan plan =
        new Plan(
            List.of(),
            List.of(),
            List.of(
                new Plan.PoolProblem(
                    POOL,
                    at("web.yaml", 3),
                    error(GatewayException.Reason.NOT_FOUND, "ResourceNotFoundException", "gone"),
                    true),
                new Plan.PoolProblem(
                    OTHER,
                    at("admin.yaml", 4),
                    error(GatewayException.Reason.ACCESS_DENIED, "AccessDeniedException", "no"),
                    false)),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            List.of(),
            List.of());
    FailureReport report = FailureReport.of(plan);
    assertEquals(
        List.of(
            new Diagnostic(
                Severity.WARNING,
                "cannot list the clients of pool "
                    + OTHER
                    + ": no (AccessDeniedException); its unmanaged clients are unknown",
                "admin.yaml",
                new Position(4, 1),
                "/UserPoolId",
                ""),
            new Diagnostic(
                Severity.ERROR,
                "user pool "
                    + POOL
                    + " not found: gone (ResourceNotFoundException); check the UserPoolId, and the"
                    + " region (its prefix, or --region) and account in use",
                "web.yaml",
                new Position(3, 1),
                "/UserPoolId",
                "")),
        report.located());
    assertEquals(List.of(), report.errors());
    assertEquals(Optional.empty(), report.summary());
  }
}
