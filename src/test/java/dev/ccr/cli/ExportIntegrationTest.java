package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.export.ClientYaml;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
import dev.ccr.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ccr export against moto through the real SDK: export, then validate, then plan. */
@ExtendWith(MotoServer.class)
class ExportIntegrationTest {
  private static String endpoint;
  private static String pool;
  private static String brokenPool;
  private static final List<String> secrets = new ArrayList<>();
  private static SeededClient insecureCallback;
  private static SeededClient mixedFlows;

  @TempDir Path dir;

  @BeforeAll
  static void seed(URI motoEndpoint) {
    endpoint = motoEndpoint.toString();
    try (MotoSeeder seeder = new MotoSeeder(motoEndpoint)) {
      pool = seeder.createUserPool();
      SeededClient full =
          seeder.createClient(
              pool,
              "Web App + prod",
              true,
              b ->
                  b.refreshTokenValidity(7)
                      .accessTokenValidity(30)
                      .idTokenValidity(2)
                      .tokenValidityUnits(
                          u -> u.accessToken("minutes").idToken("hours").refreshToken("days"))
                      .readAttributes("email", "name")
                      .writeAttributes("email")
                      .explicitAuthFlowsWithStrings(
                          "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                      .supportedIdentityProviders("COGNITO")
                      .callbackURLs("https://app.example.com/callback", "http://localhost:3000/cb")
                      .logoutURLs("https://app.example.com/logout")
                      .defaultRedirectURI("https://app.example.com/callback")
                      .allowedOAuthFlowsWithStrings("code")
                      .allowedOAuthScopes("openid", "email", "profile")
                      .allowedOAuthFlowsUserPoolClient(true)
                      .analyticsConfiguration(
                          a ->
                              a.applicationId("0123456789abcdef0123456789abcdef")
                                  .roleArn("arn:aws:iam::123456789012:role/pinpoint")
                                  .externalId("ext-1")
                                  .userDataShared(true))
                      .preventUserExistenceErrors("ENABLED")
                      .enableTokenRevocation(true)
                      .enablePropagateAdditionalUserContextData(true)
                      .authSessionValidity(10)
                      .refreshTokenRotation(r -> r.feature("DISABLED").retryGracePeriodSeconds(5)));
      secrets.add(full.secret().orElseThrow());
      seeder.createClient(pool, "minimal");
      SeededClient machine =
          seeder.createClient(
              pool,
              "reports-service",
              true,
              b ->
                  b.allowedOAuthFlowsWithStrings("client_credentials")
                      .allowedOAuthScopes("reports/read")
                      .allowedOAuthFlowsUserPoolClient(true)
                      .accessTokenValidity(15)
                      .tokenValidityUnits(u -> u.accessToken("minutes")));
      secrets.add(machine.secret().orElseThrow());
      seeder.createClient(
          pool,
          "partner-portal",
          false,
          b ->
              b.explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH")
                  .refreshTokenRotation(r -> r.feature("ENABLED").retryGracePeriodSeconds(10)));
      seeder.createClient(pool, "twin");
      seeder.createClient(pool, "Twin", true, b -> {}).secret().ifPresent(secrets::add);
      seeder.createClient(pool, "true");

      brokenPool = seeder.createUserPool();
      insecureCallback =
          seeder.createClient(
              brokenPool,
              "legacy-web",
              false,
              b ->
                  b.allowedOAuthFlowsWithStrings("code")
                      .allowedOAuthScopes("openid")
                      .allowedOAuthFlowsUserPoolClient(true)
                      .callbackURLs("http://app.example.com/callback"));
      mixedFlows =
          seeder.createClient(
              brokenPool,
              "old-mixed",
              true,
              b ->
                  b.allowedOAuthFlowsWithStrings("code", "client_credentials")
                      .allowedOAuthScopes("openid")
                      .allowedOAuthFlowsUserPoolClient(true)
                      .callbackURLs("https://old.example.com/cb"));
    }
  }

  @AfterAll
  static void forget() {
    secrets.clear();
  }

  @ParameterizedTest(name = "omitDefaults={0}")
  @ValueSource(booleans = {false, true})
  void export_thenValidateAndPlan_showsNoChanges(boolean omitDefaults) throws IOException {
    Path out = dir.resolve("clients");
    CliRun export =
        export(
            omitDefaults ? List.of("--omit-defaults") : List.of(), "--output-dir", out.toString());
    assertEquals(ExitCode.OK, export.exitCode(), export.err());
    assertEquals("", export.out());
    assertSummaryAfterSecurityWarnings(
        "Exported 7 clients of " + pool + " to " + out + "/.\n", export.err());
    assertEquals(
        Stream.of(
                "minimal.yaml",
                "partner-portal.yaml",
                "reports-service.yaml",
                "true.yaml",
                "twin-" + idPrefix("twin") + ".yaml",
                "twin-" + idPrefix("Twin") + ".yaml",
                "web-app-prod.yaml")
            .sorted()
            .toList(),
        fileNames(out));

    CliRun validate = CliRun.run("validate", out.toString());
    assertEquals(ExitCode.OK, validate.exitCode(), validate.err());
    assertTrue(validate.out().startsWith("7 clients in 7 files: valid"), validate.out());
    assertSummaryAfterSecurityWarnings(
        "",
        validate
            .err()
            .lines()
            .filter(l -> l.contains(": warning: "))
            .map(l -> l + "\n")
            .reduce("", String::concat));

    CliRun plan =
        CliRun.run("plan", out.toString(), "--endpoint-url", endpoint, "--detailed-exitcode");
    assertEquals(ExitCode.OK, plan.exitCode(), plan.out() + plan.err());
  }

  /**
   * The summary last; before it, only the security rules' warnings about the seeded clients
   * (Cognito's defaults such as PreventUserExistenceErrors: LEGACY), each naming its rule.
   */
  private static void assertSummaryAfterSecurityWarnings(String summary, String err) {
    assertTrue(err.endsWith(summary), err);
    for (String line : err.substring(0, err.length() - summary.length()).lines().toList()) {
      assertTrue(
          line.contains("warning: ") && line.matches(".*\\[CCR1\\d\\d\\]$"),
          "not a security rule's warning: " + line);
    }
  }

  @Test
  void export_neverWritesASecret() throws IOException {
    Path out = dir.resolve("clients");
    assertEquals(ExitCode.OK, export(List.of(), "--output-dir", out.toString()).exitCode());
    CliRun stream = export(List.of());
    assertEquals(3, secrets.size());
    for (String secret : secrets) {
      for (Path file : files(out)) {
        assertFalse(Files.readString(file).contains(secret), file + " holds a client secret");
      }
      assertFalse((stream.out() + stream.err()).contains(secret));
    }
    assertFalse(
        stream.out().contains("ClientSecret") || stream.out().contains("Date"), stream.out());
  }

  @Test
  void export_withoutOutputDir_writesOneStreamThatValidatesAndPlans() throws IOException {
    CliRun export = export(List.of());
    assertEquals(ExitCode.OK, export.exitCode(), export.err());
    assertSummaryAfterSecurityWarnings("Exported 7 clients of " + pool + ".\n", export.err());
    assertTrue(export.out().startsWith(ClientYaml.MODELINE + "\n"), export.out());
    assertEquals(
        6,
        export.out().split("\n---\n" + java.util.regex.Pattern.quote(ClientYaml.MODELINE)).length
            - 1);

    Path file = Files.writeString(dir.resolve("all.yaml"), export.out());
    assertEquals(ExitCode.OK, CliRun.run("validate", file.toString()).exitCode());
    CliRun plan =
        CliRun.run("plan", file.toString(), "--endpoint-url", endpoint, "--detailed-exitcode");
    assertEquals(ExitCode.OK, plan.exitCode(), plan.out() + plan.err());
  }

  @Test
  void export_namedClients_exportsOnlyThoseInTheOrderGiven() {
    CliRun export =
        CliRun.run(
            "export",
            "--user-pool-id",
            brokenPool,
            "--endpoint-url",
            endpoint,
            "--client-id",
            mixedFlows.clientId(),
            "--client-id",
            insecureCallback.clientId());
    assertEquals(ExitCode.OK, export.exitCode(), export.err());
    assertTrue(
        export.out().indexOf("ClientName: old-mixed")
            < export.out().indexOf("ClientName: legacy-web"),
        export.out());
  }

  @Test
  void export_secondTimeIntoTheSameDirectory_failsAndChangesNoFile() throws IOException {
    Path out = dir.resolve("clients");
    assertEquals(ExitCode.OK, export(List.of(), "--output-dir", out.toString()).exitCode());
    Path removed = out.resolve("minimal.yaml");
    Files.delete(removed);
    Path edited = out.resolve("true.yaml");
    Files.writeString(edited, "# edited by hand\n", StandardCharsets.UTF_8);
    for (Path file : files(out)) {
      Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
    }
    Map<Path, String> before = snapshot(out);

    CliRun again = export(List.of(), "--output-dir", out.toString());

    assertEquals(ExitCode.ERROR, again.exitCode());
    assertTrue(
        again.err().startsWith("ccr: error: 6 files exist already; nothing was written:\n"),
        again.err());
    assertTrue(again.err().contains("  " + out.resolve("web-app-prod.yaml") + "\n"), again.err());
    assertTrue(again.err().contains("--force"), again.err());
    assertFalse(again.err().contains("minimal.yaml"), again.err());
    assertEquals(before, snapshot(out));
    assertFalse(Files.exists(removed), "a missing file was written although others exist");

    CliRun forced = export(List.of(), "--output-dir", out.toString(), "--force");
    assertEquals(ExitCode.OK, forced.exitCode(), forced.err());
    assertTrue(Files.exists(removed));
    assertTrue(Files.readString(edited).contains("ClientName: \"true\""), Files.readString(edited));
    assertEquals(ExitCode.OK, CliRun.run("validate", out.toString()).exitCode());
  }

  @Test
  void export_clientBreakingARule_warnsNamingClientAndRule_andValidateReportsTheSameRule() {
    Path out = dir.resolve("broken");
    CliRun export =
        CliRun.run(
            "export",
            "--user-pool-id",
            brokenPool,
            "--endpoint-url",
            endpoint,
            "--output-dir",
            out.toString());
    assertEquals(ExitCode.OK, export.exitCode(), export.err());
    String insecure = "CallbackURLs[0]: \"http://app.example.com/callback\" must use https";
    String mixed = "AllowedOAuthFlows: client_credentials must be the only flow";
    assertTrue(
        export.err().contains("ccr: warning: " + out.resolve("legacy-web.yaml") + ":")
            && export
                .err()
                .contains(
                    "client legacy-web (" + insecureCallback.clientId() + ") breaks a rule of ccr")
            && export.err().contains(insecure),
        export.err());
    assertTrue(
        export
            .err()
            .contains("client old-mixed (" + mixedFlows.clientId() + ") breaks a rule of ccr"),
        export.err());
    assertTrue(export.err().contains(mixed), export.err());

    CliRun validate = CliRun.run("validate", out.toString());
    assertEquals(ExitCode.INVALID, validate.exitCode());
    assertTrue(
        validate.err().contains("legacy-web.yaml") && validate.err().contains("error: " + insecure),
        validate.err());
    assertTrue(
        validate.err().contains("old-mixed.yaml") && validate.err().contains("error: " + mixed),
        validate.err());
  }

  @Test
  void export_unknownClient_failsAndWritesNothing() {
    Path out = dir.resolve("clients");
    CliRun export =
        CliRun.run(
            "export",
            "--user-pool-id",
            pool,
            "--endpoint-url",
            endpoint,
            "--output-dir",
            out.toString(),
            "--client-id",
            "nosuchclient");
    assertEquals(ExitCode.ERROR, export.exitCode());
    assertTrue(export.err().contains("cannot read client " + pool + "/nosuchclient"), export.err());
    assertFalse(Files.exists(out));
    assertFalse(export.hasStackTrace(), export.err());
  }

  @Test
  void export_unknownPool_failsNamingIt() {
    CliRun export =
        CliRun.run("export", "--user-pool-id", "us-east-1_Nope", "--endpoint-url", endpoint);
    assertEquals(ExitCode.ERROR, export.exitCode());
    assertTrue(
        export.err().startsWith("ccr: error: user pool us-east-1_Nope not found: "), export.err());
  }

  @Test
  void export_badOptions_areUsageErrors() {
    assertEquals(ExitCode.USAGE, CliRun.run("export").exitCode());
    assertEquals(ExitCode.USAGE, CliRun.run("export", "--user-pool-id", "nounderscore").exitCode());
    CliRun force = CliRun.run("export", "--user-pool-id", pool, "--force");
    assertEquals(ExitCode.USAGE, force.exitCode());
    assertTrue(force.err().contains("--force only applies with --output-dir"), force.err());
  }

  private static CliRun export(List<String> options, String... more) {
    List<String> args =
        new ArrayList<>(List.of("export", "--user-pool-id", pool, "--endpoint-url", endpoint));
    args.addAll(options);
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  /** The lower-cased first six characters of the id of the client named exactly {@code name}. */
  private static String idPrefix(String name) {
    CliRun stream = export(List.of());
    for (String document : stream.out().split("---\n")) {
      if (document.contains("\nClientName: " + name + "\n")) {
        String id =
            document
                .lines()
                .filter(l -> l.startsWith("ClientId: "))
                .findFirst()
                .orElseThrow()
                .substring(10);
        return id.toLowerCase(java.util.Locale.ROOT).substring(0, 6);
      }
    }
    throw new AssertionError("no client named " + name);
  }

  private static List<String> fileNames(Path directory) throws IOException {
    return files(directory).stream().map(p -> p.getFileName().toString()).sorted().toList();
  }

  private static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> stream = Files.list(directory)) {
      return stream.sorted().toList();
    }
  }

  private static Map<Path, String> snapshot(Path directory) throws IOException {
    Map<Path, String> state = new LinkedHashMap<>();
    for (Path file : files(directory)) {
      state.put(file, Files.readString(file) + "@" + Files.getLastModifiedTime(file).toMillis());
    }
    return state;
  }
}
