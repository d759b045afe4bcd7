package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsCognitoGateway;
import dev.ccr.live.CountingGateway;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
import dev.ccr.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * What a plan that passes checks, through the command line against moto with the real SDK: a pool
 * with a domain, a resource server, an OIDC identity provider and a custom attribute. moto itself
 * accepts unknown scopes, unknown identity providers and a default redirect URI that is no callback
 * URL, which is why ccr checks them: each failure is refused at plan (exit 3) and by apply (exit 3,
 * nothing written), and each valid version plans, applies and plans again with no changes.
 */
@ExtendWith(MotoServer.class)
class PoolChecksMotoTest {
  private static final String A = "https://a.example.com/cb";
  private static final String B = "https://b.example.com/cb";

  @TempDir Path dir;
  private URI endpoint;
  private String pool;
  private final CountingGateway.Counts counts = new CountingGateway.Counts();

  @BeforeEach
  void seedPool(URI moto) {
    endpoint = moto;
    try (MotoSeeder seeder = new MotoSeeder(moto)) {
      pool =
          seeder.createUserPool(
              b ->
                  b.userPoolTier("ESSENTIALS")
                      .schema(
                          SchemaAttributeType.builder()
                              .name("tenant")
                              .attributeDataType("String")
                              .mutable(true)
                              .build()));
      seeder.createDomain(pool, "ccr-" + UUID.randomUUID().toString().substring(0, 8));
      seeder.createResourceServer(pool, "orders-api", "orders.read", "orders.write");
      seeder.createIdentityProvider(pool, "CorpIdP");
    }
  }

  @Test
  void customScope_ofAResourceServerThePoolLacks_isRefused_andAnExistingOneApplies()
      throws IOException {
    SeededClient client = oauthClient("orders-worker", b -> {});
    Path file =
        write(
            "worker.yaml",
            "ClientId: " + client.clientId(),
            "AllowedOAuthScopes:",
            "  - openid",
            "  - orders-api/orders.admin");

    CliRun planned = ccr("plan", dir.toString());
    assertEquals(ExitCode.INVALID, planned.exitCode(), planned.all());
    assertTrue(
        planned
            .err()
            .contains(
                file
                    + ":5:5: error: AllowedOAuthScopes: \"orders-api/orders.admin\" is not a scope"
                    + " of user pool "
                    + pool
                    + " (its custom scopes: orders-api/orders.read, orders-api/orders.write)"),
        planned.err());
    assertRefusedByApply();

    write(
        "worker.yaml",
        "ClientId: " + client.clientId(),
        "AllowedOAuthScopes: [openid, orders-api/orders.write]");
    assertAppliesAndConverges();
    assertEquals(
        List.of("openid", "orders-api/orders.write"),
        describe(client.clientId()).allowedOAuthScopes());
  }

  @Test
  void identityProvider_thePoolLacks_isRefused_andBuiltInOrConfiguredOnesApply()
      throws IOException {
    SeededClient client = oauthClient("portal", b -> {});
    Path file =
        write(
            "portal.yaml",
            "ClientId: " + client.clientId(),
            "SupportedIdentityProviders: [COGNITO, Okta]");

    CliRun planned = ccr("plan", dir.toString());
    assertEquals(ExitCode.INVALID, planned.exitCode(), planned.all());
    assertTrue(
        planned
            .err()
            .contains(
                file
                    + ":3:39: error: SupportedIdentityProviders: \"Okta\" is not an identity"
                    + " provider of user pool "
                    + pool
                    + " (its providers: CorpIdP)"),
        planned.err());
    assertRefusedByApply();

    write(
        "portal.yaml",
        "ClientId: " + client.clientId(),
        "SupportedIdentityProviders: [COGNITO, Google, CorpIdP]");
    assertAppliesAndConverges();
  }

  @Test
  void callbackDroppedUnderTheLiveDefaultRedirect_isRefused_andDroppingBothApplies()
      throws IOException {
    SeededClient client = oauthClient("web", b -> b.callbackURLs(A, B).defaultRedirectURI(A));
    Path file = write("web.yaml", "ClientId: " + client.clientId(), "CallbackURLs: [" + B + "]");

    CliRun planned = ccr("plan", dir.toString());
    assertEquals(ExitCode.INVALID, planned.exitCode(), planned.all());
    assertTrue(
        planned
            .err()
            .contains(
                file
                    + ":3:1: error: DefaultRedirectURI "
                    + A
                    + " (live, unmanaged) is not one of CallbackURLs after this change"),
        planned.err());
    assertRefusedByApply();

    write(
        "web.yaml",
        "ClientId: " + client.clientId(),
        "CallbackURLs: [" + B + "]",
        "DefaultRedirectURI: " + B);
    assertAppliesAndConverges();
  }

