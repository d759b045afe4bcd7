package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ${name} in client files: typed and text values, precedence, positions and origins. */
class VariablesTest {
  private static final String HEADER =
      "UserPoolId: us-east-1_Example12\nClientId: 3n4b5urk1ft4fl3mg5e62d9ado\n";

  @TempDir Path dir;

  private static final String PROJECT =
      """
      environments:
        dev:
          vars:
            pool: us-east-1_DevPool1
            validity: 30
            domain: dev.example.com
            urls: [https://dev.example.com/a, https://dev.example.com/b]
        prod:
          vars:
            pool: eu-west-1_ProdPool1
            validity: 90
            domain: example.com
            urls: [https://example.com/a, http://example.com/b]
      """;

  @Test
  void load_wholeScalarReference_takesTheTypedValue() {
    ClientSpec spec =
        single(
            load(
                vars("--var", "n=5", "--var", "on=true"),
                HEADER + "AuthSessionValidity: ${n}\nEnableTokenRevocation: ${on}\n"));
    assertEquals(5, spec.get("AuthSessionValidity").orElseThrow());
    assertEquals(true, spec.get("EnableTokenRevocation").orElseThrow());
  }

  @Test
  void load_referenceInsideText_isReplacedAsText() {
    ClientSpec spec =
        single(
            load(
                vars("--var", "domain=app.example.com", "--var", "n=3"),
                HEADER + "CallbackURLs: [\"https://${domain}/cb${n}\"]\nClientName: web-${n}\n"));
    assertEquals(List.of("https://app.example.com/cb3"), spec.get("CallbackURLs").orElseThrow());
    assertEquals("web-3", spec.get("ClientName").orElseThrow());
  }

  @Test
  void load_quotedWholeReference_staysText() {
    DesiredState state = load(vars("--var", "n=30"), HEADER + "AccessTokenValidity: \"${n}\"\n");
    assertEquals(
        List.of(
            "3:22: error: AccessTokenValidity: expected an integer, found the string \"30\" (${n} from --var)"),
        located(state));
  }

  @Test
  void load_listVariable_givesAListWhoseItemsStandAtTheReference() {
    DesiredState state =
        load(
            vars("--var", "urls=[https://a.example.com/cb, 'https://a.example.com/#frag']"),
            HEADER + "CallbackURLs: ${urls}\n");
    assertEquals(1, state.diagnostics().size(), state.diagnostics().toString());
    Diagnostic d = state.diagnostics().get(0);
    assertEquals(new Position(3, 15), d.position());
    assertTrue(d.message().startsWith("CallbackURLs[1]: "), d.message());
    assertTrue(d.message().endsWith("(${urls} from --var)"), d.message());
  }

  @Test
  void load_unresolvedVariable_isAnErrorAtItsPositionNamingTheEnvironmentsThatDefineIt()
      throws IOException {
    Variables variables = project().build();
    DesiredState state = load(variables, HEADER + "ClientName: web\nUserPoolId: ${pool}\n");
    // UserPoolId twice is a duplicate key; use a file with the reference first.
    state = load(variables, "UserPoolId: ${pool}\nClientId: abc\n");
    assertEquals(
        List.of(
            "1:13: error: variable pool has no value; environments dev, prod define it: select one with --env"),
        located(state));
    assertEquals(java.util.Set.of("pool"), state.substitutions().unresolved());
  }

  @Test
  void load_variableMissingInTheSelectedEnvironment_saysWhereToAddIt() throws IOException {
    Files.writeString(
        dir.resolve("ccr.yaml"), PROJECT + "  staging:\n    vars: {pool: us-east-1_Stage1}\n");
    Variables variables = builder(Map.of()).environment("staging").build();
    DesiredState state = load(variables, HEADER + "ClientName: ${domain}\n");
    assertEquals(
        List.of(
            "3:13: error: variable domain has no value in environment staging; environments dev, prod define it: add it to environments.staging.vars in "
                + dir.resolve("ccr.yaml")
                + ", or pass --var domain=VALUE"),
        located(state));
  }

