package dev.ccr.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the rules judge: a client's configuration, and where each of its values comes from.
 *
 * <p>{@code validate} judges a document alone ({@link #ofFile}): a value the document does not give
 * is unknown, and a rule that needs it is not checked. {@code plan} and {@code apply} judge the
 * configuration an update or a create would send ({@link #merged}): the live client with the
 * document's managed attributes laid over it, where a member that is absent holds Cognito's
 * default. A finding is located at a key the document manages; a value it does not manage is named
 * in the message with where it comes from ({@code (live, unmanaged)}).
 */
public final class Configuration {
  /** Where a value comes from. */
  public enum Source {
    /** The document manages it. */
    FILE,
    /** The live client holds it and the document does not manage it. */
    LIVE,
    /** Nobody sets it: Cognito applies its default. */
    DEFAULT
  }

  /**
   * Whether the client has a client secret, and how that is known: from the document's {@code
   * GenerateSecret}, from the live client, or by default (a client created without one).
   */
  public record Secret(boolean present, Source source) {
    public Secret {
      Objects.requireNonNull(source, "source");
    }
  }

  private final ClientSpec spec;
  private final Map<String, Object> values;
  private final Predicate<String> managed;
  private final boolean complete;
  private final Optional<Secret> secret;

  private Configuration(
      ClientSpec spec,
      Map<String, Object> values,
      Predicate<String> managed,
      boolean complete,
      Optional<Secret> secret) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.values = AttributeValues.copyOf(values);
    this.managed = Objects.requireNonNull(managed, "managed");
    this.complete = complete;
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /** A document alone: its values only, every one from the file. */
  public static Configuration ofFile(ClientSpec spec) {
    Optional<Secret> secret =
        spec.generateSecret().filter(g -> !g).map(g -> new Secret(false, Source.FILE));
    return new Configuration(spec, spec.attributes(), spec::managesPath, false, secret);
  }

  /**
   * The configuration a write would send.
   *
   * @param spec the document, for its positions, its identity key and its rule exceptions
   * @param values the complete configuration (the body of a {@code WriteRequest})
   * @param managed whether the document manages a path ({@code Member} or {@code Member/SubKey})
   */
  public static Configuration merged(
      ClientSpec spec, Map<String, Object> values, Predicate<String> managed, Secret secret) {
    return new Configuration(spec, values, managed, true, Optional.of(secret));
  }

  /** The document the configuration is judged for. */
  public ClientSpec spec() {
    return spec;
  }

  /** Whether an absent member holds Cognito's default (what a write sends) or is unknown. */
  public boolean complete() {
    return complete;
  }

  Optional<Secret> secret() {
    return secret;
  }

  /** The value of a member as given: the document's, or the one a write sends. */
  public Optional<Object> get(String member) {
    return Optional.ofNullable(values.get(member));
  }

  /**
   * The value of a member that takes effect: as given, else (for what a write sends) Cognito's
   * default; empty when unknown or when the member has no value at all.
   */
  public Optional<Object> effective(String member) {
    Optional<Object> given = get(member);
    if (given.isPresent() || !complete) {
      return given;
    }
    return Attribute.byMemberName(member).flatMap(Attribute::defaultValue);
  }

  /** A sub-key of a nested object that takes effect, as {@link #effective} has it. */
  public Optional<Object> effectiveSub(String member, String key) {
    Optional<Object> given = get(member).map(m -> ((Map<?, ?>) m).get(key));
    if (given.isPresent() || !complete) {
      return given;
    }
    return Attribute.byMemberName(member)
        .flatMap(Attribute::defaultValue)
        .map(d -> ((Map<?, ?>) d).get(key));
  }

  /** The items of a list member that take effect; empty when unknown. */
  public List<String> list(String member) {
    List<String> items = new ArrayList<>();
    effective(member).ifPresent(value -> ((List<?>) value).forEach(i -> items.add((String) i)));
    return items;
  }

  /** Where the value of a path ({@code Member} or {@code Member/SubKey}) comes from. */
  public Source source(String path) {
    if (path.equals("GenerateSecret")) {
      return spec.generateSecret().isPresent() ? Source.FILE : Source.DEFAULT;
    }
    if (managed.test(path)) {
      return Source.FILE;
    }
    int slash = path.indexOf('/');
    Optional<Object> value =
        slash < 0
            ? get(path)
            : get(path.substring(0, slash))
                .map(m -> ((Map<?, ?>) m).get(path.substring(slash + 1)));
    return value.isPresent() ? Source.LIVE : Source.DEFAULT;
  }

  /**
   * The pointer of an item of a list member: {@code /Member/INDEX} when the document gives the
   * list, else the member's pointer (the item is then not in the file).
   */
  public String itemPointer(String member, String item) {
    int index = list(member).indexOf(item);
    return source(member) == Source.FILE && index >= 0 ? "/" + member + "/" + index : "/" + member;
  }

  /**
   * Where the values of the paths come from, for a message: empty when the document gives them all,
   * else {@code (CallbackURLs is live, unmanaged; ...)}.
   */
  public String origin(String... paths) {
    List<String> parts = new ArrayList<>();
    for (String path : paths) {
      Source source = source(path);
      if (source != Source.FILE) {
        parts.add(display(path) + " is " + words(source));
      }
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  /** {@code (live, unmanaged)} or {@code (Cognito's default)}; empty for a value from the file. */
  public String mark(String path) {
    Source source = source(path);
    return source == Source.FILE ? "" : " (" + words(source) + ")";
  }

  private static String words(Source source) {
    return switch (source) {
      case FILE -> "in the file";
      case LIVE -> "live, unmanaged";
      case DEFAULT -> "Cognito's default";
    };
  }

  /**
   * The first pointer whose value the document gives; when it gives none of them, the key that
   * names the client (the problem is in the live client and a write would send it as it is).
   */
  public String locate(List<String> pointers) {
    return inFile(pointers).orElse(spec.identityPointer());
  }

  /** The first pointer whose value the document gives; empty when it gives none of them. */
  Optional<String> inFile(List<String> pointers) {
    return pointers.stream().filter(p -> source(pathOf(p)) == Source.FILE).findFirst();
  }

  /** A problem found on this configuration, located by {@link #locate}. */
  public Diagnostic diagnostic(Severity severity, List<String> pointers, String message) {
    String pointer = locate(pointers);
    return new Diagnostic(
        severity, message, spec.source().file(), spec.positionOf(pointer), pointer, "");
  }

  /** The path of a pointer's value: the member, or the member and sub-key of a nested object. */
  static String pathOf(String pointer) {
    List<String> tokens = Pointers.tokens(pointer);
    if (tokens.isEmpty()) {
      return "";
    }
    boolean nested =
        tokens.size() > 1
            && Attribute.byMemberName(tokens.get(0))
                .map(a -> a.kind() == Attribute.Kind.OBJECT)
                .orElse(false);
    return nested ? tokens.get(0) + "/" + tokens.get(1) : tokens.get(0);
  }

  /** {@code TokenValidityUnits/AccessToken} gives {@code TokenValidityUnits.AccessToken}. */
  static String display(String path) {
    return path.replace('/', '.');
  }
}
