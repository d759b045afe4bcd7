package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsCognitoGateway;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.testing.Golden;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;

/**
 * Terraform's acceptance tests of {@code aws_cognito_user_pool_client}, as ccr files ({@code
 * src/test/resources/terraform-corpus}): each configuration Cognito accepts validates, plans,
 * applies and plans again with no changes against moto, step after step on one client as the
 * Terraform test runs them; each configuration a Terraform test expects to fail is refused at
 * validate or at plan (exit 3) with the rule that matches Terraform's error, and nothing is
 * written.
 */
@ExtendWith(MotoServer.class)
class TerraformCorpusMotoTest {
  private static final Path CORPUS =
      Golden.projectDir().resolve("src/test/resources/terraform-corpus");
  private static final Pattern REFUSED_AT = Pattern.compile("(?m)^# refused-at: (validate|plan)$");
  private static final Pattern RULE = Pattern.compile("(?m)^# rule: (CCR0[0-9]{2})$");

  /** What each rule's message says, whatever the values: the proof that this rule refused it. */
  private static final Map<String, String> RULE_TEXT = Map.of("CCR001", " is outside the ");

  /**
   * The steps where moto is laxer than Cognito, and what it does instead: these are planned (and
   * the plan must show the change) but not applied here; {@link
   * #accepted_eachStepAppliesAndConvergesAgainstAGatewayThatResetsAsCognitoDoes} applies every step
   * against the fake gateway, which resets what an update leaves out as Cognito does.
   */
  private static final Map<String, String> MOTO_KEEPS =
      Map.of(
          "analyticsApplicationID/step3.yaml",
          "- AnalyticsConfiguration"); // moto keeps a member an update leaves out

  @TempDir Path dir;
  private URI endpoint;

  @BeforeEach
  void moto(URI moto) {
    endpoint = moto;
  }

