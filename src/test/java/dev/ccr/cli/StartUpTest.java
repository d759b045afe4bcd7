package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.AwsOptions;
import dev.ccr.live.CognitoGateway;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a process starts before picocli reads its command line. */
class StartUpTest {
  @Test
  void theTrustStore_isReadAhead_unlessEveryCallGoesToPlainHttp() {
    Map<String, String> none = Map.of();
    assertTrue(StartUp.mayNeedTls(new String[] {"plan", "clients/"}, none), "AWS itself");
    assertTrue(
        StartUp.mayNeedTls(
            new String[] {"plan", "--endpoint-url", "https://vpce.example.com", "clients/"}, none));
    assertFalse(
        StartUp.mayNeedTls(
            new String[] {"plan", "--endpoint-url", "http://127.0.0.1:5000", "clients/"}, none));
    assertFalse(
        StartUp.mayNeedTls(new String[] {"drift", "--endpoint-url=HTTP://localhost:5000"}, none));
    assertFalse(
        StartUp.mayNeedTls(
            new String[] {"plan", "clients/"},
            Map.of("AWS_ENDPOINT_URL", "http://localhost:4566")));
    assertTrue(
        StartUp.mayNeedTls(
            new String[] {"plan", "--endpoint-url", "https://vpce.example.com"},
            Map.of("AWS_ENDPOINT_URL", "http://localhost:4566")),
        "the command line beats the environment");
    assertTrue(
        StartUp.mayNeedTls(
            new String[] {"plan"},
            Map.of(
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                "https://cognito.example.com",
                "AWS_ENDPOINT_URL",
                "http://localhost:4566")),
        "the service's own variable first");
    assertTrue(
        StartUp.mayNeedTls(
            new String[] {"plan"},
            Map.of(
                "AWS_ENDPOINT_URL",
                "http://localhost:4566",
                "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
                "true")),
        "the SDK ignores the variables then, and so does ccr");
    assertTrue(
        StartUp.mayNeedTls(
            new String[] {"plan", "--", "--endpoint-url", "http://127.0.0.1:1"}, none),
        "after --, a file name");
  }

  @Test
  void onlyCommandsThatCallCognito_getTheSdkReady() {
    AtomicInteger prepared = new AtomicInteger();
    Context.Gateways gateways =
        new Context.Gateways() {
          @Override
          public CognitoGateway open(AwsOptions options) {
            throw new AssertionError("nothing is opened before the command runs");
          }

          @Override
          public void prepare() {
            prepared.incrementAndGet();
          }
        };
    Context context = new Context(Map.of(), gateways);
    String http = "--endpoint-url=http://127.0.0.1:1";
    for (String command : new String[] {"validate", "fmt", "export", "show", "--help", "plans"}) {
      StartUp.begin(new String[] {command, http}, Map.of(), context);
    }
    StartUp.begin(new String[0], Map.of(), context);
    assertEquals(0, prepared.get(), "no SDK for commands that never call AWS, or a typo");
    for (String command : new String[] {"plan", "apply", "drift"}) {
      StartUp.begin(new String[] {command, http}, Map.of(), context);
    }
    assertEquals(3, prepared.get());
    StartUp.begin(new String[] {"--no-color", "plan", http}, Map.of(), context);
    assertEquals(4, prepared.get(), "after the top command's option");
  }
}
