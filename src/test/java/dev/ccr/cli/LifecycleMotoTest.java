package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsCognitoGateway;
import dev.ccr.live.CountingGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The whole life of a client through the command line, against moto with the real SDK: create from
 * a file without ClientId, adopt by name, refuse a shared name, delete, prune, and plan empty after
 * each step.
 */
@ExtendWith(MotoServer.class)
class LifecycleMotoTest {
  @TempDir Path dir;
  private URI endpoint;
  private String pool;
  private final CountingGateway.Counts counts = new CountingGateway.Counts();

  @BeforeEach
  void seed(URI moto) {
    endpoint = moto;
    try (MotoSeeder seeder = new MotoSeeder(moto)) {
      pool = seeder.createUserPool();
    }
  }

  @Test
  void create_fileWithoutClientId_createsWithASecretThatAppearsNowhere() throws IOException {
    write(
        "m2m.yaml",
        "ClientName: orders-worker",
        "GenerateSecret: true",
        "AllowedOAuthFlowsUserPoolClient: true",
        "AllowedOAuthFlows: [client_credentials]",
        "AllowedOAuthScopes: [openid]",
        "AccessTokenValidity: 15",
        "TokenValidityUnits: {AccessToken: minutes}");
    Path plan = dir.resolve("plan.json");

    CliRun planned = ccr("plan", dir.toString(), "--out", plan.toString(), "--detailed-exitcode");
    assertEquals(ExitCode.CHANGES, planned.exitCode(), planned.all());
    assertTrue(planned.out().startsWith("+ orders-worker (" + pool + ")\n"), planned.out());
    assertTrue(planned.out().contains("    + AccessTokenValidity: 15 minutes\n"), planned.out());
    assertTrue(
        planned.out().contains("Plan: 1 to create, 0 to update, 0 to delete"), planned.out());
    assertTrue(Files.readString(plan).contains("\"action\": \"create\""));

    CliRun applied = ccr("apply", "--plan", plan.toString());
    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    List<UserPoolClientDescription> clients = list();
    assertEquals(1, clients.size());
    String id = clients.get(0).clientId();
    assertTrue(
        applied.out().contains("orders-worker (" + pool + "/" + id + "): created\n"),
        applied.out());
    UserPoolClientType stored = describe(id);
    String secret = stored.clientSecret();
    assertTrue(secret != null && !secret.isEmpty(), "the client has a secret");
    assertEquals(15, stored.accessTokenValidity());
    for (CliRun run : List.of(planned, applied)) {
      assertFalse(run.all().contains(secret), "the secret in the output");
    }
    assertFalse(Files.readString(plan).contains(secret));

    CliRun again = ccr("plan", dir.toString(), "--detailed-exitcode");
    assertEquals(ExitCode.OK, again.exitCode(), again.all());
    assertTrue(again.out().startsWith("No changes."), again.out());
    assertFalse(again.all().contains(secret));
  }

  @Test
  void adopt_fileNamingAnExistingClient_updatesItInPlace() throws IOException {
    SeededClient existing;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      existing =
          seeder.createClient(pool, "web-app", false, b -> b.preventUserExistenceErrors("LEGACY"));
    }
    write("web.yaml", "ClientName: web-app", "PreventUserExistenceErrors: ENABLED");

