package dev.ccr.apply;

import dev.ccr.plan.ClientAction;
import java.util.Objects;

/**
 * How a client of a saved plan differs from what the plan expected, found when apply reads it
 * again.
 *
 * @param path the attribute that moved (a member name, or member and sub-key joined by a slash);
 *     empty when the whole client is concerned
 * @param atPlan the value when the plan was made, as the user reads it; empty when not concerned
 * @param now the value now, or what happened to the client
 */
public record Moved(ClientAction action, Kind kind, String path, String atPlan, String now) {
  public Moved {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(atPlan, "atPlan");
    Objects.requireNonNull(now, "now");
  }

  /** What moved. */
  public enum Kind {
    /** A managed attribute changed since the plan. */
    ATTRIBUTE,
    /** The client to update or delete no longer exists. */
    DELETED,
    /** A client to delete changed since the plan. */
    CHANGED,
    /** A client with the name of one to create exists now. */
    APPEARED,
    /** The client already is as the plan would leave it: the plan was applied before. */
    ALREADY_APPLIED,
    /**
     * The client is still as the plan found it, while others already are as it leaves them: the
     * plan was applied in part.
     */
    PENDING
  }

  static Moved attribute(ClientAction action, String path, String atPlan, String now) {
    return new Moved(action, Kind.ATTRIBUTE, path, atPlan, now);
  }

  static Moved of(ClientAction action, Kind kind, String now) {
    return new Moved(action, kind, "", "", now);
  }

  /**
   * {@code clients/web-app.yaml:5: web-app (pool/client): PreventUserExistenceErrors changed since
   * the plan: LEGACY -> ENABLED}.
   */
  public String message() {
    String where = action.origin().source() + ": " + action.ref().title() + ": ";
    return where
        + switch (kind) {
          case ATTRIBUTE -> path + " changed since the plan: " + atPlan + " -> " + now;
          case DELETED -> "the client was deleted since the plan";
          case CHANGED -> "the client changed since the plan" + (now.isEmpty() ? "" : ": " + now);
          case APPEARED -> "a client with this name was created since the plan (" + now + ")";
          case ALREADY_APPLIED -> "already as the plan leaves it (" + now + ")";
          case PENDING -> "not yet as the plan leaves it: still to " + action.label();
        };
  }
}
