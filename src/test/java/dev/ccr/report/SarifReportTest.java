package dev.ccr.report;

import static dev.ccr.plan.Clients.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReports;
import dev.ccr.live.LiveClient;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.SecurityRule;
import dev.ccr.spec.Severity;
import dev.ccr.spec.SourceRef;
import dev.ccr.testing.Golden;
import dev.ccr.testing.SarifSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SARIF report as its readers check it: the OASIS SARIF 2.1.0 schema, and the properties that
 * GitHub code scanning requires (<a
 * href="https://docs.github.com/en/code-security/reference/code-scanning/sarif-files/sarif-support-for-code-scanning">SARIF
 * support for code scanning</a>), its limits, and how it tells alerts apart.
 */
class SarifReportTest {
  /** More findings than code scanning keeps. */
  private static final DriftReport FLEET = DriftReports.manyDrifted(5_200);

  private static DriftRenderer sarif() {
    return DriftRenderer.sarif("0.1.0", "https://ccr.dev/", Golden.projectDir());
  }

  private static JsonNode render(DriftReport report) {
    return JsonMapper.shared().readTree(sarif().render(report));
  }

  private static JsonNode results(JsonNode sarif) {
    return sarif.get("runs").get(0).get("results");
  }

  static Stream<Arguments> reports() {
    Map<String, Supplier<DriftReport>> reports =
        Map.of(
            "drift-and-unmanaged", () -> DriftReports.driftAndUnmanaged(false),
            "fail-on-unmanaged", () -> DriftReports.driftAndUnmanaged(true),
            "in-sync", DriftReports::inSync,
            "several unmanaged", SarifReportTest::severalUnmanaged,
            "5,200 drifted", () -> FLEET,
            "insecure", () -> DriftReports.insecure(false),
            "insecure --strict", () -> DriftReports.insecure(true));
    return reports.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().get()));
  }

  /** Every drift report above, and validate's outcome with errors, warnings and the cap. */
  static Stream<Arguments> documents() {
    Stream<Arguments> drift =
        reports().map(a -> Arguments.of("drift " + a.get()[0], render((DriftReport) a.get()[1])));
    return Stream.concat(
        drift,
        Stream.of(
            Arguments.of("validate", validate(validation(3))),
            Arguments.of("validate, 5,001 diagnostics", validate(validation(5_001)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void sarif_validatesAgainstTheOasisSchema(String name, JsonNode sarif) {
    assertEquals(List.of(), SarifSchema.validate(sarif));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void sarif_hasEveryPropertyCodeScanningRequires(String name, JsonNode sarif) {
    text(sarif, "/$schema");
    assertEquals("2.1.0", text(sarif, "/version"));
    JsonNode run = sarif.get("runs").get(0);
    text(run, "/tool/driver/name");
    for (JsonNode rule : run.at("/tool/driver/rules")) {
      text(rule, "/id");
      assertTrue(text(rule, "/name").length() <= 255);
      assertTrue(text(rule, "/shortDescription/text").length() <= 1024);
      assertTrue(text(rule, "/fullDescription/text").length() <= 1024);
      text(rule, "/help/text");
      text(rule, "/help/markdown");
      assertTrue(
          Set.of("note", "warning", "error").contains(text(rule, "/defaultConfiguration/level")));
      assertEquals("very-high", text(rule, "/properties/precision"), rule.toString());
      assertEquals(
          text(rule, "/defaultConfiguration/level"),
          text(rule, "/properties/problem.severity"),
          rule.toString());
    }
    assertTrue(run.get("results").isArray());
    for (JsonNode result : run.get("results")) {
      text(result, "/ruleId");
      text(result, "/message/text");
      JsonNode location = result.at("/locations/0/physicalLocation");
      assertFalse(text(location, "/artifactLocation/uri").startsWith("/"), result.toString());
      int startLine = location.at("/region/startLine").asInt();
      int startColumn = location.at("/region/startColumn").asInt();
      assertTrue(startLine >= 1 && startColumn >= 1, result.toString());
      assertTrue(location.at("/region/endLine").asInt() >= startLine, result.toString());
      assertTrue(location.at("/region/endColumn").asInt() > startColumn, result.toString());
      assertFalse(result.get("partialFingerprints").isEmpty(), result.toString());
    }
  }

  @Test
  void sarif_driftedAttribute_coversItsKey() {
    JsonNode region =
        results(render(DriftReports.driftAndUnmanaged(false)))
            .get(3)
            .at("/locations/0/physicalLocation/region");
    assertEquals(
        "11:3-11:10",
        region.get("startLine").asInt()
            + ":"
            + region.get("startColumn").asInt()
            + "-"
            + region.get("endLine").asInt()
            + ":"
            + region.get("endColumn").asInt(),
        "RefreshTokenRotation/Feature: the key Feature at 11:3");
  }

  @Test
  void sarif_unmanagedClientsOfOnePool_eachGetAFingerprintOfTheirOwn() {
    Set<String> hashes = new HashSet<>();
    int unmanaged = 0;
    for (JsonNode result : results(render(severalUnmanaged()))) {
      JsonNode hash = result.at("/partialFingerprints/primaryLocationLineHash");
      if (result.get("ruleId").asString().equals("ccr/unmanaged-client")) {
        unmanaged++;
        hashes.add(hash.asString());
      } else {
        assertTrue(hash.isMissingNode(), "left to the upload action: " + result);
      }
    }
    assertEquals(4, unmanaged);
    assertEquals(4, hashes.size(), "one alert per unmanaged client, not one per line");
    assertEquals(hashes, unmanagedHashes(render(severalUnmanaged())), "the same across runs");
  }

  @Test
  void sarif_findingsSharingALine_eachGetAFingerprintOfTheirOwn() {
    ClientSpec flow =
        new ClientSpec(
            new SourceRef("clients/flow.yaml", new Position(1, 1)),
            DriftReports.POOL,
            "fl0w",
            map(
                "ClientName",
                "flow",
                "AuthSessionValidity",
                5,
                "PreventUserExistenceErrors",
                "ENABLED"),
            Map.of(
                "/UserPoolId", new Position(1, 2),
                "/ClientId", new Position(1, 30),
                "/ClientName", new Position(1, 45),
                "/AuthSessionValidity", new Position(1, 63),
                "/PreventUserExistenceErrors", new Position(2, 1)));
    LiveClient live =
        DriftReports.live(
            "fl0w",
            map(
                "ClientName",
                "flow-old",
                "AuthSessionValidity",
                3,
                "PreventUserExistenceErrors",
                "LEGACY"));
    JsonNode results = results(render(DriftReports.report(List.of(flow), List.of(live), false)));
    Map<String, Boolean> ownHash = new java.util.TreeMap<>();
    for (JsonNode result : results) {
      if (!result.get("ruleId").asString().equals("ccr/attribute-drift")) {
        continue;
      }
      JsonNode fingerprints = result.get("partialFingerprints");
      String about = fingerprints.get("ccrFinding/v1").asString();
      ownHash.put(
          about.substring(about.lastIndexOf('/') + 1), fingerprints.has("primaryLocationLineHash"));
    }
    assertEquals(
        Map.of(
            "ClientName", true, "AuthSessionValidity", true, "PreventUserExistenceErrors", false),
        ownHash,
        "only the findings that share line 1 carry their own");
  }

  @Test
  void sarif_moreFindingsThanCodeScanningKeeps_keepsTheErrorsAndSaysHowManyWereLeftOut() {
    JsonNode results = results(render(FLEET));
    assertEquals(5_000, results.size());
    for (int i = 0; i < 4_999; i++) {
      assertEquals("error", results.get(i).get("level").asString(), "the drift, before warnings");
    }
    JsonNode last = results.get(4_999);
    assertEquals("ccr/results-omitted", last.get("ruleId").asString());
    int all = results(JsonMapper.shared().readTree(uncapped().render(FLEET))).size();
    assertTrue(all > 5_200, "5,200 drifted attributes and the security rules' warnings: " + all);
    assertEquals(
        String.format(
            java.util.Locale.ROOT,
            "%,d more findings were left out: GitHub code scanning keeps 5,000 results of a run."
                + " 'ccr drift --format text' lists all of them.",
            all - 4_999),
        last.at("/message/text").asString());
  }

  private static DriftRenderer uncapped() {
    return new DriftSarifRenderer("0.1.0", "https://ccr.dev/", Golden.projectDir(), 100_000);
  }

  @Test
  void sarif_capped_keepsErrorsBeforeWarnings() {
    DriftReport report = severalUnmanaged();
    JsonNode results =
        JsonMapper.shared()
            .readTree(
                new DriftSarifRenderer("0.1.0", "https://ccr.dev/", Golden.projectDir(), 3)
                    .render(report))
            .get("runs")
            .get(0)
            .get("results");
    List<String> rules = new ArrayList<>();
    results.forEach(r -> rules.add(r.get("ruleId").asString() + " " + r.get("level").asString()));
    assertEquals(
        List.of(
            "ccr/attribute-drift error",
            "ccr/unmanaged-client warning",
            "ccr/results-omitted warning"),
        rules);
    int all = results(JsonMapper.shared().readTree(uncapped().render(report))).size();
    assertTrue(
        results.get(2).at("/message/text").asString().startsWith((all - 2) + " more findings"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyReport")
  void sarif_everySecurityRuleIsARuleWithItsAwsPageSeverityAndHowToAllowIt(
      String name, JsonNode sarif) {
    JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
    for (SecurityRule rule : SecurityRule.values()) {
      JsonNode found = null;
      for (JsonNode candidate : rules) {
        if (candidate.get("id").asString().equals(rule.id())) {
          found = candidate;
        }
      }
      assertTrue(found != null, rule.id() + " in " + name);
      assertEquals(rule.title(), text(found, "/name"));
      assertEquals(rule.reason(), text(found, "/shortDescription/text"));
      assertEquals(rule.helpUrl(), text(found, "/helpUri"));
      assertEquals("warning", text(found, "/defaultConfiguration/level"));
      assertEquals("security", text(found, "/properties/tags/0"));
      double severity = Double.parseDouble(text(found, "/properties/security-severity"));
      assertEquals(rule.securitySeverity(), severity);
      assertTrue(severity >= 4.0 && severity < 9.0, "medium or high: " + rule.id());
      String markdown = text(found, "/help/markdown");
      assertTrue(markdown.startsWith(rule.help()), markdown);
      assertTrue(markdown.contains("`ccr: {allow: [" + rule.id() + "]}`"), markdown);
      assertTrue(markdown.contains("`environments.NAME` in `ccr.yaml`"), markdown);
      assertTrue(markdown.contains("`--allow " + rule.id() + "`"), markdown);
      assertTrue(markdown.contains("(" + rule.helpUrl() + ")"), markdown);
      assertFalse(text(found, "/help/text").contains("`"), "plain text");
    }
  }

  static Stream<Arguments> everyReport() {
    return Stream.of(
        Arguments.of("drift", render(DriftReports.inSync())),
        Arguments.of("validate", validate(validation(0))));
  }

  @Test
  void validateSarif_moreDiagnosticsThanCodeScanningKeeps_keepsTheErrorsAndSaysToRunValidate() {
    JsonNode results = results(validate(validation(5_001)));

    assertEquals(5_000, results.size(), "of 1 error and 5,001 warnings");
    assertEquals("error", results.get(0).get("level").asString());
    assertEquals("ccr/invalid-desired-state", results.get(0).get("ruleId").asString());
    assertEquals("CCR101", results.get(4_998).get("ruleId").asString());
    JsonNode last = results.get(4_999);
    assertEquals("ccr/results-omitted", last.get("ruleId").asString());
    assertEquals(
        "3 more findings were left out: GitHub code scanning keeps 5,000 results of a run."
            + " 'ccr validate' lists all of them.",
        last.at("/message/text").asString());
  }

  /**
   * Validate's outcome for one file: an unknown key (an error), then {@code warnings} findings of
   * CCR101, one a line.
   */
  private static DesiredState validation(int warnings) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    diagnostics.add(
        new Diagnostic(
            Severity.ERROR,
            "unknown key CallbackUrls; did you mean CallbackURLs?",
            "clients/web.yaml",
            new Position(1, 1),
            "/CallbackUrls",
            "CallbackUrls: [https://app.example.com/cb]"));
    for (int i = 0; i < warnings; i++) {
      diagnostics.add(
          new Diagnostic(
              Severity.WARNING,
              "PreventUserExistenceErrors: LEGACY lets sign-in and password recovery reveal which"
                  + " users exist; set ENABLED [CCR101]",
              "clients/web.yaml",
              new Position(2 + i, 1),
              "/PreventUserExistenceErrors",
              "PreventUserExistenceErrors: LEGACY",
              Optional.of("CCR101")));
    }
    return new DesiredState(List.of(), diagnostics, List.of("clients/web.yaml"));
  }

  private static JsonNode validate(DesiredState state) {
    return JsonMapper.shared()
        .readTree(
            ValidationRenderer.sarif("0.1.0", "https://ccr.dev/", Golden.projectDir())
                .render(state, Map.of()));
  }

  @Test
  void sarif_securityFindingsOfTheRun_areResultsOfTheirRulesAtTheirLevel() {
    Map<String, String> plain = securityResults(render(DriftReports.insecure(false)));
    Map<String, String> strict = securityResults(render(DriftReports.insecure(true)));

    assertEquals(
        Map.of(
            "CCR102", "warning clients/spa.yaml:1:1-2",
            "CCR103", "warning clients/spa.yaml:1:1-2",
            "CCR107", "warning clients/spa.yaml:1:1-2"),
        plain,
        "the live client's settings the file leaves alone, at the start of the document");
    assertEquals(
        Map.of(
            "CCR102", "error clients/spa.yaml:1:1-2",
            "CCR103", "error clients/spa.yaml:1:1-2",
            "CCR107", "error clients/spa.yaml:1:1-2"),
        strict,
        "--strict makes them errors, and they are not repeated as plan errors");
  }

  @Test
  void sarif_securityRulesIndexes_pointAtTheirRules() {
    JsonNode sarif = render(DriftReports.insecure(false));
    JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
    for (JsonNode result : results(sarif)) {
      assertEquals(
          result.get("ruleId").asString(),
          rules.get(result.get("ruleIndex").asInt()).get("id").asString());
    }
  }

  /** Each result's rule id and its level, file and region, without the other rules' results. */
  private static Map<String, String> securityResults(JsonNode sarif) {
    Map<String, String> found = new java.util.TreeMap<>();
    int others = 0;
    for (JsonNode result : results(sarif)) {
      String rule = result.get("ruleId").asString();
      if (!rule.startsWith("CCR")) {
        assertEquals("ccr/attribute-drift", rule, "no plan error: " + result);
        others++;
        continue;
      }
      JsonNode location = result.at("/locations/0/physicalLocation");
      found.put(
          rule,
          result.get("level").asString()
              + " "
              + location.at("/artifactLocation/uri").asString()
              + ":"
              + location.at("/region/startLine").asInt()
              + ":"
              + location.at("/region/startColumn").asInt()
              + "-"
              + location.at("/region/endColumn").asInt());
    }
    assertTrue(others <= 1, "at most the drifted AccessTokenValidity");
    return found;
  }

  /** One drifted client, and four live clients of its pool that no file declares. */
  private static DriftReport severalUnmanaged() {
    ClientSpec web = DriftReports.spec("clients/web.yaml", 1, "web", map("AuthSessionValidity", 5));
    List<LiveClient> live = new ArrayList<>();
    live.add(DriftReports.live("web", map("ClientName", "web", "AuthSessionValidity", 3)));
    for (int i = 0; i < 4; i++) {
      live.add(DriftReports.live("u" + i, map("ClientName", "unmanaged-" + i)));
    }
    return DriftReports.report(List.of(web), live, false);
  }

  private static Set<String> unmanagedHashes(JsonNode sarif) {
    Set<String> hashes = new HashSet<>();
    for (JsonNode result : results(sarif)) {
      if (result.get("ruleId").asString().equals("ccr/unmanaged-client")) {
        hashes.add(result.at("/partialFingerprints/primaryLocationLineHash").asString());
      }
    }
    return hashes;
  }

  /** The non-empty text at the pointer: code scanning refuses an empty required string. */
  private static String text(JsonNode node, String pointer) {
    JsonNode value = node.at(pointer);
    assertTrue(value.isString() && !value.asString().isEmpty(), pointer + " in " + node);
    return value.asString();
  }
}