  static Stream<String> acceptedTests() throws IOException {
    try (Stream<Path> tests = Files.list(CORPUS.resolve("accepted"))) {
      return tests.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  static Stream<String> refusedConfigurations() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS.resolve("refused"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void corpus_holdsEveryTerraformTestOfTheResource() throws IOException {
    assertEquals(20, acceptedTests().count(), "the tests whose configurations Cognito accepts");
    assertEquals(
        8, refusedConfigurations().count(), "the configurations Terraform expects to fail");
    try (Stream<Path> files = Files.walk(CORPUS)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertTrue(
            Files.readString(file).startsWith("# Terraform: TestAccCognitoIDPUserPoolClient_"),
            file + " names the Terraform test it comes from");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("acceptedTests")
  void accepted_eachStepValidatesPlansAppliesAndPlansAgainWithNoChanges(String test)
      throws IOException {
    String pool;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      pool = seeder.createUserPool();
      seeder.createIdentityProvider(pool, "あ".repeat(32));
    }
    List<String> vars = new ArrayList<>(List.of("--var", "pool=" + pool));
    for (Path step : steps(test)) {
      Path file = Files.createDirectories(dir.resolve(test)).resolve("client.yaml");
      Files.copy(step, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String at = test + "/" + step.getFileName();

      CliRun validated = ccr(vars, "validate", file.toString());
      assertEquals(ExitCode.OK, validated.exitCode(), at + ": " + validated.all());
      CliRun planned = ccr(vars, "plan", file.toString());
      assertEquals(ExitCode.OK, planned.exitCode(), at + ": " + planned.all());
      if (MOTO_KEEPS.containsKey(at)) {
        assertTrue(planned.out().contains(MOTO_KEEPS.get(at)), at + ": " + planned.out());
        continue;
      }
      CliRun applied = ccr(vars, "apply", file.toString(), "--auto-approve");
      assertEquals(ExitCode.OK, applied.exitCode(), at + ": " + applied.all());
      CliRun again = ccr(vars, "plan", file.toString(), "--detailed-exitcode");
      assertEquals(ExitCode.OK, again.exitCode(), at + " plans again with changes: " + again.all());
      assertTrue(again.out().contains("No changes."), at + ": " + again.out());

      List<UserPoolClientDescription> clients = clients(pool);
      assertEquals(1, clients.size(), at + ": one client, updated in place: " + clients);
      vars.addAll(List.of("--var", "client_id=" + clients.get(0).clientId()));
    }
  }

  @ParameterizedTest
  @MethodSource("acceptedTests")
  void accepted_eachStepAppliesAndConvergesAgainstAGatewayThatResetsAsCognitoDoes(String test)
      throws IOException {
    String pool = "us-east-1_Corpus1";
    FakeCognitoGateway fake =
        new FakeCognitoGateway().seedPool(pool).seedIdentityProvider(pool, "あ".repeat(32));
    List<String> vars = new ArrayList<>(List.of("--var", "pool=" + pool));
    for (Path step : steps(test)) {
      Path file = Files.createDirectories(dir.resolve(test)).resolve("client.yaml");
      Files.copy(step, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String at = test + "/" + step.getFileName();

      CliRun applied = fake(fake, vars, "apply", file.toString(), "--auto-approve");
      assertEquals(ExitCode.OK, applied.exitCode(), at + ": " + applied.all());
      CliRun again = fake(fake, vars, "plan", file.toString(), "--detailed-exitcode");
      assertEquals(ExitCode.OK, again.exitCode(), at + " plans again with changes: " + again.all());

      List<ClientSummary> clients = fake.list(pool);
      assertEquals(1, clients.size(), at + ": one client, updated in place: " + clients);
      vars.addAll(List.of("--var", "client_id=" + clients.get(0).clientId()));
    }
  }

  private static CliRun fake(FakeCognitoGateway fake, List<String> vars, String... args) {
    Context context = new Context(Map.of(), options -> fake, new ByteArrayInputStream(new byte[0]));
    String[] all = Stream.concat(Stream.of(args), vars.stream()).toArray(String[]::new);
    CliRun run = CliRun.run(context, new Terminal(false, false, false), all);
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }

  private static List<Path> steps(String test) throws IOException {
    try (Stream<Path> files = Files.list(CORPUS.resolve("accepted").resolve(test))) {
      return files.sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("refusedConfigurations")
  void refused_isRefusedAtValidateOrPlanWithTheMatchingRuleAndNothingIsWritten(String name)
      throws IOException {
    String pool;
    try (MotoSeeder seeder = new MotoSeeder(endpoint)) {
      pool = seeder.createUserPool();
    }
    Path source = CORPUS.resolve("refused").resolve(name);
    String text = Files.readString(source);
    String where = group(REFUSED_AT, text, source);
    String expected = RULE_TEXT.get(group(RULE, text, source));
    Path file = dir.resolve(name);
    Files.copy(source, file);
    List<String> vars = List.of("--var", "pool=" + pool);

    CliRun validated = ccr(vars, "validate", file.toString());
    CliRun planned = ccr(vars, "plan", file.toString());
    CliRun applied = ccr(vars, "apply", file.toString(), "--auto-approve");

    CliRun refusing = where.equals("validate") ? validated : planned;
    assertEquals(ExitCode.INVALID, refusing.exitCode(), refusing.all());
    assertTrue(refusing.err().contains(file + ":"), refusing.err());
    assertTrue(refusing.err().contains(expected), refusing.err());
    if (where.equals("plan")) {
      assertEquals(ExitCode.OK, validated.exitCode(), "validate cannot tell: " + validated.all());
    }
    assertEquals(ExitCode.INVALID, applied.exitCode(), applied.all());
    assertEquals(List.of(), clients(pool), "nothing written");
  }

  private static String group(Pattern pattern, String text, Path file) {
    Matcher matcher = pattern.matcher(text);
    assertTrue(matcher.find(), file + " says " + pattern);
    return matcher.group(1);
  }

  private List<UserPoolClientDescription> clients(String pool) {
    try (CognitoIdentityProviderClient sdk =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(endpoint)
            .region(MotoSeeder.REGION)
            .credentialsProvider(MotoSeeder.CREDENTIALS)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      return sdk.listUserPoolClients(b -> b.userPoolId(pool).maxResults(60)).userPoolClients();
    }
  }

  private CliRun ccr(List<String> vars, String... args) {
    Context context =
        new Context(
            Map.of(),
            options -> new AwsCognitoGateway(options),
            new ByteArrayInputStream(new byte[0]));
    Stream<String> aws =
        args[0].equals("validate") ? Stream.of() : Stream.of("--endpoint-url", endpoint.toString());
    String[] all =
        Stream.of(Stream.of(args), vars.stream(), aws).flatMap(s -> s).toArray(String[]::new);
    CliRun run = CliRun.run(context, new Terminal(false, false, false), all);
    assertFalse(run.hasStackTrace(), run.all());
    return run;
  }
}
