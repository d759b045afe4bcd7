package dev.ccr.spec;

import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads a packaged schema into the tree that networknt compiles and ccr's messages look things up
 * in, from Jackson's streaming parser: the schema is read once (it was read twice, by Jackson's
 * object mapper for ccr's lookups and by networknt's own reader for the validator). It gives the
 * tree networknt's reader gives for every packaged schema ({@code JsonTreeTest}); that reader keeps
 * a fractional number a double cannot hold exactly as a decimal, which this one does not, and no
 * packaged schema has one.
 *
 * <p>Its strings, objects and arrays print themselves as compact JSON ({@code toString}), as
 * Jackson's nodes do, but without Jackson's default object mapper, which Jackson builds on the
 * first {@code toString} of a node: networknt prints every value of an {@code enum} when it
 * compiles the schema, and the subschema under {@code not} for every document that subschema
 * matches (every document with a {@code ClientId}), so a process that validates files would build
 * that mapper only for those strings, about a tenth of {@code validate}'s start-up. They are equal
 * to, and hash as, Jackson's nodes of the same content.
 */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  /** The tree of one JSON value; the text must hold nothing after it. */
  static JsonNode read(byte[] json) {
    try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), json)) {
      JsonNode tree = value(parser, parser.nextToken());
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON value");
      }
      return tree;
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) {
    if (token == null) {
      throw new IllegalArgumentException("no JSON value");
    }
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = new SchemaObject();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = new SchemaArray();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        yield array;
      }
      case VALUE_STRING -> new SchemaString(parser.getString());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IllegalArgumentException("unexpected JSON token " + token);
    };
  }

  /** A node as compact JSON, as Jackson prints it. */
  static String print(JsonNode node) {
    StringBuilder out = new StringBuilder();
    print(node, out);
    return out.toString();
  }

  private static void print(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      String separator = "";
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        out.append(separator);
        quote(member.getKey(), out);
        out.append(':');
        print(member.getValue(), out);
        separator = ",";
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        print(node.get(i), out);
      }
      out.append(']');
    } else if (node.isString()) {
      quote(node.stringValue(), out);
    } else if (node.isNull()) {
      out.append("null");
    } else {
      out.append(node.asString()); // numbers, true, false
    }
  }

  /** A string as a JSON string literal, as Jackson writes it. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    quote(text, out);
    return out.toString();
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    out.append('"');
  }

  private static final class SchemaObject extends ObjectNode {
    private static final long serialVersionUID = 1L;

    SchemaObject() {
      super(NODES);
    }

    @Override
    public String toString() {
      return print(this);
    }
  }

  private static final class SchemaArray extends ArrayNode {
    private static final long serialVersionUID = 1L;

    SchemaArray() {
      super(NODES);
    }

    @Override
    public String toString() {
      return print(this);
    }
  }

  private static final class SchemaString extends StringNode {
    private static final long serialVersionUID = 1L;

    SchemaString(String value) {
      super(value);
    }

    @Override
    public String toString() {
      return print(this);
    }
  }
}
