package dev.ccr.plan;

import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The desired state a plan's changes stand for: a {@link ClientSpec} that manages exactly the
 * changed attributes, each at its {@code after} value, or removed when {@code after} is {@link
 * Value#NONE} (a removable attribute, as a whole). A validity change manages the validity and its
 * unit together. Planning it against a client gives no change exactly when every planned change
 * holds, with the Planner's own normalisation.
 */
public final class PlannedState {
  private static final String UNITS = Attribute.TOKEN_VALIDITY_UNITS.memberName();

  private PlannedState() {}

  /**
   * The planned desired state of a client to create or update.
   *
   * @throws IllegalArgumentException when a change does not fit its attribute (a plan file edited
   *     by hand); {@link PlanFile} checks this when it reads a plan
   */
  public static ClientSpec of(ClientAction action) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    Set<String> removed = new TreeSet<>();
    for (AttributeChange change : action.changes()) {
      if (change.after() instanceof Value.None) {
        removed.add(removal(change));
      } else {
        put(attributes, change);
      }
    }
    for (String member : removed) {
      if (attributes.containsKey(member)) {
        throw new IllegalArgumentException(
            member + " is both removed and given a value; a removal is the whole attribute");
      }
    }
    ClientRef ref = action.ref();
    if (ref.clientId().isEmpty() && !attributes.containsKey("ClientName")) {
      ref.clientName().ifPresent(name -> attributes.put("ClientName", name));
    }
    return new ClientSpec(
        action.origin().source(),
        ref.userPoolId(),
        ref.clientId(),
        attributes,
        removed,
        Optional.empty(),
        ClientSpec.Settings.DEFAULT,
        Map.of());
  }

  /** The member a change to {@link Value#NONE} removes; only a removable attribute can go. */
  private static String removal(AttributeChange change) {
    String member = change.path().split("/", 2)[0];
    Attribute attribute =
        Attribute.byMemberName(member)
            .filter(Attribute::removable)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        change.path() + " cannot be removed: a client always has a value for it"));
    if (change.path().contains("/") != (attribute.kind() == Attribute.Kind.OBJECT)) {
      throw new IllegalArgumentException(change.path() + " does not fit the shape of " + member);
    }
    return member;
  }

  private static void put(Map<String, Object> attributes, AttributeChange change) {
    String path = change.path();
    int slash = path.indexOf('/');
    String member = slash > 0 ? path.substring(0, slash) : path;
    Attribute attribute =
        Attribute.byMemberName(member)
            .filter(a -> a.kind() != Attribute.Kind.IDENTIFIER)
            .orElseThrow(
                () -> new IllegalArgumentException(member + " is not an updatable attribute"));
    if ((slash > 0) != (attribute.kind() == Attribute.Kind.OBJECT)) {
      throw new IllegalArgumentException(path + " does not fit the shape of " + member);
    }
    if (slash > 0) {
      nested(attributes, path.substring(0, slash))
          .put(path.substring(slash + 1), raw(path, change.after()));
      return;
    }
    if (change.after() instanceof Value.Duration duration) {
      Attribute validity =
          Attribute.byMemberName(path)
              .filter(a -> a.kind() == Attribute.Kind.VALIDITY)
              .orElseThrow(() -> new IllegalArgumentException("a duration for " + path));
      attributes.put(path, toInt(path, duration.amount()));
      nested(attributes, UNITS).put(validity.unitKey().orElseThrow(), duration.unit().word());
      return;
    }
    attributes.put(path, raw(path, change.after()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> nested(Map<String, Object> attributes, String member) {
    return (Map<String, Object>) attributes.computeIfAbsent(member, k -> new LinkedHashMap<>());
  }

  /** The model value of a plain change (a removal never gets here). */
  private static Object raw(String path, Value value) {
    if (value instanceof Value.Text text) {
      return text.text();
    }
    if (value instanceof Value.Number number) {
      return toInt(path, number.number());
    }
    if (value instanceof Value.Flag flag) {
      return flag.flag();
    }
    if (value instanceof Value.Items items) {
      return items.items();
    }
    throw new IllegalArgumentException("cannot apply " + value.display() + " to " + path);
  }

  private static int toInt(String path, long number) {
    if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + ": " + number + " is out of range");
    }
    return (int) number;
  }
}
