package dev.ccr.apply;

import dev.ccr.live.GatewayException;
import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.Value;
import dev.ccr.spec.ClientSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The attribute a rejected update concerns, found in Cognito's message: an item of a changed set
 * that the message names (a scope, an identity provider, a URL), else a changed attribute whose
 * name it mentions, else the attribute the error code is about.
 *
 * @param pointer the JSON Pointer in the desired-state file ({@code /AllowedOAuthScopes/2})
 * @param label what to tell the user ({@code AllowedOAuthScopes: orders-api/orders.admin})
 */
record Culprit(String pointer, String label) {
  private static final Map<String, String> BY_CODE =
      Map.of(
          "ScopeDoesNotExistException", "AllowedOAuthScopes",
          "InvalidOAuthFlowException", "AllowedOAuthFlows");

  static Optional<Culprit> find(
      GatewayException error, ClientPlan plan, Optional<ClientSpec> file) {
    String message = error.getMessage();
    return item(message, plan.changes(), file)
        .or(() -> member(message, plan.changes()))
        .or(
            () ->
                Optional.ofNullable(BY_CODE.get(error.errorCode()))
                    .map(m -> new Culprit("/" + m, m)));
  }

  /** The longest item of a changed set that the message names. */
  private static Optional<Culprit> item(
      String message, List<AttributeChange> changes, Optional<ClientSpec> file) {
    Culprit best = null;
    int bestLength = 0;
    for (AttributeChange change : changes) {
      if (!(change.after() instanceof Value.Items items)) {
        continue;
      }
      for (String item : items.items()) {
        if (item.length() > bestLength && message.contains(item)) {
          best = new Culprit(itemPointer(change.path(), item, file), change.path() + ": " + item);
          bestLength = item.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static String itemPointer(String member, String item, Optional<ClientSpec> file) {
    int index =
        file.flatMap(spec -> spec.get(member))
            .map(list -> ((List<?>) list).indexOf(item))
            .orElse(-1);
    return index < 0 ? "/" + member : "/" + member + "/" + index;
  }

  /** A changed attribute whose member name (in any case) the message mentions. */
  private static Optional<Culprit> member(String message, List<AttributeChange> changes) {
    String lower = message.toLowerCase(Locale.ROOT);
    for (AttributeChange change : changes) {
      String path = change.path();
      String leaf = path.substring(path.lastIndexOf('/') + 1);
      if (lower.contains(leaf.toLowerCase(Locale.ROOT))) {
        return Optional.of(new Culprit("/" + path, path));
      }
    }
    return Optional.empty();
  }
}
