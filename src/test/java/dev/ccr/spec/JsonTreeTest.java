package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.BasicNodeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema reader gives the tree networknt's own reader and Jackson's mapper give, node type for
 * node type.
 */
class JsonTreeTest {
  @Test
  void everyPackagedSchema_readsAsNetworkntAndTheMapperReadIt() throws IOException {
    List<Path> schemas;
    try (Stream<Path> files = Files.list(Path.of("schemas"))) {
      schemas = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(schemas.size() >= 6, schemas.toString());
    for (Path schema : schemas) {
      byte[] bytes = Files.readAllBytes(schema);
      JsonNode read = JsonTree.read(bytes);
      assertEquals(JsonMapper.shared().readTree(bytes), read, schema.toString());
      assertEquals(
          BasicNodeReader.getInstance()
              .readSchema(new java.io.ByteArrayInputStream(bytes), InputFormat.JSON),
          read,
          schema.toString());
    }
  }

  @Test
  void numbers_keepTheMappersNodeTypes() {
    String json =
        "{\"int\":7,\"long\":4102444800000,\"big\":123456789012345678901234567890,"
            + "\"negative\":-3,\"float\":1.5,\"exp\":1E3,\"nested\":[[true,false,null],{}],"
            + "\"text\":\"caf\\u00e9 \\\"quoted\\\"\"}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonNode mapped = JsonMapper.shared().readTree(bytes);
    JsonNode read = JsonTree.read(bytes);
    assertEquals(mapped, read);
    for (String field : List.of("int", "long", "big", "negative", "float", "exp")) {
      assertEquals(
          mapped.get(field).getClass(), read.get(field).getClass(), field + "'s node type");
    }
    assertEquals("café \"quoted\"", read.get("text").stringValue());
  }

  @Test
  void textThatIsNotOneJsonValue_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> JsonTree.read(new byte[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> JsonTree.read("{} {}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        JacksonException.class, () -> JsonTree.read("{\"a\":".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void schemaNodes_printAsJacksonPrintsThem_andEqualJacksonsNodes() throws IOException {
    byte[] bytes = Files.readAllBytes(Path.of("schemas/user-pool-client.schema.json"));
    JsonNode read = JsonTree.read(bytes);
    JsonNode mapped = JsonMapper.shared().readTree(bytes);

    assertEquals(JsonMapper.shared().writeValueAsString(mapped), read.toString());
    assertEquals(mapped.get("if").toString(), read.get("if").toString());
    assertEquals(mapped.get("required").toString(), read.get("required").toString());
    JsonNode text = read.get("required").get(0);
    assertEquals("\"UserPoolId\"", text.toString());
    assertEquals(mapped.get("required").get(0), text);
    assertEquals(text, mapped.get("required").get(0));
    assertEquals(mapped.get("if"), read.get("if"));
    assertEquals(read.get("if"), mapped.get("if"));
    assertEquals(mapped.hashCode(), read.hashCode());
    String escaped = "{\"k\\\"ey\":[\"tab\\t\",\"caf\u00e9\",1,-2,true,null,{}]}";
    assertEquals(
        JsonMapper.shared().readTree(escaped).toString(),
        JsonTree.read(escaped.getBytes(StandardCharsets.UTF_8)).toString());
  }
}
