package dev.ccr;

import dev.ccr.cli.Ccr;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run of bin/ccr's class-data-sharing archive: validates a file and plans it against a
 * closed loopback port, so the archive holds the classes of both offline and AWS commands. Run with
 * dummy credentials in system properties (bin/ccr passes them); it sends nothing beyond 127.0.0.1.
 */
public final class CdsTraining {
  private static final String CLIENT =
      "UserPoolId: us-east-1_Training1\n"
          + "ClientId: training1\n"
          + "ClientName: training\n"
          + "AccessTokenValidity: 60\n"
          + "TokenValidityUnits: {AccessToken: minutes}\n"
          + "ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n";

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("ccr-cds");
    Path file = dir.resolve("client.yaml");
    try {
      Files.writeString(file, CLIENT, StandardCharsets.UTF_8);
      PrintStream nowhere =
          new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      Ccr.run(new String[] {"validate", file.toString()}, nowhere, nowhere, Map.of());
      Ccr.run(
          new String[] {"plan", file.toString(), "--quiet", "--endpoint-url", "http://127.0.0.1:1"},
          nowhere,
          nowhere,
          Map.of());
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
