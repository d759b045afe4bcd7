package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacing arithmetic on a fake clock: waiting advances the clock, nothing sleeps. */
class PacerTest {
  private static final long MS = 1_000_000L;
  private static final String DESCRIBE = "DescribeUserPoolClient";
  private static final String UPDATE = "UpdateUserPoolClient";

  private long now = 1_000 * MS;
  private final List<Long> sent = new ArrayList<>();
  private final Pacer pacer = new Pacer(Pacing.cognitoQuotas(), () -> now, nanos -> now += nanos);

  /** Sends one request: waits for its turn and records the time it went (ms since start). */
  private void send(String operation, String pool) throws InterruptedException {
    pacer.acquire("us-east-1", operation, pool);
    sent.add(now / MS - 1_000);
  }

  @Test
  void burst_fourReadsGoAtOnceThenOnePerInterval() throws InterruptedException {
    for (int i = 0; i < 7; i++) {
      send(DESCRIBE, "pool" + i);
    }
    assertEquals(List.of(0L, 0L, 0L, 0L, 66L, 133L, 200L), sent);
  }

  @Test
  void burst_leavesRoomForUnevenLatency_aBucketOfAThirdOfASecondNeverThrottles()
      throws InterruptedException {
    List<Double> arrivals = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      send(DESCRIBE, "pool" + (i % 10));
      // Every other request takes 30 ms longer to arrive than the ones around it.
      arrivals.add(sent.get(i) / 1000.0 + (i % 2 == 0 ? 0.030 : 0));
    }
    arrivals.sort(null);
    // Cognito's read bucket as bench/quota_proxy.py models it: 15 per second, 5 tokens.
    double tokens = 5;
    double last = 0;
    int throttled = 0;
    for (double at : arrivals) {
      tokens = Math.min(5, tokens + (at - last) * 15);
      last = at;
      if (tokens < 1) {
        throttled++;
      } else {
        tokens--;
      }
    }
    assertEquals(0, throttled);
  }

  @Test
  void steadyRate_readsOverManyPoolsGoAtFifteenPerSecond() throws InterruptedException {
    for (int i = 0; i < 154; i++) {
      send(DESCRIBE, "pool" + (i % 10));
    }
    // 4 at once, then 150 more at 15 per second: 10 seconds.
    assertEquals(10_000, sent.get(153), 1);
  }

  @Test
  void perPoolLimit_oneOperationOnOnePoolGoesAtFivePerSecond() throws InterruptedException {
    for (int i = 0; i < 11; i++) {
      send(DESCRIBE, "poolA");
    }
    assertEquals(List.of(0L, 200L, 400L, 600L, 800L, 1000L), sent.subList(0, 6));
    assertEquals(2_000, sent.get(10), 1);
  }

  @Test
  void perPoolLimit_otherPoolsAndOperationsAreNotHeldUp() throws InterruptedException {
    send(DESCRIBE, "poolA");
    send(DESCRIBE, "poolA");
    send(DESCRIBE, "poolB");
    send(UPDATE, "poolA");
    assertEquals(List.of(0L, 200L, 200L, 200L), sent);
  }

  @Test
  void writes_havetheirOwnCategory() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      send(DESCRIBE, "pool" + i);
    }
    send(UPDATE, "pool9");
    assertEquals(0, sent.get(4));
  }

  @Test
  void poolReads_haveTheirOwnCategories_andArePacedWithinThem() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      send(DESCRIBE, "pool" + i);
    }
    send("DescribeUserPool", "pool9");
    send("ListResourceServers", "pool9");
    send("ListIdentityProviders", "pool9");
    assertEquals(List.of(0L, 0L, 0L), sent.subList(4, 7), "app-client reads hold none of them up");
    for (int i = 0; i < 4; i++) {
      send("DescribeUserPool", "pool" + i);
    }
    assertEquals(List.of(0L, 0L, 0L), sent.subList(7, 10), "the rest of the category's burst");
    assertEquals(66L, sent.get(10), "the fifth DescribeUserPool waits for its category's turn");
  }

  @Test
  void reserve_booksFutureTurnsForConcurrentCallers() {
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      waits.add(pacer.reserve("us-east-1", DESCRIBE, "pool" + i) / MS);
    }
    // Eight threads ask at the same instant: four go, the others get turns 1/15 s apart.
    assertEquals(List.of(0L, 0L, 0L, 0L, 66L, 133L, 200L, 266L), waits);
  }

  @Test
  void regions_arePacedSeparately() {
    for (int i = 0; i < 4; i++) {
      pacer.reserve("us-east-1", DESCRIBE, "pool" + i);
    }
    assertEquals(0, pacer.reserve("eu-west-1", DESCRIBE, "poolX"));
    assertTrue(pacer.reserve("us-east-1", DESCRIBE, "poolY") > 0);
  }

  @Test
  void throttle_aLoneOneCostsTheBurstOnly() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      send(DESCRIBE, "pool" + i);
    }
    pacer.throttled("us-east-1", DESCRIBE, "pool0");
    assertEquals(15.0, pacer.categoryRate("us-east-1", DESCRIBE), 1e-9, "the rate stays");
    sent.clear();
    for (int i = 0; i < 3; i++) {
      send(DESCRIBE, "pool" + (i + 5));
    }
    // No burst after the throttle: one request per 1/15 s, the first one interval late.
    assertEquals(List.of(133L, 200L, 266L), sent);
    now += 11_000 * MS;
    pacer.throttled("us-east-1", DESCRIBE, "pool1");
    assertEquals(15.0, pacer.categoryRate("us-east-1", DESCRIBE), 1e-9, "11 s apart: alone too");
  }

  @Test
  void throttle_requestsAlreadyOnTheirWay_belongToTheSameEvent() throws InterruptedException {
    long[] booked = new long[4];
    for (int i = 0; i < 4; i++) {
      booked[i] = pacer.acquire("us-east-1", DESCRIBE, "pool" + i);
    }
    now += 50 * MS;
    pacer.throttled("us-east-1", DESCRIBE, "pool0", booked[0]);
    pacer.throttled("us-east-1", DESCRIBE, "pool1", booked[1]);
    pacer.throttled("us-east-1", DESCRIBE, "pool2", booked[2]);
    assertEquals(15.0, pacer.categoryRate("us-east-1", DESCRIBE), 1e-9, "one event, no halving");
    long after = pacer.acquire("us-east-1", DESCRIBE, "pool5");
    now = after + 50 * MS;
    pacer.throttled("us-east-1", DESCRIBE, "pool5", after);
    assertEquals(7.5, pacer.categoryRate("us-east-1", DESCRIBE), 0.01, "sent after: a repeat");
  }

  @Test
  void throttle_repeatedWithinTenSeconds_halvesTheRate() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      send(DESCRIBE, "pool" + i);
    }
    pacer.throttled("us-east-1", DESCRIBE, "pool0");
    now += 5_000 * MS;
    pacer.throttled("us-east-1", DESCRIBE, "pool0");
    assertEquals(7.5, pacer.categoryRate("us-east-1", DESCRIBE), 0.01);
    assertEquals(2, pacer.throttles());
    sent.clear();
    for (int i = 0; i < 4; i++) {
      send(DESCRIBE, "pool" + (i + 5));
    }
    // No burst after a throttle, then about one request per 1/7.5 s = 133 ms instead of 67 ms;
    // the rate creeps back up meanwhile.
    assertEquals(5_133, sent.get(0), 1);
    for (int i = 1; i < 4; i++) {
      long gap = sent.get(i) - sent.get(i - 1);
      assertTrue(gap >= 125 && gap <= 145, "gap " + gap + " ms");
    }
  }

  @Test
  void throttle_repeatedSlowsDownFurtherButNotToZero() {
    for (int i = 0; i < 10; i++) {
      now += MS; // each request sent after the previous throttle came back
      pacer.throttled("us-east-1", DESCRIBE, "pool0");
    }
    assertEquals(15.0 / 16, pacer.categoryRate("us-east-1", DESCRIBE), 1e-9);
  }

  @Test
  void throttle_rateRecoversAdditivelyToTheQuota() {
    pacer.throttled("us-east-1", DESCRIBE, "pool0");
    now += 1; // the repeat's request left after the first throttle came back
    pacer.throttled("us-east-1", DESCRIBE, "pool0");
    assertEquals(7.5, pacer.categoryRate("us-east-1", DESCRIBE), 1e-9);
    now += 1_000 * MS;
    assertEquals(9.0, pacer.categoryRate("us-east-1", DESCRIBE), 1e-9);
    now += 4_000 * MS;
    assertEquals(15.0, pacer.categoryRate("us-east-1", DESCRIBE), 1e-9);
    now += 60_000 * MS;
    assertEquals(15.0, pacer.categoryRate("us-east-1", DESCRIBE), 1e-9);
  }

  @Test
  void overrides_lowerRatesScaleThePerPoolLimit() throws InterruptedException {
    Pacer slow = new Pacer(new Pacing(3, 3), () -> now, nanos -> now += nanos);
    long start = now;
    for (int i = 0; i < 4; i++) {
      slow.acquire("us-east-1", DESCRIBE, "poolA");
    }
    // 3 per second for the category, 1 per second for one operation on one pool.
    assertEquals(3_000, (now - start) / MS);
  }

  @Test
  void pacing_rejectsNonPositiveRates() {
    assertThrows(IllegalArgumentException.class, () -> new Pacing(0, 15));
    assertThrows(IllegalArgumentException.class, () -> new Pacing(15, Double.NaN));
  }

  @Test
  void category_ofOperations() {
    assertEquals(Pacer.Category.READ, Pacer.Category.of("ListUserPoolClients"));
    assertEquals(Pacer.Category.WRITE, Pacer.Category.of("DeleteUserPoolClient"));
    assertEquals(Pacer.Category.POOL_READ, Pacer.Category.of("DescribeUserPool"));
    assertEquals(Pacer.Category.RESOURCE_READ, Pacer.Category.of("ListResourceServers"));
    assertEquals(Pacer.Category.RESOURCE_READ, Pacer.Category.of("ListIdentityProviders"));
    assertEquals(Pacer.Category.OTHER, Pacer.Category.of("AdminGetUser"));
  }

  @Test
  void isThrottle_recognisesCognitosAnswer() {
    assertTrue(PacingInterceptor.isThrottle(400, "TooManyRequestsException:http://internal"));
    assertTrue(PacingInterceptor.isThrottle(429, ""));
    assertEquals(false, PacingInterceptor.isThrottle(400, "InvalidParameterException"));
  }
}
