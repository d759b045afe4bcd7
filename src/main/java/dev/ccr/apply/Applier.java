package dev.ccr.apply;

import dev.ccr.live.ClientReader;
import dev.ccr.live.CognitoGateway;
import dev.ccr.live.GatewayException;
import dev.ccr.live.LiveClient;
import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.ClientPlan;
import dev.ccr.plan.Plan;
import dev.ccr.plan.PlannedState;
import dev.ccr.plan.Planner;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Applies a plan (DESIGN.md section 3). It re-reads every client and refuses the whole plan when
 * any of them moved since the plan was made; otherwise it writes each client with changes, sending
 * the complete configuration (the re-read live client with the planned changes laid over it, so
 * nothing is reset), reads it back and checks that the desired state holds. One failed client does
 * not stop the others; clients without changes get no write. Throttled and transient failures are
 * retried with {@link Backoff}.
 */
public final class Applier {
  private final CognitoGateway gateway;
  private final int concurrency;
  private final Planner planner = new Planner();

  /**
   * @param concurrency clients read or written at once; never two writes to one client
   */
  public Applier(CognitoGateway gateway, int concurrency, Backoff backoff) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    this.gateway = new RetryingGateway(Objects.requireNonNull(gateway, "gateway"), backoff);
    this.concurrency = concurrency;
  }

  public Applier(CognitoGateway gateway, int concurrency) {
    this(gateway, concurrency, Backoff.standard());
  }

  /** What an apply came to. */
  public sealed interface Outcome permits Stale, Applied {}

  /** Some client moved since the plan: nothing was written. */
  public record Stale(List<Moved> moved) implements Outcome {
    public Stale {
      moved = List.copyOf(moved);
    }

    /** How many clients moved. */
    public long clientCount() {
      return moved.stream()
          .map(m -> m.client().userPoolId() + "/" + m.client().clientId())
          .distinct()
          .count();
    }
  }

  /** The result of every client, in plan order. */
  public record Applied(List<ApplyResult> results) implements Outcome {
    public Applied {
      results = List.copyOf(results);
    }

    public long count(Class<? extends ApplyResult> kind) {
      return results.stream().filter(kind::isInstance).count();
    }

    /** Whether a client failed or did not converge. */
    public boolean hasProblems() {
      return count(ApplyResult.Failed.class) + count(ApplyResult.NotConverged.class) > 0;
    }
  }

  /** Applies a saved plan; after each write the read-back client must hold every planned change. */
  public Outcome apply(Plan plan) {
    return run(plan, Map.of());
  }

  /**
   * Applies a plan just made from {@code desired}; after each write the read-back client, planned
   * against its file again, must show no change.
   */
  public Outcome apply(Plan plan, List<ClientSpec> desired) {
    Map<String, ClientSpec> files = new HashMap<>();
    desired.forEach(spec -> files.put(key(spec.userPoolId(), spec.clientId().orElseThrow()), spec));
    return run(plan, files);
  }

  private Outcome run(Plan plan, Map<String, ClientSpec> files) {
    List<ClientPlan> clients = plan.clients();
    List<ClientReader.Result> reads =
        new ClientReader(gateway, concurrency)
            .readAll(
                clients.stream()
                    .map(c -> new ClientReader.Key(c.userPoolId(), c.clientId()))
                    .toList());
    List<Moved> moved = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      if (reads.get(i) instanceof ClientReader.Found found
          && StaleCheck.isStale(clients.get(i), found.client())) {
        moved.addAll(StaleCheck.moved(clients.get(i), found.client()));
      } else if (reads.get(i) instanceof ClientReader.Failed failed
          && failed.error().reason() == GatewayException.Reason.NOT_FOUND) {
        moved.add(Moved.deleted(clients.get(i)));
      }
    }
    if (!moved.isEmpty()) {
      return new Stale(moved);
    }
    return new Applied(writeAll(clients, reads, files));
  }

  private List<ApplyResult> writeAll(
      List<ClientPlan> clients, List<ClientReader.Result> reads, Map<String, ClientSpec> files) {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, Applier::daemon);
    try {
      List<Future<ApplyResult>> futures = new ArrayList<>();
      for (int i = 0; i < clients.size(); i++) {
        ClientPlan client = clients.get(i);
        ClientReader.Result read = reads.get(i);
        Optional<ClientSpec> file =
            Optional.ofNullable(files.get(key(client.userPoolId(), client.clientId())));
        futures.add(pool.submit(() -> applyOne(client, read, file)));
      }
      List<ApplyResult> results = new ArrayList<>();
      for (Future<ApplyResult> future : futures) {
        results.add(join(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private ApplyResult applyOne(
      ClientPlan client, ClientReader.Result read, Optional<ClientSpec> file) {
    if (read instanceof ClientReader.Failed failed) {
      return failure(client, "cannot read the client", failed.error(), Optional.empty(), file);
    }
    if (!client.isUpdate()) {
      return new ApplyResult.Unchanged(client);
    }
    return write(client, ((ClientReader.Found) read).client(), file);
  }

  private ApplyResult write(ClientPlan client, LiveClient live, Optional<ClientSpec> file) {
    ClientSpec planned = PlannedState.of(client);
    Map<String, Object> request = planner.mergedConfiguration(planned, live);
    try {
      gateway.update(client.userPoolId(), client.clientId(), request);
    } catch (GatewayException e) {
      return failure(client, "update failed", e, Culprit.find(e, client, file), file);
    }
    LiveClient after;
    try {
      after = gateway.describe(client.userPoolId(), client.clientId());
    } catch (GatewayException e) {
      return failure(
          client, "updated, but cannot read it back to verify", e, Optional.empty(), file);
    }
    List<AttributeChange> remaining = planner.plan(file.orElse(planned), after).changes();
    if (remaining.isEmpty()) {
      return new ApplyResult.Updated(client);
    }
    return notConverged(client, remaining, file);
  }

  private static ApplyResult failure(
      ClientPlan client,
      String what,
      GatewayException error,
      Optional<Culprit> culprit,
      Optional<ClientSpec> file) {
    String concerns = culprit.map(c -> "; it concerns " + c.label()).orElse("");
    String pointer = culprit.map(Culprit::pointer).orElse("");
    String message = client.title() + ": " + what + ": " + error.messageWithCode() + concerns;
    return new ApplyResult.Failed(client, diagnostic(client, message, pointer, file));
  }

  private static ApplyResult notConverged(
      ClientPlan client, List<AttributeChange> remaining, Optional<ClientSpec> file) {
    String differs =
        remaining.stream()
            .map(
                c ->
                    c.path()
                        + " ("
                        + c.before().display()
                        + ", wanted "
                        + c.after().display()
                        + ")")
            .collect(Collectors.joining(", "));
    String message =
        client.title()
            + ": did not converge: after the update Cognito still differs in "
            + differs
            + "; run plan to see what remains";
    String pointer = "/" + remaining.get(0).path();
    return new ApplyResult.NotConverged(
        client, remaining, diagnostic(client, message, pointer, file));
  }

  /** Located at the pointer in the file when the file is known, else at the client's first line. */
  private static Diagnostic diagnostic(
      ClientPlan client, String message, String pointer, Optional<ClientSpec> file) {
    return new Diagnostic(
        Severity.ERROR,
        message,
        client.source().file(),
        file.map(spec -> spec.positionOf(pointer)).orElse(client.source().position()),
        pointer,
        "");
  }

  private static String key(String userPoolId, String clientId) {
    return userPoolId + "/" + clientId;
  }

  private static ApplyResult join(Future<ApplyResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while applying", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "ccr-apply");
    thread.setDaemon(true);
    return thread;
  }
}