    CliRun applied = ccr("apply", dir.toString(), "--auto-approve");

    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    assertTrue(
        applied.out().contains("~ web-app (" + pool + "/" + existing.clientId() + ")"),
        applied.out());
    assertEquals(0, counts.of(Operation.CREATE));
    assertEquals(1, list().size(), "same client, no new one");
    assertEquals("ENABLED", describe(existing.clientId()).preventUserExistenceErrorsAsString());
    assertEquals(ExitCode.OK, ccr("plan", dir.toString(), "--detailed-exitcode").exitCode());
  }

  @Test
  void adopt_nameSharedByTwoClients_isRefusedWithTheirIdsAndNoWrite() throws IOException {
    SeededClient one;
    SeededClient two;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      one = seeder.createClient(pool, "twin");
      two = seeder.createClient(pool, "twin");
    }
    Path file = write("twin.yaml", "ClientName: twin", "AuthSessionValidity: 7");

    CliRun applied = ccr("apply", dir.toString(), "--auto-approve");

    assertEquals(ExitCode.INVALID, applied.exitCode(), applied.all());
    assertTrue(
        applied.err().contains(file + ":2:1: error: ClientName: 2 clients of pool " + pool),
        applied.err());
    assertTrue(applied.err().contains(one.clientId()), applied.err());
    assertTrue(applied.err().contains(two.clientId()), applied.err());
    assertTrue(applied.err().contains("add the ClientId"), applied.err());
    assertEquals(0, counts.writes());
  }

  @Test
  void delete_stateAbsent_deletesAndIsThenNoChange() throws IOException {
    SeededClient old;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      old = seeder.createClient(pool, "old-app");
      seeder.createClient(pool, "keep");
    }
    write("old.yaml", "ClientId: " + old.clientId(), "ccr: {state: absent}");
    write("keep.yaml", "ClientName: keep");

    CliRun planned = ccr("plan", dir.toString(), "--detailed-exitcode");
    assertEquals(ExitCode.CHANGES, planned.exitCode(), planned.all());
    assertTrue(
        planned.out().contains("- old-app (" + pool + "/" + old.clientId() + ")"), planned.out());
    assertTrue(
        planned.out().contains("Plan: 0 to create, 0 to update, 1 to delete, 1 unchanged."),
        planned.out());

    CliRun applied = ccr("apply", dir.toString(), "--auto-approve");
    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    assertTrue(applied.out().contains(": deleted\n"), applied.out());
    assertEquals(
        List.of("keep"), list().stream().map(UserPoolClientDescription::clientName).toList());

    CliRun again = ccr("plan", dir.toString(), "--detailed-exitcode");
    assertEquals(ExitCode.OK, again.exitCode(), again.all());
  }

  @Test
  void prune_deletesExactlyTheUndeclaredClientsOfDeclaredPools() throws IOException {
    String otherPool;
    SeededClient kept;
    SeededClient stray;
    SeededClient elsewhere;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      kept = seeder.createClient(pool, "kept");
      stray = seeder.createClient(pool, "stray");
      otherPool = seeder.createUserPool();
      elsewhere = seeder.createClient(otherPool, "in-an-undeclared-pool");
    }
    write("kept.yaml", "ClientName: kept");

    CliRun plain = ccr("plan", dir.toString(), "--detailed-exitcode");
    assertEquals(
        ExitCode.OK, plain.exitCode(), "without --prune nothing is deleted: " + plain.all());
    assertTrue(
        plain.out().contains("1 client of the declared pools is declared in no file"), plain.out());

    CliRun pruned = ccr("apply", dir.toString(), "--prune", "--auto-approve");
    assertEquals(ExitCode.OK, pruned.exitCode(), pruned.all());
    assertTrue(
        pruned.out().contains("- stray (" + pool + "/" + stray.clientId() + ")"), pruned.out());
    assertTrue(pruned.out().contains("no file declares it (--prune)"), pruned.out());
    assertEquals(1, counts.of(Operation.DELETE));
    assertEquals(
        List.of(kept.clientId()),
        list().stream().map(UserPoolClientDescription::clientId).toList());
    try (CognitoIdentityProviderClient sdk = sdk()) {
      assertEquals(
          elsewhere.clientId(),
          sdk.listUserPoolClients(b -> b.userPoolId(otherPool)).userPoolClients().get(0).clientId(),
          "a pool no file declares is never pruned");
    }
    assertEquals(
        ExitCode.OK, ccr("plan", dir.toString(), "--prune", "--detailed-exitcode").exitCode());
  }

  @Test
  void target_narrowsTheRunButUnmanagedIsStillJudgedAgainstEveryFile() throws IOException {
    SeededClient web;
    SeededClient api;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      web = seeder.createClient(pool, "web", false, b -> b.authSessionValidity(3));
      api = seeder.createClient(pool, "api", false, b -> b.authSessionValidity(3));
    }
    write("web.yaml", "ClientId: " + web.clientId(), "AuthSessionValidity: 5");
    Path apiFile = write("api.yaml", "ClientName: api", "AuthSessionValidity: 6");

    CliRun byName = ccr("plan", dir.toString(), "--target", "web", "--prune");
    assertEquals(ExitCode.OK, byName.exitCode(), byName.all());
    assertTrue(byName.out().contains("~ web ("), byName.out());
    assertFalse(byName.out().contains("api"), "api is declared, so neither planned nor pruned");
    assertTrue(
        byName.out().contains("Plan: 0 to create, 1 to update, 0 to delete, 0 unchanged."),
        byName.out());

    CliRun byFile = ccr("plan", dir.toString(), "--target", apiFile.toString());
    assertTrue(byFile.out().contains("~ api (" + pool + "/" + api.clientId() + ")"), byFile.out());
    assertFalse(byFile.out().contains("~ web"), byFile.out());

    CliRun byId = ccr("plan", dir.toString(), "--target", web.clientId());
    assertTrue(byId.out().contains("~ web"), byId.out());

    CliRun none = ccr("plan", dir.toString(), "--target", "nothing-like-it");
    assertEquals(ExitCode.USAGE, none.exitCode(), none.all());
    assertTrue(none.err().contains("--target nothing-like-it matches no client"), none.err());
  }

  @Test
  void drift_reportsAClientThatWouldBeCreatedAndOneThatShouldBeGone() throws IOException {
    SeededClient old;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      old = seeder.createClient(pool, "old-app");
    }
    write("new.yaml", "ClientName: new-app");
    write("old.yaml", "ClientName: old-app", "ccr: {state: absent}");

    CliRun drift = ccr("drift", dir.toString());

    assertEquals(ExitCode.CHANGES, drift.exitCode(), drift.all());
    assertTrue(drift.out().contains("+ new-app (" + pool + ")\n"), drift.out());
    assertTrue(drift.out().contains("no such client exists; apply would create it"), drift.out());
    assertTrue(
        drift.out().contains("- old-app (" + pool + "/" + old.clientId() + ")"), drift.out());
    assertTrue(drift.out().contains("1 missing, 1 unwanted"), drift.out());
  }

  @Test
  void export_byName_writesFilesWithoutClientIdThatCreateInAnotherPool() throws IOException {
    String source;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      source = seeder.createUserPool();
      seeder.createClient(source, "portable", false, b -> b.authSessionValidity(8));
    }
    Path out = dir.resolve("exported");
    CliRun export =
        ccr("export", "--user-pool-id", source, "--output-dir", out.toString(), "--by-name");
    assertEquals(ExitCode.OK, export.exitCode(), export.all());
    Path file = out.resolve("portable.yaml");
    String yaml = Files.readString(file);
    assertFalse(yaml.contains("ClientId"), yaml);
    Files.writeString(file, yaml.replace(source, pool));

    CliRun applied = ccr("apply", out.toString(), "--auto-approve");

    assertEquals(ExitCode.OK, applied.exitCode(), applied.all());
    assertEquals(
        List.of("portable"), list().stream().map(UserPoolClientDescription::clientName).toList());
    assertEquals(8, describe(list().get(0).clientId()).authSessionValidity());
  }

  // ---- helpers

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

  private List<UserPoolClientDescription> list() {
    try (CognitoIdentityProviderClient sdk = sdk()) {
      return sdk.listUserPoolClients(b -> b.userPoolId(pool).maxResults(60)).userPoolClients();
    }
  }

  private UserPoolClientType describe(String clientId) {
    try (CognitoIdentityProviderClient sdk = sdk()) {
      return sdk.describeUserPoolClient(b -> b.userPoolId(pool).clientId(clientId))
          .userPoolClient();
    }
  }

  private CognitoIdentityProviderClient sdk() {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(MotoSeeder.REGION)
        .credentialsProvider(MotoSeeder.CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
