package dev.ccr.secret;

import dev.ccr.spec.SecretPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client's secrets and one store in memory, keeping Cognito's documented contract: at most two
 * secrets (a third Add fails like LimitExceededException), the last one cannot be deleted, a value
 * only from Add. The store can be told to refuse writes.
 */
final class FakeSecrets implements SecretGateway, SecretStore {
  private final Clock clock;
  private final List<SecretDescriptor> secrets = new ArrayList<>();
  private final Map<String, String> values = new HashMap<>();
  private int made;

  /** What the store holds: the id and its value. */
  Optional<String> heldId = Optional.empty();

  Optional<String> heldValue = Optional.empty();
  boolean refuseWrites;
  final List<String> calls = new ArrayList<>();

  FakeSecrets(Clock clock, int initialSecrets) {
    this.clock = clock;
    for (int i = 0; i < initialSecrets; i++) {
      make();
    }
  }

  private NewSecret make() {
    Instant now = clock.instant().plusSeconds(made);
    SecretDescriptor d = new SecretDescriptor("client--" + now.getEpochSecond(), now);
    String value = "value" + made++ + "x".repeat(40);
    secrets.add(d);
    values.put(d.id(), value);
    return new NewSecret(d, value);
  }

  List<SecretDescriptor> secrets() {
    return List.copyOf(secrets);
  }

  /** Whether the store's value is one Cognito accepts. */
  boolean storeHoldsALiveSecret() {
    return heldValue.isPresent()
        && secrets.stream().anyMatch(s -> values.get(s.id()).equals(heldValue.get()));
  }

  @Override
  public List<SecretDescriptor> list(String userPoolId, String clientId) {
    calls.add("list");
    return List.copyOf(secrets);
  }

  @Override
  public NewSecret add(String userPoolId, String clientId) {
    calls.add("add");
    if (secrets.size() >= 2) {
      throw new SecretException(AwsSecretGateway.ADD, "LimitExceededException: two secrets");
    }
    return make();
  }

  @Override
  public void delete(String userPoolId, String clientId, String secretId) {
    calls.add("delete " + secretId);
    if (secrets.size() == 1) {
      throw new SecretException(AwsSecretGateway.DELETE, "InvalidParameterException: last secret");
    }
    if (!secrets.removeIf(s -> s.id().equals(secretId))) {
      throw new SecretException(AwsSecretGateway.DELETE, "ResourceNotFoundException");
    }
  }

  @Override
  public Optional<String> heldId(
      SecretPolicy.Store store, String region, Collection<String> candidates) {
    return heldId;
  }

  @Override
  public void write(SecretPolicy.Store store, String region, String secretId, String value) {
    calls.add("write " + secretId);
    if (refuseWrites) {
      throw new SecretException("ssm:PutParameter", "AccessDeniedException: not allowed");
    }
    heldId = Optional.of(secretId);
    heldValue = Optional.of(value);
  }
}
