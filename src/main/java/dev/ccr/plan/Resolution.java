package dev.ccr.plan;

import dev.ccr.live.ClientReader;
import dev.ccr.live.ClientSummary;
import dev.ccr.live.GatewayException;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a document's client was found in its pool: by its id, or by its name in the pool's listing
 * (none, one, several, or the listing failed).
 */
sealed interface Resolution {
  ClientSpec spec();

  /** The client as far as it is known: the one found, else as the document names it. */
  default ClientRef ref() {
    return spec().ref();
  }

  /** The document names an id, or the pool has exactly one client of its name. */
  record Known(ClientSpec spec, ClientRef ref) implements Resolution {}

  /**
   * No client of the document's name: one to create (or, declared absent, nothing to do).
   *
   * @param warnings about the clients of that name that ccr does not adopt (not regular ones)
   */
  record Missing(ClientSpec spec, List<Diagnostic> warnings) implements Resolution {
    public Missing {
      warnings = List.copyOf(warnings);
    }

    Missing(ClientSpec spec) {
      this(spec, List.of());
    }
  }

  /** Several clients share the document's name. */
  record Ambiguous(ClientSpec spec, List<ClientSummary> matches) implements Resolution {}

  /** The pool could not be listed, so the name could not be looked up. */
  record Unresolved(ClientSpec spec, GatewayException error) implements Resolution {}

  /** How the document's client is found in the listings of the pools. */
  static Resolution of(
      ClientSpec spec, Map<String, ClientReader.Result<List<ClientSummary>>> listings) {
    ClientReader.Result<List<ClientSummary>> listing = listings.get(spec.userPoolId());
    if (spec.clientId().isPresent()) {
      ClientRef ref = spec.ref();
      if (ref.clientName().isEmpty()
          && listing instanceof ClientReader.Found<List<ClientSummary>> found) {
        String id = ref.id();
        ref =
            found.value().stream()
                .filter(c -> c.clientId().equals(id))
                .findFirst()
                .map(c -> spec.ref().withName(c.clientName()))
                .orElse(ref);
      }
      return new Known(spec, ref);
    }
    if (listing instanceof ClientReader.Failed<List<ClientSummary>> failed) {
      return new Unresolved(spec, failed.error());
    }
    String name = spec.clientName().orElseThrow();
    List<ClientSummary> matches =
        ((ClientReader.Found<List<ClientSummary>>) listing)
            .value().stream().filter(c -> c.clientName().equals(name)).toList();
    return switch (matches.size()) {
      case 0 -> new Missing(spec);
      case 1 -> new Known(spec, spec.ref().withId(matches.get(0).clientId()));
      default -> new Ambiguous(spec, matches);
    };
  }

  /** Whether a document of the pool names its client by ClientName, so the listing was needed. */
  static boolean needsListing(String pool, List<Resolution> resolutions) {
    return resolutions.stream()
        .anyMatch(r -> r instanceof Unresolved && r.spec().userPoolId().equals(pool));
  }

  /** The ids of every client a document declares, found by id or by name. */
  static Set<String> declaredIds(List<Resolution> resolutions) {
    Set<String> ids = new HashSet<>();
    for (Resolution resolution : resolutions) {
      if (resolution instanceof Known known) {
        ids.add(known.ref().id());
      } else if (resolution instanceof Ambiguous ambiguous) {
        ambiguous.matches().forEach(c -> ids.add(c.clientId()));
      }
    }
    return ids;
  }
}
