package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ccr.spec.DesiredState;
import dev.ccr.spec.SpecLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTextRendererTest {
  private static final String VALID =
      "UserPoolId: us-east-1_Valid1\nClientName: web\nAuthSessionValidity: 5\n";

  private static DesiredState load(String yaml) {
    return new SpecLoader().loadText("web.yaml", yaml);
  }

  @Test
  void valid_countsClientsAndFiles() {
    assertEquals(
        "1 client in 1 file: valid.\n", ValidationRenderer.text().render(load(VALID), Map.of()));
  }

  @Test
  void invalid_countsErrors() {
    assertEquals(
        "1 file: 1 error.\n",
        ValidationRenderer.text().render(load(VALID + "AuthSessionValidity2: 5\n"), Map.of()));
  }

  @Test
  void perEnvironment_oneLineEach() {
    Map<String, DesiredState> environments = new LinkedHashMap<>();
    environments.put("dev", load(VALID));
    environments.put("prod", load(VALID));
    assertEquals(
        "dev: 1 client in 1 file: valid.\nprod: 1 client in 1 file: valid.\n",
        ValidationRenderer.text().render(load(VALID), environments));
  }
}
