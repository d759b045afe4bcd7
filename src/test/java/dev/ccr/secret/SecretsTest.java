package dev.ccr.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Position;
import dev.ccr.spec.SecretPolicy;
import dev.ccr.spec.SourceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Planning and applying secret actions against the in-memory contract of Cognito and a store. */
class SecretsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final SecretPolicy POLICY =
      new SecretPolicy(
          Duration.ofDays(90), Duration.ofDays(7), new SecretPolicy.SsmParameter("/app/secret"));
  private static final ClientSecrets.Target TARGET =
      new ClientSecrets.Target(
          ClientRef.byId("us-east-1_Abc", "client"),
          new SourceRef("app.yaml", new Position(1, 1)),
          POLICY,
          "us-east-1");

  private static Secrets at(FakeSecrets fake, Duration later) {
    return new Secrets(fake, fake, Clock.fixed(T0.plus(later), ZoneOffset.UTC));
  }

  private static List<String> labels(ClientSecrets planned) {
    return planned.actions().stream().map(SecretAction::label).toList();
  }

  private static Secrets.Outcome run(FakeSecrets fake, Duration later) {
    Secrets secrets = at(fake, later);
    return secrets.apply(TARGET, secrets.plan(TARGET, false));
  }

  @Test
  void aNewConfidentialClient_getsASecretDelivered_andItsUnheldFirstSecretRetiredAfterGrace() {
    FakeSecrets fake = new FakeSecrets(Clock.fixed(T0, ZoneOffset.UTC), 1);
    assertEquals(List.of("deliver"), labels(at(fake, Duration.ZERO).plan(TARGET, false)));
    assertEquals(Optional.empty(), run(fake, Duration.ZERO).failure());
    assertTrue(fake.storeHoldsALiveSecret());
    assertEquals(List.of(), labels(at(fake, Duration.ofDays(6)).plan(TARGET, false)));
    Duration afterGrace = Duration.ofDays(7).plusMinutes(1);
    assertEquals(List.of("retire"), labels(at(fake, afterGrace).plan(TARGET, false)));
    run(fake, afterGrace);
    assertEquals(1, fake.secrets().size());
    assertTrue(fake.storeHoldsALiveSecret());
  }

  @Test
  void policyViolations_nameTheAgeAndTheGrace() {
    FakeSecrets fake = new FakeSecrets(Clock.fixed(T0, ZoneOffset.UTC), 1);
    run(fake, Duration.ZERO);
    List<String> found =
        at(fake, Duration.ofDays(100).plusHours(1)).plan(TARGET, false).violations();
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.get(0).contains("100 days old, older than rotateAfter 90 days"), found.get(0));
    assertTrue(found.get(1).contains("past the grace period of 7 days"), found.get(1));
    assertEquals(
        List.of("ssmParameter:/app/secret holds no secret of this client"),
        at(new FakeSecrets(Clock.fixed(T0, ZoneOffset.UTC), 1), Duration.ZERO)
            .plan(TARGET, false)
            .violations());
  }

  @Test
  void aRefusingStore_leavesTheDeliveredSecret_andReruns_neverExceedTwoSecrets() {
    FakeSecrets fake = new FakeSecrets(Clock.fixed(T0, ZoneOffset.UTC), 1);
    run(fake, Duration.ZERO);
    run(fake, Duration.ofDays(8));
    String delivered = fake.heldId.orElseThrow();
    fake.refuseWrites = true;
    for (int rerun = 0; rerun < 3; rerun++) {
      Secrets.Outcome outcome = run(fake, Duration.ofDays(100));
      assertTrue(outcome.failure().orElseThrow().contains("did not deliver"), outcome.toString());
      assertTrue(fake.storeHoldsALiveSecret(), "after rerun " + rerun);
      assertEquals(Optional.of(delivered), fake.heldId);
      assertEquals(2, fake.secrets().size());
    }
    fake.refuseWrites = false;
    assertEquals(Optional.empty(), run(fake, Duration.ofDays(100)).failure());
    assertTrue(fake.storeHoldsALiveSecret());
    assertFalse(fake.heldId.equals(Optional.of(delivered)));
  }

  @Test
  void apply_refusesAStalePlan_andDoesNothing() {
    FakeSecrets fake = new FakeSecrets(Clock.fixed(T0, ZoneOffset.UTC), 1);
    Secrets secrets = at(fake, Duration.ZERO);
    ClientSecrets planned = secrets.plan(TARGET, false);
    run(fake, Duration.ZERO);
    fake.calls.clear();
    Secrets.Outcome stale = secrets.apply(TARGET, planned);
    assertTrue(stale.failure().orElseThrow().startsWith("stale"), stale.toString());
    assertFalse(fake.calls.contains("add"));
  }

  @Test
  void incident_retiresWhatTheStoreDoesNotHold_thenRotates_keepingTheDeliveredSecret() {
    FakeSecrets fake = new FakeSecrets(Clock.fixed(T0, ZoneOffset.UTC), 1);
    run(fake, Duration.ZERO);
    String delivered = fake.heldId.orElseThrow();
    Secrets secrets = at(fake, Duration.ofHours(1));
    ClientSecrets planned = secrets.plan(TARGET, true);
    assertEquals(List.of("retire", "rotate"), labels(planned));
    assertEquals(Optional.empty(), secrets.apply(TARGET, planned).failure());
    assertTrue(fake.secrets().stream().anyMatch(s -> s.id().equals(delivered)));
    assertTrue(fake.storeHoldsALiveSecret());
  }

  @Test
  void theHeldSecret_isNeverRetired_evenWhenItIsTheOlder() {
    FakeSecrets fake = new FakeSecrets(Clock.fixed(T0, ZoneOffset.UTC), 2);
    String older = fake.secrets().get(0).id();
    fake.heldId = Optional.of(older);
    ClientSecrets planned = at(fake, Duration.ofDays(30)).plan(TARGET, false);
    SecretAction.Retire retire = (SecretAction.Retire) planned.actions().get(0);
    assertFalse(retire.secret().id().equals(older));
    assertTrue(retire.reason().contains("held by no store"), retire.reason());
  }

  @Test
  void aClientWithoutSecrets_hasNoActionsAndAViolation() {
    FakeSecrets fake = new FakeSecrets(Clock.fixed(T0, ZoneOffset.UTC), 0);
    ClientSecrets planned = at(fake, Duration.ZERO).plan(TARGET, false);
    assertEquals(List.of(), planned.actions());
    assertTrue(planned.violations().get(0).contains("GenerateSecret"));
  }

  @Test
  void failures_neverCarryTheValue_evenWhenTheServiceEchoesIt() {
    String value = "s3cr3tvalue" + "y".repeat(30);
    AwsServiceException echoed =
        AwsServiceException.builder()
            .message("bad request " + value)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ValidationException")
                    .errorMessage("SecretString " + value + " is invalid")
                    .build())
            .build();
    SecretException failure =
        AwsSecretGateway.failure("secretsmanager:PutSecretValue", "secret x", echoed, value);
    assertFalse(failure.getMessage().contains(value), failure.getMessage());
    assertTrue(failure.getMessage().contains("ValidationException"));
    assertEquals(null, failure.getCause());
    NewSecret made = new NewSecret(new SecretDescriptor("c--1", T0), value);
    assertFalse(made.toString().contains(value));
  }

  @Test
  void moved_isEmptyWhileTheSecretsAreAsPlanned_andNamesThemOnceTheyMoved() {
    FakeSecrets fake = new FakeSecrets(Clock.fixed(T0, ZoneOffset.UTC), 1);
    Secrets secrets = at(fake, Duration.ZERO);
    ClientSecrets planned = secrets.plan(TARGET, false);
    assertEquals(Optional.empty(), secrets.moved(TARGET, planned));

    run(fake, Duration.ZERO);

    String moved = secrets.moved(TARGET, planned).orElseThrow();
    assertTrue(moved.startsWith("its secrets changed since the plan (planned "), moved);
    assertTrue(moved.contains("the store holds none, now "), moved);
    assertTrue(moved.contains("the store holds " + fake.heldId.orElseThrow() + ")"), moved);
  }
}
