package dev.ccr.live;

import java.util.Objects;

/** One entry of ListUserPoolClients: a client's id and name. */
public record ClientSummary(String userPoolId, String clientId, String clientName) {
  public ClientSummary {
    Objects.requireNonNull(userPoolId, "userPoolId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientName, "clientName");
  }
}
