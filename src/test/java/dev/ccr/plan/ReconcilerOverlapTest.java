package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.ClientReader;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.FakeCognitoGateway;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Plan's reads of a pool for its checks (DescribeUserPool and the rest, other quota categories) do
 * not wait for the listing of the pool's clients: they run beside it.
 */
class ReconcilerOverlapTest {
  @Test
  void plan_readsThePoolForItsChecksWhileItsClientsAreListed() {
    FakeCognitoGateway fake = new FakeCognitoGateway().seedPool(ReconcilerChecksTest.POOL);
    fake.seed(
        ReconcilerChecksTest.POOL,
        ReconcilerChecksTest.ID,
        Map.of("ClientName", "web", "RefreshTokenValidity", 30),
        false);
    CountDownLatch described = new CountDownLatch(1);
    AtomicBoolean describedDuringListing = new AtomicBoolean();
    // Every call goes to the fake; ListUserPoolClients first waits (up to 5 s) for
    // DescribeUserPool.
    CognitoGateway gateway =
        (CognitoGateway)
            Proxy.newProxyInstance(
                CognitoGateway.class.getClassLoader(),
                new Class<?>[] {CognitoGateway.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("list")) {
                    describedDuringListing.set(described.await(5, TimeUnit.SECONDS));
                  }
                  try {
                    return method.invoke(fake, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  } finally {
                    if (method.getName().equals("describePool")) {
                      described.countDown();
                    }
                  }
                });

    Plan plan =
        new Reconciler(gateway, 2, ClientReader.Listener.NONE)
            .reconcile(
                List.of(ReconcilerChecksTest.byName("web", "RefreshTokenValidity", 10)),
                Reconciler.Options.PLAN);

    assertTrue(describedDuringListing.get(), "DescribeUserPool ran while the pool was listed");
    assertEquals(1, plan.actions().size(), plan.toString());
    assertTrue(plan.actions().get(0) instanceof ClientAction.Update, plan.toString());
  }

  @Test
  void plan_reportsAPoolThatDoesNotExistOnceThoughItsReadsStartedWithTheListing() {
    FakeCognitoGateway fake = new FakeCognitoGateway();

    Plan plan =
        new Reconciler(fake, 2, ClientReader.Listener.NONE)
            .reconcile(
                List.of(ReconcilerChecksTest.byName("web", "RefreshTokenValidity", 10)),
                Reconciler.Options.PLAN);

    assertEquals(1, plan.poolProblems().size(), plan.toString());
    assertEquals(List.of(), plan.diagnostics(), "no note about the pool's checks");
    assertEquals(1, plan.actions().size(), plan.toString());
    assertTrue(plan.actions().get(0) instanceof ClientAction.Unreadable, plan.toString());
  }
}
