package dev.ccr.plan;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON printed the way the plan file is: two-space indents, {@code "key": value}, a final newline.
 */
public final class PrettyJson {
  public static final JsonMapper MAPPER = JsonMapper.shared();

  private PrettyJson() {}

  /** The tree as text, ending in a newline. */
  public static String write(JsonNode root) {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withArrayIndenter(indenter)
            .withObjectIndenter(indenter);
    return MAPPER.writer().with(printer).writeValueAsString(root) + "\n";
  }
}
