package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.LiveClient;
import dev.ccr.plan.Resolution.Ambiguous;
import dev.ccr.plan.Resolution.Known;
import dev.ccr.plan.Resolution.Missing;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the clients that are not regular ones out of what ccr does by itself. ListUserPoolClients
 * does not tell a client's {@code ClientType}; only DescribeUserPoolClient does. So the clients
 * that matter are read once, through the reader the plan reads its clients with (paced and run in
 * parallel like every read): those a document would adopt by its ClientName, and with {@code
 * --prune} or for a drift check the undeclared ones. A client registered at run time ({@code DCR}),
 * or of a type ccr does not know, is then never adopted by name, pruned or counted as unmanaged:
 * the plan lists it apart ({@link Plan#registered()}). A client whose read failed is taken for a
 * regular one, as before the type existed: its failure is reported where it always was.
 *
 * @param reads every client read here, by pool and id, so that the plan does not read it again
 */
record ClientTypes(Map<String, ClientReader.Result<LiveClient>> reads) {

  /**
   * The undeclared clients split into the regular ones and the others, with the reads that told
   * them apart.
   */
  record Undeclared(
      List<Plan.Unmanaged> regular, List<Plan.Registered> registered, ClientTypes types) {

    /**
     * Every undeclared client taken for a regular one, unread: the run neither prunes nor reports
     * them, or includes every type.
     */
    static Undeclared unread(List<Plan.Unmanaged> undeclared) {
      return new Undeclared(undeclared, List.of(), none());
    }

    /** The undeclared clients the targets select read, to tell the regular ones from the others. */
    static Undeclared read(ClientReader reader, List<Plan.Unmanaged> undeclared, Targets targets) {
      List<Plan.Unmanaged> selected =
          undeclared.stream().filter(u -> targets.selects(u.ref())).toList();
      ClientTypes types = readUndeclared(reader, selected);
      List<Plan.Registered> registered = types.registered(selected);
      List<Plan.Unmanaged> regular =
          undeclared.stream()
              .filter(u -> registered.stream().noneMatch(r -> r.ref().equals(u.ref())))
              .toList();
      return new Undeclared(regular, registered, types);
    }
  }

  /** Nothing read: every client taken for a regular one (the run includes them all). */
  static ClientTypes none() {
    return new ClientTypes(Map.of());
  }

  /**
   * Reads the clients that the documents naming their client by ClientName matched, and resolves
   * those documents again without the clients that are not regular ones.
   */
  static ClientTypes readMatches(ClientReader reader, List<Resolution> resolutions) {
    Map<String, ClientRef> refs = new LinkedHashMap<>();
    for (Resolution resolution : resolutions) {
      matches(resolution).forEach(c -> refs.putIfAbsent(key(c), ref(c)));
    }
    return read(reader, List.copyOf(refs.values()));
  }

  /** Reads the undeclared clients, to tell the regular ones from the others. */
  static ClientTypes readUndeclared(ClientReader reader, List<Plan.Unmanaged> undeclared) {
    return read(reader, undeclared.stream().map(Plan.Unmanaged::ref).toList());
  }

  private static ClientTypes read(ClientReader reader, List<ClientRef> refs) {
    List<ClientReader.Result<LiveClient>> read = reader.readAll(refs);
    Map<String, ClientReader.Result<LiveClient>> reads = new HashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      reads.put(key(refs.get(i).userPoolId(), refs.get(i).id()), read.get(i));
    }
    return new ClientTypes(reads);
  }

  /** The read of a client, when this read it. */
  ClientReader.Result<LiveClient> readOf(ClientRef ref) {
    return reads.get(key(ref.userPoolId(), ref.id()));
  }

  /**
   * The document's resolution without the clients that are not regular: a document that matched one
   * such client (or several, of which one is regular) is resolved to the regular one, or to none (a
   * client to create, with a warning that names the clients passed over).
   */
  Resolution sift(Resolution resolution) {
    List<ClientSummary> matches = matches(resolution);
    if (matches.isEmpty()) {
      return resolution;
    }
    List<ClientSummary> regular = new ArrayList<>();
    List<LiveClient> other = new ArrayList<>();
    for (ClientSummary match : matches) {
      if (reads.get(key(match)) instanceof ClientReader.Found<LiveClient> found
          && !found.value().regular()) {
        other.add(found.value());
      } else {
        regular.add(match);
      }
    }
    if (other.isEmpty()) {
      return resolution;
    }
    ClientSpec spec = resolution.spec();
    return switch (regular.size()) {
      case 0 -> new Missing(spec, List.of(passedOver(spec, other)));
      case 1 -> new Known(spec, spec.ref().withId(regular.get(0).clientId()));
      default -> new Ambiguous(spec, regular);
    };
  }

  /** The clients of a pool's listing that a document names by ClientName. */
  private static List<ClientSummary> matches(Resolution resolution) {
    if (resolution.spec().clientId().isPresent()) {
      return List.of();
    }
    if (resolution instanceof Ambiguous ambiguous) {
      return ambiguous.matches();
    }
    if (resolution instanceof Known known) {
      ClientRef ref = known.ref();
      return List.of(
          new ClientSummary(ref.userPoolId(), ref.id(), resolution.spec().clientName().orElse("")));
    }
    return List.of();
  }

  /**
   * The undeclared clients read here that are not regular ones; the others (and those whose read
   * failed) stay undeclared.
   */
  List<Plan.Registered> registered(List<Plan.Unmanaged> undeclared) {
    List<Plan.Registered> registered = new ArrayList<>();
    for (Plan.Unmanaged client : undeclared) {
      if (readOf(client.ref()) instanceof ClientReader.Found<LiveClient> found
          && !found.value().regular()) {
        registered.add(
            new Plan.Registered(client.ref(), client.origin(), found.value().clientType()));
      }
    }
    return registered;
  }

  /** A warning at ClientName: the clients of that name that ccr does not adopt, and why. */
  private static Diagnostic passedOver(ClientSpec spec, List<LiveClient> clients) {
    String ids =
        clients.stream()
            .map(c -> c.clientId() + " (ClientType " + c.clientType() + ")")
            .collect(Collectors.joining(", "));
    return new Diagnostic(
        Severity.WARNING,
        "ClientName: "
            + (clients.size() == 1 ? "the client " : "the clients ")
            + ids
            + " of pool "
            + spec.userPoolId()
            + " named "
            + spec.clientName().orElseThrow()
            + (clients.size() == 1 ? " is not a regular client" : " are not regular clients")
            + " (DCR: registered at run time through dynamic client registration), and ccr"
            + " does not adopt such a client by name: apply creates a regular client of this"
            + " name beside it; to manage it instead, add its ClientId to the file, or run with"
            + " --include-dcr",
        spec.source().file(),
        spec.positionOf("/ClientName"),
        "/ClientName",
        "");
  }

  private static ClientRef ref(ClientSummary summary) {
    return ClientRef.byId(summary.userPoolId(), summary.clientId()).withName(summary.clientName());
  }

  private static String key(ClientSummary summary) {
    return key(summary.userPoolId(), summary.clientId());
  }

  private static String key(String pool, String id) {
    return pool + "/" + id;
  }
}
