package dev.ccr.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsOptions;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.Position;
import dev.ccr.spec.SecretPolicy;
import dev.ccr.spec.SourceRef;
import dev.ccr.testing.MotoSecrets;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;

/**
 * Rotation step by step against the emulator (moto with Cognito's client-secret operations): after
 * every step the store holds a value that is one of the client's live secrets, checked with the SDK
 * directly, independent of the code under test.
 */
@ExtendWith(MotoServer.class)
class SecretRotationMotoTest {
  private static final Duration DAY = Duration.ofDays(1);
  private static final SecretPolicy.Store STORE = new SecretPolicy.SecretsManager("prod/web-app");

  private String pool;
  private String client;
  private AwsSecrets aws;
  private MotoSecrets emulator;
  private CognitoIdentityProviderClient cognito;
  private final Instant start = Instant.now();

  @BeforeEach
  void seed(URI moto) {
    try (MotoSeeder seeder = new MotoSeeder(moto)) {
      pool = seeder.createUserPool();
      client = seeder.createClient(pool, "web-app", true, b -> {}).clientId();
    }
    aws =
        AwsSecrets.open(
            new AwsOptions(Optional.empty(), Optional.empty(), Optional.of(moto)),
            MotoSeeder.CREDENTIALS);
    emulator = new MotoSecrets(moto);
    cognito = emulator.cognito();
  }

  @AfterEach
  void close() {
    aws.close();
    emulator.close();
  }

  private ClientSecrets.Target target(SecretPolicy.Store store) {
    return new ClientSecrets.Target(
        ClientRef.byId(pool, client),
        new SourceRef("web-app.yaml", new Position(1, 1)),
        new SecretPolicy(Duration.ofDays(90), Duration.ofDays(7), store),
        "us-east-1");
  }

  /**
   * Secrets planned {@code later} than the newest secret was created: the emulator dates secrets by
   * the real clock, the plan's clock is moved past them.
   */
  private Secrets at(Duration later, SecretStore store) {
    Instant newest =
        cognito
            .listUserPoolClientSecrets(b -> b.userPoolId(pool).clientId(client))
            .clientSecrets()
            .stream()
            .map(d -> d.clientSecretCreateDate())
            .max(Instant::compareTo)
            .orElse(start);
    return new Secrets(aws.gateway(), store, Clock.fixed(newest.plus(later), ZoneOffset.UTC));
  }

  /** Plans and applies at a moment, asserting the planned labels and that nothing failed. */
  private Secrets.Outcome step(Duration later, SecretStore store, String... labels) {
    Secrets secrets = at(later, store);
    ClientSecrets planned = secrets.plan(target(STORE), false);
    assertEquals(Optional.empty(), planned.error());
    assertEquals(List.of(labels), planned.actions().stream().map(SecretAction::label).toList());
    return secrets.apply(target(STORE), planned);
  }

  private List<String> liveIds() {
    return emulator.liveIds(pool, client);
  }

  private String storeValue(String stage) {
    return emulator.secretValue(STORE.name(), stage);
  }

  /**
   * The store's value is a secret Cognito accepts: the value Describe returns right after delivery
   * is remembered by id, and at every later step the id that value belongs to is still live.
   */
  private void assertStoreHoldsALiveSecret(List<String[]> known) {
    String value = storeValue("AWSCURRENT");
    String id =
        known.stream()
            .filter(k -> k[1].equals(value))
            .map(k -> k[0])
            .findFirst()
            .orElseThrow(() -> new AssertionError("the store holds a value no step delivered"));
    assertTrue(liveIds().contains(id), "the store holds " + id + ", which Cognito no longer has");
  }

  /** Records the value just delivered: the newest live secret, whose value Describe shows. */
  private void remember(List<String[]> known) {
    List<String> ids = liveIds();
    String newest = ids.get(ids.size() - 1);
    String described = emulator.described(pool, client);
    assertEquals(described, storeValue("AWSCURRENT"), "the store holds the newest secret");
    known.add(new String[] {newest, described});
  }

  @Test
  void rotation_stepByStep_theStoreAlwaysHoldsALiveSecret() {
    List<String[]> known = new ArrayList<>();
    SecretStore store = aws.store();

    assertEquals(List.of(), step(Duration.ZERO, store, "deliver").failure().stream().toList());
    assertEquals(2, liveIds().size(), "delivery adds a second secret and keeps the first");
    remember(known);
    assertStoreHoldsALiveSecret(known);

    assertEquals(List.of(), at(DAY, store).plan(target(STORE), false).actions(), "within grace");

    step(Duration.ofDays(8), store, "retire");
    assertEquals(List.of(known.get(0)[0]), liveIds(), "the delivered secret is kept");
    assertStoreHoldsALiveSecret(known);

    step(Duration.ofDays(91), store, "rotate");
    assertEquals(2, liveIds().size());
    String previous = known.get(0)[1];
    remember(known);
    assertStoreHoldsALiveSecret(known);
    assertEquals(previous, storeValue("AWSPREVIOUS"), "the old version is AWSPREVIOUS");

    step(DAY, store);
    step(Duration.ofDays(8), store, "retire");
    assertEquals(List.of(known.get(1)[0]), liveIds());
    assertStoreHoldsALiveSecret(known);
    assertEquals(List.of(), at(DAY, store).plan(target(STORE), false).violations());
  }

