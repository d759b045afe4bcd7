package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  private static final String POOL = "us-east-1_Loader1";
  private static final String ID = "3n4b5urk1ft4fl3mg5e62d9ado";

  @TempDir Path dir;

  private Path file(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private static String byId(String name) {
    return "UserPoolId: " + POOL + "\nClientId: " + ID + "\nClientName: " + name + "\n";
  }

  private static String byName(String name) {
    return "UserPoolId: " + POOL + "\nClientName: " + name + "\n";
  }

  private static List<String> errors(DesiredState state) {
    return state.diagnostics().stream()
        .filter(Diagnostic::isError)
        .map(d -> d.file() + ":" + d.position().line() + " " + d.message())
        .toList();
  }

  @Test
  void aClientDeclaredOnce_isLoaded() throws IOException {
    DesiredState state = new SpecLoader().load(List.of(file("web.yaml", byId("web"))));
    assertEquals(List.of(), errors(state));
    assertEquals(1, state.clients().size());
    ClientSpec web = state.clients().get(0);
    assertEquals(ClientRef.byId(POOL, ID).withName("web"), web.ref());
    assertEquals(new Position(2, 1), web.positionOf("/ClientId"));
  }

  @Test
  void aClientDeclaredTwice_inTwoFiles_isOneErrorAtTheSecond_namingTheFirst_andNeitherIsLoaded()
      throws IOException {
    Path a = file("a.yaml", byId("web"));
    Path b = file("b.yaml", byId("web-copy"));
    DesiredState state = new SpecLoader().load(List.of(a, b));
    assertEquals(List.of(), state.clients());
    List<String> errors = errors(state);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith(b + ":2 client web-copy"), errors.toString());
    assertTrue(errors.get(0).contains("declared again (first at " + a + ":2)"), errors.toString());
  }

  @Test
  void aClientDeclaredThreeTimes_isAnErrorAtEachLaterOne_namingTheFirst() throws IOException {
    Path a = file("a.yaml", byId("one") + "---\n" + byId("two"));
    Path b = file("b.yaml", byId("three"));
    DesiredState state = new SpecLoader().load(List.of(a, b));
    assertEquals(List.of(), state.clients());
    List<String> errors = errors(state);
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith(a + ":6 client two"), errors.toString());
    assertTrue(errors.get(0).contains("(first at " + a + ":2)"), errors.toString());
    assertTrue(errors.get(1).startsWith(b + ":2 client three"), errors.toString());
    assertTrue(errors.get(1).contains("(first at " + a + ":2)"), errors.toString());
  }

  @Test
  void aClientDeclaredTwiceByName_isAnErrorAtTheSecondName_namingTheFirst() throws IOException {
    Path a = file("a.yaml", byName("web"));
    Path b = file("b.yaml", "# the same client\n" + byName("web"));
    DesiredState state = new SpecLoader().load(List.of(a, b));
    assertEquals(List.of(), state.clients());
    List<String> errors = errors(state);
    assertEquals(
        List.of(
            b
                + ":3 client web (us-east-1_Loader1) is declared by name again (first at "
                + a
                + ":2); declare each client once"),
        errors);
  }

  @Test
  void twoClients_ofOneName_inTwoPools_areTwoClients() throws IOException {
    Path a = file("a.yaml", byName("web"));
    Path b = file("b.yaml", byName("web").replace(POOL, "eu-west-1_Loader2"));
    DesiredState state = new SpecLoader().load(List.of(a, b));
    assertEquals(List.of(), errors(state));
    assertEquals(2, state.clients().size());
  }

  @Test
  void anInvalidDocument_isLeftOut_andTheOthersAreLoaded() throws IOException {
    Path a = file("a.yaml", byName("web") + "---\n" + byName("api") + "AuthSessionValidity: 99\n");
    DesiredState state = new SpecLoader().load(List.of(a));
    assertEquals(
        List.of("web"), state.clients().stream().map(c -> c.clientName().orElseThrow()).toList());
    List<String> errors = errors(state);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith(a + ":6 AuthSessionValidity"), errors.toString());
  }
}
