package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ccr fmt}'s layout: each golden NAME.input.yaml formats to NAME.output.yaml. */
class ClientFileFormatTest {
  private static final Path DIR = Golden.projectDir().resolve("src/test/resources/golden/fmt");

  static List<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".input.yaml"))
          .map(n -> n.substring(0, n.length() - ".input.yaml".length()))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void format_givesTheGoldenOutput_andChangesItNoFurther(String name) throws IOException {
    String input = Files.readString(DIR.resolve(name + ".input.yaml"), StandardCharsets.UTF_8);
    String output = ClientFileFormat.format(input);

    Golden.assertMatches(DIR.resolve(name + ".output.yaml"), output);
    assertEquals(output, ClientFileFormat.format(output), "idempotent");
  }

  @Test
  void cases_coverEveryKindOfChange() throws IOException {
    assertTrue(
        cases().containsAll(List.of("key-order", "whitespace", "documents", "anchor", "quoting")));
  }

  @Test
  void format_trailingBlanksInALiteralBlock_areKeptAsTheyAreValue() {
    String text = "ClientName: x\nUserPoolId: us-east-1_A\nDefaultRedirectURI: |\n  a  \n";
    assertEquals(
        "UserPoolId: us-east-1_A\nClientName: x\nDefaultRedirectURI: |\n  a  \n",
        ClientFileFormat.format(text));
  }

  @Test
  void format_notYaml_isRefusedWithWhere() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ClientFileFormat.format("a: [1, 2\nb: 3\n"));
    assertEquals("expected ',' or ']', but got : at line 2, column 2", e.getMessage());
  }

  @Test
  void format_examples_keepsEveryComment() throws IOException {
    try (Stream<Path> files = Files.list(Golden.projectDir().resolve("examples"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String text = Files.readString(file);
        List<String> before = text.lines().filter(l -> l.contains("#")).sorted().toList();
        List<String> after =
            ClientFileFormat.format(text).lines().filter(l -> l.contains("#")).sorted().toList();
        assertEquals(before, after, file.toString());
      }
    }
  }
}
