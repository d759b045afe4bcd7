package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IAM policies of docs/ci.md grant exactly the actions ccr calls: the read-only one every read
 * of the gateway, the apply one every read and write; the secrets read policy every read of the
 * secret gateway and the stores, the secrets apply policy all of their calls. The actions are those
 * the code names (each operation's IAM action, as it reports access denied), so a new operation
 * fails this test until the docs grant it.
 */
class IamPoliciesTest {
  private static final Path ROOT = Golden.projectDir();
  private static final Pattern ACTION = Pattern.compile("\"(cognito-idp:\\w+)\"");
  private static final Pattern WRITE =
      Pattern.compile("cognito-idp:(Create|Update|Delete|Add)\\w+");
  private static final Pattern SECRET_ACTION =
      Pattern.compile("\"((?:cognito-idp|secretsmanager|ssm):\\w+)\"");
  private static final Pattern SECRET_WRITE =
      Pattern.compile("(cognito-idp:(Add|Delete)|secretsmanager:(Put|Create)|ssm:Put)\\w+");

  /** Every IAM action the secret gateway and the stores name for the operations they call. */
  private static Set<String> secretActions() throws IOException {
    Set<String> actions = new TreeSet<>();
    for (String file : List.of("AwsSecretGateway.java", "AwsSecretStore.java")) {
      Matcher m =
          SECRET_ACTION.matcher(
              Files.readString(ROOT.resolve("src/main/java/dev/ccr/secret").resolve(file)));
      while (m.find()) {
        actions.add(m.group(1));
      }
    }
    return actions;
  }

  /** Every IAM action the gateway names for the operations it calls. */
  private static Set<String> gatewayActions() throws IOException {
    String source =
        Files.readString(ROOT.resolve("src/main/java/dev/ccr/live/AwsCognitoGateway.java"));
    Set<String> actions = new TreeSet<>();
    Matcher m = ACTION.matcher(source);
    while (m.find()) {
      actions.add(m.group(1));
    }
    return actions;
  }

  /** The actions of the JSON policy that follows {@code marker} in docs/ci.md. */
  private static Set<String> policy(String marker) throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/ci.md"));
    int at = docs.indexOf(marker);
    assertTrue(at >= 0, "docs/ci.md lacks: " + marker);
    int start = docs.indexOf("```json\n", at) + "```json\n".length();
    JsonNode policy =
        JsonMapper.builder().build().readTree(docs.substring(start, docs.indexOf("```", start)));
    assertEquals("2012-10-17", policy.get("Version").asString());
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      assertEquals("Allow", statement.get("Effect").asString());
      statement.get("Action").forEach(a -> actions.add(a.asString()));
    }
    return actions;
  }

  @Test
  void readOnlyPolicy_grantsEveryReadAndNoWrite() throws IOException {
    Set<String> reads = new TreeSet<>(gatewayActions());
    reads.removeIf(a -> WRITE.matcher(a).matches());

    assertTrue(reads.contains("cognito-idp:DescribeUserPoolClient"), reads.toString());
    assertEquals(reads, policy("The read-only policy"));
  }

  @Test
  void applyPolicy_grantsEveryActionCcrCalls() throws IOException {
    Set<String> all = gatewayActions();

    assertTrue(
        all.containsAll(
            Set.of("cognito-idp:CreateUserPoolClient", "cognito-idp:DeleteUserPoolClient")));
    assertEquals(all, policy("The apply policy"));
  }

  @Test
  void secretsReadPolicy_grantsEveryReadOfSecretsAndStoresAndNoWrite() throws IOException {
    Set<String> reads = new TreeSet<>(secretActions());
    reads.removeIf(a -> SECRET_WRITE.matcher(a).matches());

    assertEquals(
        Set.of(
            "cognito-idp:ListUserPoolClientSecrets",
            "secretsmanager:DescribeSecret",
            "ssm:DescribeParameters"),
        reads);
    assertEquals(reads, policy("The secrets read policy"));
  }

  @Test
  void secretsApplyPolicy_grantsEverySecretActionCcrCalls() throws IOException {
    Set<String> all = secretActions();

    assertTrue(
        all.containsAll(
            Set.of(
                "cognito-idp:AddUserPoolClientSecret",
                "cognito-idp:DeleteUserPoolClientSecret",
                "secretsmanager:PutSecretValue",
                "ssm:PutParameter")),
        all.toString());
    assertEquals(all, policy("The secrets apply policy"));
  }

  @Test
  void secretsDoc_namesEveryActionOfEachPolicy() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/secrets.md"));
    for (String action : secretActions()) {
      assertTrue(docs.contains("`" + action + "`"), "docs/secrets.md lacks " + action);
    }
  }

  @Test
  void recipes_nameTheirRolesPolicy() throws IOException {
    String apply = Files.readString(ROOT.resolve("examples/ci/.github/workflows/ccr-apply.yml"));
    assertTrue(apply.contains("the apply policy of ccr's docs/ci.md"), "ccr-apply.yml");
    assertTrue(apply.contains("Create/Update/DeleteUserPoolClient"), "ccr-apply.yml");
  }
}
