package dev.ccr.spec;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a packaged schema into the tree that networknt compiles and ccr's messages look things up
 * in, from Jackson's streaming parser: the schema is read once (it was read twice, by Jackson's
 * object mapper for ccr's lookups and by networknt's own reader for the validator), and the object
 * mapper of networknt's reader is never built. It gives the tree networknt's reader gives for every
 * packaged schema ({@code JsonTreeTest}); that reader keeps a fractional number a double cannot
 * hold exactly as a decimal, which this one does not, and no packaged schema has one.
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
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.stringNode(parser.getString());
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
}
