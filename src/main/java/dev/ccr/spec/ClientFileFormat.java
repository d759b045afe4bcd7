package dev.ccr.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The canonical layout of a client file, as {@code ccr fmt} writes it: in each document the keys in
 * the order of the schema (Cognito's UpdateUserPoolClient, then {@code ccr:}), those of {@code
 * TokenValidityUnits} as AccessToken, IdToken, RefreshToken; no trailing blanks, line feeds only,
 * one final newline.
 *
 * <p>It moves whole lines: a key takes along its value's lines and the comment lines right above
 * it, so every comment and every value's flow or block style and anchors stay as written; a quoted
 * scalar on one line whose quotes change nothing is written plain. The result is checked to compose
 * to the same YAML as the text it came from; when it would not (an alias before its anchor, say),
 * or a document's keys are not plain keys at the start of a line, that document keeps its order.
 */
public final class ClientFileFormat {
  private static final Pattern KEY =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)[ \\t]*:(?:[ \\t]|$)");
  private static final Pattern SEPARATOR = Pattern.compile("(---|\\.\\.\\.)([ \\t].*)?");
  private static final List<String> ORDER = order();
  private static final int MAX_DEPTH = YamlReader.MAX_DEPTH;

  /** Files larger than this are not formatted, as validate does not read them. */
  public static final int MAX_BYTES = YamlReader.MAX_BYTES;

  private static final List<String> UNITS = List.of("AccessToken", "IdToken", "RefreshToken");

  /** What may be written without quotes: starts with a letter or digit, single inner spaces. */
  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_./@+=:~%?&-]| (?=[^ ]))*");

  /**
   * What YAML 1.1 readers (many editors and linters) take for a boolean or a number although YAML
   * 1.2, which ccr reads, does not: such a value keeps its quotes.
   */
  private static final Pattern YAML_1_1 =
      Pattern.compile(
          "(?i)y|n|yes|no|on|off|[-+]?[0-9][0-9_:.]*(?:e[-+]?[0-9]+)?|0[xob][0-9a-f_]+");

  /** As ccr reads client files: the YAML 1.2 core schema. */
  private static final LoadSettings SETTINGS =
      LoadSettings.builder().setLabel("fmt").setSchema(new CoreSchema()).build();

  private ClientFileFormat() {}

  /** The attribute keys in schema order, then ccr's own key. */
  private static List<String> order() {
    List<String> keys = new ArrayList<>();
    for (Attribute attribute : Attribute.values()) {
      keys.add(attribute.memberName());
      if (attribute == Attribute.CLIENT_NAME) {
        keys.add("GenerateSecret");
      }
    }
    keys.add("ccr");
    return List.copyOf(keys);
  }

  /**
   * The text in canonical layout.
   *
   * @throws IllegalArgumentException when the text is not YAML (the message says where)
   */
  public static String format(String text) {
    List<Object> before = trees(text);
    String normal = text.replace("\r\n", "\n").replace('\r', '\n');
    for (boolean strip : new boolean[] {true, false}) {
      for (boolean reorder : new boolean[] {true, false}) {
        String candidate = layout(normal, strip, reorder);
        if (same(candidate, before)) {
          String plain = unquoted(candidate);
          return !plain.equals(candidate) && same(plain, before) ? plain : candidate;
        }
      }
    }
    return text;
  }

  /** The text with trailing blanks stripped or not, keys reordered or not, one final newline. */
  private static String layout(String text, boolean strip, boolean reorder) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(strip ? line.stripTrailing() : line);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    List<String> out = new ArrayList<>();
    List<String> document = new ArrayList<>();
    for (String line : lines) {
      if (SEPARATOR.matcher(line).matches()) {
        out.addAll(reorder ? document(document) : document);
        out.add(line);
        document = new ArrayList<>();
      } else {
        document.add(line);
      }
    }
    out.addAll(reorder ? document(document) : document);
    return out.isEmpty() ? "" : String.join("\n", out) + "\n";
  }

  /**
   * The text with each quoted scalar on one line that needs no quotes written plain: a word, a name
   * with single spaces, a URL or an ARN ({@code "web"} becomes {@code web}). The caller keeps the
   * result only if it composes to the same YAML, so a quote that keeps a value a string ({@code
   * '0123'}, {@code "true"}, {@code "${name}"}) stays.
   */
  private static String unquoted(String text) {
    List<ScalarNode> quoted = new ArrayList<>();
    try {
      for (Node node : composeAll(text)) {
        collectQuoted(node, quoted, 0);
      }
    } catch (YamlEngineException | IllegalArgumentException e) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    for (int i = quoted.size() - 1; i >= 0; i--) {
      ScalarNode scalar = quoted.get(i);
      Mark start = scalar.getStartMark().orElseThrow();
      Mark end = scalar.getEndMark().orElseThrow();
      String line = lines[start.getLine()];
      int from = line.offsetByCodePoints(0, start.getColumn());
      int to = line.offsetByCodePoints(0, end.getColumn());
      lines[start.getLine()] = line.substring(0, from) + scalar.getValue() + line.substring(to);
    }
    return String.join("\n", lines);
  }

  /** The quoted scalars on one line whose value could be written plain, in document order. */
  private static void collectQuoted(Node node, List<ScalarNode> quoted, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels");
    }
    if (node instanceof ScalarNode scalar) {
      boolean oneLine =
          scalar.getStartMark().isPresent()
              && scalar.getEndMark().isPresent()
              && scalar.getStartMark().get().getLine() == scalar.getEndMark().get().getLine();
      if (scalar.getScalarStyle() != ScalarStyle.PLAIN
          && scalar.getScalarStyle() != ScalarStyle.LITERAL
          && scalar.getScalarStyle() != ScalarStyle.FOLDED
          && oneLine
          && PLAIN.matcher(scalar.getValue()).matches()
          && !scalar.getValue().contains(": ")
          && !scalar.getValue().endsWith(":")
          && !YAML_1_1.matcher(scalar.getValue()).matches()
          && SETTINGS
              .getSchema()
              .getScalarResolver()
              .resolve(scalar.getValue(), true)
              .equals(Tag.STR)) {
        quoted.add(scalar);
      }
    } else if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(n -> collectQuoted(n, quoted, depth + 1));
    } else if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        collectQuoted(tuple.getKeyNode(), quoted, depth + 1);
        collectQuoted(tuple.getValueNode(), quoted, depth + 1);
      }
    }
  }

  /** Whether the text composes to the same YAML. */
  private static boolean same(String text, List<Object> trees) {
    try {
      return trees(text).equals(trees);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** One document's lines with its top-level keys, and TokenValidityUnits' keys, in order. */
  private static List<String> document(List<String> lines) {
    List<String> ordered = sorted(lines, 0, ORDER, ORDER.size() - 1.5).orElse(lines);
    List<String> result = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      result.add(ordered.get(i));
      if (ordered.get(i).startsWith("TokenValidityUnits:")
          && ordered.get(i).strip().equals("TokenValidityUnits:")) {
        int end = i + 1;
        while (end < ordered.size()
            && (ordered.get(end).isEmpty() || ordered.get(end).startsWith(" "))) {
          end++;
        }
        List<String> block = ordered.subList(i + 1, end);
        int indent = indent(block);
        result.addAll(
            indent > 0 ? sorted(block, indent, UNITS, UNITS.size()).orElse(block) : block);
        i = end - 1;
      }
    }
    return result;
  }

  private static int indent(List<String> block) {
    for (String line : block) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        return line.length() - line.stripLeading().length();
      }
    }
    return 0;
  }

  /**
   * The lines with the mapping at {@code indent} in the given key order (unknown keys after the
   * known ones, in their own order); empty when a line at that indent is neither a plain key nor a
   * comment, so the mapping is left as it is.
   */
  private static Optional<List<String>> sorted(
      List<String> lines, int indent, List<String> order, double unknown) {
    List<String> head = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    Block current = null;
    for (String line : lines) {
      boolean atIndent =
          !line.isBlank()
              && line.length() - line.stripLeading().length() == indent
              && (indent == 0 || line.startsWith(" ".repeat(indent)));
      if (!atIndent) {
        if (line.length() - line.stripLeading().length() < indent && !line.isBlank()) {
          return Optional.empty();
        }
        (current == null ? head : current.lines).addAll(pending);
        pending.clear();
        (current == null ? head : current.lines).add(line);
        continue;
      }
      String content = line.substring(indent);
      if (content.startsWith("#")) {
        (blocks.isEmpty() ? head : pending).add(line);
        continue;
      }
      Matcher key = KEY.matcher(content);
      if (!key.lookingAt()) {
        return Optional.empty();
      }
      if (current == null && !blocks.isEmpty()) {
        return Optional.empty();
      }
      current = new Block(key.group(1), new ArrayList<>(pending));
      pending.clear();
      current.lines.add(line);
      blocks.add(current);
    }
    List<String> result = new ArrayList<>(head);
    blocks.stream()
        .sorted((a, b) -> Double.compare(rank(a.key, order, unknown), rank(b.key, order, unknown)))
        .forEach(block -> result.addAll(trimmed(block.lines)));
    result.addAll(pending);
    return Optional.of(result);
  }

  /** A block's lines without the blank lines it ends with (they stay with no key in particular). */
  private static List<String> trimmed(List<String> lines) {
    int end = lines.size();
    while (end > 1 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return lines.subList(0, end);
  }

  /** A key's place: its index in the order, {@code unknown} for a key the order lacks. */
  private static double rank(String key, List<String> order, double unknown) {
    int at = order.indexOf(key);
    return at < 0 ? unknown : at;
  }

  /** A top-level key's lines: the comments right above it, its own line and its value's. */
  private record Block(String key, List<String> lines) {}

  /** Each document's composed nodes as plain values: what a change of layout must not change. */
  private static List<Object> trees(String text) {
    List<Object> trees = new ArrayList<>();
    try {
      for (Node node : composeAll(text)) {
        trees.add(tree(node, 0, new int[1]));
      }
    } catch (LimitingParser.LimitExceeded e) {
      throw new IllegalArgumentException(e.getMessage() + at(e.mark()), e);
    } catch (MarkedYamlEngineException e) {
      String at =
          e.getProblemMark()
              .map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
              .orElse("");
      throw new IllegalArgumentException(e.getProblem() + at, e);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return trees;
  }

  /**
   * The documents of the text, composed with validate's limits on nesting and on aliases of lists
   * and mappings: the composer recurses once per level, so a few thousand {@code [} would otherwise
   * overflow the stack.
   */
  private static Iterable<Node> composeAll(String text) {
    return () -> YamlReader.composer(SETTINGS, text);
  }

  private static String at(Optional<Mark> mark) {
    return mark.map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
        .orElse("");
  }

  /**
   * @param count the values converted so far in this document, aliases counted each time: a chain
   *     of aliases would otherwise expand exponentially
   */
  private static Object tree(Node node, int depth, int[] count) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels");
    }
    if (++count[0] > YamlReader.MAX_NODES) {
      throw new IllegalArgumentException(
          "document expands to more than " + YamlReader.MAX_NODES + " values (aliases included)");
    }
    if (node instanceof ScalarNode scalar) {
      return List.of(scalar.getTag().getValue(), scalar.getValue());
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue().stream().map(n -> tree(n, depth + 1, count)).toList();
    }
    Map<Object, Object> map = new HashMap<>();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      map.put(
          tree(tuple.getKeyNode(), depth + 1, count), tree(tuple.getValueNode(), depth + 1, count));
    }
    return map;
  }
}
