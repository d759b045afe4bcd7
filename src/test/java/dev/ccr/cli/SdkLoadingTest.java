package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that never call AWS never load a class of the AWS SDK (its classes cost start-up time);
 * plan gets the SDK ready in the background while it reads its files. Runs ccr as its own process
 * with the JVM's class-loading log.
 */
class SdkLoadingTest {
  @TempDir Path dir;

  private String classesLoaded(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.ccr.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.equals("CI"));
    builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
    builder.redirectOutput(dir.resolve("out.txt").toFile());
    builder.redirectError(dir.resolve("err.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return Files.readString(dir.resolve("out.txt")) + Files.readString(dir.resolve("err.txt"));
  }

  private Path file() throws Exception {
    return Files.writeString(
        dir.resolve("web.yaml"), "UserPoolId: us-east-1_Example12\nClientName: web\n");
  }

  @Test
  void validateAndFmt_loadNoClassOfTheAwsSdk() throws Exception {
    Path file = file();

    String validate = classesLoaded("validate", file.toString());
    String fmt = classesLoaded("fmt", "--check", file.toString());

    assertTrue(validate.contains("1 client in 1 file: valid."), validate);
    assertEquals(List.of(), sdkClasses(validate));
    assertTrue(fmt.contains("dev.ccr."), fmt);
    assertEquals(List.of(), sdkClasses(fmt));
  }

  @Test
  void plan_getsTheSdkReadyWhileItReadsItsFiles() throws Exception {
    Path file = file();

    // A closed loopback port: the reads fail, the warm-up sends nothing anyway.
    String plan =
        classesLoaded("plan", file.toString(), "--endpoint-url", "http://127.0.0.1:9", "--quiet");

    assertTrue(plan.contains("dev.ccr.live.SdkWarmUp "), plan);
    assertTrue(
        sdkClasses(plan).stream().anyMatch(c -> c.contains("CognitoIdentityProviderClient")), plan);
  }

  /**
   * Checking files against the schema prints nodes (networknt prints every {@code enum} value when
   * it compiles the schema, and a subschema under {@code not} for each document): the schema's
   * nodes print themselves, so validate never builds Jackson's default object mapper, a tenth of
   * its start-up.
   */
  @Test
  void validate_ofTheExamplesOrWithErrorsShowingNoValue_buildsNoJacksonObjectMapper()
      throws Exception {
    String examples = dev.ccr.testing.Golden.projectDir().resolve("examples").toString();

    String validate = classesLoaded("validate", examples);

    assertTrue(validate.contains("valid."), validate);
    assertTrue(validate.contains(" com.networknt.schema.keyword.EnumValidator "), validate);
    assertTrue(validate.contains(" com.networknt.schema.keyword.NotValidator "), validate);
    assertEquals(List.of(), jacksonMapper(validate));

    // Nor do errors, those that show a list or mapping of the file included.
    Path invalid =
        Files.writeString(
            dir.resolve("invalid.yaml"),
            "UserPoolId: us-east-1_Example12\nClientNmae: web\nCallbackURLs: {a: [1, null]}\n");
    String refused = classesLoaded("validate", invalid.toString());
    assertTrue(refused.contains("missing required key ClientName"), refused);
    assertTrue(refused.contains("unknown key ClientNmae; did you mean ClientName?"), refused);
    assertTrue(
        refused.contains("CallbackURLs: expected a list, found a mapping {\"a\":[1,null]}"),
        refused);
    assertEquals(List.of(), jacksonMapper(refused));
  }

  private static List<String> jacksonMapper(String log) {
    return log.lines().filter(l -> l.contains(" tools.jackson.databind.json.JsonMapper ")).toList();
  }

  private static List<String> sdkClasses(String log) {
    return log.lines().filter(l -> l.contains(" software.amazon.awssdk.")).toList();
  }
}
