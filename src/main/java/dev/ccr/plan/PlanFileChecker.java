package dev.ccr.plan;

import dev.ccr.spec.Attribute;
import dev.ccr.spec.ClientRef;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Diagnostic;
import dev.ccr.spec.RedirectUrls;
import dev.ccr.spec.SpecLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that the clients of a plan file stand for what a run of plan could have produced. The
 * digest is no signature: whoever can write the file can compute a new one, so apply does not take
 * the file's word that its changes are consistent. Each client appears once, and:
 *
 * <ul>
 *   <li>a create's changes start from nothing and its ClientName change is the name it shows;
 *   <li>an update changes only paths its file manages, each once, and each change starts from the
 *       value the recorded live configuration has there;
 *   <li>the changes stand for a desired state that passes the client schema and the redirect-URL
 *       rule, and the configuration they plan (the recorded live one with the changes laid over it,
 *       or the created client) passes the cross-field rules a write is checked against.
 * </ul>
 */
final class PlanFileChecker {
  private static final String EDITED = "; the plan file was edited. Run plan again";

  private final String fileName;
  private final List<String> problems = new ArrayList<>();

  private PlanFileChecker(String fileName) {
    this.fileName = fileName;
  }

  /**
   * @throws PlanFileException listing every client that breaks a check, each on one line
   */
  static void check(List<ClientAction> actions, String fileName) throws PlanFileException {
    PlanFileChecker checker = new PlanFileChecker(fileName);
    Set<ClientRef> seen = new HashSet<>();
    for (ClientAction action : actions) {
      if (!seen.add(action.ref().identity())) {
        checker.problems.add(
            fileName + ": client " + action.ref().title() + " appears more than once" + EDITED);
      } else if (action instanceof ClientAction.Create || action instanceof ClientAction.Update) {
        checker.client(action);
      }
    }
    if (!checker.problems.isEmpty()) {
      throw new PlanFileException(checker.problems);
    }
  }

  /** The checks of one client to write, in stages: a stage with a problem ends them. */
  private void client(ClientAction action) {
    String where = fileName + ": client " + action.ref().title() + ": ";
    ClientSpec planned;
    try {
      planned = PlannedState.of(action);
    } catch (IllegalArgumentException e) {
      problems.add(where + "change " + e.getMessage() + EDITED);
      return;
    }
    List<String> found = consistency(action);
    if (found.isEmpty()) {
      found = schema(action, planned);
    }
    if (found.isEmpty()) {
      found = rules(action, planned);
    }
    found.forEach(problem -> problems.add(where + problem + EDITED));
  }

  // ---- what plan would have written

  private static List<String> consistency(ClientAction action) {
    List<String> found = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (AttributeChange change : action.changes()) {
      if (!paths.add(change.path())) {
        found.add(change.path() + " is changed twice");
      }
    }
    if (action instanceof ClientAction.Create create) {
      found.addAll(created(create));
    } else if (action instanceof ClientAction.Update update) {
      found.addAll(updated(update));
    }
    return found;
  }

  /** A create starts from nothing, and creates the client under the name the plan shows. */
  private static List<String> created(ClientAction.Create create) {
    List<String> found = new ArrayList<>();
    for (AttributeChange change : create.changes()) {
      if (!(change.before() instanceof Value.None)) {
        found.add(
            change.path()
                + " starts from "
                + change.before().display()
                + ", but a client to create has no value yet");
      }
    }
    String shown = create.ref().clientName().orElseThrow();
    Optional<Value> sent =
        create.changes().stream()
            .filter(c -> c.path().equals(Attribute.CLIENT_NAME.memberName()))
            .map(AttributeChange::after)
            .findFirst();
    if (sent.isEmpty()) {
      found.add("a client to create has no ClientName change");
    } else if (!sent.get().equals(new Value.Text(shown))) {
      found.add(
          "the plan shows it created as "
              + shown
              + ", but its ClientName change would create "
              + sent.get().display());
    }
    return found;
  }

  /**
   * An update's recorded live configuration holds each attribute as a client does, and the update
   * changes managed paths only, each from the value recorded there.
   */
  private static List<String> updated(ClientAction.Update update) {
    List<String> found = new ArrayList<>();
    update
        .live()
        .configuration()
        .forEach(
            (member, value) ->
                Attribute.byMemberName(member)
                    .filter(attribute -> !holds(attribute.kind(), value))
                    .ifPresent(
                        attribute ->
                            found.add(
                                "the live configuration recorded at plan time has "
                                    + member
                                    + " "
                                    + value
                                    + ", which is not a value a client has there")));
    if (!found.isEmpty()) {
      return found;
    }
    for (AttributeChange change : update.changes()) {
      String path = change.path();
      if (!update.managed().contains(path)) {
        found.add(
            path
                + " is changed, but it is not among the paths the client's file manages ("
                + String.join(", ", new TreeSet<>(update.managed().paths()))
                + ")");
        continue;
      }
      Value recorded = recorded(update.live(), path);
      if (!same(change.before(), recorded)) {
        found.add(
            path
                + " is changed from "
                + change.before().display()
                + ", but the live configuration recorded at plan time has "
                + recorded.display());
      }
    }
    return found;
  }

