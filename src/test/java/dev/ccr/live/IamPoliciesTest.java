package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two IAM policies of docs/ci.md grant exactly the actions ccr calls: the read-only one every
 * read of the gateway, the apply one every read and write. The actions are those the gateway names
 * (each operation's IAM action, as it reports access denied), so a new operation fails this test
 * until the docs grant it.
 */
class IamPoliciesTest {
  private static final Path ROOT = Golden.projectDir();
  private static final Pattern ACTION = Pattern.compile("\"(cognito-idp:\\w+)\"");
  private static final Pattern WRITE =
      Pattern.compile("cognito-idp:(Create|Update|Delete|Add)\\w+");

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
  void recipes_nameTheirRolesPolicy() throws IOException {
    String apply = Files.readString(ROOT.resolve("examples/ci/.github/workflows/ccr-apply.yml"));
    assertTrue(apply.contains("the apply policy of ccr's docs/ci.md"), "ccr-apply.yml");
    assertTrue(apply.contains("Create/Update/DeleteUserPoolClient"), "ccr-apply.yml");
  }
}
