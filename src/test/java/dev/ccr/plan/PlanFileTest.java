package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {

  @Test
  void writeThenRead_givesAnEqualPlan(@TempDir Path dir) throws Exception {
    Plan plan = Clients.severalClients();
    Path file = dir.resolve("plan.json");
    PlanFile.write(file, plan, "ccr 0.1.0");
    assertEquals(plan, PlanFile.read(file));
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
          new Value.Duration(1, DurationUnit.SECONDS)),
    };
    dev.ccr.live.LiveClient live =
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
    assertEquals(plan, PlanFile.parse(PlanFile.toJson(plan, "ccr test"), "plan.json"));
  }

  @Test
  void writeThenRead_keepsTheLiveConfigurationItsFingerprintHashes() throws Exception {
    Plan plan = Clients.severalClients();
    Plan read = PlanFile.parse(PlanFile.toJson(plan, "ccr test"), "plan.json");
    for (int i = 0; i < plan.clients().size(); i++) {
      ClientPlan client = read.clients().get(i);
      assertFalse(client.live().isEmpty());
      assertEquals(plan.clients().get(i).live(), client.live());
      assertTrue(Planner.matches(client.live(), client.fingerprint()));
    }
    assertEquals(3600L, read.clients().get(0).live().get("IdTokenValidity"));
  }

  @Test
  void read_liveEditedAfterPlanning_isRefused() {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0")
            .replaceFirst("\"AuthSessionValidity\": 3", "\"AuthSessionValidity\": 4");
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
    assertTrue(e.getMessage().contains("does not match its fingerprint"), e.getMessage());
  }

  @Test
  void read_changeOfANonUpdatableMember_isRefusedBeforeAnyWrite() {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0")
            .replaceFirst("\"path\": \"AuthSessionValidity\"", "\"path\": \"ClientSecret\"");
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
    assertTrue(
        e.getMessage().contains("ClientSecret is not an updatable attribute"), e.getMessage());
    assertTrue(e.getMessage().contains("the file was edited"), e.getMessage());
  }

  @Test
  void read_changeOutsideTheClientSchema_isRefused() {
    String json = PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0");
    int at = json.indexOf("\"path\": \"AuthSessionValidity\"");
    int after = json.indexOf("\"after\"", at);
    int value = json.indexOf("\"value\": ", after) + "\"value\": ".length();
    int end = json.indexOf('\n', value);
    String edited = json.substring(0, value) + "99" + json.substring(end);
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(edited, "plan.json"));
    assertTrue(
        e.getMessage().contains("AuthSessionValidity: 99 must have a maximum value of 15"),
        e.getMessage());
  }

  @Test
  void read_insecureCallbackEditedIn_isRefused() {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0")
            .replace("https://app.example.com/cb2", "http://insecure.example.com/cb");
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
    assertTrue(
        e.getMessage().contains("CallbackURLs: \"http://insecure.example.com/cb\" must use https"),
        e.getMessage());
  }

  @Test
  void writeThenRead_controlCharactersInAValue_areKept() throws Exception {
    dev.ccr.live.LiveClient live =
        Clients.live(
            "AnalyticsConfiguration", Clients.map("ExternalId", "old", "UserDataShared", false));
    AttributeChange change =
        AttributeChange.of(
            "AnalyticsConfiguration/ExternalId",
            new Value.Text("old"),
            new Value.Text("a\u007fb\u0080c"));
    Plan plan = planOf(live, change);
    assertEquals(plan, PlanFile.parse(PlanFile.toJson(plan, "ccr test"), "plan.json"));
  }

  @Test
  void read_sameClientTwice_isRefused() {
    Plan plan = Clients.severalClients();
    Plan twice = new Plan(List.of(plan.clients().get(0), plan.clients().get(0)));
    PlanFileException e =
        assertThrows(
            PlanFileException.class, () -> PlanFile.parse(PlanFile.toJson(twice, "ccr"), "p.json"));
    assertTrue(e.getMessage().contains("appears more than once"), e.getMessage());
  }

  @Test
  void toJson_neverHoldsASecret() {
    String json = PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0");
    assertFalse(json.toLowerCase(java.util.Locale.ROOT).contains("secret"), json);
  }

  @Test
  void read_anotherFormatVersion_failsWithAClearMessage() {
    String json =
        PlanFile.toJson(Clients.allNoOp(), "ccr 9.9.9")
            .replace("\"formatVersion\": 1", "\"formatVersion\": 2");
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
    assertEquals(
        "plan.json: plan format version 2 is not supported; this ccr reads version 1. Run plan"
            + " again with this ccr.",
        e.getMessage());
  }

  @Test
  void read_malformedJson_namesFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.json");
    Files.writeString(file, "{\n  \"formatVersion\": 1,\n  \"clients\": [,]\n}\n");
    PlanFileException e = assertThrows(PlanFileException.class, () -> PlanFile.read(file));
    assertTrue(e.getMessage().startsWith(file + ":3:15: malformed JSON: "), e.getMessage());
  }

  @Test
  void read_notAPlan_saysSo() {
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse("[1, 2]", "x.json"));
    assertEquals("x.json: not a ccr plan file (no formatVersion)", e.getMessage());
  }

  @Test
  void read_shapeOutsideTheSchema_namesTheProblem() {
    String json =
        PlanFile.toJson(Clients.severalClients(), "ccr 0.1.0").replace("\"no-op\"", "\"skip\"");
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.parse(json, "plan.json"));
    assertTrue(e.getMessage().startsWith("plan.json: not a valid plan file:\n"), e.getMessage());
    assertTrue(
        e.getMessage().contains("/clients/1/action: does not have a value in the enumeration"),
        e.getMessage());
  }

  @Test
  void read_missingFile_isAPlanFileException(@TempDir Path dir) {
    PlanFileException e =
        assertThrows(PlanFileException.class, () -> PlanFile.read(dir.resolve("nope.json")));
    assertTrue(e.getMessage().contains("nope.json: cannot read the plan file"), e.getMessage());
  }

  @Test
  void toJson_planWithErrors_isRefused() {
    dev.ccr.spec.ClientSpec desired = Clients.spec("AccessTokenValidity", 60);
    Plan plan = new Plan(List.of(new Planner().plan(desired, Clients.live())));
    assertTrue(plan.hasErrors());
    assertThrows(IllegalArgumentException.class, () -> PlanFile.toJson(plan, "ccr"));
  }

  /** A plan of one client, recording {@code live} as it was planned. */
  private static Plan planOf(dev.ccr.live.LiveClient live, AttributeChange... changes) {
    return new Plan(
        List.of(
            new ClientPlan(
                    new dev.ccr.spec.SourceRef("a.yaml", dev.ccr.spec.Position.START),
                    Clients.POOL,
                    Clients.ID,
                    "web",
                    List.of(changes),
                    Planner.fingerprint(live))
                .withLive(Planner.normalised(live))));
  }
}