  /** Whether a recorded value is of the kind a client holds for its attribute. */
  private static boolean holds(Attribute.Kind kind, Object value) {
    return switch (kind) {
      case VALIDITY, INTEGER -> value instanceof Long;
      case BOOLEAN -> value instanceof Boolean;
      case STRING -> value instanceof String;
      case SET -> value instanceof List<?>;
      case OBJECT -> value instanceof Map<?, ?>;
      case IDENTIFIER -> false;
    };
  }

  /** The value at a path of a recorded live configuration, as a change's {@code before} has it. */
  private static Value recorded(Snapshot live, String path) {
    int slash = path.indexOf('/');
    Object raw =
        slash < 0
            ? live.configuration().get(path)
            : Effective.asMap(live.configuration().get(path.substring(0, slash)))
                .get(path.substring(slash + 1));
    if (raw == null) {
      return Value.NONE;
    }
    boolean validity =
        Attribute.byMemberName(path).map(a -> a.kind() == Attribute.Kind.VALIDITY).orElse(false);
    if (validity && raw instanceof Long seconds && seconds >= 0) {
      return Value.Duration.ofSeconds(seconds);
    }
    return Value.of(raw);
  }

  /** Whether two values are the same as the Planner compares them: sets as sets, lifetimes. */
  private static boolean same(Value before, Value recorded) {
    if (before instanceof Value.Items a && recorded instanceof Value.Items b) {
      return new TreeSet<>(a.items()).equals(new TreeSet<>(b.items()));
    }
    if (before instanceof Value.Duration a && recorded instanceof Value.Duration b) {
      return a.seconds() == b.seconds();
    }
    return before.equals(recorded);
  }

  // ---- a valid desired state

  /**
   * The changes, taken as the desired state they stand for, pass the same schema and URL rules as a
   * desired-state file.
   */
  private List<String> schema(ClientAction action, ClientSpec planned) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("UserPoolId", planned.userPoolId());
    planned.clientId().ifPresent(id -> document.put("ClientId", id));
    document.putAll(planned.attributes());
    if (action instanceof ClientAction.Update update) {
      completeNestedObjects(document, update.live().configuration());
    }
    planned.removed().forEach(member -> document.put(member, null));
    List<String> found =
        new ArrayList<>(
            new SpecLoader()
                .checkSchema(fileName, document).stream()
                    .filter(Diagnostic::isError)
                    .map(Diagnostic::message)
                    .toList());
    for (String member : RedirectUrls.MEMBERS) {
      Object value = planned.attributes().get(member);
      List<?> urls =
          value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
      urls.forEach(
          url ->
              RedirectUrls.problem(url.toString())
                  .ifPresent(p -> found.add(member + ": \"" + url + "\" " + p)));
    }
    return found;
  }

  /**
   * A plan changes the sub-keys of a nested object on their own; the ones it leaves out keep their
   * live values, so the checked document takes them from the live configuration recorded at plan
   * time (where a required sub-key such as RefreshTokenRotation's Feature comes from).
   */
  @SuppressWarnings("unchecked")
  private static void completeNestedObjects(
      Map<String, Object> document, Map<String, Object> live) {
    document.replaceAll(
        (member, value) -> {
          if (value instanceof Map<?, ?> changed
              && live.get(member) instanceof Map<?, ?> recorded) {
            Map<String, Object> complete = new LinkedHashMap<>((Map<String, Object>) recorded);
            complete.putAll((Map<String, Object>) changed);
            return complete;
          }
          return value;
        });
  }

  /**
   * The configuration the changes plan passes the cross-field rules that apply checks right before
   * a write: for an update the recorded live configuration with the changes laid over it, for a
   * create the client's attributes. Whether an existing client has a secret is not recorded: the
   * rules that need one are checked by apply on the client it reads before the write.
   */
  private static List<String> rules(ClientAction action, ClientSpec planned) {
    WriteRequest request;
    if (action instanceof ClientAction.Update update) {
      Map<String, Object> live;
      try {
        live = update.live().attributes();
      } catch (IllegalArgumentException e) {
        return List.of("the recorded live configuration holds " + e.getMessage());
      }
      request = WriteRequest.forUpdate(update, planned, live, true);
    } else {
      request = WriteRequest.forCreate((ClientAction.Create) action, planned);
    }
    List<Diagnostic> errors = request.errors();
    return errors.isEmpty()
        ? List.of()
        : List.of(
            "the configuration the plan would write breaks a rule: "
                + String.join("; ", errors.stream().map(Diagnostic::message).toList()));
  }
}
