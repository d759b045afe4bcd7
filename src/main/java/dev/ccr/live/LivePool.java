package dev.ccr.live;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What plan needs to know of a user pool to check its clients against it, as read once per pool and
 * run: its description (DescribeUserPool), its resource servers (ListResourceServers) and its
 * identity providers (ListIdentityProviders). Each part is read on its own and may have failed
 * (access denied, for one): the checks that need it are then skipped.
 */
public record LivePool(
    String userPoolId,
    ClientReader.Result<Description> description,
    ClientReader.Result<List<ResourceServer>> resourceServers,
    ClientReader.Result<List<String>> identityProviders) {

  public LivePool {
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(resourceServers, "resourceServers");
    Objects.requireNonNull(identityProviders, "identityProviders");
  }

  /**
   * The parts of DescribeUserPool that concern app clients.
   *
   * @param tier the feature plan ({@code LITE}, {@code ESSENTIALS}, {@code PLUS}), empty when
   *     Cognito does not say
   * @param hasDomain whether the pool has a managed login domain ({@code Domain} or {@code
   *     CustomDomain}), which the OAuth flows need
   * @param schema the pool's user attributes, standard and custom ({@code custom:tenant})
   */
  public record Description(
      Optional<String> tier, boolean hasDomain, List<SchemaAttribute> schema) {
    public Description {
      Objects.requireNonNull(tier, "tier");
      schema = List.copyOf(schema);
    }
  }

  /** One user attribute of the pool's schema; a client may write only a mutable one. */
  public record SchemaAttribute(String name, boolean mutable) {
    public SchemaAttribute {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A resource server: its identifier and its scopes, which a client requests as {@code
   * identifier/scope}.
   */
  public record ResourceServer(String identifier, List<String> scopes) {
    public ResourceServer {
      Objects.requireNonNull(identifier, "identifier");
      scopes = List.copyOf(scopes);
    }
  }
}
