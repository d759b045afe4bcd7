package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the JSON Schema, the attribute table and the AWS SDK's UpdateUserPoolClient model in step,
 * and checks that the schema is a valid draft 2020-12 schema that rejects what it should.
 */
class SchemaMatchesSdkTest {
  private static final JsonNode SCHEMA = ClientSchemas.json();

  private static List<SdkField<?>> requestFields() {
    return UpdateUserPoolClientRequest.builder().build().sdkFields();
  }

  private static List<String> names(List<SdkField<?>> fields) {
    return fields.stream().map(SdkField::memberName).toList();
  }

  @Test
  void schemaProperties_areTheSdkMembers_inApiOrder() {
    List<String> expected = new ArrayList<>(names(requestFields()));
    expected.add(expected.indexOf("ClientName") + 1, "GenerateSecret");
    expected.add("ccr");
    assertEquals(expected, List.copyOf(SCHEMA.get("properties").propertyNames()));
    assertTrue(
        names(CreateUserPoolClientRequest.builder().build().sdkFields()).contains("GenerateSecret"),
        "GenerateSecret is a member of CreateUserPoolClient");
  }

  @Test
  void clientWithoutIdOrName_isRejected() {
    ObjectNode client = validClient();
    client.remove("ClientId");
    assertTrue(ClientSchemas.validator().validate(client).isEmpty(), "named by ClientName");
    client.remove("ClientName");
    List<Error> errors = ClientSchemas.validator().validate(client);
    assertTrue(
        errors.stream()
            .anyMatch(
                e -> e.getKeyword().equals("required") && "ClientName".equals(e.getProperty())),
        () -> "expected ClientName to be required, got " + errors);
  }

  @Test
  void nestedSchemaProperties_areTheNestedSdkMembers() {
    List<String> nested = new ArrayList<>();
    for (SdkField<?> field : requestFields()) {
      if (field.marshallingType() != MarshallingType.SDK_POJO) {
        continue;
      }
      SdkPojo shape = field.constructor().get();
      JsonNode property = SCHEMA.get("properties").get(field.memberName());
      assertEquals(
          names(shape.sdkFields()),
          List.copyOf(property.get("properties").propertyNames()),
          field.memberName());
      nested.add(field.memberName());
    }
    assertEquals(
        List.of("TokenValidityUnits", "AnalyticsConfiguration", "RefreshTokenRotation"), nested);
  }

  @Test
  void attributeTable_listsTheSdkMembers_inApiOrder() {
    assertEquals(names(requestFields()), Attribute.memberNames());
  }

  @Test
  void attributeTable_subKeysItNames_areMembersOfTheSdkModel() {
    Map<String, List<String>> nested = new java.util.HashMap<>();
    for (SdkField<?> field : requestFields()) {
      if (field.marshallingType() == MarshallingType.SDK_POJO) {
        nested.put(field.memberName(), names(field.constructor().get().sdkFields()));
      }
    }
    for (Attribute attribute : Attribute.values()) {
      attribute
          .unitKey()
          .ifPresent(
              key ->
                  assertTrue(
                      nested.get("TokenValidityUnits").contains(key), attribute + " unit " + key));
      if (attribute.kind() == Attribute.Kind.OBJECT && attribute.defaultValue().isPresent()) {
        for (Object key : ((Map<?, ?>) attribute.defaultValue().get()).keySet()) {
          assertTrue(nested.get(attribute.memberName()).contains(key), attribute + " " + key);
        }
      }
    }
    assertTrue(RedirectUrls.MEMBERS.containsAll(RedirectUrls.LISTS));
    assertTrue(names(requestFields()).containsAll(RedirectUrls.MEMBERS));
  }

  @Test
  void notDesiredStateMembers_areNotSchemaProperties() {
    for (String name : Attribute.NOT_DESIRED_STATE) {
      assertFalse(SCHEMA.get("properties").has(name), name);
    }
  }

  @Test
  void everyProperty_hasTitleAndDescription() {
    assertDocumented("(root)", SCHEMA);
    forEachProperty(SCHEMA, (path, property) -> assertDocumented(path, property));
  }

  @Test
  void everyPattern_isAnchored() {
    List<String> patterns = new ArrayList<>();
    collectPatterns(SCHEMA, patterns);
    assertFalse(patterns.isEmpty());
    for (String pattern : patterns) {
      assertTrue(pattern.startsWith("^") && pattern.endsWith("$"), pattern);
    }
  }

  @Test
  void everyList_isSetLike() {
    forEachProperty(
        SCHEMA,
        (path, property) -> {
          if ("array".equals(property.path("type").asString(""))) {
            assertTrue(property.path("uniqueItems").asBoolean(false), path);
          }
        });
  }

