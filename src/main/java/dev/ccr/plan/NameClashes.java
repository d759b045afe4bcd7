package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.plan.Resolution.Known;
import dev.ccr.plan.Resolution.Missing;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clashes of names a plan must refuse before it writes: two documents that turn out to name one
 * client (by id and by name), renames by id that would leave a pool with two clients of one name,
 * and a document that declares a name absent while another gives a client that name. Each is an
 * error at every document involved.
 */
final class NameClashes {
  private NameClashes() {}

  /** An error at each of two documents that turn out to name the same client. */
  static Map<ClientSpec, List<Diagnostic>> declaredTwice(List<Resolution> resolutions) {
    Map<ClientRef, List<Known>> byClient = new LinkedHashMap<>();
    resolutions.stream()
        .filter(Known.class::isInstance)
        .map(Known.class::cast)
        .forEach(
            k ->
                byClient
                    .computeIfAbsent(
                        ClientRef.byId(k.ref().userPoolId(), k.ref().id()), x -> new ArrayList<>())
                    .add(k));
    Map<ClientSpec, List<Diagnostic>> errors = new HashMap<>();
    for (List<Known> declarations : byClient.values()) {
      if (declarations.size() < 2) {
        continue;
      }
      for (Known known : declarations) {
        String others =
            declarations.stream()
                .filter(other -> other != known)
                .map(other -> other.spec().source().toString())
                .collect(Collectors.joining(", "));
        ClientSpec spec = known.spec();
        String pointer = spec.clientId().isPresent() ? "/ClientId" : "/ClientName";
        errors.put(
            spec,
            List.of(
                Reconciler.error(
                    spec,
                    pointer,
                    "client "
                        + known.ref().title()
                        + " is also declared at "
                        + others
                        + " (by id or by name); declare each client once")));
      }
    }
    return errors;
  }

  /** How a client comes to have its name once the plan is applied. */
  private enum Naming {
    /** A document names it by id and gives it another name. */
    RENAMED,
    /** A document creates it by name. */
    CREATED,
    /** It keeps its live name. */
    KEPT
  }

  /**
   * A client of a pool once the plan is applied, and the name it then has.
   *
   * @param clientId empty for a client to create
   * @param spec the document that declares it, if any
   */
  private record Named(
      Optional<String> clientId,
      String liveName,
      String name,
      Optional<ClientSpec> spec,
      Naming naming) {}

  /**
   * An error at each document that, through a rename by id, would leave its pool with two clients
   * of one name: a rename to a name that another document creates or adopts, that another rename
   * gives, or that another client of the pool keeps (unless the plan deletes it). Later plans that
   * find either client by its name would fail.
   */
  static Map<ClientSpec, List<Diagnostic>> nameClashes(
      List<Resolution> resolutions,
      Map<String, ClientReader.Result<List<ClientSummary>>> listings,
      Set<String> deleted) {
    Map<ClientSpec, List<Diagnostic>> errors = new HashMap<>();
    listings.forEach(
        (pool, listing) -> {
          if (listing instanceof ClientReader.Found<List<ClientSummary>> found) {
            Map<String, List<Named>> byName = new LinkedHashMap<>();
            for (Named named : afterPlan(pool, found.value(), resolutions, deleted)) {
              byName.computeIfAbsent(named.name(), n -> new ArrayList<>()).add(named);
            }
            byName.values().stream()
                .filter(s -> s.size() > 1 && s.stream().anyMatch(n -> n.naming() == Naming.RENAMED))
                .forEach(shared -> clash(pool, shared, errors));
            absentByName(pool, resolutions)
                .forEach(
                    absent ->
                        byName.getOrDefault(absent.clientName().orElseThrow(), List.of()).stream()
                            .filter(n -> n.naming() != Naming.KEPT && n.spec().isPresent())
                            .forEach(named -> contradiction(pool, absent, named, errors)));
          }
        });
    return errors;
  }

  /** The documents of a pool that declare a client absent by its name alone. */
  private static List<ClientSpec> absentByName(String pool, List<Resolution> resolutions) {
    return resolutions.stream()
        .map(Resolution::spec)
        .filter(s -> s.userPoolId().equals(pool) && s.absent() && s.clientId().isEmpty())
        .toList();
  }

