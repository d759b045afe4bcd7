package dev.ccr.report;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON printed the way the plan file is: two-space indents, {@code "key": value}, a final newline. */
final class PrettyJson {
  static final JsonMapper MAPPER = JsonMapper.shared();

  private PrettyJson() {}

  static String write(JsonNode root) {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators).withArrayIndenter(indenter).withObjectIndenter(indenter);
    return MAPPER.writer().with(printer).writeValueAsString(root) + "\n";
  }
}
