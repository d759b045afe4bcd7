package dev.ccr.apply;

import dev.ccr.plan.ClientPlan;
import java.util.Objects;

/**
 * An attribute of a live client that changed since the plan was made.
 *
 * @param path the member name, or member and sub-key joined by a slash; empty when the plan records
 *     no live configuration to compare with
 * @param atPlan the value when the plan was made, as the user reads it
 * @param now the value now
 */
public record Moved(ClientPlan client, String path, String atPlan, String now) {
  public Moved {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(atPlan, "atPlan");
    Objects.requireNonNull(now, "now");
  }

  private static final String DELETED = "deleted";

  /** A client of the plan that no longer exists. */
  static Moved deleted(ClientPlan client) {
    return new Moved(client, "", "", DELETED);
  }

  /**
   * {@code clients/web-app.yaml:5: web-app (pool/client): PreventUserExistenceErrors changed since
   * the plan: LEGACY -> ENABLED}.
   */
  public String message() {
    String where = client.source() + ": " + client.title() + ": ";
    if (path.isEmpty()) {
      return where
          + (now.equals(DELETED)
              ? "the client was deleted since the plan"
              : "the client changed since the plan");
    }
    return where + path + " changed since the plan: " + atPlan + " -> " + now;
  }
}
