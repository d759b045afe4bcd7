package dev.ccr.spec;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The app-client JSON Schema as packaged on the classpath, parsed and compiled for tests. */
final class ClientSchemas {
  static final String RESOURCE = "/dev/ccr/schemas/user-pool-client.schema.json";
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ClientSchemas() {}

  /** The schema document as a Jackson tree, properties in file order. */
  static JsonNode json() {
    try (InputStream in = open()) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema compiled by networknt under draft 2020-12. */
  static Schema validator() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    try (InputStream in = open()) {
      return registry.getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open() {
    InputStream in = ClientSchemas.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("schema not on the classpath: " + RESOURCE);
    }
    return in;
  }
}
