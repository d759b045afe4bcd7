package dev.ccr.plan;

import static dev.ccr.plan.Clients.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Position;
import dev.ccr.spec.ProjectFile;
import dev.ccr.spec.RuleSettings;
import dev.ccr.spec.SpecLoader;
import dev.ccr.spec.Variables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plan does with the life of clients beyond one document: pruning (refused when the files
 * cannot all be read, keeping clients that other environments declare), names that two clients
 * would share after a rename, deletes whose name does not agree, adoption, targets and the count of
 * errors.
 */
class ReconcilerLifecycleTest {
  private static final String POOL = "us-east-1_Life1";
  private static final String OTHER_POOL = "us-east-1_Else1";

  @TempDir Path dir;
  private final FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);

  private DesiredState load(String yaml) {
    DesiredState state = new SpecLoader().loadText("clients.yaml", yaml);
    assertEquals(List.of(), state.diagnostics(), "the files are valid");
    return state;
  }

  private Plan plan(DesiredState state, boolean prune, String... targets) {
    return new Reconciler(fake, 2, ClientReader.Listener.NONE)
        .reconcile(state, new Reconciler.Options(prune, false, new Targets(List.of(targets))));
  }

  private void seed(String id, String name) {
    fake.seed(POOL, id, map("ClientName", name), false);
  }

  private static List<String> deleted(Plan plan) {
    return plan.actions().stream()
        .filter(ClientAction.Delete.class::isInstance)
        .map(a -> a.ref().id())
        .toList();
  }

  private static ClientAction actionAt(Plan plan, int line) {
    return plan.actions().stream()
        .filter(a -> a.origin().source().position().line() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no action at line " + line + ": " + plan));
  }

  private static String onlyError(ClientAction action) {
    ClientAction.Invalid invalid = assertInstanceOf(ClientAction.Invalid.class, action);
    List<Diagnostic> errors = invalid.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0).message();
  }

  // ---- --prune and files that were not read

  @Test
  void prune_aFileThatCouldNotBeRead_refusesAndDeletesNothing() {
    seed("web0id", "web");
    seed("stray0id", "stray");
    DesiredState state =
        load("UserPoolId: " + POOL + "\nClientId: web0id\n")
            .withUnreadFiles(
                List.of("clients/zz.yaml is a symbolic link to /gone, which does not exist"));

    Plan plan = plan(state, true);

    assertEquals(List.of(), deleted(plan));
    assertTrue(plan.hasFailures(), "a refused prune fails the run (exit 1)");
    assertEquals(
        List.of("clients/zz.yaml is a symbolic link to /gone, which does not exist"),
        plan.pruneRefused().orElseThrow().unreadFiles());
    assertEquals(1, plan.unmanaged().size(), "stray stays unmanaged");
  }

  @Test
  void noPrune_aFileThatCouldNotBeRead_changesNothing() {
    seed("web0id", "web");
    seed("stray0id", "stray");
    DesiredState state =
        load("UserPoolId: " + POOL + "\nClientId: web0id\n")
            .withUnreadFiles(List.of("clients/zz.yaml is a FIFO (named pipe)"));

    Plan plan = plan(state, false);

    assertFalse(plan.hasFailures(), "only --prune needs every file");
    assertEquals(1, plan.unmanaged().size());
  }

  @Test
  void prune_everyFileRead_deletesTheUndeclaredClient() {
    seed("web0id", "web");
    seed("stray0id", "stray");

    Plan plan = plan(load("UserPoolId: " + POOL + "\nClientId: web0id\n"), true);

    assertEquals(List.of("stray0id"), deleted(plan));
    assertEquals(List.of(), plan.unmanaged(), "nothing is left to report as unmanaged");
  }

  // ---- --prune and documents of other environments

  private DesiredState loadFor(String environment, String yaml) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("ccr.yaml"),
            "environments:\n"
                + "  dev:\n    vars: {pool: "
                + POOL
                + ", debug_id: debug0id}\n"
                + "  prod:\n    vars: {pool: "
                + POOL
                + "}\n");
    ProjectFile project = ProjectFile.load(file).project().orElseThrow();
    Variables variables =
        Variables.builder(Map.of()).project(project).environment(environment).build();
    DesiredState state =
        new SpecLoader(variables, RuleSettings.DEFAULT).loadText("clients.yaml", yaml);
    assertEquals(List.of(), state.diagnostics());
    return state;
  }

  @Test
  void prune_clientThatADocumentOfAnotherEnvironmentNamesByName_isKeptAndSaysWhy()
      throws IOException {
    seed("web0id", "web");
    seed("debug0id", "debug-console");
    seed("stray0id", "stray");
    DesiredState state =
        loadFor(
            "prod",
            "UserPoolId: ${pool}\nClientId: web0id\n---\n"
                + "UserPoolId: ${pool}\nClientName: debug-console\nccr: {environments: [dev]}\n");

    Plan plan = plan(state, true);

    assertEquals(List.of("stray0id"), deleted(plan), "only the client no environment declares");
    Plan.Kept kept = plan.kept().get(0);
    assertEquals(1, plan.kept().size());
    assertEquals("debug0id", kept.ref().id());
    assertEquals("declared for environment dev only", kept.reason());
    assertEquals("clients.yaml:4", kept.declaredAt().toString());
    assertFalse(plan.hasFailures());
  }

  @Test
  void prune_documentOfAnotherEnvironmentWhoseClientIdHasNoValueHere_refusesAtThatKey()
      throws IOException {
    seed("web0id", "web");
    seed("debug0id", "debug-console");
    DesiredState state =
        loadFor(
            "prod",
            "UserPoolId: ${pool}\nClientId: web0id\n---\n"
                + "UserPoolId: ${pool}\nClientId: ${debug_id}\nccr: {environments: [dev]}\n");

    Plan plan = plan(state, true);

    assertEquals(List.of(), deleted(plan), "ccr cannot tell which client the document keeps");
    Diagnostic error = plan.pruneRefused().orElseThrow().unknownDocuments().get(0);
    assertEquals(new Position(5, 1), error.position(), "at the ClientId of that document");
    assertEquals("clients.yaml", error.file());
    assertEquals(
        "--prune refused: this document belongs to environment dev only, and ClientId has no"
            + " value in environment prod, so ccr cannot tell which client it declares, and"
            + " pruning could delete it; let the document name its client in this environment"
            + " too, or run without --prune",
        error.message());
  }

  @Test
  void noPrune_documentOfAnotherEnvironmentWhoseClientIdHasNoValueHere_isNoProblem()
      throws IOException {
    seed("web0id", "web");
    DesiredState state =
        loadFor(
            "prod",
            "UserPoolId: ${pool}\nClientId: web0id\n---\n"
                + "UserPoolId: ${pool}\nClientId: ${debug_id}\nccr: {environments: [dev]}\n");

    assertFalse(plan(state, false).hasFailures());
  }

  @Test
  void prune_documentOfAnotherEnvironmentInAPoolThisRunDoesNotDeclare_doesNotRefuse()
      throws IOException {
    seed("web0id", "web");
    seed("stray0id", "stray");
    DesiredState state =
        loadFor(
            "prod",
            "UserPoolId: ${pool}\nClientId: web0id\n---\n"
                + "UserPoolId: "
                + OTHER_POOL
                + "\nClientId: ${debug_id}\nccr: {environments: [dev]}\n");

    Plan plan = plan(state, true);

    assertEquals(List.of("stray0id"), deleted(plan));
    assertTrue(plan.pruneRefused().isEmpty());
  }

  // ---- two clients with one name

  @Test
  void renameById_toTheNameAnotherDocumentCreates_isAnErrorAtBothDocuments() {
    seed("mobile0id", "mobile");

    Plan plan =
        plan(
            load(
                "UserPoolId: "
                    + POOL
                    + "\nClientId: mobile0id\nClientName: fresh-name\n---\n"
                    + "UserPoolId: "
                    + POOL
                    + "\nClientName: fresh-name\n"),
            false);

    assertEquals(
        "ClientName: pool "
            + POOL
            + " would have 2 clients named fresh-name: this document renames client mobile0id"
            + " from mobile to it, and clients.yaml:5 creates a client of that name; give each"
            + " client a name of its own (a plan that finds a client by a name that two clients"
            + " share fails)",
        onlyError(actionAt(plan, 1)));
    assertEquals(
        "ClientName: pool "
            + POOL
            + " would have 2 clients named fresh-name: this document creates a client of that"
            + " name, and clients.yaml:1 renames client mobile0id from mobile to it; give each"
            + " client a name of its own (a plan that finds a client by a name that two clients"
            + " share fails)",
        onlyError(actionAt(plan, 5)));
    assertFalse(plan.hasChanges(), "neither is written");
  }

  @Test
  void renameById_toTheNameOfAClientAnotherDocumentAdopts_isAnErrorAtBothDocuments() {
    seed("mobile0id", "mobile");
    seed("web0id", "web");

    Plan plan =
        plan(
            load(
                "UserPoolId: "
                    + POOL
                    + "\nClientId: mobile0id\nClientName: web\n---\n"
                    + "UserPoolId: "
                    + POOL
                    + "\nClientName: web\nAuthSessionValidity: 5\n"),
            false);

    assertTrue(onlyError(actionAt(plan, 1)).contains("renames client mobile0id from mobile"));
    assertTrue(
        onlyError(actionAt(plan, 5))
            .contains("client web0id has that name and this document declares it"),
        plan.toString());
  }

  @Test
  void renameById_toTheNameOfAnUndeclaredClient_isAnError() {
    seed("mobile0id", "mobile");
    seed("legacy0id", "legacy");

    Plan plan =
        plan(load("UserPoolId: " + POOL + "\nClientId: mobile0id\nClientName: legacy\n"), false);

    assertTrue(
        onlyError(actionAt(plan, 1))
            .contains(
                "this document renames client mobile0id from mobile to it, and client legacy0id"
                    + " has that name and no file declares it"),
        plan.toString());
  }

  @Test
  void renameById_toTheNameOfAClientThePlanDeletes_isAnUpdate() {
    seed("mobile0id", "mobile");
    seed("legacy0id", "legacy");

    Plan plan =
        plan(
            load(
                "UserPoolId: "
                    + POOL
                    + "\nClientId: mobile0id\nClientName: legacy\n---\n"
                    + "UserPoolId: "
                    + POOL
                    + "\nClientId: legacy0id\nccr: {state: absent}\n"),
            false);

    assertInstanceOf(ClientAction.Update.class, actionAt(plan, 1));
    assertInstanceOf(ClientAction.Delete.class, actionAt(plan, 5));
  }

  @Test
  void renameById_toTheNameOfAClientPruneDeletes_isAnUpdate() {
    seed("mobile0id", "mobile");
    seed("legacy0id", "legacy");

    Plan plan =
        plan(load("UserPoolId: " + POOL + "\nClientId: mobile0id\nClientName: legacy\n"), true);

    assertInstanceOf(ClientAction.Update.class, actionAt(plan, 1));
    assertEquals(List.of("legacy0id"), deleted(plan));
  }

  @Test
  void renamesById_thatSwapTwoNames_areUpdates() {
    seed("a0id", "alpha");
    seed("b0id", "beta");

    Plan plan =
        plan(
            load(
                "UserPoolId: "
                    + POOL
                    + "\nClientId: a0id\nClientName: beta\n---\n"
                    + "UserPoolId: "
                    + POOL
                    + "\nClientId: b0id\nClientName: alpha\n"),
            false);

    assertEquals(2, plan.count(ClientAction.Update.class), plan.toString());
  }

  // ---- deletes by id whose name does not agree

  @Test
  void absentById_withTheNameOfAnotherClient_isAnErrorAtClientNameAndNoDelete() {
    seed("adoptee0id", "adoptee");

    Plan plan =
        plan(
            load(
                "UserPoolId: "
                    + POOL
                    + "\nClientId: adoptee0id\nClientName: old-name\nccr: {state: absent}\n"),
            false);

    ClientAction.Invalid invalid = assertInstanceOf(ClientAction.Invalid.class, actionAt(plan, 1));
    Diagnostic error = invalid.diagnostics().get(0);
    assertEquals(
        "ClientName: the client with this id is named adoptee, not old-name; fix ClientName or"
            + " ClientId (a delete cannot be undone, so ccr deletes a client only when its name"
            + " agrees with the file)",
        error.message());
    assertEquals(new Position(3, 1), error.position(), "at ClientName");
    assertEquals(List.of(), deleted(plan));
  }

  @Test
  void absentById_withItsOwnName_isADelete() {
    seed("adoptee0id", "adoptee");

    Plan plan =
        plan(
            load(
                "UserPoolId: "
                    + POOL
                    + "\nClientId: adoptee0id\nClientName: adoptee\nccr: {state: absent}\n"),
            false);

    assertEquals(List.of("adoptee0id"), deleted(plan));
  }

  // ---- adoption

  @Test
  void update_ofAClientFoundByName_isMarkedAdopted_andOneFoundById_isNot() {
    seed("web0id", "web");
    seed("api0id", "api");

    Plan plan =
        plan(
            load(
                "UserPoolId: "
                    + POOL
                    + "\nClientName: web\nAuthSessionValidity: 5\n---\n"
                    + "UserPoolId: "
                    + POOL
                    + "\nClientId: api0id\nAuthSessionValidity: 5\n"),
            false);

    assertTrue(((ClientAction.Update) actionAt(plan, 1)).adopted());
    assertFalse(((ClientAction.Update) actionAt(plan, 5)).adopted());
  }

  // ---- targets

  @Test
  void target_namingAnUndeclaredClient_narrowsTheUnmanagedClientsToIt() {
    seed("web0id", "web");
    seed("stray0id", "stray");
    seed("stray1id", "stray-two");

    Plan plan = plan(load("UserPoolId: " + POOL + "\nClientId: web0id\n"), false, "stray");

    assertEquals(List.of(), plan.actions());
    assertEquals(List.of("stray0id"), plan.unmanaged().stream().map(u -> u.ref().id()).toList());
    assertEquals(List.of(), plan.unmatchedTargets());
  }

  // ---- the count of errors

  @Test
  void errorCount_countsUnreadableAndInvalidClientsAndPoolsThatFailedWithoutAClient() {
    seed("web0id", "web");
    fake.seed(OTHER_POOL, "other0id", map("ClientName", "other"), false);
    fake.failAlways(
        FakeCognitoGateway.Operation.LIST,
        OTHER_POOL,
        "",
        new GatewayException(
            GatewayException.Reason.ACCESS_DENIED,
            "AccessDeniedException",
            "ListUserPoolClients",
            "not allowed"));

    Plan plan =
        plan(
            load(
                "UserPoolId: "
                    + POOL
                    + "\nClientId: web0id\nAuthSessionValidity: 5\n---\n"
                    + "UserPoolId: "
                    + POOL
                    + "\nClientId: gone0id\n---\n"
                    + "UserPoolId: "
                    + OTHER_POOL
                    + "\nClientId: other0id\nClientName: other\n"),
            true);

    assertEquals(1, plan.count(ClientAction.Update.class));
    assertEquals(1, plan.count(ClientAction.Unreadable.class), "gone0id does not exist");
    assertEquals(2, plan.errorCount(), "gone0id, and the pool --prune needed listed");
  }
}
