package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.GatewayException;
import dev.ccr.live.LivePool;
import dev.ccr.spec.Configuration;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.ErrorRule;
import dev.ccr.spec.Severity;
import dev.ccr.spec.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks of a client's configuration against its user pool, made at plan time on what a write
 * would send: custom scopes exist in the pool's resource servers, identity providers exist in the
 * pool, read and write attributes exist in the pool's schema (and write attributes are mutable),
 * {@code ALLOW_USER_AUTH} has a tier that offers it, and OAuth flows have a domain to run on (a
 * warning). Cognito refuses the first four at apply time (ScopeDoesNotExistException,
 * InvalidParameterException, FeatureUnavailableInTierException); checking them here keeps a plan
 * that passes an apply that succeeds. A part of the pool that could not be read skips the checks
 * that need it ({@link #skipped}).
 */
final class PoolChecks {
  /** The scopes every pool has (see AllowedOAuthScopes in the UpdateUserPoolClient reference). */
  static final List<String> STANDARD_SCOPES =
      List.of("phone", "email", "openid", "profile", "aws.cognito.signin.user.admin");

  /**
   * The standard attributes every user pool has (see "Standard attributes" in the Cognito developer
   * guide), whether or not DescribeUserPool lists them; {@code sub} is the one no client writes.
   */
  static final List<String> STANDARD_ATTRIBUTES =
      List.of(
          "sub",
          "identities",
          "address",
          "birthdate",
          "email",
          "email_verified",
          "family_name",
          "gender",
          "given_name",
          "locale",
          "middle_name",
          "name",
          "nickname",
          "phone_number",
          "phone_number_verified",
          "picture",
          "preferred_username",
          "profile",
          "updated_at",
          "website",
          "zoneinfo");

  /** The identity providers a client may name without the pool listing them. */
  static final Set<String> BUILT_IN_PROVIDERS =
      Set.of("COGNITO", "Facebook", "Google", "SignInWithApple", "LoginWithAmazon");

  private final Configuration config;
  private final LivePool pool;
  private final List<Diagnostic> found = new ArrayList<>();

  private PoolChecks(Configuration config, LivePool pool) {
    this.config = config;
    this.pool = pool;
  }

  /** What the configuration a write would send breaks in its pool. */
  static List<Diagnostic> check(Configuration config, LivePool pool) {
    PoolChecks checks = new PoolChecks(config, pool);
    found(pool.resourceServers()).ifPresent(checks::scopes);
    found(pool.identityProviders()).ifPresent(checks::identityProviders);
    found(pool.description()).ifPresent(checks::described);
    return checks.found;
  }

  private void described(LivePool.Description description) {
    attributes(description);
    tier(description);
    domain(description);
  }

  /** Custom scopes are {@code identifier/scope} of a resource server of the pool. */
  private void scopes(List<LivePool.ResourceServer> servers) {
    List<String> custom =
        servers.stream()
            .flatMap(s -> s.scopes().stream().map(scope -> s.identifier() + "/" + scope))
            .toList();
    String member = "AllowedOAuthScopes";
    for (String scope : config.list(member)) {
      if (STANDARD_SCOPES.contains(scope) || custom.contains(scope)) {
        continue;
      }
      String what =
          scope.contains("/")
              ? " is not a scope of user pool "
                  + pool.userPoolId()
                  + (custom.isEmpty()
                      ? ", which has no resource server"
                      : " (its custom scopes: " + String.join(", ", custom) + ")")
              : " is neither a standard scope ("
                  + String.join(", ", STANDARD_SCOPES)
                  + ") nor a custom scope resource-server/scope";
      error(
          ErrorRule.CCR011,
          config.itemPointer(member, scope),
          member
              + ": \""
              + scope
              + "\""
              + config.mark(member)
              + what
              + suggestion(scope, custom, STANDARD_SCOPES)
              + "; Cognito would refuse it (ScopeDoesNotExistException): create the resource"
              + " server or scope, or remove it");
    }
  }

  /** Identity providers are built in or configured in the pool. */
  private void identityProviders(List<String> providers) {
    String member = "SupportedIdentityProviders";
    for (String provider : config.list(member)) {
      if (BUILT_IN_PROVIDERS.contains(provider) || providers.contains(provider)) {
        continue;
      }
      error(
          ErrorRule.CCR012,
          config.itemPointer(member, provider),
          member
              + ": \""
              + provider
              + "\""
              + config.mark(member)
              + " is not an identity provider of user pool "
              + pool.userPoolId()
              + (providers.isEmpty()
                  ? ", which has none configured"
                  : " (its providers: " + String.join(", ", providers) + ")")
              + suggestion(provider, providers, BUILT_IN_PROVIDERS)
              + "; add the provider to the pool, or remove it here");
    }
  }

  /**
   * Read and write attributes exist in the pool's schema (the standard attributes always do); write
   * attributes are mutable.
   */
  private void attributes(LivePool.Description description) {
    Map<String, Boolean> mutable = new java.util.HashMap<>();
    STANDARD_ATTRIBUTES.forEach(name -> mutable.put(name, !name.equals("sub")));
    description.schema().forEach(a -> mutable.put(a.name(), a.mutable()));
    for (String member : List.of("ReadAttributes", "WriteAttributes")) {
      for (String name : config.list(member)) {
        String start = member + ": \"" + name + "\"" + config.mark(member);
        if (!mutable.containsKey(name)) {
          error(
              ErrorRule.CCR013,
              config.itemPointer(member, name),
              start
                  + " is not an attribute of user pool "
                  + pool.userPoolId()
                  + suggestion(name, mutable.keySet(), List.of())
                  + "; custom attributes are written custom:name, as the pool's schema names them");
        } else if (member.equals("WriteAttributes") && !mutable.get(name)) {
          error(
              ErrorRule.CCR013,
              config.itemPointer(member, name),
              start
                  + " cannot be written: user pool "
                  + pool.userPoolId()
                  + " makes it immutable; remove it from WriteAttributes");
        }
      }
    }
  }

  /** ALLOW_USER_AUTH needs the Essentials tier or higher. */
  private void tier(LivePool.Description description) {
    String member = "ExplicitAuthFlows";
    String flow = "ALLOW_USER_AUTH";
    if (config.list(member).contains(flow) && description.tier().equals(Optional.of("LITE"))) {
      error(
          ErrorRule.CCR014,
          config.itemPointer(member, flow),
          member
              + ": "
              + flow
              + config.mark(member)
              + " (choice-based sign-in) needs the Essentials or Plus feature plan, and user pool "
              + pool.userPoolId()
              + " is on Lite; Cognito would refuse it (FeatureUnavailableInTierException): remove"
              + " it, or change the pool's plan");
    }
  }

  /** A warning: OAuth flows need managed login, which needs a domain. */
  private void domain(LivePool.Description description) {
    String member = "AllowedOAuthFlows";
    if (!description.hasDomain() && !config.list(member).isEmpty()) {
      found.add(
          config.diagnostic(
              Severity.WARNING,
              List.of("/" + member),
              member
                  + config.mark(member)
                  + ": user pool "
                  + pool.userPoolId()
                  + " has no domain (Domain or CustomDomain), so its authorization server cannot"
                  + " serve these flows yet; add a domain to the pool"));
    }
  }

  private void error(ErrorRule rule, String pointer, String message) {
    found.add(config.diagnostic(Severity.ERROR, List.of(pointer), message));
  }

  private static String suggestion(
      String word, java.util.Collection<String> candidates, java.util.Collection<String> more) {
    List<String> all = new ArrayList<>(candidates);
    all.addAll(more);
    return Suggestions.nearest(word, all).map(s -> "; did you mean " + s + "?").orElse("");
  }

  private static <T> Optional<T> found(ClientReader.Result<T> result) {
    return result instanceof ClientReader.Found<T> found
        ? Optional.of(found.value())
        : Optional.empty();
  }

  /**
   * A warning, at the pool's first UserPoolId, naming the checks that could not be made and the IAM
   * action that would enable each; empty when every part was read, or when the pool itself is
   * missing or Cognito unreachable (reported elsewhere, once).
   */
  static Optional<Diagnostic> skipped(LivePool pool, Origin origin) {
    List<String> parts = new ArrayList<>();
    skipped(pool.description(), "tier, domain and read/write attributes", parts);
    skipped(pool.resourceServers(), "custom scopes", parts);
    skipped(pool.identityProviders(), "identity providers", parts);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Diagnostic(
            Severity.WARNING,
            "user pool "
                + pool.userPoolId()
                + ": checks against the pool skipped: "
                + String.join("; ", parts)
                + "; the plan goes on without them",
            origin.source().file(),
            origin.positionOf("/UserPoolId"),
            "/UserPoolId",
            ""));
  }

  private static void skipped(ClientReader.Result<?> result, String checks, List<String> parts) {
    if (!(result instanceof ClientReader.Failed<?> failed)) {
      return;
    }
    GatewayException error = failed.error();
    if (error.reason() == GatewayException.Reason.NOT_FOUND || Plan.global(error)) {
      return;
    }
    Function<GatewayException, String> why =
        e ->
            e.reason() == GatewayException.Reason.ACCESS_DENIED
                ? "the AWS identity in use may not call " + e.action() + " (grant it to check them)"
                : "cannot call " + e.action() + ": " + e.messageWithCode();
    parts.add(checks + " not checked: " + why.apply(error));
  }
}
