package dev.ccr.plan;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The canonical form of a plan document that its digest hashes: the JSON Canonicalization Scheme of
 * RFC 8785 over a document whose numbers are integers. No whitespace; object members sorted by
 * name, comparing UTF-16 code units; in strings {@code "} and {@code \} and the characters U+0000
 * to U+001F escaped ({@code \b \t \n \f \r}, the others as {@code \}{@code u00xx} with lower-case
 * hex digits), every other character as it is; integers in plain decimal; {@code true}, {@code
 * false}, {@code null}. docs/security.md states the recipe, and a test recomputes it in Python.
 */
final class CanonicalJson {
  /** The largest integer written: beyond it, RFC 8785's number form and plain decimal differ. */
  static final long MAX_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  /**
   * The canonical text of a document.
   *
   * @throws IllegalArgumentException for what ccr never writes: a number that is not an integer or
   *     beyond ±(2^53 - 1), or a string with an unpaired surrogate
   */
  static String of(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.append('{');
      String separator = "";
      for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
        out.append(separator);
        string(member.getKey(), out);
        out.append(':');
        write(member.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      String separator = "";
      for (JsonNode item : node.values()) {
        out.append(separator);
        write(item, out);
        separator = ",";
      }
      out.append(']');
    } else if (node.isString()) {
      string(node.stringValue(), out);
    } else if (node.isNumber()) {
      out.append(integer(node));
    } else if (node.isBoolean() || node.isNull()) {
      out.append(node.isNull() ? "null" : String.valueOf(node.booleanValue()));
    } else {
      throw new IllegalArgumentException("a JSON value of another kind: " + node.getNodeType());
    }
  }

  private static String integer(JsonNode number) {
    if (!number.isIntegralNumber()
        || !number.canConvertToLong()
        || Math.abs(number.longValue()) > MAX_INTEGER) {
      throw new IllegalArgumentException(
          "the number " + number + " (ccr writes only integers up to 2^53 - 1)");
    }
    return Long.toString(number.longValue());
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else if (Character.isSurrogate(c) && !paired(text, i)) {
            throw new IllegalArgumentException("a string with an unpaired surrogate");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Whether the surrogate at {@code i} is half of a pair (the low half is checked from the high).
   */
  private static boolean paired(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
