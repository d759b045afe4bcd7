package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML reader on its own: trees with positions, and every problem at its line and column. */
class YamlReaderTest {
  private static YamlReader.Result read(String yaml) {
    return new YamlReader().read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** Each problem as {@code line:column pointer | message}. */
  private static List<String> problems(YamlReader.Result result) {
    return result.diagnostics().stream()
        .map(
            d ->
                d.position().line()
                    + ":"
                    + d.position().column()
                    + " "
                    + d.pointer()
                    + " | "
                    + d.message())
        .toList();
  }

  @Test
  void read_keepsThePositionOfEveryKeyAndValue() {
    YamlReader.Result result =
        read(
            "UserPoolId: us-east-1_A\n"
                + "CallbackURLs:\n"
                + "  - https://a.example.com\n"
                + "TokenValidityUnits: {AccessToken: hours}\n");
    assertEquals(List.of(), problems(result));
    YamlReader.Document document = result.documents().get(0);
    assertEquals(
        "{\"UserPoolId\":\"us-east-1_A\",\"CallbackURLs\":[\"https://a.example.com\"],"
            + "\"TokenValidityUnits\":{\"AccessToken\":\"hours\"}}",
        document.root().toString());
    assertEquals(new Position(2, 1), document.keyPosition("/CallbackURLs"));
    assertEquals(new Position(3, 5), document.valuePosition("/CallbackURLs/0"));
    assertEquals(new Position(4, 22), document.keyPosition("/TokenValidityUnits/AccessToken"));
    assertEquals(new Position(4, 35), document.valuePosition("/TokenValidityUnits/AccessToken"));
  }

  @Test
  void read_severalDocuments_eachWithItsStart() {
    YamlReader.Result result = read("UserPoolId: a\n---\nUserPoolId: b\n");
    assertEquals(
        List.of(new Position(1, 1), new Position(3, 1)),
        result.documents().stream().map(YamlReader.Document::start).toList());
  }

  @Test
  void duplicateKey_isAnErrorAtTheSecond_namingTheFirst() {
    assertEquals(
        List.of("3:1 /ClientName | duplicate key ClientName; first defined at line 2, column 1"),
        problems(read("UserPoolId: a\nClientName: x\nClientName: y\n")));
  }

  @Test
  void syntaxError_isAtWhereTheParserStopped() {
    assertEquals(
        List.of(
            "3:1  | YAML syntax error: expected ',' or ']', but got <stream end> (while parsing a"
                + " flow sequence)"),
        problems(read("UserPoolId: a\nClientName: [x\n")));
  }

  @Test
  void nestingBeyondTheLimit_isAnErrorAtTheLevelTooDeep() {
    assertEquals(
        List.of("1:19  | document nests deeper than " + YamlReader.MAX_DEPTH + " levels"),
        problems(read("A: " + "[".repeat(20) + "]".repeat(20) + "\n")));
  }

  @Test
  void aFileOverTheSizeLimit_isNotParsed() {
    YamlReader.Result result =
        new YamlReader().read("big.yaml", new byte[10], YamlReader.MAX_BYTES + 1);
    assertEquals(List.of(), result.documents());
    assertEquals(
        List.of("1:1  | file is 1048577 bytes, over the limit of 1048576 bytes (1 MiB)"),
        problems(result));
  }

  @Test
  void invalidUtf8_namesTheByteAndItsOffset() {
    YamlReader.Result result =
        new YamlReader().read("bad.yaml", new byte[] {'a', ':', ' ', (byte) 0xC3, '\n'});
    assertEquals(
        List.of("1:4  | file is not valid UTF-8: byte 0xC3 at offset 3; save the file as UTF-8"),
        problems(result));
  }

  @Test
  void anEmptyFile_asksForAClient() {
    assertEquals(
        List.of("1:1  | file holds no YAML document: declare at least one client"),
        problems(read("")));
  }

  @Test
  void aByteOrderMark_isNotPartOfTheFirstKey() {
    YamlReader.Result result = read("\uFEFFUserPoolId: a\n");
    assertEquals(List.of(), problems(result));
    assertEquals("a", result.documents().get(0).root().get("UserPoolId").stringValue());
  }

  @Test
  void nullUnsupportedTagsAndForbiddenVariables_areErrorsAtTheValue() {
    assertEquals(
        List.of(
            "2:15 /CallbackURLs | CallbackURLs is null, but a client always has one: write [] for"
                + " an empty list, or remove the key to leave it unmanaged"),
        problems(read("UserPoolId: a\nCallbackURLs: null\n")));
    assertEquals(
        List.of(
            "1:13 /UserPoolId | UserPoolId: unsupported tag !!binary; only plain strings,"
                + " numbers, booleans, lists and mappings are allowed"),
        problems(read("UserPoolId: !!binary aGk=\n")));
    assertEquals(
        List.of("1:13 /UserPoolId | ${POOL}: variables are only replaced in client files"),
        problems(read("UserPoolId: ${POOL}\n")));
  }
}