  @Test
  void schema_isValidAgainstTheDraft202012MetaSchema() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema meta =
        registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertEquals(List.of(), meta.validate(SCHEMA));
    assertEquals("https://json-schema.org/draft/2020-12/schema", SCHEMA.get("$schema").asString());
  }

  @Test
  void validClient_hasNoErrors() {
    assertEquals(List.of(), ClientSchemas.validator().validate(validClient()));
  }

  static Stream<Arguments> invalidClients() {
    return Stream.of(
        Arguments.of("maximum", "/AccessTokenValidity", 86401),
        Arguments.of("minimum", "/AuthSessionValidity", 2),
        Arguments.of("maximum", "/RefreshTokenRotation/RetryGracePeriodSeconds", 61),
        Arguments.of("enum", "/PreventUserExistenceErrors", "ON"),
        Arguments.of("enum", "/TokenValidityUnits/AccessToken", "weeks"),
        Arguments.of("enum", "/ExplicitAuthFlows", List.of("ALLOW_SRP")),
        Arguments.of("pattern", "/UserPoolId", "us-east-1"),
        Arguments.of("pattern", "/ClientName", "web app!"),
        Arguments.of("pattern", "/DefaultRedirectURI", "https://app.example.com/a b"),
        Arguments.of("pattern", "/AllowedOAuthScopes", List.of("orders \"read\"")),
        Arguments.of("uniqueItems", "/AllowedOAuthScopes", List.of("openid", "openid")),
        Arguments.of("maxItems", "/AllowedOAuthFlows", List.of("code", "implicit", "code", "x")),
        Arguments.of("type", "/AccessTokenValidity", "30"),
        Arguments.of("type", "/EnableTokenRevocation", "yes"),
        Arguments.of("additionalProperties", "/ClientSecret", "s3cr3t"),
        Arguments.of("additionalProperties", "/TokenValidityUnits/Refresh", "days"),
        Arguments.of("required", "/RefreshTokenRotation", Map.of("RetryGracePeriodSeconds", 5)),
        Arguments.of("required", "/UserPoolId", null),
        Arguments.of("enum", "/ccr/state", "gone"),
        Arguments.of("additionalProperties", "/ccr/State", "absent"));
  }

  @ParameterizedTest(name = "{1} = {2} -> {0}")
  @MethodSource("invalidClients")
  void invalidClient_isRejectedByKeyword(String keyword, String pointer, Object value) {
    ObjectNode client = validClient();
    put(client, pointer, value);
    List<Error> errors = ClientSchemas.validator().validate(client);
    assertTrue(
        errors.stream().anyMatch(e -> keyword.equals(e.getKeyword())),
        () -> "expected a '" + keyword + "' error, got " + errors);
  }

  private static ObjectNode validClient() {
    ObjectNode client = ClientSchemas.MAPPER.createObjectNode();
    client.put("UserPoolId", "us-east-1_Example12");
    client.put("ClientId", "3n4b5urk1ft4fl3mg5e62d9ado");
    client.put("ClientName", "web-app");
    client.put("AccessTokenValidity", 30);
    ObjectNode units = client.putObject("TokenValidityUnits");
    units.put("AccessToken", "minutes");
    client.putArray("AllowedOAuthScopes").add("openid").add("orders-api/orders.read");
    client.put("DefaultRedirectURI", "https://app.example.com/callback");
    client.put("PreventUserExistenceErrors", "ENABLED");
    client.put("AuthSessionValidity", 3);
    ObjectNode rotation = client.putObject("RefreshTokenRotation");
    rotation.put("Feature", "ENABLED");
    rotation.put("RetryGracePeriodSeconds", 10);
    return client;
  }

  /** Sets (or with a null value, removes) the member at a JSON pointer of depth one or two. */
  private static void put(ObjectNode client, String pointer, Object value) {
    String[] keys = pointer.substring(1).split("/");
    ObjectNode parent = client;
    for (int i = 0; i < keys.length - 1; i++) {
      parent = parent.has(keys[i]) ? (ObjectNode) parent.get(keys[i]) : parent.putObject(keys[i]);
    }
    String key = keys[keys.length - 1];
    if (value == null) {
      parent.remove(key);
    } else {
      parent.set(key, ClientSchemas.MAPPER.valueToTree(value));
    }
  }

  private static void assertDocumented(String path, JsonNode node) {
    assertFalse(node.path("title").asString("").isBlank(), path + " has no title");
    assertFalse(node.path("description").asString("").isBlank(), path + " has no description");
  }

  /** Visits every property schema, at any depth, with its path (Outer/Inner). */
  private static void forEachProperty(JsonNode schema, BiConsumer<String, JsonNode> visitor) {
    forEachProperty("", schema, visitor);
  }

  private static void forEachProperty(
      String prefix, JsonNode schema, BiConsumer<String, JsonNode> visitor) {
    for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
      String path = prefix + entry.getKey();
      visitor.accept(path, entry.getValue());
      forEachProperty(path + "/", entry.getValue(), visitor);
    }
  }

  private static void collectPatterns(JsonNode node, List<String> patterns) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (entry.getKey().equals("pattern") && entry.getValue().isString()) {
          patterns.add(entry.getValue().asString());
        } else {
          collectPatterns(entry.getValue(), patterns);
        }
      }
    } else if (node.isArray()) {
      node.values().forEach(child -> collectPatterns(child, patterns));
    }
  }
}
