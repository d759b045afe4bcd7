package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.LiveClient;
import dev.ccr.spec.AwsSettings;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.DurationUnit;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
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
    Files.writeString(file, PlanFile.toJson(plan, "ccr 0.1.0", PlanFile.Made.NONE));
    Plan read = PlanFile.read(file).plan();
    assertEquals(
        PlanFile.toJson(plan, "ccr 0.1.0", PlanFile.Made.NONE),
        PlanFile.toJson(read, "ccr 0.1.0", PlanFile.Made.NONE));
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
        PlanFile.parse(PlanFile.toJson(plan, "ccr test", PlanFile.Made.NONE), "plan.json").plan();
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
  void writeThenRead_keepsTheEnvironmentAndAwsOptionsWithoutAPasswordInTheEndpoint()
      throws Exception {
    PlanFile.Made prod =
        new PlanFile.Made(
            Optional.of("prod"),
            new AwsSettings(
                Optional.of("eu-west-1"),
                Optional.of("deploy"),
                Optional.of("https://user:hunter2@vpce.example.com"),
                Optional.of("arn:aws:iam::123456789012:role/ccr")));
    String json = PlanFile.toJson(lifecyclePlan(), "ccr test", prod);
    assertFalse(json.contains("hunter2"), json);
    PlanFile.Made read = PlanFile.parse(json, "plan.json").made();
    assertEquals(Optional.of("prod"), read.environment());
    assertEquals(
        new AwsSettings(
            Optional.of("eu-west-1"),
            Optional.of("deploy"),
            Optional.of("https://****@vpce.example.com"),
            Optional.of("arn:aws:iam::123456789012:role/ccr")),
        read.aws());
  }

  @Test
  void writeThenRead_awsOptionsWithoutAnEnvironment_areKept() throws Exception {
    PlanFile.Made local =
        new PlanFile.Made(
            Optional.empty(),
            new AwsSettings(
                Optional.empty(),
                Optional.empty(),
                Optional.of("http://127.0.0.1:54345"),
                Optional.empty()));
    String json = PlanFile.toJson(lifecyclePlan(), "ccr", local);
    assertTrue(
        tree(json)
            .get("environment")
            .toString()
            .equals("{\"endpointUrl\":\"http://127.0.0.1:54345\"}"),
        json);
    assertEquals(local, PlanFile.parse(json, "p.json").made());
    String none = PlanFile.toJson(lifecyclePlan(), "ccr", PlanFile.Made.NONE);
    assertFalse(tree(none).has("environment"), none);
    assertEquals(PlanFile.Made.NONE, PlanFile.parse(none, "p.json").made());
  }

  @Test
  void read_endpointUrlCcrWouldNotTake_namesTheFieldAndThePlanFile() {
    for (String bad :
        List.of("ftp://127.0.0.1:1/", "http://127.0.0.1:99999", "http://h:1/?x=1", "http://")) {
      PlanFile.Made made =
          new PlanFile.Made(
              Optional.empty(),
              new AwsSettings(
                  Optional.empty(), Optional.empty(), Optional.of(bad), Optional.empty()));
      String json = PlanFile.toJson(lifecyclePlan(), "ccr", made);
      PlanFileException e =
          assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
      assertTrue(e.getMessage().startsWith("plan.json: environment.endpointUrl: "), e.getMessage());
      assertTrue(e.getMessage().endsWith("Run plan again"), e.getMessage());
    }
  }

  @Test
  void read_regionOrRoleCcrWouldNotTake_isNotAValidPlanFile() {
    for (AwsSettings bad :
        List.of(
            new AwsSettings(
                Optional.of("EU WEST"), Optional.empty(), Optional.empty(), Optional.empty()),
            new AwsSettings(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("admin")))) {
      String json =
          PlanFile.toJson(lifecyclePlan(), "ccr", new PlanFile.Made(Optional.empty(), bad));
      PlanFileException e =
          assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
      assertTrue(
          e.getMessage()
              .matches("plan.json: not a valid plan file: environment\\.(region|roleArn): .*"),
          e.getMessage());
    }
  }

  @Test
  void toJson_carriesTheSummaryCounts() throws Exception {
    ObjectNode root = tree(PlanFile.toJson(lifecyclePlan(), "ccr test", PlanFile.Made.NONE));
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

    JsonNode plain =
        summary(
            new Reconciler(fake, 2, ClientReader.Listener.NONE)
                .reconcile(specs, Reconciler.Options.PLAN));
    JsonNode pruned =
        summary(
            new Reconciler(fake, 2, ClientReader.Listener.NONE)
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
    return tree(PlanFile.toJson(plan, "ccr test", PlanFile.Made.NONE)).get("summary");
  }

  @Test
  void writeThenRead_keepsEveryValueKind() throws Exception {
    AttributeChange[] changes = {
      AttributeChange.of(
          "DefaultRedirectURI", Value.NONE, new Value.Text("https://x.example.com/cb")),
      AttributeChange.of("AuthSessionValidity", new Value.Number(3), new Value.Number(5)),
      AttributeChange.of("EnableTokenRevocation", new Value.Flag(false), new Value.Flag(true)),
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
            List.of("ALLOW_USER_SRP_AUTH"),
            "RefreshTokenRotation",
            Clients.map("Feature", "ENABLED"),
            "EnableTokenRevocation",
            false,
            "AllowedOAuthFlowsUserPoolClient",
            true);
    Plan plan = planOf(live, changes);
    Plan read =
        PlanFile.parse(PlanFile.toJson(plan, "ccr test", PlanFile.Made.NONE), "plan.json").plan();
    assertEquals(List.of(changes), read.actions().get(0).changes());
  }

  @Test
  void writeThenRead_keepsTheLiveConfigurationItsFingerprintHashes() throws Exception {
    Plan plan = Clients.severalClients();
    Plan read =
        PlanFile.parse(PlanFile.toJson(plan, "ccr test", PlanFile.Made.NONE), "plan.json").plan();
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
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE)
            .replace("https://app.example.com/cb2", "https://evil.example.com/cb");
    assertModified(json);
  }

  @Test
  void attack_noOpTurnedIntoUpdate_isRefusedAsModified() {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE)
            .replaceFirst("\"action\": \"no-op\"", "\"action\": \"update\"");
    assertModified(json);
  }

  @Test
  void attack_editedBeforeValue_isRefusedAsModified() {
    String json = PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE);
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
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE)
            .replaceFirst(
                "\"action\": \"update\",", "\"action\": \"update\",\n      \"action\": \"no-op\",");
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "p.json").plan());
    assertTrue(e.getMessage().contains("modified after ccr wrote it"), e.getMessage());
    assertTrue(e.getMessage().contains("Duplicate"), e.getMessage());
  }

  @Test
  void attack_digestRemoved_isRefusedAsModified() throws Exception {
    ObjectNode root = tree(PlanFile.toJson(Clients.severalClients(), "ccr", PlanFile.Made.NONE));
    root.remove("digest");
    assertModified(root.toString());
  }

  @Test
  void attack_numberCcrNeverWrites_isRefusedAsModifiedNotAnInternalError() throws Exception {
    for (String number : List.of("1180591620717411303424", "9007199254740992", "5.0", "1e3")) {
      String edited = withAuthSessionValidityAfter(number);
      PlanFileException e =
          assertThrows(PlanFileException.class, () -> PlanFile.parse(edited, "plan.json"));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "plan.json: the plan file was modified after ccr wrote it (it holds the number "),
          e.getMessage());
    }
  }

  @Test
  void attack_integerOutOfRangeWithRecomputedDigest_isNotAValidPlanFile() throws Exception {
    String edited = redigest(withAuthSessionValidityAfter("3000000000"));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(edited, "plan.json"));
    assertEquals(
        List.of(
            "plan.json: not a valid plan file: clients[0].changes[5].after.value: 3000000000 must"
                + " have a maximum value of 2147483647"),
        e.problems());
  }

  /** The plan of {@link Clients#severalClients} with this text as AuthSessionValidity's after. */
  private static String withAuthSessionValidityAfter(String number) {
    String json = PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE);
    int at = json.indexOf("\"path\": \"AuthSessionValidity\"");
    int after = json.indexOf("\"after\"", at);
    int value = json.indexOf("\"value\": ", after) + "\"value\": ".length();
    int end = json.indexOf('\n', value);
    return json.substring(0, value) + number + json.substring(end);
  }

  @Test
  void attack_unknownValueTypeWithRecomputedDigest_isRefused() throws Exception {
    String json =
        redigest(
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE)
                .replaceFirst("\"type\": \"string\"", "\"type\": \"script\""));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertEquals(
        List.of(
            "plan.json: not a valid plan file: clients[0].changes[4].before.type: \"script\" does"
                + " not have a value in the enumeration [\"none\", \"string\", \"integer\","
                + " \"boolean\", \"set\", \"duration\"]"),
        e.problems(),
        "one line for one bad value, not one per kind of value");
  }

  @Test
  void read_valueOfTheWrongTypeForItsKind_isOneLineNamingTheField() throws Exception {
    ObjectNode root =
        tree(PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE));
    ((ObjectNode) root.get("clients").get(0).get("changes").get(4).get("after")).put("value", 7);
    root.put("digest", PlanFile.digest(root));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(root.toString(), "plan.json"));
    assertEquals(
        List.of(
            "plan.json: not a valid plan file: clients[0].changes[4].after.value: 7 is of type"
                + " integer, expected string"),
        e.problems());
    assertFalse(e.getMessage().contains("\\n"), e.getMessage());
  }

  @Test
  void read_liveValueOfNoKindAPlanHolds_isOneLineNamingTheField() throws Exception {
    ObjectNode root =
        tree(PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE));
    ((ObjectNode) root.get("clients").get(0).get("live")).putNull("AuthSessionValidity");
    root.put("digest", PlanFile.digest(root));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(root.toString(), "plan.json"));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(
        e.problems()
            .get(0)
            .startsWith("plan.json: not a valid plan file: clients[0].live.AuthSessionValidity: "),
        e.getMessage());
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
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE)
                .replaceFirst("\"AuthSessionValidity\": 3", "\"AuthSessionValidity\": 4"));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertTrue(e.getMessage().contains("does not match its fingerprint"), e.getMessage());
  }

  @Test
  void read_changeOfANonUpdatableMemberWithRecomputedDigest_isRefused() throws Exception {
    String json =
        redigest(
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE)
                .replaceFirst("\"path\": \"AuthSessionValidity\"", "\"path\": \"ClientSecret\""));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertTrue(
        e.getMessage().contains("ClientSecret is not an updatable attribute"), e.getMessage());
  }

  @Test
  void read_changeOutsideTheClientSchemaWithRecomputedDigest_isRefused() throws Exception {
    String json = PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE);
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
    String json = PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE);
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
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE)
                .replace("https://app.example.com/cb2", "http://insecure.example.com/cb"));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertTrue(
        e.getMessage().contains("CallbackURLs: \"http://insecure.example.com/cb\" must use https"),
        e.getMessage());
  }

  // ---- forged with a recomputed digest: what no run of plan could have written

  private static final String WEB = "web-app (us-east-1_Example12/3n4b5urk1ft4fl3mg5e62d9ado)";
  private static final String MOBILE =
      "mobile-app (us-east-1_Example12/7m0b1l3app0000000000000000)";
  private static final String EDITED = "; the plan file was edited. Run plan again";

  @Test
  void attack_changeOfAPathTheFileDoesNotManage_isRefusedNamingClientAndPath() {
    String json =
        forged(
            Clients.severalClients(),
            root ->
                changes(root, 2)
                    .add(
                        change(
                            "LogoutURLs",
                            "{\"type\": \"set\", \"items\": []}",
                            "{\"type\": \"set\", \"items\": [\"https://evil.example.com/out\"]}")));
    assertEquals(
        List.of(
            "plan.json: client "
                + MOBILE
                + ": LogoutURLs is changed, but it is not among the paths the client's file manages"
                + " (CallbackURLs, DefaultRedirectURI)"
                + EDITED),
        problems(json));
  }

  @Test
  void attack_beforeThatIsNotTheRecordedLiveValue_isRefusedNamingClientAndPath() {
    String json =
        forged(
            Clients.severalClients(),
            root -> {
              ObjectNode before = (ObjectNode) changes(root, 0).get(1).get("before");
              before.putArray("items").add("BOGUS");
            });
    assertEquals(
        List.of(
            "plan.json: client "
                + WEB
                + ": ExplicitAuthFlows is changed from [BOGUS], but the live configuration recorded"
                + " at plan time has [ALLOW_CUSTOM_AUTH, ALLOW_USER_SRP_AUTH]"
                + EDITED),
        problems(json));
  }

  @Test
  void attack_lifetimeBelowCognitosMinimum_isRefusedWithTheRule() {
    String json =
        forged(
            Clients.severalClients(),
            root -> {
              ObjectNode after = (ObjectNode) changes(root, 0).get(0).get("after");
              after.put("value", 1).put("unit", "minutes");
            });
    List<String> problems = problems(json);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "plan.json: client "
                    + WEB
                    + ": the configuration the plan would write breaks a rule: AccessTokenValidity:"
                    + " 1 minute is outside the 5 minutes to 1 day Cognito allows for the access"
                    + " token"),
        problems.get(0));
  }

  @Test
  void attack_redirectOutsideTheRecordedCallbacks_isRefusedWithTheRule() {
    String json =
        forged(
            Clients.severalClients(),
            root ->
                ((ObjectNode) changes(root, 2).get(0).get("after"))
                    .put("value", "myapp://elsewhere"));
    assertEquals(
        List.of(
            "plan.json: client "
                + MOBILE
                + ": the configuration the plan would write breaks a rule: DefaultRedirectURI:"
                + " \"myapp://elsewhere\" must be one of the CallbackURLs"
                + EDITED),
        problems(json));
  }

  @Test
  void attack_liveValueOfAnotherKindThanItsAttribute_isRefusedNotAnInternalError() {
    String json =
        forged(
            Clients.severalClients(),
            root -> {
              ObjectNode client = client(root, 0);
              ObjectNode live = (ObjectNode) client.get("live");
              live.put("IdTokenValidity", "one hour");
              @SuppressWarnings("unchecked")
              Map<String, Object> configuration = JsonMapper.shared().treeToValue(live, Map.class);
              client.put("fingerprint", Fingerprint.ofCanonical(configuration));
            });
    assertEquals(
        List.of(
            "plan.json: client "
                + WEB
                + ": the live configuration recorded at plan time has IdTokenValidity one hour,"
                + " which is not a value a client has there"
                + EDITED),
        problems(json));
  }

  @Test
  void attack_createShowingAnotherNameThanItSends_isRefused() {
    String json = forged(lifecyclePlan(), root -> client(root, 0).put("clientName", "shown-name"));
    assertEquals(
        List.of(
            "plan.json: client shown-name (us-east-1_Example12): the plan shows it created as"
                + " shown-name, but its ClientName change would create new-app"
                + EDITED),
        problems(json));
  }

  @Test
  void attack_createStartingFromAValue_isRefused() {
    String json =
        forged(
            lifecyclePlan(),
            root ->
                ((ObjectNode) changes(root, 0).get(1))
                    .set("before", tree("{\"type\": \"string\", \"value\": \"LEGACY\"}")));
    assertEquals(
        List.of(
            "plan.json: client new-app (us-east-1_Example12): PreventUserExistenceErrors starts"
                + " from LEGACY, but a client to create has no value yet"
                + EDITED),
        problems(json));
  }

  @Test
  void attack_samePathChangedTwice_isRefused() {
    String json =
        forged(Clients.severalClients(), root -> changes(root, 2).add(changes(root, 2).get(0)));
    assertEquals(
        List.of("plan.json: client " + MOBILE + ": DefaultRedirectURI is changed twice" + EDITED),
        problems(json));
  }

  @Test
  void attack_updateWithoutItsManagedPaths_isNotAValidPlanFile() {
    String json = forged(Clients.severalClients(), root -> client(root, 0).remove("managed"));
    assertEquals(
        List.of(
            "plan.json: not a valid plan file: clients[0]: required property 'managed' not found"),
        problems(json));
  }

  @Test
  void attack_severalForgedClients_areEachNamedOnALineOfTheirOwn() {
    String json =
        forged(
            Clients.severalClients(),
            root -> {
              ((ObjectNode) changes(root, 0).get(1).get("before")).putArray("items").add("BOGUS");
              ((ObjectNode) changes(root, 2).get(0).get("after")).put("value", "myapp://x");
            });
    List<String> problems = problems(json);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("plan.json: client " + WEB + ": "), problems.get(0));
    assertTrue(problems.get(1).startsWith("plan.json: client " + MOBILE + ": "), problems.get(1));
  }

  /** The plan file of the plan, edited, with its digest made to match again. */
  private static String forged(Plan plan, java.util.function.Consumer<ObjectNode> edit) {
    ObjectNode root = tree(PlanFile.toJson(plan, "ccr 0.1.0", PlanFile.Made.NONE));
    edit.accept(root);
    root.put("digest", PlanFile.digest(root));
    return root.toString();
  }

  private static ObjectNode client(ObjectNode root, int index) {
    return (ObjectNode) root.get("clients").get(index);
  }

  private static tools.jackson.databind.node.ArrayNode changes(ObjectNode root, int index) {
    return (tools.jackson.databind.node.ArrayNode) client(root, index).get("changes");
  }

  private static ObjectNode change(String path, String before, String after) {
    ObjectNode change = JsonMapper.shared().createObjectNode();
    change.put("path", path);
    change.set("before", tree(before));
    change.set("after", tree(after));
    change.putArray("added");
    change.putArray("removed");
    return change;
  }

  private static List<String> problems(String json) {
    return assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"))
        .problems();
  }

  // ---- the digest can be recomputed from the recipe docs/security.md states

  /** The recipe of docs/security.md, in Python: an implementation independent of ccr's. */
  private static final String PYTHON_DIGEST =
      String.join(
          "\n",
          "import hashlib, json, sys",
          "with open(sys.argv[1], encoding='utf-8') as f:",
          "    document = json.load(f)",
          "del document['digest']",
          "text = json.dumps(document, sort_keys=True, separators=(',', ':'), ensure_ascii=False)",
          "print('sha256:' + hashlib.sha256(text.encode('utf-8')).hexdigest())");

  @Test
  void digest_recomputedByTheDocumentedRecipeInPython_matches(@TempDir Path dir) throws Exception {
    String awkward = "esc\u001b soh\u0001 tab\t nl\n \"q\" back\\ del\u007f é 😀 \u2028 \u0080";
    LiveClient live =
        Clients.live(
            "AnalyticsConfiguration", Clients.map("ExternalId", "old", "UserDataShared", false));
    Plan plan =
        planOf(
            live,
            AttributeChange.of(
                "AnalyticsConfiguration/ExternalId",
                new Value.Text("old"),
                new Value.Text(awkward)));
    String json = PlanFile.toJson(plan, "ccr ünïcode", PlanFile.Made.NONE);
    Path file = dir.resolve("plan.json");
    Files.writeString(file, json);

    Process python = new ProcessBuilder("python3", "-c", PYTHON_DIGEST, file.toString()).start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, python.waitFor(), err);
    assertEquals(tree(json).get("digest").stringValue(), out.strip());
    assertEquals(
        awkward,
        ((Value.Text)
                PlanFile.parse(json, "p.json").plan().actions().get(0).changes().get(0).after())
            .text());
  }

  @Test
  void canonicalForm_isTheOneTheSecurityPageStates() {
    assertEquals(
        "{\"a\":[1,-2,true,false,null],\"b\":\"\\u001b\\n\\\"\u007fé\",\"é\":{}}",
        CanonicalJson.of(
            tree(
                "{\"é\": {}, \"b\": \"\\u001B\\n\\\"\u007fé\", \"a\": [1, -2, true, false, null]}")));
  }

  @Test
  void attack_unpairedSurrogateWithRecomputedDigest_cannotBeDigestedAndIsRefused() {
    ObjectNode root =
        tree(PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE));
    root.put("generatedBy", "ccr \ud800");
    assertThrows(IllegalArgumentException.class, () -> PlanFile.digest(root));
    root.put("digest", "sha256:" + "0".repeat(64));
    assertTrue(
        assertThrows(PlanFileException.class, () -> PlanFile.parse(root.toString(), "p.json"))
            .getMessage()
            .startsWith(
                "p.json: the plan file was modified after ccr wrote it (it holds a string with an"
                    + " unpaired surrogate)"));
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
        PlanFile.parse(PlanFile.toJson(plan, "ccr test", PlanFile.Made.NONE), "plan.json").plan();
    assertEquals(List.of(change), read.actions().get(0).changes());
  }

  @Test
  void read_sameClientTwice_isRefused() {
    Plan plan = Clients.severalClients();
    Plan twice = new Plan(List.of(plan.actions().get(0), plan.actions().get(0)));
    PlanFileException e =
        assertThrows(
            PlanFileException.class,
            () -> PlanFile.parse(PlanFile.toJson(twice, "ccr", PlanFile.Made.NONE), "p.json"));
    assertTrue(e.getMessage().contains("appears more than once"), e.getMessage());
  }

  @Test
  void toJson_neverHoldsASecret() {
    String json = PlanFile.toJson(lifecyclePlan(), "ccr 0.1.0", PlanFile.Made.NONE);
    assertFalse(json.contains("ClientSecret"), json);
    assertFalse(json.matches("(?s).*\"(clientSecret|secret)\".*"), json);
  }

  @Test
  void read_anotherFormatVersion_failsWithAClearMessage() {
    String json =
        PlanFile.toJson(Clients.allNoOp(), "ccr 9.9.9", PlanFile.Made.NONE)
            .replace("\"formatVersion\": 2", "\"formatVersion\": 3");
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertEquals(
        "plan.json: plan format version 3 is not supported; this ccr reads version 2. Run plan"
            + " again with this ccr.",
        e.getMessage());
  }

  @Test
  void attack_versionOneFileWithoutDigest_isRefusedAsMadeByAnOlderCcr() throws Exception {
    String v1 =
        Files.readString(
            dev.ccr.testing.Golden.projectDir()
                .resolve("src/test/resources/plan-files/version-1.json"));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(v1, "old.json"));
    assertEquals(
        List.of(
            "old.json: this plan was made by an older ccr (plan format version 1), whose plan files"
                + " carry no digest, so ccr cannot tell whether it was edited since; nothing is"
                + " applied from it. Make the plan again with 'ccr plan --out FILE'."),
        e.problems());
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
            PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0", PlanFile.Made.NONE)
                .replace("\"no-op\"", "\"skip\""));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json").plan());
    assertEquals(
        List.of(
            "plan.json: not a valid plan file: clients[1].action: \"skip\" does not have a value"
                + " in the enumeration [\"create\", \"update\", \"delete\", \"no-op\"]"),
        e.problems());
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
        IllegalArgumentException.class, () -> PlanFile.toJson(plan, "ccr", PlanFile.Made.NONE));
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
                Managed.of(
                    java.util.Arrays.stream(changes)
                        .map(AttributeChange::path)
                        .collect(java.util.stream.Collectors.toSet())),
                List.of())));
  }

  @Test
  void writeThenRead_keepsEveryClientsSecretsActionsAndState() throws Exception {
    Plan plan = Clients.withSecrets();
    PlanFile.Saved saved =
        PlanFile.parse(PlanFile.toJson(plan, "ccr 0.1.0", PlanFile.Made.NONE), "plan.json");
    assertEquals(plan.secrets(), saved.plan().secrets());
    assertTrue(saved.plan().hasChanges(), "secret actions are changes to apply");
  }

  @Test
  void toJson_countsTheSecretActionsInTheSummary() throws Exception {
    JsonNode secrets = summary(Clients.withSecrets()).path("secrets");
    assertEquals(1, secrets.path("rotate").asInt());
    assertEquals(1, secrets.path("deliver").asInt());
    assertEquals(1, secrets.path("retire").asInt());
    assertTrue(summary(Clients.allNoOp()).path("secrets").isMissingNode(), "none without policy");
  }

  @Test
  void attack_retiringTheHeldSecretWithRecomputedDigest_isRefused() throws Exception {
    String json =
        redigest(
            PlanFile.toJson(Clients.withSecrets(), "ccr 0.1.0", PlanFile.Made.NONE)
                .replace("\"secretId\": \"c2--1\"", "\"secretId\": \"c2--40\"")
                .replace("\"held\": \"c2--gone\"", "\"held\": \"c2--40\""));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
    assertEquals(
        List.of(
            "plan.json: secrets of web-2 (us-east-1_Example12/c2): retires c2--40, the secret its"
                + " store holds; run plan again"),
        e.problems());
  }

  @Test
  void attack_secretsOfAClientThePlanDoesNotRead_areRefused() throws Exception {
    ObjectNode root = tree(PlanFile.toJson(Clients.withSecrets(), "ccr 0.1.0", PlanFile.Made.NONE));
    ((ObjectNode) root.get("secrets").get(2)).put("clientId", "c9");
    String json = redigest(root.toString());
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
    assertTrue(
        e.problems()
            .get(0)
            .contains("secrets of api (us-east-1_Example12/c9): the plan has no such"),
        e.problems().toString());
  }

  @Test
  void attack_aSecretValueAddedToThePlanFile_isNotAValidPlanFile() throws Exception {
    String json =
        redigest(
            PlanFile.toJson(Clients.withSecrets(), "ccr 0.1.0", PlanFile.Made.NONE)
                .replace(
                    "\"ageHours\": 2880",
                    "\"ageHours\": 2880, \"value\": \"abcdefghijklmnopqrstuvwxyz0123\""));
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
    assertTrue(e.problems().get(0).contains("secrets[0].secrets[0]"), e.problems().toString());
  }
}
