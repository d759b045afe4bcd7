package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.spec.Attribute;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

class AttributeMapperTest {

  @Test
  void subKeys_ofEachNestedAttribute_inSdkOrder_andNoneForOthers() {
    assertEquals(
        List.of("AccessToken", "IdToken", "RefreshToken"),
        AttributeMapper.subKeys("TokenValidityUnits"));
    assertEquals(
        List.of("ApplicationId", "ApplicationArn", "RoleArn", "ExternalId", "UserDataShared"),
        AttributeMapper.subKeys("AnalyticsConfiguration"));
    assertEquals(
        List.of("Feature", "RetryGracePeriodSeconds"),
        AttributeMapper.subKeys("RefreshTokenRotation"));
    assertEquals(List.of(), AttributeMapper.subKeys("CallbackURLs"));
    assertEquals(List.of(), AttributeMapper.subKeys("NoSuchMember"));
  }

  @Test
  void updatableMembers_areTheAttributeTableWithoutIdentifiers() {
    Set<String> table =
        Attribute.memberNames().stream()
            .filter(name -> !name.equals("UserPoolId") && !name.equals("ClientId"))
            .collect(Collectors.toSet());

    assertEquals(table, AttributeMapper.updatableMembers());
    assertEquals(21, AttributeMapper.updatableMembers().size());
  }

  @Test
  void toAttributes_dropsSecretDatesIdentifiersAndUnsetLists() {
    UserPoolClientType client =
        UserPoolClientType.builder()
            .userPoolId("us-east-1_Abc")
            .clientId("client1")
            .clientName("web")
            .clientSecret("s3cr3t-value")
            .creationDate(Instant.EPOCH)
            .lastModifiedDate(Instant.EPOCH)
            .accessTokenValidity(30)
            .explicitAuthFlowsWithStrings("ALLOW_USER_SRP_AUTH")
            .callbackURLs(List.of())
            .preventUserExistenceErrors("ENABLED")
            .allowedOAuthFlowsUserPoolClient(true)
            .tokenValidityUnits(u -> u.accessToken("minutes"))
            .refreshTokenRotation(r -> r.feature("ENABLED").retryGracePeriodSeconds(10))
            .build();

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("ClientName", "web");
    expected.put("AccessTokenValidity", 30);
    expected.put("TokenValidityUnits", Map.of("AccessToken", "minutes"));
    expected.put("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH"));
    expected.put("CallbackURLs", List.of());
    expected.put("AllowedOAuthFlowsUserPoolClient", true);
    expected.put("PreventUserExistenceErrors", "ENABLED");
    expected.put(
        "RefreshTokenRotation", Map.of("Feature", "ENABLED", "RetryGracePeriodSeconds", 10));
    assertEquals(expected, AttributeMapper.toAttributes(client));
  }

  @Test
  void toRequest_carriesExactlyTheGivenMembersAndConvertsLongs() {
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("ClientName", "web");
    configuration.put("AccessTokenValidity", 30L);
    configuration.put("LogoutURLs", List.of());
    configuration.put("EnableTokenRevocation", false);
    configuration.put(
        "AnalyticsConfiguration", Map.of("ApplicationId", "abc123", "UserDataShared", true));

    UpdateUserPoolClientRequest request =
        AttributeMapper.toRequest("us-east-1_Abc", "client1", configuration);

    assertEquals("us-east-1_Abc", request.userPoolId());
    assertEquals("client1", request.clientId());
    assertEquals(30, request.accessTokenValidity());
    assertTrue(request.hasLogoutURLs());
    assertFalse(request.hasCallbackURLs());
    assertEquals("abc123", request.analyticsConfiguration().applicationId());
    Map<String, Object> back = new LinkedHashMap<>(configuration);
    back.put("AccessTokenValidity", 30);
    assertEquals(back, AttributeMapper.toAttributes(request));
  }

  @Test
  void toRequest_badInput_isABug() {
    assertRejected(
        Map.of("ClientSecret", "x"),
        "not an updatable member of UpdateUserPoolClient: ClientSecret");
    assertRejected(
        Map.of("UserPoolId", "x"), "not an updatable member of UpdateUserPoolClient: UserPoolId");
    assertRejected(
        Map.of("TokenValidityUnits", Map.of("Access", "hours")),
        "not a member of TokenValidityUnits: Access");
    assertRejected(
        Map.of("AccessTokenValidity", "30"),
        "AccessTokenValidity must be a Number, not java.lang.String");
    assertRejected(
        Map.of("AccessTokenValidity", 1.5), "AccessTokenValidity must be an integer, not 1.5");
    assertRejected(
        Map.of("AccessTokenValidity", 1L << 40),
        "AccessTokenValidity is out of the integer range: 1099511627776");
    assertRejected(
        Map.of("CallbackURLs", List.of("https://a", 3)),
        "CallbackURLs[1] must be a String, not java.lang.Integer");
  }

  private static void assertRejected(Map<String, Object> configuration, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AttributeMapper.toRequest("us-east-1_Abc", "client1", configuration));
    assertEquals(message, e.getMessage());
  }
}
