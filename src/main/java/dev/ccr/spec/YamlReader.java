package dev.ccr.spec;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one YAML file into JSON trees, one per document, remembering the position of every key and
 * value. Every problem becomes a diagnostic: nothing here throws for bad input.
 *
 * <p>It is long because it is the one place that turns YAML into trees with positions: decoding,
 * composing with limits, and a message for each way a file can be wrong (syntax, forbidden
 * characters, duplicate keys, tags, nulls, variables), which belong together.
 */
final class YamlReader {
  /** Files larger than this are refused before parsing. */
  static final int MAX_BYTES = 1024 * 1024;

  /** Values one document may expand to (aliases included): a client needs a few hundred. */
  static final int MAX_NODES = 10_000;

  /** Nesting one document may have: a client needs three levels. */
  static final int MAX_DEPTH = 16;

  /**
   * Aliases of lists and mappings one document may hold (each {@code <<} merge is one): a client
   * needs a few at most.
   */
  static final int MAX_COLLECTION_ALIASES = 100;

  private static final Set<Tag> SUPPORTED_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * One document as a JSON tree.
   *
   * @param values the position of each value, by JSON Pointer
   * @param keys the position of each mapping key, by the JSON Pointer of its value
   */
  record Document(
      JsonNode root,
      Position start,
      Map<String, Position> values,
      Map<String, Position> keys,
      Set<String> reported) {
    /** Whether the reader already reported a problem at this pointer or above it. */
    boolean alreadyReported(String pointer) {
      return reported.stream().anyMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"));
    }

    Position valuePosition(String pointer) {
      return values.getOrDefault(pointer, start);
    }

    Position keyPosition(String pointer) {
      return keys.getOrDefault(pointer, valuePosition(pointer));
    }
  }

  /** The documents of a file and the problems found while reading it. */
  record Result(SourceText source, List<Document> documents, List<Diagnostic> diagnostics) {}

  private final Substituter substituter;
  private final java.util.function.BiConsumer<SourceText, Document> composed;

  /** A reader of files in which no variable is replaced: each {@code ${...}} is an error. */
  YamlReader() {
    this(Substituter.forbidden("variables are only replaced in client files"));
  }

  /** A reader that replaces {@code ${...}} in values through {@code substituter}. */
  YamlReader(Substituter substituter) {
    this(substituter, (source, document) -> {});
  }

  /**
   * A reader that also hands {@code composed} each document as soon as it is read, before the rest
   * of its file is.
   */
  YamlReader(
      Substituter substituter, java.util.function.BiConsumer<SourceText, Document> composed) {
    this.substituter = substituter;
    this.composed = composed;
  }

  Result read(String file, byte[] bytes) {
    return read(file, bytes, bytes.length);
  }

