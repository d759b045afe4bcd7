package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.spec.AwsSettings;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The digest covers the environment and the AWS options a plan records: apply uses them to reach
 * AWS, so an edit of any of them without a new digest is refused like an edit of a change.
 */
class PlanFileDigestTest {
  private static final PlanFile.Made PROD =
      new PlanFile.Made(
          Optional.of("prod"),
          new AwsSettings(
              Optional.of("eu-west-1"),
              Optional.of("deploy"),
              Optional.of("https://vpce.example.com"),
              Optional.of("arn:aws:iam::123456789012:role/ccr")));

  private static String edited(PlanFile.Made made, Consumer<ObjectNode> edit) {
    ObjectNode root =
        (ObjectNode)
            JsonMapper.shared()
                .readTree(PlanFile.toJson(Clients.severalClients(), "ccr test", made));
    edit.accept(root);
    return root.toString();
  }

  private static void assertModified(String json) {
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
    assertTrue(
        e.getMessage().contains("modified after ccr wrote it (its digest does not match"),
        e.getMessage());
  }

  @Test
  void unedited_isRead_withItsEnvironment() throws Exception {
    assertEquals(PROD, PlanFile.parse(edited(PROD, root -> {}), "plan.json").made());
  }

  @Test
  void editedRole_isRefused() {
    assertModified(
        edited(
            PROD,
            root ->
                ((ObjectNode) root.get("environment"))
                    .put("roleArn", "arn:aws:iam::210987654321:role/admin")));
  }

  @Test
  void editedRegionProfileOrEndpoint_isRefused() {
    assertModified(
        edited(PROD, root -> ((ObjectNode) root.get("environment")).put("region", "us-east-1")));
    assertModified(
        edited(PROD, root -> ((ObjectNode) root.get("environment")).put("profile", "admin")));
    assertModified(
        edited(
            PROD,
            root ->
                ((ObjectNode) root.get("environment"))
                    .put("endpointUrl", "https://attacker.example.com")));
  }

  @Test
  void editedEnvironmentName_isRefused() {
    assertModified(
        edited(PROD, root -> ((ObjectNode) root.get("environment")).put("name", "staging")));
  }

  @Test
  void environmentAddedOrRemoved_isRefused() {
    assertModified(edited(PROD, root -> root.remove("environment")));
    assertModified(
        edited(
            PlanFile.Made.NONE,
            root -> root.putObject("environment").put("endpointUrl", "http://127.0.0.1:1")));
  }
}