  /**
   * An error at a document that declares a name absent and at one that gives a client that name:
   * applied, the plan would leave a client of the name, and every later plan would find the absent
   * document's client to be the one the other document declares.
   */
  private static void contradiction(
      String pool, ClientSpec absent, Named named, Map<ClientSpec, List<Diagnostic>> errors) {
    ClientSpec spec = named.spec().orElseThrow();
    String deletes = " declares the client named " + named.name() + " of pool " + pool + " absent";
    String advice =
        "; keep a client of that name or delete it, not both (every later plan would find that"
            + " client declared twice)";
    errors.merge(
        absent,
        List.of(
            Reconciler.error(
                absent,
                "/ClientName",
                "ClientName: this document"
                    + deletes
                    + ", but "
                    + gives(named, spec.source().toString())
                    + advice)),
        NameClashes::both);
    String pointer = spec.clientName().isPresent() ? "/ClientName" : "/ClientId";
    errors.merge(
        spec,
        List.of(
            Reconciler.error(
                spec,
                pointer,
                pointer.substring(1)
                    + ": "
                    + gives(named, "this document")
                    + ", but "
                    + absent.source()
                    + deletes
                    + advice)),
        NameClashes::both);
  }

  /** How a document gives a client its name. */
  private static String gives(Named client, String who) {
    return client.naming() == Naming.RENAMED
        ? who
            + " renames client "
            + client.clientId().orElse("")
            + " from "
            + client.liveName()
            + " to "
            + client.name()
        : who + " creates a client named " + client.name();
  }

  /** The clients of a pool once the plan is applied, each with its name then. */
  private static List<Named> afterPlan(
      String pool, List<ClientSummary> listed, List<Resolution> resolutions, Set<String> deleted) {
    Map<String, ClientSpec> declared = new HashMap<>();
    List<Named> clients = new ArrayList<>();
    for (Resolution resolution : resolutions) {
      ClientSpec spec = resolution.spec();
      if (!spec.userPoolId().equals(pool) || spec.absent()) {
        continue;
      }
      if (resolution instanceof Known known) {
        declared.putIfAbsent(known.ref().id(), spec);
      } else if (resolution instanceof Missing) {
        String name = spec.clientName().orElseThrow();
        clients.add(new Named(Optional.empty(), "", name, Optional.of(spec), Naming.CREATED));
      }
    }
    for (ClientSummary client : listed) {
      if (deleted.contains(client.clientId())) {
        continue;
      }
      Optional<ClientSpec> spec = Optional.ofNullable(declared.get(client.clientId()));
      Optional<String> rename =
          spec.filter(s -> s.clientId().isPresent())
              .flatMap(ClientSpec::clientName)
              .filter(name -> !name.equals(client.clientName()));
      clients.add(
          new Named(
              Optional.of(client.clientId()),
              client.clientName(),
              rename.orElse(client.clientName()),
              spec,
              rename.isPresent() ? Naming.RENAMED : Naming.KEPT));
    }
    return clients;
  }

  /** An error at the document of each client that would share its name with the others. */
  private static void clash(
      String pool, List<Named> shared, Map<ClientSpec, List<Diagnostic>> errors) {
    for (Named client : shared) {
      if (client.spec().isEmpty()) {
        continue;
      }
      ClientSpec spec = client.spec().get();
      String others =
          shared.stream()
              .filter(other -> other != client)
              .map(other -> fate(other, false))
              .collect(Collectors.joining(", and "));
      String pointer = spec.clientName().isPresent() ? "/ClientName" : "/ClientId";
      String message =
          pointer.substring(1)
              + ": pool "
              + pool
              + " would have "
              + shared.size()
              + " clients named "
              + client.name()
              + ": "
              + fate(client, true)
              + ", and "
              + others
              + "; give each client a name of its own (a plan that finds a client by a name that"
              + " two clients share fails)";
      errors.merge(spec, List.of(Reconciler.error(spec, pointer, message)), NameClashes::both);
    }
  }

  /** What becomes of a client's name, said of this document or of another one. */
  private static String fate(Named client, boolean self) {
    String who = self ? "this document" : client.spec().map(s -> s.source().toString()).orElse("");
    String id = client.clientId().orElse("");
    return switch (client.naming()) {
      case RENAMED -> who + " renames client " + id + " from " + client.liveName() + " to it";
      case CREATED -> who + " creates a client of that name";
      case KEPT ->
          "client "
              + id
              + " has that name"
              + (self
                  ? " and this document declares it"
                  : client
                      .spec()
                      .map(s -> " (declared at " + s.source() + ")")
                      .orElse(" and no file declares it"));
    };
  }

  /** The two lists of diagnostics as one. */
  static List<Diagnostic> both(List<Diagnostic> a, List<Diagnostic> b) {
    List<Diagnostic> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