  @Test
  void load_variableNobodyDefines_saysHowToDefineItAndSuggestsANearName() throws IOException {
    DesiredState state =
        load(project().environment("dev").build(), HEADER + "ClientName: ${domian}\n");
    assertEquals(
        List.of(
            "3:13: error: variable domian has no value (did you mean domain?); define it under environments.NAME.vars in ccr.yaml, pass --var domian=VALUE, or set CCR_VAR_domian"),
        located(state));
  }

  @Test
  void load_precedence_varBeatsVarFileBeatsEnvironmentBeatsProcess() throws IOException {
    Path varFile = dir.resolve("vars.yaml");
    Files.writeString(varFile, "a: file\nb: file\n");
    String text = HEADER + "ClientName: ${a}-${b}-${pool}-${c}\n";
    Files.writeString(dir.resolve("ccr.yaml"), PROJECT);
    Variables variables =
        builder(Map.of("CCR_VAR_a", "process", "CCR_VAR_pool", "process", "CCR_VAR_c", "process"))
            .environment("dev")
            .file(varFile)
            .assign("a=cli")
            .build();
    assertEquals(
        "cli-file-us-east-1_DevPool1-process",
        single(load(variables, text)).get("ClientName").orElseThrow());
  }

  @Test
  void load_valueFromTheEnvironmentOutOfRange_namesTheVariableAndWhereItCameFrom()
      throws IOException {
    DesiredState state =
        load(project().environment("prod").build(), HEADER + "AuthSessionValidity: ${validity}\n");
    assertEquals(1, state.diagnostics().size(), state.diagnostics().toString());
    Diagnostic d = state.diagnostics().get(0);
    assertEquals(new Position(3, 22), d.position());
    assertTrue(d.message().startsWith("AuthSessionValidity: 90 "), d.message());
    assertTrue(
        d.message()
            .endsWith("(${validity} from environment prod, " + dir.resolve("ccr.yaml") + ":11)"),
        d.message());
  }

  @Test
  void load_ruleBrokenByAValueFromTheEnvironment_namesTheVariableAtTheKeyToo() throws IOException {
    DesiredState state =
        load(
            project().environment("prod").build(),
            HEADER
                + "AccessTokenValidity: ${validity}\nTokenValidityUnits: {AccessToken: hours}\n");
    assertEquals(1, state.diagnostics().size(), state.diagnostics().toString());
    assertEquals(
        "AccessTokenValidity: 90 hours is outside the 5 minutes to 1 day Cognito allows for the access token (${validity} from environment prod, "
            + dir.resolve("ccr.yaml")
            + ":11)",
        state.diagnostics().get(0).message());
  }

  @Test
  void read_escapedReference_isLiteralText() {
    assertEquals("cost ${x} and $$", read(Variables.none(), "v: \"cost $${x} and $$\"\n"));
  }

  @Test
  void load_malformedReferences_areErrorsThatSayWhy() {
    DesiredState state =
        load(
            Variables.none(),
            HEADER
                + "ClientName: ${my-name}\nDefaultRedirectURI: ${url:-https://x}\nLogoutURLs: [\"${open\"]\n");
    List<String> messages = located(state);
    assertEquals(3, messages.size(), messages.toString());
    assertTrue(
        messages.get(0).startsWith("3:13: error: ${my-name} is not a variable"), messages.get(0));
    assertTrue(
        messages.get(1).contains("defaults such as ${name:-value} are not supported"),
        messages.get(1));
    assertTrue(messages.get(2).contains("unclosed ${"), messages.get(2));
  }

