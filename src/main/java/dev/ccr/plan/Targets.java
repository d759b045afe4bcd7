package dev.ccr.plan;

import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The clients a run is narrowed to ({@code --target}): each value is a client name, a client id or
 * the file that declares the client. No value means every client.
 */
public record Targets(List<String> values) {
  /** Every client. */
  public static final Targets ALL = new Targets(List.of());

  public Targets {
    values = List.copyOf(values);
  }

  /** Whether the run includes the client of this document, found as {@code ref}. */
  public boolean selects(ClientSpec spec, ClientRef ref) {
    return values.isEmpty() || values.stream().anyMatch(v -> matches(v, spec, ref));
  }

  /** Whether the run includes this client, which no document declares. */
  public boolean selects(ClientRef ref) {
    return values.isEmpty() || values.stream().anyMatch(v -> matches(v, ref));
  }

  static boolean matches(String value, ClientSpec spec, ClientRef ref) {
    return matches(value, ref)
        || spec.clientName().map(value::equals).orElse(false)
        || samePath(value, spec.source().file());
  }

  static boolean matches(String value, ClientRef ref) {
    return ref.clientId().map(value::equals).orElse(false)
        || ref.clientName().map(value::equals).orElse(false);
  }

  private static boolean samePath(String value, String file) {
    Optional<Path> a = path(value);
    Optional<Path> b = path(file);
    return a.isPresent() && a.equals(b);
  }

  private static Optional<Path> path(String text) {
    try {
      return Optional.of(Path.of(text).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The values that match neither a document nor a client no document declares. */
  List<String> unmatched(List<Resolution> resolutions, List<Plan.Unmanaged> undeclared) {
    return values.stream()
        .filter(v -> resolutions.stream().noneMatch(r -> matches(v, r.spec(), r.ref())))
        .filter(v -> undeclared.stream().noneMatch(u -> matches(v, u.ref())))
        .toList();
  }
}