  /**
   * @param size the size of the whole file, of which {@code bytes} may hold only the start when it
   *     is over the limit
   */
  Result read(String file, byte[] bytes, long size) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (size > MAX_BYTES) {
      SourceText source = SourceText.empty(file);
      diagnostics.add(
          source.error(
              Position.START,
              "",
              "file is " + size + " bytes, over the limit of " + MAX_BYTES + " bytes (1 MiB)"));
      return new Result(source, List.of(), diagnostics);
    }
    Optional<String> text = decode(file, bytes, diagnostics);
    if (text.isEmpty()) {
      return new Result(SourceText.empty(file), List.of(), diagnostics);
    }
    String content = text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get();
    SourceText source = SourceText.of(file, content);
    List<Document> documents = compose(source, content, diagnostics);
    if (documents.isEmpty() && diagnostics.isEmpty()) {
      diagnostics.add(
          source.error(
              Position.START, "", "file holds no YAML document: declare at least one client"));
    }
    return new Result(source, documents, diagnostics);
  }

  private static Optional<String> decode(String file, byte[] bytes, List<Diagnostic> diagnostics) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return Optional.of(decoder.decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      int offset = firstInvalidByte(bytes);
      String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = before.length() - before.lastIndexOf('\n');
      // The line up to the bad byte, masked as any quoted line is: a secret may precede it.
      String lineText = SourceText.of(file, before).line(line);
      diagnostics.add(
          new Diagnostic(
              Severity.ERROR,
              String.format(
                  Locale.ROOT,
                  "file is not valid UTF-8: byte 0x%02X at offset %d; save the file as UTF-8",
                  bytes[offset] & 0xFF,
                  offset),
              file,
              new Position(line, column),
              "",
              lineText));
      return Optional.empty();
    }
  }

  private static int firstInvalidByte(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  private List<Document> compose(SourceText source, String content, List<Diagnostic> diagnostics) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source.file())
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(Integer.MAX_VALUE)
            .setAllowNonScalarKeys(true)
            .setCodePointLimit(MAX_BYTES + 1)
            .setUseMarks(true)
            .build();
    List<Document> documents = new ArrayList<>();
    try {
      Composer composer = composer(settings, content);
      while (composer.hasNext()) {
        Node node = composer.next();
        Optional<Document> document =
            new Converter(source, diagnostics, substituter).document(node);
        if (document.isPresent()) {
          documents.add(document.get());
          composed.accept(source, document.get());
        }
      }
    } catch (LimitingParser.LimitExceeded e) {
      Position at = e.mark().map(YamlReader::position).orElse(Position.START);
      diagnostics.add(source.error(at, "", e.getMessage()));
    } catch (MarkedYamlEngineException e) {
      Position at =
          e.getProblemMark().or(e::getContextMark).map(YamlReader::position).orElse(Position.START);
      diagnostics.add(
          source.error(
              at, "", "YAML syntax error: " + syntaxMessage(e) + variableHint(source, at)));
    } catch (ReaderException e) {
      diagnostics.add(forbiddenCharacter(source, content));
    } catch (YamlEngineException e) {
      diagnostics.add(source.error(Position.START, "", "YAML error: " + e.getMessage()));
    }
    return documents;
  }

  /**
   * A composer whose parser refuses nesting deeper than {@link #MAX_DEPTH} levels and more than
   * {@link #MAX_COLLECTION_ALIASES} aliases of lists and mappings.
   */
  static Composer composer(LoadSettings settings, String content) {
    Parser parser = new ParserImpl(settings, new StreamReader(settings, content));
    return new Composer(settings, new LimitingParser(parser, MAX_DEPTH, MAX_COLLECTION_ALIASES));
  }

  /**
   * The first character YAML does not allow in a file (a control character other than tab and line
   * breaks, a lone surrogate, U+FFFE or U+FFFF), at its line and column.
   */
  private static Diagnostic forbiddenCharacter(SourceText source, String content) {
    int line = 1;
    int column = 1;
    for (int offset = 0; offset < content.length(); ) {
      int c = content.codePointAt(offset);
      offset += Character.charCount(c);
      if (!StreamReader.isPrintable(c)) {
        String name = Character.getName(c);
        return source.error(
            new Position(line, column),
            "",
            String.format(
                Locale.ROOT,
                "character U+%04X%s is not allowed in a YAML file: remove it, or write it as an"
                    + " escape in a double-quoted string (\\u%04X)",
                c,
                name == null ? "" : " " + name,
                c));
      }
      boolean lineBreak = c == '\n' || (c == '\r' && !content.startsWith("\n", offset));
      line += lineBreak ? 1 : 0;
      column = lineBreak ? 1 : c == '\r' ? column : column + 1;
    }
    return source.error(Position.START, "", "YAML error: a character YAML does not allow");
  }

  private static String syntaxMessage(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String message = context.isEmpty() ? problem : problem + " (" + context + ")";
    return message.isBlank() ? "malformed YAML" : message.replaceAll("\\s+", " ").trim();
  }

  /**
   * In a flow list or mapping ({@code [...]}, {@code {...}}) a plain value cannot hold braces, so
   * an unquoted {@code ${name}} there breaks the syntax: say so when the line holds one.
   */
  private static String variableHint(SourceText source, Position at) {
    return source.line(at.line()).contains("${")
        ? "; inside [...] or {...} write ${name} in quotes (its value then counts as text), or use"
            + " block style (one item per line)"
        : "";
  }

  static Position position(Mark mark) {
    return new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Converts one composed document, enforcing the size and depth limits. */
  private static final class Converter {
    private final SourceText source;
    private final List<Diagnostic> diagnostics;
    private final Substituter substituter;
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();
    private final Set<String> reported = new java.util.HashSet<>();
    private Position topKey;
    private int nodes;
    private boolean failed;

    Converter(SourceText source, List<Diagnostic> diagnostics, Substituter substituter) {
      this.source = source;
      this.diagnostics = diagnostics;
      this.substituter = substituter;
    }

    Optional<Document> document(Node root) {
      Position start = at(root);
      if (root instanceof ScalarNode scalar
          && scalar.getTag().equals(Tag.NULL)
          && scalar.getValue().isEmpty()) {
        error(start, "", "document is empty: remove the extra '---' or declare a client");
        return Optional.empty();
      }
      JsonNode json = convert(root, "", 0);
      return failed
          ? Optional.empty()
          : Optional.of(new Document(json, start, values, keys, reported));
    }

    private JsonNode convert(Node node, String pointer, int depth) {
      if (failed) {
        return JSON.nullNode();
      }
      if (++nodes > MAX_NODES) {
        return limit(
            node,
            pointer,
            "document expands to more than " + MAX_NODES + " values (aliases included)");
      }
      if (depth > MAX_DEPTH) {
        return limit(
            node,
            pointer,
            "document nests deeper than "
                + MAX_DEPTH
                + " levels (is an anchor referring to itself?)");
      }
      values.putIfAbsent(pointer, at(node));
      if (node instanceof ScalarNode scalar && substituter.handles(scalar)) {
        return substituted(scalar, pointer);
      }
      if (!SUPPORTED_TAGS.contains(node.getTag())) {
        error(
            at(node),
            pointer,
            Pointers.display(pointer)
                + ": unsupported tag "
                + tagName(node.getTag())
                + "; only plain strings, numbers, booleans, lists and mappings are allowed");
        return JSON.nullNode();
      }
      if (node instanceof MappingNode mapping) {
        return mapping(mapping, pointer, depth);
      }
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = JSON.arrayNode();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size() && !failed; i++) {
          array.add(convert(items.get(i), Pointers.child(pointer, i), depth + 1));
        }
        return array;
      }
      return scalar((ScalarNode) node, pointer);
    }

    private JsonNode mapping(MappingNode mapping, String pointer, int depth) {
      ObjectNode object = JSON.objectNode();
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)
            || keyNode.getTag().equals(Tag.NULL)) {
          error(
              at(tuple.getKeyNode()),
              pointer,
              "keys must be plain attribute names, found a " + kind(tuple.getKeyNode()));
          continue;
        }
        String key = keyNode.getValue();
        String child = Pointers.child(pointer, key);
        Position keyAt = at(keyNode);
        if (object.has(key)) {
          Position first = keys.get(child);
          error(
              keyAt,
              child,
              "duplicate key "
                  + key
                  + "; first defined at line "
                  + first.line()
                  + ", column "
                  + first.column());
          continue;
        }
        keys.put(child, keyAt);
        if (depth == 0) {
          topKey = keyAt;
        }
        object.set(key, convert(tuple.getValueNode(), child, depth + 1));
      }
      return object;
    }

    private JsonNode scalar(ScalarNode scalar, String pointer) {
      String value = scalar.getValue();
      Tag tag = scalar.getTag();
      if (tag.equals(Tag.NULL)) {
        if (!removable(pointer)) {
          error(at(scalar), pointer, NullValues.message(pointer));
        }
        return JSON.nullNode();
      }
      if (tag.equals(Tag.BOOL)) {
        return JSON.booleanNode(value.equalsIgnoreCase("true"));
      }
      if (tag.equals(Tag.INT)) {
        return JSON.numberNode(integer(value));
      }
      if (tag.equals(Tag.FLOAT)) {
        return floating(scalar, pointer);
      }
      return JSON.stringNode(value);
    }

    /** A scalar with variables replaced; every value it gives stands at the scalar's position. */
    private JsonNode substituted(ScalarNode scalar, String pointer) {
      Position at = at(scalar);
      Substituter.Result result =
          substituter.substitute(source.file(), scalar, at, Optional.ofNullable(keys.get(pointer)));
      if (!result.problems().isEmpty()) {
        result.problems().forEach(problem -> error(at, pointer, problem));
        return JSON.nullNode();
      }
      place(result.value(), pointer, at);
      return result.value();
    }

    private void place(JsonNode value, String pointer, Position at) {
      values.putIfAbsent(pointer, at);
      for (int i = 0; value.isArray() && i < value.size(); i++) {
        place(value.get(i), Pointers.child(pointer, i), at);
      }
      value
          .properties()
          .forEach(
              entry -> {
                String child = Pointers.child(pointer, entry.getKey());
                keys.putIfAbsent(child, at);
                place(entry.getValue(), child, at);
              });
    }

    private static BigInteger integer(String text) {
      String digits = text.startsWith("+") ? text.substring(1) : text;
      if (digits.startsWith("0x")) {
        return new BigInteger(digits.substring(2), 16);
      }
      if (digits.startsWith("0o")) {
        return new BigInteger(digits.substring(2), 8);
      }
      return new BigInteger(digits);
    }

    /**
     * A float of the YAML core schema. {@code .inf} and {@code .nan} (in any case, with a sign) are
     * floats too, not text: no attribute takes them, so they are reported here, as what they are.
     */
    private JsonNode floating(ScalarNode scalar, String pointer) {
      String text = scalar.getValue();
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".inf") || lower.endsWith(".nan")) {
        error(
            at(scalar),
            pointer,
            Pointers.display(pointer)
                + ": "
                + text
                + " is YAML for "
                + (lower.endsWith(".nan")
                    ? "not-a-number"
                    : lower.startsWith("-") ? "minus infinity" : "infinity")
                + " (a float), which ccr does not accept; give a whole number, or quote it (\""
                + text
                + "\") for text");
        return JSON.nullNode();
      }
      return JSON.numberNode(new java.math.BigDecimal(text));
    }

    private JsonNode limit(Node node, String pointer, String message) {
      error(topKey != null ? topKey : at(node), pointer, message);
      failed = true;
      return JSON.nullNode();
    }

    private void error(Position position, String pointer, String message) {
      reported.add(pointer);
      diagnostics.add(source.error(position, pointer, message));
    }

    /** Whether the pointer names a top-level attribute that {@code null} removes. */
    private static boolean removable(String pointer) {
      List<String> tokens = Pointers.tokens(pointer);
      return tokens.size() == 1
          && Attribute.byMemberName(tokens.get(0)).map(Attribute::removable).orElse(false);
    }

    private static String tagName(Tag tag) {
      String value = tag.getValue();
      return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    private static String kind(Node node) {
      return node instanceof MappingNode
          ? "mapping"
          : node instanceof SequenceNode ? "list" : "null";
    }

    private static Position at(Node node) {
      return node.getStartMark().map(YamlReader::position).orElse(Position.START);
    }
  }
}
