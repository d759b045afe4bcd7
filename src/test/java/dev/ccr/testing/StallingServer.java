package dev.ccr.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that never finishes an answer, to test timeouts: {@link Mode#DRIP} sends
 * the headers of a 200 and then one byte of the body a second, {@link Mode#SILENT} accepts the
 * connection and never says anything. Each connection is served until the client closes it.
 */
public final class StallingServer implements AutoCloseable {
  /** How the server fails to answer. */
  public enum Mode {
    DRIP,
    SILENT
  }

  private static final long DRIP_INTERVAL_MILLIS = 1000;

  private final Mode mode;
  private final ServerSocket server;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();

  public StallingServer(Mode mode) {
    this.mode = mode;
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon(this::accept).start();
  }

  /** {@code http://127.0.0.1:PORT} */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many connections were made to the server so far. */
  public int connections() {
    return connections.size();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : connections) {
      socket.close();
    }
  }

  /**
   * Whether the client closed every connection within {@code wait}: a connection it gave up on must
   * not stay open.
   */
  public boolean awaitAllClosed(Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    while (open.get() > 0 && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    return open.get() == 0;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.add(socket);
        open.incrementAndGet();
        daemon(() -> serve(socket)).start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Until the client closes the connection. */
  private void serve(Socket socket) {
    try (socket) {
      if (mode == Mode.DRIP) {
        drip(socket);
      } else {
        while (socket.getInputStream().read() >= 0) {
          // a request arrives and is never answered
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client gave up: what the test waits for
    } finally {
      open.decrementAndGet();
    }
  }

  private static void drip(Socket socket) throws IOException, InterruptedException {
    readHeaders(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    out.write(
        ("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\n"
                + "Content-Length: 100000\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    while (!socket.isClosed()) {
      out.write(' ');
      out.flush();
      Thread.sleep(DRIP_INTERVAL_MILLIS);
    }
  }

  private static void readHeaders(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int b = in.read(); b >= 0 && matched < end.length; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
    }
  }

  private static Thread daemon(Runnable body) {
    Thread thread = new Thread(body, "stalling-server");
    thread.setDaemon(true);
    return thread;
  }
}
