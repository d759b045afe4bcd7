package dev.ccr.plan;

import dev.ccr.live.LiveClient;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Configuration;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.RuleSettings;
import dev.ccr.spec.Rules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a write sends: the complete configuration for CreateUserPoolClient or UpdateUserPoolClient
 * ({@link #body}, every live attribute with the managed ones laid over it, so that Cognito's
 * reset-on-omit rule resets nothing the file leaves out), and the same configuration as the rules
 * judge it ({@link #configuration}, each value marked with where it comes from). Plan judges a
 * document's write with it, the plan file checker the write a plan's changes stand for, and apply
 * the write it is about to send, so all three check the one body the same way.
 *
 * @param desired the document (or the desired state a plan's changes stand for, {@link
 *     PlannedState})
 * @param body the attributes to send, in the live clients' shape
 * @param configuration the body as the rules judge it
 */
public record WriteRequest(
    ClientSpec desired, Map<String, Object> body, Configuration configuration) {
  public WriteRequest {
    Objects.requireNonNull(desired, "desired");
    body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body));
    Objects.requireNonNull(configuration, "configuration");
  }

  /** The update of a live client to what a document declares. */
  public static WriteRequest forUpdate(ClientSpec spec, LiveClient live) {
    return forUpdate(
        spec,
        live.attributes(),
        spec::managesPath,
        new Configuration.Secret(live.hasSecret(), Configuration.Source.LIVE));
  }

  /**
   * The update a plan's change stands for, onto the live configuration given (the one apply reads
   * right before the write, or the one the plan recorded).
   *
   * @param planned the desired state of the update ({@link PlannedState#of})
   */
  public static WriteRequest forUpdate(
      ClientAction.Update update,
      ClientSpec planned,
      Map<String, Object> live,
      boolean liveHasSecret) {
    return forUpdate(
        planned,
        live,
        update.managed()::managesConfiguration,
        new Configuration.Secret(liveHasSecret, Configuration.Source.LIVE));
  }

  /** The create of the client a document declares. */
  public static WriteRequest forCreate(ClientSpec spec) {
    return forCreate(
        spec,
        new Configuration.Secret(
            spec.generateSecret().orElse(false),
            spec.generateSecret().isPresent()
                ? Configuration.Source.FILE
                : Configuration.Source.DEFAULT));
  }

  /**
   * The create a plan's changes stand for.
   *
   * @param planned the desired state of the create ({@link PlannedState#of})
   */
  public static WriteRequest forCreate(ClientAction.Create create, ClientSpec planned) {
    return forCreate(
        planned, new Configuration.Secret(create.generateSecret(), Configuration.Source.FILE));
  }

  private static WriteRequest forUpdate(
      ClientSpec desired,
      Map<String, Object> live,
      Predicate<String> managed,
      Configuration.Secret secret) {
    Map<String, Object> body = Merger.merge(desired, live);
    return new WriteRequest(desired, body, Configuration.merged(desired, body, managed, secret));
  }

  private static WriteRequest forCreate(ClientSpec desired, Configuration.Secret secret) {
    Map<String, Object> body = Merger.merge(desired, Map.of());
    return new WriteRequest(
        desired, body, Configuration.merged(desired, body, desired::managesPath, secret));
  }

  /**
   * What the write breaks beyond what the document alone breaks: the security rules, and the
   * cross-field rules when the client is written at all ({@link Rules#onWrite}).
   */
  public List<Diagnostic> findings(RuleSettings settings, boolean writes) {
    return Rules.onWrite(configuration, settings, writes);
  }

  /**
   * The cross-field errors of the write: what Cognito would refuse ({@link
   * Rules#errorsBeforeWrite}).
   */
  public List<Diagnostic> errors() {
    return Rules.errorsBeforeWrite(configuration);
  }
}
