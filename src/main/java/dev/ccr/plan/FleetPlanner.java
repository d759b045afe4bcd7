package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.live.LiveClient;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the live client of every declared client, concurrently, and plans each one. A client that
 * cannot be read is reported on its own and does not hide the others' plans.
 */
public final class FleetPlanner {
  private final ClientReader reader;
  private final Planner planner = new Planner();

  public FleetPlanner(CognitoGateway gateway, int concurrency) {
    this(gateway, concurrency, ClientReader.Listener.NONE);
  }

  /**
   * @param progress hears how many clients have been read
   */
  public FleetPlanner(CognitoGateway gateway, int concurrency, ClientReader.Listener progress) {
    this.reader = new ClientReader(gateway, concurrency, progress);
  }

  /**
   * The plan of every client that could be read, and the failures of the others.
   *
   * @param live the live clients that were read, in the order of the plan
   */
  public record Result(Plan plan, List<LiveClient> live, List<ReadFailure> failures) {
    public Result {
      live = List.copyOf(live);
      failures = List.copyOf(failures);
    }

    public boolean hasFailures() {
      return !failures.isEmpty();
    }
  }

  /** A declared client whose live state could not be read. */
  public record ReadFailure(ClientSpec spec, GatewayException error) {
    public ReadFailure {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(error, "error");
    }

    /** The failure located at the file and line that declare the client. */
    public Diagnostic diagnostic() {
      String client = spec.userPoolId() + "/" + spec.clientId().orElseThrow();
      String message =
          switch (error.reason()) {
            case NOT_FOUND ->
                "client "
                    + client
                    + " not found: "
                    + error.messageWithCode()
                    + "; check UserPoolId and ClientId, or delete the file if the client is gone";
            default -> "client " + client + ": " + error.messageWithCode();
          };
      return new Diagnostic(
          Severity.ERROR,
          message,
          spec.source().file(),
          spec.positionOf("/ClientId"),
          "/ClientId",
          "");
    }
  }

  public Result plan(List<ClientSpec> clients) {
    List<ClientReader.Key> keys =
        clients.stream()
            .map(c -> new ClientReader.Key(c.userPoolId(), c.clientId().orElseThrow()))
            .toList();
    List<ClientReader.Result> results = reader.readAll(keys);
    List<ClientPlan> plans = new ArrayList<>();
    List<LiveClient> live = new ArrayList<>();
    List<ReadFailure> failures = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      ClientReader.Result result = results.get(i);
      if (result instanceof ClientReader.Found found) {
        plans.add(planner.plan(clients.get(i), found.client()));
        live.add(found.client());
      } else if (result instanceof ClientReader.Failed failed) {
        failures.add(new ReadFailure(clients.get(i), failed.error()));
      }
    }
    return new Result(new Plan(plans), live, failures);
  }
}
