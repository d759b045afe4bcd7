package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.ClientReader;
import dev.ccr.live.FakeCognitoGateway;
import dev.ccr.live.FakeCognitoGateway.Operation;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.SpecLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listings started while the files are read, and taken by the plan instead of listing again. */
class EarlyListingsTest {
  private static final String EAST = "us-east-1_Early1";
  private static final String WEST = "eu-west-1_Early2";
  private final FakeCognitoGateway fake =
      new FakeCognitoGateway()
          .seed(EAST, "east0client0id", Map.of("ClientName", "web"), false)
          .seed(WEST, "west0client0id", Map.of("ClientName", "api"), false);

  private static ClientSpec spec(String pool, String name) {
    String yaml = "UserPoolId: " + pool + "\nClientName: " + name + "\n";
    return new SpecLoader().loadText(name + ".yaml", yaml).clients().get(0);
  }

  private long lists(String pool) {
    return fake.calls().stream()
        .filter(c -> c.operation() == Operation.LIST && c.userPoolId().equals(pool))
        .count();
  }

  @Test
  void aDeclaredPool_isListedOnce_andThePlanTakesThatListing() {
    EarlyListings early = new EarlyListings(() -> fake, Optional.empty(), 16);
    List<ClientSpec> specs = List.of(spec(EAST, "web"), spec(WEST, "api"));

    specs.forEach(spec -> early.declared(spec.userPoolId()));
    specs.forEach(spec -> early.declared(spec.userPoolId()));
    Optional<ClientReader.Result<List<dev.ccr.live.ClientSummary>>> east = early.take(EAST);
    assertEquals(1, lists(EAST), "listed as soon as it was declared");
    assertTrue(east.orElseThrow() instanceof ClientReader.Found, east.toString());

    Plan plan =
        new Reconciler(fake, 2, ClientReader.Listener.NONE, early)
            .reconcile(specs, Reconciler.Options.PLAN);

    assertEquals(1, lists(EAST), fake.calls().toString());
    assertEquals(1, lists(WEST), fake.calls().toString());
    assertEquals(2, plan.actions().size());
    assertTrue(
        plan.actions().stream().allMatch(a -> a instanceof ClientAction.NoOp), plan.toString());
  }

  @Test
  void aPoolOfAnotherRegionThanTheRunsOrPastTheLimit_isLeftToThePlan() {
    EarlyListings west = new EarlyListings(() -> fake, Optional.of("eu-west-1"), 16);
    west.declared(EAST);
    assertEquals(Optional.empty(), west.take(EAST));
    assertEquals(0, lists(EAST), "a pool of another region is never read early");

    EarlyListings one = new EarlyListings(() -> fake, Optional.empty(), 1);
    one.declared(WEST);
    one.declared(EAST);
    assertEquals(Optional.empty(), one.take(EAST));
    assertTrue(one.take(WEST).isPresent());

    Plan plan =
        new Reconciler(fake, 2, ClientReader.Listener.NONE, one)
            .reconcile(List.of(spec(EAST, "web"), spec(WEST, "api")), Reconciler.Options.PLAN);
    assertEquals(1, lists(EAST), "the plan lists the pool that was not listed early");
    assertEquals(1, lists(WEST), fake.calls().toString());
    assertEquals(2, plan.actions().size());
  }

  @Test
  void specLoader_tellsOfEachValidDocumentsPool_asItIsRead() {
    List<String> told = new java.util.ArrayList<>();
    dev.ccr.spec.DesiredState state =
        new SpecLoader(dev.ccr.spec.Variables.none(), dev.ccr.spec.RuleSettings.DEFAULT, told::add)
            .loadText(
                "five.yaml",
                "UserPoolId: "
                    + EAST
                    + "\nClientName: web\n---\nUserPoolId: 5\nClientName: bad\n"
                    + "---\nUserPoolId: "
                    + WEST
                    + "\nClientNam: typo\n"
                    + "---\nUserPoolId: "
                    + SpecLoader.PLACEHOLDER_POOL
                    + "\nClientName: from-init\n"
                    + "---\nUserPoolId: us-west-2_Reported1\nClientName: a\nClientName: b\n");
    assertEquals(
        List.of(EAST),
        told,
        "an invalid document (a number, a misspelt key, init's placeholder, a key twice) is not"
            + " told of: no call for it");
    assertTrue(state.hasErrors());
  }
}