  @Test
  void load_unquotedReferenceInAFlowList_isASyntaxErrorThatSaysToQuoteIt() {
    List<String> messages =
        located(load(Variables.none(), HEADER + "CallbackURLs: [https://${domain}/cb]\n"));
    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).contains("YAML syntax error"), messages.get(0));
    assertTrue(
        messages
            .get(0)
            .endsWith(
                "inside [...] or {...} write ${name} in quotes (its value then counts as text), or use block style (one item per line)"),
        messages.get(0));
  }

  @Test
  void load_listInsideLongerText_isAnError() {
    DesiredState state = load(vars("--var", "urls=[a, b]"), HEADER + "ClientName: x-${urls}\n");
    assertEquals(
        List.of(
            "3:13: error: ${urls} is a list and cannot be part of a longer text; write it alone, without quotes"),
        located(state));
  }

  @Test
  void load_processVariable_isReadAsYaml() {
    Variables variables = Variables.builder(Map.of("CCR_VAR_n", "15")).build();
    assertEquals(
        15,
        single(load(variables, HEADER + "AuthSessionValidity: ${n}\n"))
            .get("AuthSessionValidity")
            .orElseThrow());
  }

  @Test
  void load_processVariableThatIsNotYaml_isReportedOnlyWhereUsed() {
    Variables variables =
        Variables.builder(Map.of("CCR_VAR_bad", "[unclosed", "CCR_VAR_ok", "x")).build();
    assertTrue(load(variables, HEADER + "ClientName: ${ok}\n").diagnostics().isEmpty());
    List<String> messages = located(load(variables, HEADER + "ClientName: ${bad}\n"));
    assertEquals(1, messages.size());
    assertTrue(
        messages.get(0).startsWith("3:13: error: CCR_VAR_bad: YAML syntax error"), messages.get(0));
  }

  @Test
  void assign_malformed_isAUsageProblem() {
    Variables.Builder builder = Variables.builder(Map.of());
    builder.assign("novalue").assign("bad-name=1").assign("x=[1,").assign("n=null");
    List<String> problems = builder.problems();
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("'novalue'"), problems.get(0));
    assertTrue(problems.get(1).contains("'bad-name=1'"), problems.get(1));
    assertTrue(problems.get(2).startsWith("--var x: YAML syntax error"), problems.get(2));
    assertTrue(problems.get(3).startsWith("--var n: null is not a value"), problems.get(3));
  }

  @Test
  void assign_emptyValue_isTheEmptyString() {
    Variables variables = Variables.builder(Map.of()).assign("e=").build();
    assertEquals("[]", read(variables, "v: \"[${e}]\"\n"));
  }

  @Test
  void file_problems_areDiagnosticsAtTheirPositions() throws IOException {
    Path varFile = dir.resolve("vars.yaml");
    Files.writeString(varFile, "good: 1\nbad-name: 2\nref: ${x}\n");
    Variables.Builder builder = Variables.builder(Map.of()).file(varFile);
    List<String> messages =
        builder.diagnostics().stream()
            .map(d -> d.position().line() + ":" + d.position().column() + ": " + d.message())
            .toList();
    assertEquals(
        List.of(
            "2:1: bad-name is not a variable name: use only letters, digits and _",
            "3:6: ${x}: variables are only replaced in client files"),
        messages.stream().sorted().toList());
  }

  @Test
  void read_withoutReferences_leavesDollarsAndBracesAlone() {
    assertEquals("plain $ text {} $x", read(Variables.none(), "v: plain $ text {} $x\n"));
  }

  private static String read(Variables variables, String text) {
    YamlReader.Result result =
        new YamlReader(Substituter.of(variables))
            .read("v.yaml", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(List.of(), result.diagnostics());
    return result.documents().get(0).root().get("v").stringValue();
  }

  private Variables.Builder project() throws IOException {
    Files.writeString(dir.resolve("ccr.yaml"), PROJECT);
    return builder(Map.of());
  }

  private Variables.Builder builder(Map<String, String> env) {
    ProjectFile.Loaded loaded = ProjectFile.load(dir.resolve("ccr.yaml"));
    assertEquals(List.of(), loaded.diagnostics());
    return Variables.builder(env).project(loaded.project().orElseThrow());
  }

  private static Variables vars(String... options) {
    Variables.Builder builder = Variables.builder(Map.of());
    for (int i = 1; i < options.length; i += 2) {
      builder.assign(options[i]);
    }
    assertEquals(List.of(), builder.problems());
    return builder.build();
  }

  private static DesiredState load(Variables variables, String text) {
    return new SpecLoader(variables, RuleSettings.DEFAULT).loadText("web.yaml", text);
  }

  private static ClientSpec single(DesiredState state) {
    assertEquals(List.of(), state.diagnostics());
    assertEquals(1, state.clients().size());
    return state.clients().get(0);
  }

  private static List<String> located(DesiredState state) {
    return state.diagnostics().stream()
        .map(
            d ->
                d.position().line()
                    + ":"
                    + d.position().column()
                    + ": "
                    + d.severity().label()
                    + ": "
                    + d.message())
        .collect(Collectors.toList());
  }
}