  /** A store whose writes fail, as if the process died between Add and the write. */
  private SecretStore failingWrites(SecretStore real) {
    return new SecretStore() {
      @Override
      public Optional<String> heldId(
          SecretPolicy.Store store, String region, Collection<String> candidates) {
        return real.heldId(store, region, candidates);
      }

      @Override
      public void write(SecretPolicy.Store store, String region, String secretId, String value) {
        throw new SecretException("secretsmanager:PutSecretValue", "connection reset");
      }
    };
  }

  @Test
  void failureBetweenAddAndDelivery_keepsTheDeliveredSecretAndTheNextRunRepairs() {
    List<String[]> known = new ArrayList<>();
    step(Duration.ZERO, aws.store(), "deliver");
    remember(known);
    step(Duration.ofDays(8), aws.store(), "retire");

    Clock rotation = at(Duration.ofDays(91), aws.store()).clock();
    Secrets.Outcome failed = step(Duration.ofDays(91), failingWrites(aws.store()), "rotate");
    assertTrue(failed.failure().orElseThrow().contains("did not deliver"), failed.toString());
    assertEquals(2, liveIds().size(), "the undelivered secret exists");
    assertStoreHoldsALiveSecret(known);

    Secrets secrets = new Secrets(aws.gateway(), aws.store(), rotation);
    ClientSecrets repair = secrets.plan(target(STORE), false);
    assertEquals(
        List.of("retire", "rotate"), repair.actions().stream().map(SecretAction::label).toList());
    SecretAction.Retire retire =
        assertInstanceOf(SecretAction.Retire.class, repair.actions().get(0));
    assertFalse(
        retire.secret().id().equals(known.get(0)[0]), "the delivered secret is not retired");

    Secrets.Outcome rerun = secrets.apply(target(STORE), repair);
    assertEquals(Optional.empty(), rerun.failure());
    remember(known);
    assertStoreHoldsALiveSecret(known);
    assertEquals(List.of(known.get(0)[0], known.get(1)[0]), liveIds());
  }

  @Test
  void aStoreThatRefusesTheWrite_neverGrowsPastTwoSecretsAndTheRerunRetriesSafely() {
    SecretPolicy.Store refused =
        new SecretPolicy.SecretsManager(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:missing-AbCdEf");
    Secrets secrets = at(Duration.ZERO, aws.store());
    ClientSecrets planned = secrets.plan(target(refused), false);
    assertEquals(List.of("deliver"), planned.actions().stream().map(SecretAction::label).toList());
    Secrets.Outcome first = secrets.apply(target(refused), planned);
    assertTrue(
        first.failure().orElseThrow().contains("ResourceNotFoundException"), first.toString());
    assertEquals(2, liveIds().size());

    for (int run = 0; run < 2; run++) {
      ClientSecrets again = secrets.plan(target(refused), false);
      assertEquals(
          List.of("retire", "deliver"), again.actions().stream().map(SecretAction::label).toList());
      Secrets.Outcome outcome = secrets.apply(target(refused), again);
      assertTrue(outcome.failure().orElseThrow().contains("did not deliver"), outcome.toString());
      assertEquals(2, liveIds().size(), "the undelivered secret was retired before the next Add");
    }
  }

  @Test
  void ssmParameter_holdsTheValueAndRecordsTheIdInTheSameWrite() {
    SecretPolicy.Store parameter = new SecretPolicy.SsmParameter("/prod/web-app/client-secret");
    Secrets secrets = at(Duration.ZERO, aws.store());
    Secrets.Outcome outcome =
        secrets.apply(target(parameter), secrets.plan(target(parameter), false));
    assertEquals(Optional.empty(), outcome.failure());
    String newest = liveIds().get(1);
    assertEquals(
        Optional.of(emulator.described(pool, client)), emulator.parameterValue(parameter.name()));
    assertEquals(Optional.of(newest), aws.store().heldId(parameter, "us-east-1", liveIds()));
    assertEquals(List.of(), secrets.plan(target(parameter), false).actions());
  }

  @Test
  void emulator_keepsCognitosContract() {
    cognito.addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client));
    LimitExceededException third =
        org.junit.jupiter.api.Assertions.assertThrows(
            LimitExceededException.class,
            () -> cognito.addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client)));
    assertTrue(third.getMessage().contains("2"), third.getMessage());
    List<String> ids = liveIds();
    cognito.deleteUserPoolClientSecret(
        b -> b.userPoolId(pool).clientId(client).clientSecretId(ids.get(0)));
    org.junit.jupiter.api.Assertions.assertThrows(
        InvalidParameterException.class,
        () ->
            cognito.deleteUserPoolClientSecret(
                b -> b.userPoolId(pool).clientId(client).clientSecretId(ids.get(1))));
    assertTrue(
        cognito
            .listUserPoolClientSecrets(b -> b.userPoolId(pool).clientId(client))
            .clientSecrets()
            .stream()
            .allMatch(d -> d.clientSecretValue() == null),
        "List returns no values");
    String custom = "abcdefghijklmnopqrstuvwxyz0123";
    assertEquals(
        null,
        cognito
            .addUserPoolClientSecret(b -> b.userPoolId(pool).clientId(client).clientSecret(custom))
            .clientSecretDescriptor()
            .clientSecretValue(),
        "a value the caller gave is not returned");
    assertEquals(
        custom,
        cognito
            .describeUserPoolClient(b -> b.userPoolId(pool).clientId(client))
            .userPoolClient()
            .clientSecret(),
        "Describe shows the newest secret");
  }
}
