package dev.ccr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ccr.cli.Ccr;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The training run of bin/ccr's class-data-sharing archive: runs validate of a directory, plan
 * (with --out), apply of that plan, and drift of one file against a stand-in for Cognito on a
 * loopback port, then plan against a closed loopback port, so the archive holds the classes of
 * offline commands, of successful calls and of a network failure alike. Run with dummy credentials
 * in system properties (bin/ccr passes them); it sends nothing beyond 127.0.0.1.
 */
public final class CdsTraining {
  private static final String POOL = "us-east-1_Training1";

  /** Block and flow collections and a document marker, so every common parser path is used. */
  private static final String CLIENT =
      "---\n"
          + "UserPoolId: "
          + POOL
          + "\n"
          + "ClientId: training1\n"
          + "ClientName: training\n"
          + "AccessTokenValidity: 60\n"
          + "TokenValidityUnits: {AccessToken: minutes}\n"
          + "ExplicitAuthFlows:\n"
          + "  - ALLOW_USER_SRP_AUTH\n"
          + "  - ALLOW_REFRESH_TOKEN_AUTH\n"
          + "CallbackURLs: [https://training.example.com/callback]\n"
          + "AllowedOAuthFlows: [code]\n"
          + "AllowedOAuthScopes: [openid]\n"
          + "AllowedOAuthFlowsUserPoolClient: true\n";

