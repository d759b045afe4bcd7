package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema checker on its own: each violation of the client schema as one error at the key or
 * value it concerns, in words, never in the validator's.
 */
class SchemaCheckerTest {
  private static final String HEAD = "UserPoolId: us-east-1_Abc\nClientName: web\n";

  /** Each error as {@code line:column pointer | message}. */
  private static List<String> check(String yaml) {
    YamlReader.Result read = new YamlReader().read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), read.diagnostics(), "the YAML reads");
    List<String> found = new ArrayList<>();
    for (YamlReader.Document document : read.documents()) {
      new SchemaChecker()
          .check(read.source(), document)
          .forEach(
              d ->
                  found.add(
                      d.severity()
                          + " "
                          + d.position().line()
                          + ":"
                          + d.position().column()
                          + " "
                          + d.pointer()
                          + " | "
                          + d.message()));
    }
    return found;
  }

  @Test
  void aValidDocument_hasNoProblem() {
    assertEquals(List.of(), check(HEAD));
  }

  @Test
  void unknownKey_isAtTheKey_withTheNearestName() {
    assertEquals(
        List.of("ERROR 3:1 /ClientNme | unknown key ClientNme; did you mean ClientName?"),
        check(HEAD + "ClientNme: x\n"));
  }

  @Test
  void missingRequiredKey_isAtTheDocument() {
    assertEquals(
        List.of("ERROR 1:1  | missing required key UserPoolId"), check("ClientName: web\n"));
  }

  @Test
  void wrongType_isAtTheValue_namingBoth() {
    assertEquals(
        List.of(
            "ERROR 3:22 /AuthSessionValidity | AuthSessionValidity: expected an integer, found"
                + " the string \"five\""),
        check(HEAD + "AuthSessionValidity: five\n"));
  }

  @Test
  void valueOutsideTheEnum_isAtTheItem_listingTheAllowedOnes() {
    List<String> found = check(HEAD + "ExplicitAuthFlows: [ALLOW_NOTHING]\n");
    assertEquals(1, found.size(), found.toString());
    assertEquals(
        "ERROR 3:21 /ExplicitAuthFlows/0 | ExplicitAuthFlows[0]: \"ALLOW_NOTHING\" is not one of ",
        found.get(0).substring(0, found.get(0).indexOf("one of ") + "one of ".length()));
    assertEquals(true, found.get(0).contains("ALLOW_USER_SRP_AUTH"), found.get(0));
  }

  @Test
  void numberOutOfRange_isAtTheValue() {
    assertEquals(
        List.of(
            "ERROR 3:22 /AuthSessionValidity | AuthSessionValidity: 99 must have a maximum value"
                + " of 15"),
        check(HEAD + "AuthSessionValidity: 99\n"));
  }

  @Test
  void numberBeyond64Bits_isAnErrorNotAFailureOfTheValidator() {
    assertEquals(
        List.of(
            "ERROR 3:22 /AuthSessionValidity | AuthSessionValidity: 99999999999999999999999 is"
                + " out of range: no attribute takes a number beyond \u00b19223372036854775807"
                + " (2^63 - 1)"),
        check(HEAD + "AuthSessionValidity: 99999999999999999999999\n"));
  }

  @Test
  void patternMismatch_explainsThePatternInWords() {
    assertEquals(
        List.of(
            "ERROR 1:13 /UserPoolId | UserPoolId: \"nope\" is not a user pool id: the region, an"
                + " underscore, then ASCII letters and digits, such as us-east-1_Abc123 (pattern"
                + " ^(?:[\\w-]+_[0-9a-zA-Z]+)$)"),
        check("UserPoolId: nope\nClientName: web\n"));
  }

  @Test
  void shownText_isQuotedAsJson() {
    for (String text :
        List.of("plain", "a \"quote\" and a \\ backslash", "tab\tnew\nline\u0001", "café ☕")) {
      assertEquals(
          tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text),
          SchemaChecker.show(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(text)),
          text);
    }
  }
}
