package dev.ccr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs one moto server on a free loopback port for the whole test JVM, and
 * resolves {@link URI} parameters to its endpoint. The server is moto with Cognito's client-secret
 * operations added ({@code emulator/cognito_secrets.py}). The server is started by the first test
 * class that needs it and stopped when the run ends; after each class moto's state is reset.
 *
 * <p>Without python3 and moto the tests fail: moto is a requirement of the build, not an option.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  static final String MISSING = "moto is needed for integration tests: pip install 'moto[server]'";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MotoServer.class);
  private static final Duration STARTUP = Duration.ofSeconds(20);

  /** moto's server with Cognito's client-secret operations added (see the module's comment). */
  static final Path EMULATOR = Path.of("emulator", "cognito_secrets.py").toAbsolutePath();

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    post(running(context).endpoint().resolve("/moto-api/reset"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == URI.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return running(context).endpoint();
  }

  private static Running running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
  }

  /** The server process; the root store closes it once, when the whole run ends. */
  private record Running(Process process, URI endpoint, Path log) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException, IOException {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(log);
    }
  }

  private static Running start() {
    int port = freePort();
    Path log = tempFile();
    Process process;
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      "python3",
                      EMULATOR.toString(),
                      "-H",
                      "127.0.0.1",
                      "-p",
                      String.valueOf(port)))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new ExtensionConfigurationException(MISSING + " (python3: " + e.getMessage() + ")");
    }
    Running running = new Running(process, URI.create("http://127.0.0.1:" + port), log);
    awaitReady(running);
    return running;
  }

  private static void awaitReady(Running running) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!running.process().isAlive()) {
        String output = tail(running.log());
        String problem = output.contains("No module named") ? MISSING : "moto exited early";
        stopQuietly(running);
        throw new ExtensionConfigurationException(problem + "\n" + output);
      }
      if (answers(running.endpoint().resolve("/moto-api/"))) {
        return;
      }
      sleep(100);
    }
    String output = tail(running.log());
    stopQuietly(running);
    throw new ExtensionConfigurationException(
        "moto did not answer within "
            + STARTUP.toSeconds()
            + " s on "
            + running.endpoint()
            + "\n"
            + output);
  }

  private static boolean answers(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      connection.getResponseCode();
      connection.disconnect();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void post(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(5000);
      int status = connection.getResponseCode();
      connection.disconnect();
      if (status / 100 != 2) {
        throw new IllegalStateException("moto reset answered HTTP " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile("moto-server", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static void stopQuietly(Running running) {
    try {
      running.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the log file is left behind; the process is gone
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for moto", e);
    }
  }
}
