package dev.ccr.plan;

import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientSpec;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The paths of a client's normalised configuration ({@link Snapshot#configuration()}) that its file
 * manages: a member name, or for a nested object a member and sub-key joined by a slash ({@code
 * RefreshTokenRotation/Feature}). A token validity's unit is folded into the validity, so a managed
 * unit manages its validity; an attribute the file removes ({@code null}) is managed whole. Only a
 * change to a managed path makes a saved plan stale.
 *
 * @param all whether every path counts as managed (a plan file that predates the list)
 * @param paths the managed paths when not {@code all}
 */
public record Managed(boolean all, Set<String> paths) {
  /** Every path: what is known of a plan that recorded no list. */
  public static final Managed ALL = new Managed(true, Set.of());

  public Managed {
    paths = Set.copyOf(new TreeSet<>(paths));
  }

  /** The paths the document manages. */
  public static Managed of(ClientSpec spec) {
    Set<String> paths = new TreeSet<>();
    spec.attributes()
        .forEach(
            (member, value) -> {
              Attribute attribute = Attribute.byMemberName(member).orElse(null);
              if (attribute == Attribute.TOKEN_VALIDITY_UNITS) {
                ((Map<?, ?>) value).keySet().forEach(unitKey -> paths.add(unitKey + "Validity"));
              } else if (attribute != null && attribute.kind() == Attribute.Kind.OBJECT) {
                ((Map<?, ?>) value).keySet().forEach(key -> paths.add(member + "/" + key));
              } else {
                paths.add(member);
              }
            });
    paths.addAll(spec.removed());
    return new Managed(false, paths);
  }

  /** The paths as the plan file lists them, sorted. */
  public static Managed of(Set<String> paths) {
    return new Managed(false, paths);
  }

  /**
   * Whether a path of a client's configuration ({@code Member}, {@code Member/SubKey}) is managed;
   * a unit in TokenValidityUnits is managed with its validity.
   */
  public boolean managesConfiguration(String path) {
    String units = Attribute.TOKEN_VALIDITY_UNITS.memberName() + "/";
    return path.startsWith(units)
        ? contains(path.substring(units.length()) + "Validity")
        : contains(path);
  }

  /** Whether the path is managed; a removed nested object manages each of its sub-keys. */
  public boolean contains(String path) {
    return all || paths.contains(path) || paths.contains(path.split("/", 2)[0]);
  }
}
