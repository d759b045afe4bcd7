package dev.ccr.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OASIS SARIF 2.1.0 schema, as code scanning's readers check a report against it. */
public final class SarifSchema {
  private static final Schema OASIS = load();

  private SarifSchema() {}

  private static Schema load() {
    try (InputStream in =
        Files.newInputStream(
            Golden.projectDir()
                .resolve("src/test/resources/schemas/sarif/sarif-schema-2.1.0.json"))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the schema finds wrong with the document: empty when it is valid SARIF 2.1.0. */
  public static List<Error> validate(JsonNode sarif) {
    return OASIS.validate(sarif);
  }

  /** {@link #validate(JsonNode)} of a document's text. */
  public static List<Error> validate(String sarif) {
    return validate(JsonMapper.shared().readTree(sarif));
  }
}
