package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ccr.live.GatewayException;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanFailuresTest {
  private static ClientAction unreadable(String pool, GatewayException error) {
    return new ClientAction.Unreadable(
        ClientRef.byId(pool, "abc"), Origin.at(new SourceRef("a.yaml", Position.START)), error);
  }

  private static GatewayException unreachable(String region) {
    return new GatewayException(
        GatewayException.Reason.UNREACHABLE,
        "",
        "cognito-idp:DescribeUserPoolClient",
        "cannot reach Cognito at https://cognito-idp." + region + ".amazonaws.com");
  }

  @Test
  void aFailureOfEveryCall_isGroupedByReasonAndErrorCode_notByItsWords() {
    Plan plan =
        new Plan(
            List.of(
                unreadable("us-east-1_A", unreachable("us-east-1")),
                unreadable("eu-west-1_B", unreachable("eu-west-1")),
                unreadable(
                    "us-east-1_C",
                    new GatewayException(
                        GatewayException.Reason.CREDENTIALS,
                        "ExpiredTokenException",
                        "cognito-idp:DescribeUserPoolClient",
                        "AWS rejected the credentials"))));
    List<Plan.Failure> failures = plan.failures();
    assertEquals(2, failures.size(), failures.toString());
    Plan.Everywhere network = (Plan.Everywhere) failures.get(0);
    assertEquals(2, network.clients());
    assertEquals(GatewayException.Reason.UNREACHABLE, network.error().reason());
    assertEquals(1, ((Plan.Everywhere) failures.get(1)).clients());
  }
}
