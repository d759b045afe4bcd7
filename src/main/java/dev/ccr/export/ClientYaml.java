package dev.ccr.export;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Formats a desired-state document as YAML: the schema modeline, then block mappings and block
 * lists, plain scalars where they read back as the same string, double-quoted when YAML 1.2 core or
 * a YAML 1.1 tool would read another type ({@code "true"}, {@code "123"}, {@code "~"}, {@code
 * "yes"}), single-quoted when a character needs it ({@code '#tag'}). One line per value, however
 * long.
 */
public final class ClientYaml {
  /** The schema's {@code $id}; editors with the YAML language server complete and check keys. */
  public static final String SCHEMA_ID = "https://ccr.dev/schemas/user-pool-client.schema.json";

  /** The first line of every exported document. */
  public static final String MODELINE = "# yaml-language-server: $schema=" + SCHEMA_ID;

  private static final DumpSettings SETTINGS =
      DumpSettings.builder()
          .setSchema(new CoreSchema())
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setDefaultScalarStyle(ScalarStyle.PLAIN)
          .setIndent(2)
          .setIndicatorIndent(2)
          .setIndentWithIndicator(true)
          .setWidth(Integer.MAX_VALUE)
          .setSplitLines(false)
          .setUseUnicodeEncoding(true)
          .build();

  /** Read as another type by YAML 1.2 core, or by YAML 1.1 tools (booleans, 1_000, 1:20). */
  private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();

  private static final Pattern YAML11_NOT_STRING =
      Pattern.compile(
          "(?i)y|n|yes|no|on|off|[-+]?[0-9][0-9_:.]*|[-+]?\\.inf|\\.nan|[-+]?0b[01_]+|[-+]?0x[0-9a-f_]+"
              + "|\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");

  /**
   * Characters the emitter would write raw in a plain scalar that a reader takes as a line break
   * (NEL, the line and paragraph separators) or drops (a byte-order mark), or any control
   * character: such a value is double-quoted, where each is an escape.
   */
  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\ufeff]");

  private ClientYaml() {}

  /**
   * One document: the modeline, then the keys in the map's order.
   *
   * @throws IllegalStateException when the text would not read back as the same values (a bug)
   */
  public static String render(Map<String, Object> document) {
    Object literal = literal(document);
    String text =
        MODELINE + "\n" + new Dump(SETTINGS, new QuotingRepresenter()).dumpToString(literal);
    Object reread =
        new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(text);
    if (!literal.equals(reread)) {
      throw new IllegalStateException("exported YAML does not read back as written:\n" + text);
    }
    return text;
  }

  /**
   * The values with each {@code ${} written {@code $${}, so that ccr reads a live value that holds
   * one as it is and not as a variable.
   */
  private static Object literal(Object value) {
    if (value instanceof String text) {
      return text.replace("${", "$${");
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ClientYaml::literal).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, literal(v)));
      return copy;
    }
    return value;
  }

  /** Strings that would be read as another type are double-quoted; the emitter quotes the rest. */
  private static final class QuotingRepresenter extends StandardRepresenter {
    QuotingRepresenter() {
      super(SETTINGS);
      representers.put(
          String.class, data -> representScalar(Tag.STR, (String) data, style((String) data)));
    }

    private static ScalarStyle style(String value) {
      boolean otherType =
          !CORE.resolve(value, true).equals(Tag.STR) || YAML11_NOT_STRING.matcher(value).matches();
      return otherType || UNSAFE.matcher(value).find()
          ? ScalarStyle.DOUBLE_QUOTED
          : ScalarStyle.PLAIN;
    }
  }

  /** Documents joined into one YAML stream, separated by {@code ---}. */
  public static String stream(List<String> documents) {
    return String.join("---\n", documents);
  }
}
