package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.LiveClient;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DurationUnit;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PlanFileTest {

  @Test
  void writeThenRead_givesTheSamePlan(@TempDir Path dir) throws Exception {
    Plan plan = Clients.severalClients();
    Path file = dir.resolve("plan.json");
    PlanFile.write(file, plan, "ccr 0.1.0", java.util.Optional.empty());
    Plan read = PlanFile.read(file).plan();
    assertEquals(
        PlanFile.toJson(plan, "ccr 0.1.0", java.util.Optional.empty()),
        PlanFile.toJson(read, "ccr 0.1.0", java.util.Optional.empty()));
    assertEquals(
        plan.actions().stream().map(ClientAction::changes).toList(),
        read.actions().stream().map(ClientAction::changes).toList());
    assertInstanceOf(ClientAction.Update.class, read.actions().get(0));
    assertInstanceOf(ClientAction.NoOp.class, read.actions().get(1));
  }

  @Test
  void writeThenRead_keepsCreatesAndDeletes() throws Exception {
    Plan plan = lifecyclePlan();
    Plan read =
        PlanFile.parse(PlanFile.toJson(plan, "ccr test", java.util.Optional.empty()), "plan.json")
            .plan();
    ClientAction.Create create = (ClientAction.Create) read.actions().get(0);
    assertEquals(Optional.empty(), create.ref().clientId());
    assertEquals(Optional.of("new-app"), create.ref().clientName());
    assertTrue(create.generateSecret());
    assertEquals(plan.actions().get(0).changes(), create.changes());
    ClientAction.Delete delete = (ClientAction.Delete) read.actions().get(1);
    assertEquals("old1", delete.ref().id());
    assertTrue(delete.pruned());
    assertEquals(((ClientAction.Delete) plan.actions().get(1)).live(), delete.live());
  }

  @Test
  void writeThenRead_keepsTheEnvironmentWithoutAPasswordInItsEndpoint() throws Exception {
    dev.ccr.spec.Environment prod =
        new dev.ccr.spec.Environment(
            "prod",
            new dev.ccr.spec.AwsSettings(
                Optional.of("eu-west-1"),
                Optional.empty(),
                Optional.of("https://user:hunter2@vpce.example.com"),
                Optional.of("arn:aws:iam::123456789012:role/ccr")));
    String json = PlanFile.toJson(lifecyclePlan(), "ccr test", Optional.of(prod));
    assertFalse(json.contains("hunter2"), json);
    PlanFile.Saved saved = PlanFile.parse(json, "plan.json");
    assertEquals("prod", saved.environment().orElseThrow().name());
    assertEquals(Optional.of("eu-west-1"), saved.environment().orElseThrow().aws().region());
    assertEquals(
        Optional.of("https://****@vpce.example.com"),
        saved.environment().orElseThrow().aws().endpointUrl());
    assertEquals(
        Optional.empty(),
        PlanFile.parse(PlanFile.toJson(lifecyclePlan(), "ccr", Optional.empty()), "p.json")
            .environment());
  }

  @Test
  void toJson_carriesTheSummaryCounts() throws Exception {
    ObjectNode root =
        tree(PlanFile.toJson(lifecyclePlan(), "ccr test", java.util.Optional.empty()));
    assertEquals(1, root.get("summary").get("create").intValue());
    assertEquals(1, root.get("summary").get("delete").intValue());
    assertEquals(0, root.get("summary").get("update").intValue());
    assertEquals(2, root.get("formatVersion").intValue());
    assertTrue(root.get("digest").stringValue().matches("sha256:[0-9a-f]{64}"));
  }

  @Test
  void toJson_summaryCountsEveryKindOfActionAndTheUnmanagedClients() throws Exception {
    FakeCognitoGateway fake = new FakeCognitoGateway();
    for (String id : List.of("c1", "c2", "c3", "stray")) {
      fake.seed(Clients.POOL, id, Clients.map("ClientName", id), false);
    }
    ClientSpec.Settings absent =
        new ClientSpec.Settings(ClientSpec.State.ABSENT, List.of(), List.of());
    List<ClientSpec> specs =
        List.of(
            Clients.specAt("c1", "a.yaml", 1, Clients.map("ClientName", "renamed")),
            Clients.specAt("c2", "a.yaml", 5, Clients.map("ClientName", "c2")),
            new ClientSpec(
                new SourceRef("a.yaml", new Position(9, 1)),
                Clients.POOL,
                Optional.of("c3"),
                Map.of(),
                Optional.empty(),
                absent,
                Map.of()),
            new ClientSpec(
                new SourceRef("a.yaml", new Position(12, 1)),
                Clients.POOL,
                Optional.empty(),
                Clients.map("ClientName", "ghost"),
                Optional.empty(),
                absent,
                Map.of()),
            new ClientSpec(
                new SourceRef("a.yaml", new Position(15, 1)),
                Clients.POOL,
                Optional.empty(),
                Clients.map("ClientName", "new"),
                Optional.empty(),
                ClientSpec.Settings.DEFAULT,
                Map.of()));

    JsonNode plain = summary(new Reconciler(fake, 2).reconcile(specs, Reconciler.Options.PLAN));
    JsonNode pruned =
        summary(
            new Reconciler(fake, 2)
                .reconcile(specs, new Reconciler.Options(true, false, Targets.ALL)));

    assertEquals(
        "{\"create\":1,\"update\":1,\"delete\":1,\"unchanged\":2,\"unmanaged\":1}",
        plain.toString(),
        "c2 and the absent ghost are unchanged; stray is unmanaged");
    assertEquals(
        "{\"create\":1,\"update\":1,\"delete\":2,\"unchanged\":2,\"unmanaged\":0}",
        pruned.toString(),
        "--prune deletes stray, which is then no longer unmanaged");
  }

  private static JsonNode summary(Plan plan) {
    return tree(PlanFile.toJson(plan, "ccr test", java.util.Optional.empty())).get("summary");
  }

  @Test
  void writeThenRead_keepsEveryValueKind() throws Exception {
    AttributeChange[] changes = {
      AttributeChange.of("DefaultRedirectURI", Value.NONE, new Value.Text("https://a.example.com")),
      AttributeChange.of("AuthSessionValidity", new Value.Number(3), new Value.Number(5)),
      AttributeChange.of("EnableTokenRevocation", new Value.Flag(true), new Value.Flag(false)),
      new AttributeChange(
          "CallbackURLs",
          new Value.Items(List.of()),
          new Value.Items(List.of("https://x.example.com/cb")),
          List.of("https://x.example.com/cb"),
          List.of()),
      AttributeChange.of(
          "IdTokenValidity",
          new Value.Duration(1, DurationUnit.HOURS),
          new Value.Duration(300, DurationUnit.SECONDS)),
    };
    LiveClient live =
        Clients.live(
            "ClientName",
            "web",
            "ExplicitAuthFlows",
            List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
            "RefreshTokenRotation",
            Clients.map("Feature", "ENABLED"),
            "EnableTokenRevocation",
            false);
    Plan plan = planOf(live, changes);
    Plan read =
        PlanFile.parse(PlanFile.toJson(plan, "ccr test", java.util.Optional.empty()), "plan.json")
            .plan();
    assertEquals(List.of(changes), read.actions().get(0).changes());
  }

  @Test
  void writeThenRead_keepsTheLiveConfigurationItsFingerprintHashes() throws Exception {
    Plan plan = Clients.severalClients();
    Plan read =
        PlanFile.parse(PlanFile.toJson(plan, "ccr test", java.util.Optional.empty()), "plan.json")
            .plan();
    ClientAction.Update update = (ClientAction.Update) read.actions().get(0);
    assertEquals(((ClientAction.Update) plan.actions().get(0)).live(), update.live());
    assertTrue(update.live().consistent());
    assertEquals(3600L, update.live().configuration().get("IdTokenValidity"));
    assertTrue(update.managed().contains("AccessTokenValidity"));
    assertFalse(update.managed().contains("IdTokenValidity"));
  }

  // ---- a plan file is an artefact ccr wrote: anything else is refused before any call

  @Test
  void attack_editedAfterValue_isRefusedAsModified() {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty())
            .replace("https://app.example.com/cb2", "https://evil.example.com/cb");
    assertModified(json);
  }

  @Test
  void attack_noOpTurnedIntoUpdate_isRefusedAsModified() {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty())
            .replaceFirst("\"action\": \"no-op\"", "\"action\": \"update\"");
    assertModified(json);
  }

  @Test
  void attack_editedBeforeValue_isRefusedAsModified() {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty());
    int before = json.indexOf("\"before\"");
    int value = json.indexOf("\"value\": ", before);
    String edited = json.substring(0, value) + "\"value\": 2, \"x\": " + json.substring(value + 9);
    assertTrue(
        assertThrows(PlanFileException.class, () -> PlanFile.parse(edited, "p.json").plan())
            .getMessage()
            .contains("modified after ccr wrote it"));
  }

  @Test
  void attack_duplicateJsonKey_isRefusedAsModified() {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty())
            .replaceFirst(
                "\"action\": \"update\",", "\"action\": \"update\",\n      \"action\": \"no-op\",");
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "p.json").plan());
    assertTrue(e.getMessage().contains("modified after ccr wrote it"), e.getMessage());
    assertTrue(e.getMessage().contains("Duplicate"), e.getMessage());
  }

  @Test
  void attack_digestRemoved_isRefusedAsModified() throws Exception {
    ObjectNode root =
        tree(PlanFile.toJson(Clients.severalClients(), "ccr", java.util.Optional.empty()));
    root.remove("digest");
    assertModified(root.toString());
  }

  @Test
  void attack_hugeNumberWithRecomputedDigest_isRefusedNotAnInternalError() throws Exception {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty());
    int at = json.indexOf("\"path\": \"AuthSessionValidity\"");
    int after = json.indexOf("\"after\"", at);
    int value = json.indexOf("\"value\": ", after) + "\"value\": ".length();
    int end = json.indexOf('\n', value);
    String edited =
        redigest(json.substring(0, value) + "1180591620717411303424" + json.substring(end));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(edited, "plan.json").plan());
    assertTrue(e.getMessage().startsWith("plan.json: not a valid plan file:"), e.getMessage());
  }

  @Test
  void attack_unknownValueTypeWithRecomputedDigest_isRefused() throws Exception {
    String json =
        redigest(
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty())
                .replaceFirst("\"type\": \"string\"", "\"type\": \"script\""));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertTrue(e.getMessage().startsWith("plan.json: not a valid plan file:"), e.getMessage());
  }

  @Test
  void attack_oversizedPlanFile_isRefusedWithItsSizeBeforeParsing(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("plan.json");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(200L * 1024 * 1024);
    }
    PlanFileException e = assertThrows(PlanFileException.class, () -> PlanFile.read(file).plan());
    assertTrue(e.getMessage().contains("209715200 bytes, over the limit of"), e.getMessage());
  }

  @Test
  void read_liveEditedWithRecomputedDigest_isRefusedByTheFingerprint() throws Exception {
    String json =
        redigest(
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty())
                .replaceFirst("\"AuthSessionValidity\": 3", "\"AuthSessionValidity\": 4"));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertTrue(e.getMessage().contains("does not match its fingerprint"), e.getMessage());
  }

  @Test
  void read_changeOfANonUpdatableMemberWithRecomputedDigest_isRefused() throws Exception {
    String json =
        redigest(
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty())
                .replaceFirst("\"path\": \"AuthSessionValidity\"", "\"path\": \"ClientSecret\""));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertTrue(
        e.getMessage().contains("ClientSecret is not an updatable attribute"), e.getMessage());
  }

  @Test
  void read_changeOutsideTheClientSchemaWithRecomputedDigest_isRefused() throws Exception {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty());
    int at = json.indexOf("\"path\": \"AuthSessionValidity\"");
    int after = json.indexOf("\"after\"", at);
    int value = json.indexOf("\"value\": ", after) + "\"value\": ".length();
    int end = json.indexOf('\n', value);
    String edited = redigest(json.substring(0, value) + "99" + json.substring(end));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(edited, "plan.json").plan());
    assertTrue(
        e.getMessage().contains("AuthSessionValidity: 99 must have a maximum value of 15"),
        e.getMessage());
  }

  @Test
  void read_removalOfAnAttributeThatAlwaysHasAValue_isRefused() throws Exception {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty());
    int at = json.indexOf("\"path\": \"AuthSessionValidity\"");
    int after = json.indexOf("\"after\": {", at);
    int end = json.indexOf('}', after);
    String edited =
        redigest(json.substring(0, after) + "\"after\": {\"type\": \"none\"" + json.substring(end));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(edited, "plan.json"));
    assertTrue(
        e.getMessage()
            .contains("AuthSessionValidity cannot be removed: a client always has a value for it"),
        e.getMessage());
  }

  @Test
  void read_insecureCallbackWithRecomputedDigest_isRefused() throws Exception {
    String json =
        redigest(
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty())
                .replace("https://app.example.com/cb2", "http://insecure.example.com/cb"));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertTrue(
        e.getMessage().contains("CallbackURLs: \"http://insecure.example.com/cb\" must use https"),
        e.getMessage());
  }

  @Test
  void writeThenRead_controlCharactersInAValue_areKept() throws Exception {
    LiveClient live =
        Clients.live(
            "AnalyticsConfiguration", Clients.map("ExternalId", "old", "UserDataShared", false));
    AttributeChange change =
        AttributeChange.of(
            "AnalyticsConfiguration/ExternalId",
            new Value.Text("old"),
            new Value.Text("a\u007fb\u0080c"));
    Plan plan = planOf(live, change);
    Plan read =
        PlanFile.parse(PlanFile.toJson(plan, "ccr test", java.util.Optional.empty()), "plan.json")
            .plan();
    assertEquals(List.of(change), read.actions().get(0).changes());
  }

  @Test
  void read_sameClientTwice_isRefused() {
    Plan plan = Clients.severalClients();
    Plan twice = new Plan(List.of(plan.actions().get(0), plan.actions().get(0)));
    PlanFileException e =
        assertThrows(
            PlanFileException.class,
            () ->
                PlanFile.parse(
                    PlanFile.toJson(twice, "ccr", java.util.Optional.empty()), "p.json"));
    assertTrue(e.getMessage().contains("appears more than once"), e.getMessage());
  }

  @Test
  void toJson_neverHoldsASecret() {
    String json = PlanFile.toJson(lifecyclePlan(), "ccr 0.1.0", java.util.Optional.empty());
    assertFalse(json.contains("ClientSecret"), json);
    assertFalse(json.matches("(?s).*\"(clientSecret|secret)\".*"), json);
  }

  @Test
  void read_anotherFormatVersion_failsWithAClearMessage() {
    String json =
        PlanFile.toJson(Clients.allNoOp(), "ccr 9.9.9", java.util.Optional.empty())
            .replace("\"formatVersion\": 2", "\"formatVersion\": 3");
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertEquals(
        "plan.json: plan format version 3 is not supported; this ccr reads versions 1 and 2. Run"
            + " plan again with this ccr.",
        e.getMessage());
  }

  @Test
  void read_versionOneFile_isStillRead() throws Exception {
    String v1 =
        Files.readString(
            dev.ccr.testing.Golden.projectDir()
                .resolve("src/test/resources/plan-files/version-1.json"));
    Plan plan = PlanFile.parse(v1, "old.json").plan();
    ClientAction.Update update = (ClientAction.Update) plan.actions().get(0);
    assertEquals(Managed.ALL, update.managed());
    assertEquals("AccessTokenValidity", update.changes().get(0).path());
    assertInstanceOf(ClientAction.NoOp.class, plan.actions().get(1));
  }

  @Test
  void read_malformedJson_namesFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.json");
    Files.writeString(file, "{\n  \"formatVersion\": 2,\n  \"clients\": [,]\n}\n");
    PlanFileException e = assertThrows(PlanFileException.class, () -> PlanFile.read(file).plan());
    assertTrue(e.getMessage().startsWith(file + ":3:15: malformed JSON: "), e.getMessage());
  }

  @Test
  void read_notAPlan_saysSo() {
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse("[1, 2]", "x.json").plan());
    assertEquals("x.json: not a ccr plan file (no formatVersion)", e.getMessage());
  }

  @Test
  void read_shapeOutsideTheSchema_namesTheProblem() throws Exception {
    String json =
        redigest(
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", java.util.Optional.empty())
                .replace("\"no-op\"", "\"skip\""));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertTrue(e.getMessage().startsWith("plan.json: not a valid plan file:\n"), e.getMessage());
    assertTrue(e.getMessage().contains("/clients/1/action"), e.getMessage());
  }

  @Test
  void read_missingFile_isAPlanFileException(@TempDir Path dir) {
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.read(dir.resolve("nope.json")).plan());
    assertTrue(e.getMessage().contains("nope.json: cannot read the plan file"), e.getMessage());
  }

  @Test
  void toJson_planWithErrors_isRefused() {
    ClientSpec desired = Clients.spec("AccessTokenValidity", 60);
    Plan plan = Clients.plan(List.of(desired), List.of(Clients.live()));
    assertTrue(plan.hasErrors());
    assertThrows(
        IllegalArgumentException.class,
        () -> PlanFile.toJson(plan, "ccr", java.util.Optional.empty()));
  }

  private static void assertModified(String json) {
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertTrue(
        e.getMessage().startsWith("plan.json: the plan file was modified after ccr wrote it"),
        e.getMessage());
  }

  private static ObjectNode tree(String json) {
    return (ObjectNode) JsonMapper.shared().readTree(json);
  }

  /** The file with its digest made to match again: what a careful forger would do. */
  private static String redigest(String json) {
    ObjectNode root = tree(json);
    root.put("digest", PlanFile.digest(root));
    return root.toString();
  }

  /** A plan that creates one client (with a secret) and prunes another. */
  private static Plan lifecyclePlan() {
    ClientSpec create =
        new ClientSpec(
            new SourceRef("clients/new.yaml", Position.START),
            Clients.POOL,
            Optional.empty(),
            Clients.map("ClientName", "new-app", "PreventUserExistenceErrors", "ENABLED"),
            Optional.of(true),
            ClientSpec.Settings.DEFAULT,
            Map.of());
    Planner.Comparison creation = new Planner().creation(create);
    LiveClient old = Clients.liveWithId("old1", Clients.map("ClientName", "old"));
    return new Plan(
        List.of(
            new ClientAction.Create(
                create.ref(), Origin.of(create), creation.changes(), true, List.of()),
            new ClientAction.Delete(
                ClientRef.byId(Clients.POOL, "old1").withName("old"),
                Origin.at(new SourceRef("clients/new.yaml", Position.START)),
                Snapshot.of(old),
                true,
                List.of())));
  }

  /** A plan of one client, recording {@code live} as it was planned. */
  private static Plan planOf(LiveClient live, AttributeChange... changes) {
    return new Plan(
        List.of(
            new ClientAction.Update(
                ClientRef.byId(Clients.POOL, Clients.ID).withName("web"),
                Origin.at(new SourceRef("a.yaml", Position.START)),
                List.of(changes),
                Snapshot.of(live),
                Managed.ALL,
                List.of())));
  }
}
