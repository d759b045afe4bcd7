package dev.ccr.apply;

import dev.ccr.live.GatewayException;
import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientAction;
import dev.ccr.plan.Value;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The attribute a rejected update concerns, found in Cognito's message: an item of a changed set
 * that the message names (a scope, an identity provider, a URL), else a changed attribute whose
 * name it mentions, else the attribute the error code is about.
 *
 * @param pointer the JSON Pointer in the desired-state file ({@code /AllowedOAuthScopes/2}): a
 *     set's items are planned in the file's order
 * @param label what to tell the user ({@code AllowedOAuthScopes: orders-api/orders.admin})
 */
record Culprit(String pointer, String label) {
  private static final Map<String, String> BY_CODE =
      Map.of(
          "ScopeDoesNotExistException", "AllowedOAuthScopes",
          "InvalidOAuthFlowException", "AllowedOAuthFlows");

  static Optional<Culprit> find(GatewayException error, ClientAction action) {
    String message = error.getMessage();
    return item(message, action.changes(), action)
        .or(() -> member(message, action.changes()))
        .or(
            () ->
                Optional.ofNullable(BY_CODE.get(error.errorCode()))
                    .map(m -> new Culprit("/" + m, m)));
  }

  /** The longest item of a changed set that the message names. */
  private static Optional<Culprit> item(
      String message, List<AttributeChange> changes, ClientAction action) {
    Culprit best = null;
    int bestLength = 0;
    for (AttributeChange change : changes) {
      if (!(change.after() instanceof Value.Items items)) {
        continue;
      }
      for (String item : items.items()) {
        if (item.length() > bestLength && message.contains(item)) {
          String pointer = "/" + change.path() + "/" + items.items().indexOf(item);
          best = new Culprit(pointer, change.path() + ": " + item);
          bestLength = item.length();
        }
      }
    }
    return Optional.ofNullable(best);
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