  @Test
  void oauthFlows_onAClientWhoseLiveFlagIsOff_areRefused_andWithTheFlagApply() throws IOException {
    SeededClient client;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      client = seeder.createClient(pool, "api-only");
    }
    write(
        "api.yaml",
        "ClientId: " + client.clientId(),
        "AllowedOAuthFlows: [code]",
        "AllowedOAuthScopes: [openid]",
        "CallbackURLs: [" + A + "]");

    CliRun planned = ccr("plan", dir.toString());

    assertEquals(ExitCode.INVALID, planned.exitCode(), planned.all());
    assertTrue(
        planned
            .err()
            .contains(
                "error: AllowedOAuthFlows needs AllowedOAuthFlowsUserPoolClient: true, but it is"
                    + " false (live, unmanaged)"),
        planned.err());
    assertRefusedByApply();

    write(
        "api.yaml",
        "ClientId: " + client.clientId(),
        "AllowedOAuthFlows: [code]",
        "AllowedOAuthScopes: [openid]",
        "CallbackURLs: [" + A + "]",
        "AllowedOAuthFlowsUserPoolClient: true");
    assertAppliesAndConverges();
  }

  @Test
  void callbackUrls_onAClientWhoseLiveFlagIsOff_planWithAWarning_andApply() throws IOException {
    SeededClient client;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      client = seeder.createClient(pool, "urls-only");
    }
    write(
        "urls.yaml",
        "ClientId: " + client.clientId(),
        "CallbackURLs: [" + A + "]",
        "LogoutURLs: [" + B + "]",
        "DefaultRedirectURI: " + A);

    CliRun planned = ccr("plan", dir.toString(), "--detailed-exitcode");

    assertEquals(ExitCode.CHANGES, planned.exitCode(), planned.all());
    assertTrue(
        planned
            .err()
            .contains(
                "warning: CallbackURLs is stored but unused while AllowedOAuthFlowsUserPoolClient"
                    + " is false (live, unmanaged)"),
        planned.err());
    assertAppliesAndConverges();
  }

  @Test
  void attributes_thePoolLacks_areRefused_andStandardAndCustomOnesApply() throws IOException {
    SeededClient client;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      client = seeder.createClient(pool, "profile");
    }
    write(
        "profile.yaml",
        "ClientId: " + client.clientId(),
        "ReadAttributes: [email, custom:tenant, custom:team]");

    CliRun planned = ccr("plan", dir.toString());
    assertEquals(ExitCode.INVALID, planned.exitCode(), planned.all());
    assertTrue(
        planned.err().contains("ReadAttributes: \"custom:team\" is not an attribute of user pool"),
        planned.err());
    assertRefusedByApply();

    write(
        "profile.yaml",
        "ClientId: " + client.clientId(),
        "ReadAttributes: [email, custom:tenant]",
        "WriteAttributes: [name, custom:tenant]");
    assertAppliesAndConverges();
  }

  @Test
  void userAuth_onALitePool_isRefused_andOnEssentialsApplies() throws IOException {
    String lite;
    SeededClient client;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      lite = seeder.createUserPool(b -> b.userPoolTier("LITE"));
      client = seeder.createClient(lite, "passkeys");
    }
    Files.writeString(
        dir.resolve("passkeys.yaml"),
        "UserPoolId: "
            + lite
            + "\nClientId: "
            + client.clientId()
            + "\nExplicitAuthFlows: [ALLOW_USER_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n");

    CliRun planned = ccr("plan", dir.toString());

    assertEquals(ExitCode.INVALID, planned.exitCode(), planned.all());
    assertTrue(planned.err().contains("is on Lite"), planned.err());
    assertRefusedByApply();

    SeededClient essential;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      essential = seeder.createClient(pool, "passkeys");
    }
    Files.delete(dir.resolve("passkeys.yaml"));
    write(
        "passkeys.yaml",
        "ClientId: " + essential.clientId(),
        "ExplicitAuthFlows: [ALLOW_USER_AUTH, ALLOW_REFRESH_TOKEN_AUTH]");
    assertAppliesAndConverges();
  }

  @Test
  void oauthFlows_onAPoolWithoutDomain_areAWarningAndTheyApply() throws IOException {
    String bare;
    SeededClient client;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      bare = seeder.createUserPool();
      client =
          seeder.createClient(
              bare, "no-domain", false, b -> b.allowedOAuthFlowsUserPoolClient(true));
    }
    Files.writeString(
        dir.resolve("bare.yaml"),
        "UserPoolId: "
            + bare
            + "\nClientId: "
            + client.clientId()
            + "\nAllowedOAuthFlows: [code]\n");

    CliRun planned = ccr("plan", dir.toString(), "--detailed-exitcode");

    assertEquals(ExitCode.CHANGES, planned.exitCode(), planned.all());
    assertTrue(
        planned.err().contains("warning: AllowedOAuthFlows: user pool " + bare), planned.err());
    assertTrue(planned.err().contains("has no domain"), planned.err());
  }

  @Test
  void nullDefaultRedirect_isPlannedAsARemovalAndSentAsACompleteConfigurationWithoutIt()
      throws IOException {
    SeededClient client = oauthClient("mobile", b -> b.callbackURLs(A).defaultRedirectURI(A));
    write("mobile.yaml", "ClientId: " + client.clientId(), "DefaultRedirectURI: null");

    CliRun planned = ccr("plan", dir.toString(), "--detailed-exitcode");
    assertEquals(ExitCode.CHANGES, planned.exitCode(), planned.all());
    assertTrue(planned.out().contains("    - DefaultRedirectURI: " + A + "\n"), planned.out());

    CliRun applied = ccr("apply", dir.toString(), "--auto-approve");

    Map<String, Object> sent = counts.updates().get(0);
    assertFalse(sent.containsKey("DefaultRedirectURI"), sent.toString());
    assertEquals(List.of(A), sent.get("CallbackURLs"), "the rest of the client is sent as it was");
    assertEquals(true, sent.get("AllowedOAuthFlowsUserPoolClient"));
    // Cognito resets what an update leaves out; moto merges the update into the stored client
    // instead, so there the redirect stays, and ccr reports that the client did not converge.
    assertEquals(A, describe(client.clientId()).defaultRedirectURI());
    assertEquals(ExitCode.ERROR, applied.exitCode(), applied.all());
    assertTrue(applied.err().contains("did not converge"), applied.err());
    assertTrue(applied.err().contains("DefaultRedirectURI"), applied.err());
  }

  // ---- helpers

  /** A client with the OAuth features on, code flow and a callback, as a web app has. */
  private SeededClient oauthClient(
      String name, java.util.function.Consumer<CreateUserPoolClientRequest.Builder> more) {
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      return seeder.createClient(
          pool,
          name,
          false,
          b -> {
            b.allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(
                    List.of(
                        software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType
                            .CODE))
                .allowedOAuthScopes("openid")
                .callbackURLs(A);
            more.accept(b);
          });
    }
  }

  private void assertRefusedByApply() {
    int before = counts.writes();
    CliRun applied = ccr("apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.INVALID, applied.exitCode(), applied.all());
    assertTrue(applied.err().contains("nothing was applied"), applied.err());
    assertEquals(before, counts.writes(), "nothing written");
  }

  private void assertAppliesAndConverges() {
    CliRun applied = ccr("apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    assertTrue(applied.out().contains(": updated "), applied.out());
    CliRun again = ccr("plan", dir.toString(), "--detailed-exitcode");
    assertEquals(ExitCode.OK, again.exitCode(), again.all());
    assertTrue(again.out().startsWith("No changes."), again.out());
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    String body =
        String.join(
            "\n", Stream.concat(Stream.of("UserPoolId: " + pool), Stream.of(lines)).toList());
    Files.writeString(file, body + "\n");
    return file;
  }

  private CliRun ccr(String... args) {
    Context context =
        new Context(
            Map.of(),
            options -> new CountingGateway(new AwsCognitoGateway(options), counts),
            new ByteArrayInputStream(new byte[0]));
    String[] all =
        Stream.concat(Stream.of(args), Stream.of("--endpoint-url", endpoint.toString()))
            .toArray(String[]::new);
    CliRun run = CliRun.run(context, new Terminal(false, false, false), all);
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }

  private UserPoolClientType describe(String clientId) {
    try (CognitoIdentityProviderClient sdk =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(endpoint)
            .region(MotoSeeder.REGION)
            .credentialsProvider(MotoSeeder.CREDENTIALS)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      return sdk.describeUserPoolClient(b -> b.userPoolId(pool).clientId(clientId))
          .userPoolClient();
    }
  }
}
