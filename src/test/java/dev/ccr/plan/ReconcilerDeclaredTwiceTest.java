package dev.ccr.plan;

import static dev.ccr.plan.Clients.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.spec.DesiredState;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.SpecLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two documents that name one client, one by id and one by name, are told apart only once the pool
 * is listed: each is an error naming the other, and neither client is planned.
 */
class ReconcilerDeclaredTwiceTest {
  private static final String POOL = "us-east-1_Twice1";
  private final FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(POOL);

  private Plan plan(String yaml) {
    DesiredState state = new SpecLoader().loadText("clients.yaml", yaml);
    assertEquals(List.of(), state.diagnostics(), "each document is valid on its own");
    return new Reconciler(fake, 2, ClientReader.Listener.NONE)
        .reconcile(state, Reconciler.Options.PLAN);
  }

  private static List<String> errors(ClientAction action) {
    ClientAction.Invalid invalid = assertInstanceOf(ClientAction.Invalid.class, action);
    return invalid.diagnostics().stream()
        .filter(Diagnostic::isError)
        .map(d -> d.position().line() + " " + d.message())
        .toList();
  }

  @Test
  void aClientNamedById_andByName_isAnErrorAtBothDocuments() {
    fake.seed(POOL, "web0id", map("ClientName", "web"), false);
    Plan plan =
        plan(
            "UserPoolId: "
                + POOL
                + "\nClientId: web0id\nAuthSessionValidity: 5\n---\nUserPoolId: "
                + POOL
                + "\nClientName: web\nAuthSessionValidity: 7\n");
    assertEquals(2, plan.actions().size());
    assertEquals(
        List.of(
            "2 client web ("
                + POOL
                + "/web0id) is also declared at clients.yaml:5 (by id or by name); declare each"
                + " client once"),
        errors(plan.actions().get(0)));
    assertEquals(
        List.of(
            "6 client web ("
                + POOL
                + "/web0id) is also declared at clients.yaml:1 (by id or by name); declare each"
                + " client once"),
        errors(plan.actions().get(1)));
    assertEquals(0, plan.count(ClientAction.Update.class));
  }

  @Test
  void twoClients_oneById_oneByAnotherName_areBothPlanned() {
    fake.seed(POOL, "web0id", map("ClientName", "web"), false);
    fake.seed(POOL, "api0id", map("ClientName", "api"), false);
    Plan plan =
        plan(
            "UserPoolId: "
                + POOL
                + "\nClientId: web0id\nAuthSessionValidity: 5\n---\nUserPoolId: "
                + POOL
                + "\nClientName: api\nAuthSessionValidity: 7\n");
    assertEquals(2, plan.count(ClientAction.Update.class));
  }
}