  private static final String LIVE =
      "{\"UserPoolId\":\""
          + POOL
          + "\",\"ClientId\":\"training1\",\"ClientName\":\"training\","
          + "\"AccessTokenValidity\":30,\"RefreshTokenValidity\":30,"
          + "\"TokenValidityUnits\":{\"AccessToken\":\"minutes\",\"RefreshToken\":\"days\"},"
          + "\"ExplicitAuthFlows\":[\"ALLOW_USER_SRP_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"],"
          + "\"SupportedIdentityProviders\":[\"COGNITO\"],"
          + "\"CallbackURLs\":[\"https://training.example.com/callback\"],"
          + "\"AllowedOAuthFlows\":[\"code\"],\"AllowedOAuthScopes\":[\"openid\"],"
          + "\"AllowedOAuthFlowsUserPoolClient\":true,\"EnableTokenRevocation\":true,"
          + "\"PreventUserExistenceErrors\":\"ENABLED\",\"AuthSessionValidity\":3,"
          + "\"CreationDate\":1.7E9,\"LastModifiedDate\":1.7E9}";

  /**
   * The pool the plan-time checks read (DescribeUserPool), with the nested settings the SDK's model
   * of a pool holds, so that model is in the archive too.
   */
  private static final String USER_POOL =
      "{\"UserPool\":{\"Id\":\""
          + POOL
          + "\",\"Name\":\"training\","
          + "\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":8,\"RequireUppercase\":true},"
          + "\"SignInPolicy\":{\"AllowedFirstAuthFactors\":[\"PASSWORD\"]}},"
          + "\"LambdaConfig\":{},"
          + "\"SchemaAttributes\":[{\"Name\":\"email\",\"AttributeDataType\":\"String\","
          + "\"Mutable\":true,\"Required\":false,"
          + "\"StringAttributeConstraints\":{\"MinLength\":\"0\",\"MaxLength\":\"2048\"}},"
          + "{\"Name\":\"custom:level\",\"AttributeDataType\":\"Number\",\"Mutable\":true,"
          + "\"NumberAttributeConstraints\":{\"MinValue\":\"0\",\"MaxValue\":\"10\"}}],"
          + "\"AutoVerifiedAttributes\":[\"email\"],"
          + "\"VerificationMessageTemplate\":{\"DefaultEmailOption\":\"CONFIRM_WITH_CODE\"},"
          + "\"MfaConfiguration\":\"OFF\","
          + "\"EmailConfiguration\":{\"EmailSendingAccount\":\"COGNITO_DEFAULT\"},"
          + "\"AdminCreateUserConfig\":{\"AllowAdminCreateUserOnly\":false,"
          + "\"InviteMessageTemplate\":{\"EmailMessage\":\"{username} {####}\"}},"
          + "\"UserPoolTags\":{\"team\":\"training\"},"
          + "\"UsernameConfiguration\":{\"CaseSensitive\":false},"
          + "\"AccountRecoverySetting\":{\"RecoveryMechanisms\":"
          + "[{\"Priority\":1,\"Name\":\"verified_email\"}]},"
          + "\"UserPoolTier\":\"ESSENTIALS\",\"CreationDate\":1.7E9,\"LastModifiedDate\":1.7E9}}";

  private CdsTraining() {}

  /**
   * Trains for every command; with the argument {@code local}, for the commands that never call AWS
   * only (validate and fmt), whose ahead-of-time cache on Java 25 then holds none of the SDK's
   * classes: such a cache loads all of its classes when the JVM starts.
   */
  public static void main(String[] args) throws IOException {
    boolean local = args.length > 0 && args[0].equals("local");
    if (!local) {
      // What Main starts before a plan of real AWS: the SDK's warm-up and the trust store.
      dev.ccr.cli.StartUp.begin(new String[] {"plan"});
    }
    Path dir = Files.createTempDirectory("ccr-cds");
    try {
      if (local) {
        trainLocal(dir);
      } else {
        train(dir);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  /**
   * What a training run did: each command's exit code, and the operations the stand-in answered
   * with a success.
   */
  record Training(List<Integer> exitCodes, Set<String> answered) {}

  /** Runs the training commands with their files in {@code dir}. */
  static Training train(Path dir) throws IOException {
    FakeCognito fake = new FakeCognito();
    HttpServer cognito = fake.start();
    try {
      Path file = dir.resolve("client.yaml");
      Path plan = dir.resolve("plan.json");
      Files.writeString(file, CLIENT, StandardCharsets.UTF_8);
      String endpoint = "http://127.0.0.1:" + cognito.getAddress().getPort();
      // The entry point, which the training calls around: its class belongs in the archive too.
      Objects.requireNonNull(Main.class);
      List<Integer> exitCodes =
          List.of(
              run("validate", dir.toString()),
              run(
                  "plan",
                  file.toString(),
                  "--quiet",
                  "--endpoint-url",
                  endpoint,
                  "--out",
                  "" + plan),
              run("apply", "--plan", plan.toString(), "--quiet", "--endpoint-url", endpoint),
              run(
                  "drift",
                  file.toString(),
                  "--quiet",
                  "--endpoint-url",
                  endpoint,
                  "--format",
                  "json"),
              run("plan", file.toString(), "--quiet", "--endpoint-url", "http://127.0.0.1:1"));
      return new Training(exitCodes, fake.answered());
    } finally {
      cognito.stop(0);
    }
  }

  /** Runs the commands that never call AWS (validate, fmt) with their files in {@code dir}. */
  static List<Integer> trainLocal(Path dir) throws IOException {
    Files.writeString(dir.resolve("client.yaml"), CLIENT, StandardCharsets.UTF_8);
    Objects.requireNonNull(Main.class);
    return List.of(run("validate", dir.toString()), run("fmt", "--check", dir.toString()));
  }

  private static int run(String... args) {
    PrintStream nowhere =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    return Ccr.run(args, nowhere, nowhere, Map.of());
  }

  /**
   * Answers Describe, List and Update of the one training client (updates are kept), and the pool's
   * reads for plan's checks.
   */
  private static final class FakeCognito {
    private final JsonMapper json = JsonMapper.shared();
    private ObjectNode client = (ObjectNode) json.readTree(LIVE);
    private final Set<String> answered = new TreeSet<>();

    HttpServer start() throws IOException {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", this::handle);
      server.start();
      return server;
    }

    synchronized Set<String> answered() {
      return Set.copyOf(answered);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      byte[] request = exchange.getRequestBody().readAllBytes();
      String body =
          switch (operation) {
            case "DescribeUserPoolClient" -> "{\"UserPoolClient\":" + client + "}";
            case "UpdateUserPoolClient" -> {
              client.setAll((ObjectNode) json.readTree(request));
              yield "{\"UserPoolClient\":" + client + "}";
            }
            case "ListUserPoolClients" ->
                "{\"UserPoolClients\":[{\"UserPoolId\":\""
                    + POOL
                    + "\",\"ClientId\":\"training1\",\"ClientName\":\"training\"}]}";
            case "DescribeUserPool" -> USER_POOL;
            case "ListResourceServers" ->
                "{\"ResourceServers\":[{\"UserPoolId\":\""
                    + POOL
                    + "\",\"Identifier\":\"https://api.training.example.com\",\"Name\":\"api\","
                    + "\"Scopes\":[{\"ScopeName\":\"read\",\"ScopeDescription\":\"read\"}]}]}";
            case "ListIdentityProviders" ->
                "{\"Providers\":[{\"ProviderName\":\"Google\",\"ProviderType\":\"Google\","
                    + "\"CreationDate\":1.7E9,\"LastModifiedDate\":1.7E9}]}";
            default -> null;
          };
      if (body != null) {
        answered.add(operation);
      }
      byte[] bytes =
          (body == null ? "{\"__type\":\"ResourceNotFoundException\",\"message\":\"none\"}" : body)
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(body == null ? 400 : 200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
