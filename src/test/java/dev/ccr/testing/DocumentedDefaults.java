package dev.ccr.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Cognito stores for an app-client member that an update leaves out, read from the
 * documentation AWS publishes in the cognito-idp service model (the copy botocore ships, which
 * comes with moto), independently of ccr's own table ({@code Attribute}). The fake gateway resets
 * omitted members from it, and {@code AttributeDefaultsTest} compares ccr's table with it, so a
 * wrong default in ccr's table cannot hide behind a fake that shares it.
 */
public final class DocumentedDefaults {
  private static final JsonNode SHAPES = serviceModel().get("shapes");
  private static final Map<String, Optional<Object>> DEFAULTS = derive();

  private DocumentedDefaults() {}

  /** The members UpdateUserPoolClient takes besides the identifiers, in the model's order. */
  public static List<String> members() {
    return List.copyOf(DEFAULTS.keySet());
  }

  /**
   * What Cognito stores when an update leaves the member out; empty when it stores nothing (a name,
   * a redirect URI, an analytics configuration).
   */
  public static Optional<Object> of(String member) {
    Optional<Object> value = DEFAULTS.get(member);
    if (value == null) {
      throw new IllegalArgumentException(member + " is not a member of UpdateUserPoolClient");
    }
    return value;
  }

  /** A member's documentation in UpdateUserPoolClient's (or another shape's) request. */
  public static String documentation(String shape, String member) {
    JsonNode node = SHAPES.path(shape).path("members").path(member);
    if (node.isMissingNode()) {
      throw new IllegalStateException(shape + "." + member + " is not in the service model");
    }
    return node.path("documentation")
        .asString("")
        .replaceAll("<[^>]+>", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** A shape of the service model. */
  public static JsonNode shape(String name) {
    return SHAPES.get(name);
  }

  /** The first group of the pattern in the text, or a failure naming the sentence that is gone. */
  public static String match(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("the documentation no longer says /" + regex + "/:\n" + text);
    }
    return matcher.group(1);
  }

  private static Map<String, Optional<Object>> derive() {
    Map<String, Optional<Object>> defaults = new LinkedHashMap<>();
    SHAPES
        .get("UpdateUserPoolClientRequest")
        .get("members")
        .propertyNames()
        .forEach(
            member -> {
              if (!member.equals("UserPoolId") && !member.equals("ClientId")) {
                defaults.put(member, derive(member));
              }
            });
    return defaults;
  }

  private static Optional<Object> derive(String member) {
    String doc = documentation("UpdateUserPoolClientRequest", member);
    return switch (member) {
      case "RefreshTokenValidity", "AccessTokenValidity", "IdTokenValidity" ->
          Optional.of(validity(doc));
      case "TokenValidityUnits" -> Optional.of(units());
      case "ExplicitAuthFlows" ->
          Optional.of(
              Arrays.stream(
                      match(
                              doc,
                              "If you don't specify a value for ExplicitAuthFlows, your app client"
                                  + " supports ([^.]+)\\.")
                          .split(",\\s*(?:and\\s+)?|\\s+and\\s+"))
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .toList());
      case "AllowedOAuthFlowsUserPoolClient" ->
          Optional.of(Boolean.valueOf(match(doc, "it defaults to (true|false)")));
      case "PreventUserExistenceErrors" -> Optional.of(match(doc, "Defaults to (\\w+)\\."));
      // Documented for CreateUserPoolClient only: a client without it has revocation on.
      case "EnableTokenRevocation" ->
          Optional.of(
              match(
                      documentation("CreateUserPoolClientRequest", member),
                      "If you don't include this parameter, token revocation is (automatically"
                          + " activated)")
                  .equals("automatically activated"));
      // Documented as what is lost without it: the source IP cannot be sent, so it is off.
      case "EnablePropagateAdditionalUserContextData" ->
          Optional.of(
              match(doc, "If you don’t include this parameter, you (can't) send the source IP")
                  .isEmpty());
      // The default set of attributes is not returned by Describe: it reads as no items.
      case "ReadAttributes", "WriteAttributes" -> Optional.of(List.of());
      // No default documented; the shortest session the type allows is what a new client gets.
      case "AuthSessionValidity" ->
          Optional.of(SHAPES.get("AuthSessionValidityType").get("min").asInt());
      // No default documented; a new client has rotation disabled and no grace period.
      case "RefreshTokenRotation" ->
          Optional.of(
              ordered(
                  "Feature",
                  "DISABLED",
                  "RetryGracePeriodSeconds",
                  SHAPES.get("RetryGracePeriodSecondsType").get("min").asInt()));
      default -> {
        JsonNode shape =
            SHAPES.get(
                SHAPES
                    .get("UpdateUserPoolClientRequest")
                    .get("members")
                    .get(member)
                    .get("shape")
                    .asString());
        // No default documented: a list holds no items, any other value is absent.
        yield shape.get("type").asString().equals("list")
            ? Optional.of(List.of())
            : Optional.empty();
      }
    };
  }

  /** A lifetime as documented ("valid for one hour"), counted in the documented default unit. */
  private static int validity(String doc) {
    String unit = match(doc, "The default time unit for \\w+ in an API request is (\\w+)\\.");
    String[] lifetime =
        match(doc, "tokens are valid for ([\\w ]+?)\\.").toLowerCase(Locale.ROOT).split(" ");
    long amount = lifetime[0].equals("one") ? 1 : Long.parseLong(lifetime[0]);
    String lifetimeUnit = lifetime[1].endsWith("s") ? lifetime[1] : lifetime[1] + "s";
    return Math.toIntExact(amount * seconds(lifetimeUnit) / seconds(unit));
  }

  private static long seconds(String unit) {
    return switch (unit) {
      case "seconds" -> 1;
      case "minutes" -> 60;
      case "hours" -> 3_600;
      case "days" -> 86_400;
      default -> throw new IllegalStateException("a unit the model does not use: " + unit);
    };
  }

  /** The documented unit of each token, in the order of TokenValidityUnitsType. */
  private static Map<String, Object> units() {
    Map<String, Object> units = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    SHAPES.get("TokenValidityUnitsType").get("members").propertyNames().forEach(keys::add);
    for (String key : keys) {
      units.put(
          key,
          match(
              documentation("TokenValidityUnitsType", key),
              "The default \\w+Validity time unit is (\\w+)"));
    }
    return units;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static JsonNode serviceModel() {
    Path model = botocore().resolve("data/cognito-idp/2016-04-18/service-2.json.gz");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(model))) {
      return JsonMapper.shared().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + model, e);
    }
  }

  private static Path botocore() {
    String find = "import botocore, os; print(os.path.dirname(botocore.__file__))";
    try {
      Process python = new ProcessBuilder("python3", "-c", find).start();
      String out =
          new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0 || out.isEmpty()) {
        throw new IllegalStateException(
            "botocore is needed (it comes with moto): pip install 'moto[server]'");
      }
      return Path.of(out);
    } catch (IOException e) {
      throw new IllegalStateException("python3 with botocore is needed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
