package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.apply.Applier;
import dev.ccr.apply.ApplyResult;
import dev.ccr.live.AwsCognitoGateway.Tuning;
import dev.ccr.plan.Plan;
import dev.ccr.plan.Reconciler;
import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import dev.ccr.testing.MotoSeeder;
import dev.ccr.testing.MotoSeeder.SeededClient;
import dev.ccr.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UpdateUserPoolClient request apply sends, captured on the wire of the real SDK against moto.
 */
@ExtendWith(MotoServer.class)
class ApplyWireTest {
  private static final Set<String> READ_ONLY =
      Set.of("ClientSecret", "CreationDate", "LastModifiedDate");

  /** Captures each UpdateUserPoolClient request object and its marshalled HTTP body. */
  private static final class Capture implements ExecutionInterceptor {
    final List<UpdateUserPoolClientRequest> requests = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      if (!(context.request() instanceof UpdateUserPoolClientRequest request)) {
        return;
      }
      requests.add(request);
      context
          .requestBody()
          .ifPresent(
              body -> {
                try (InputStream in = body.contentStreamProvider().newStream()) {
                  bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  @Test
  void apply_sendsEveryMemberTheLiveClientHadAndNoReadOnlyOne(URI endpoint) {
    Capture capture = new Capture();
    try (MotoSeeder seeder = new MotoSeeder(endpoint);
        AwsCognitoGateway gateway = gateway(endpoint, capture);
        CognitoIdentityProviderClient sdk = sdk(endpoint)) {
      String pool = seeder.createUserPool();
      SeededClient seeded =
          seeder.createClient(
              pool,
              "wire-app",
              true,
              b ->
                  b.refreshTokenValidity(10)
                      .accessTokenValidity(30)
                      .idTokenValidity(45)
                      .tokenValidityUnits(
                          u -> u.accessToken("minutes").idToken("minutes").refreshToken("days"))
                      .readAttributes("email", "name")
                      .writeAttributes("name")
                      .explicitAuthFlowsWithStrings(
                          "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                      .supportedIdentityProviders("COGNITO")
                      .callbackURLs("https://app.example.com/cb")
                      .logoutURLs("https://app.example.com/out")
                      .defaultRedirectURI("https://app.example.com/cb")
                      .allowedOAuthFlowsWithStrings("code")
                      .allowedOAuthScopes("openid", "email")
                      .allowedOAuthFlowsUserPoolClient(true)
                      .analyticsConfiguration(
                          a ->
                              a.applicationId("0123abcd")
                                  .roleArn("arn:aws:iam::123456789012:role/a")
                                  .externalId("x")
                                  .userDataShared(true))
                      .preventUserExistenceErrors("LEGACY")
                      .enableTokenRevocation(false)
                      .enablePropagateAdditionalUserContextData(true)
                      .authSessionValidity(7)
                      .refreshTokenRotation(r -> r.feature("DISABLED").retryGracePeriodSeconds(5)));
      String secret = seeded.secret().orElseThrow();
      UserPoolClientType before =
          sdk.describeUserPoolClient(b -> b.userPoolId(pool).clientId(seeded.clientId()))
              .userPoolClient();
      ClientSpec desired =
          new ClientSpec(
              new SourceRef("wire.yaml", Position.START),
              pool,
              seeded.clientId(),
              Map.of("PreventUserExistenceErrors", "ENABLED"),
              Map.of());
      Plan plan =
          new Reconciler(gateway, 1, ClientReader.Listener.NONE)
              .reconcile(List.of(desired), Reconciler.Options.PLAN);

      Applier.Applied applied =
          (Applier.Applied)
              new Applier(gateway, 1, ClientReader.Listener.NONE, ClientReader.Listener.NONE)
                  .apply(plan, true);

      assertInstanceOf(ApplyResult.Updated.class, applied.results().get(0));
      assertEquals(1, capture.requests.size());
      Set<String> liveMembers = setMembers(before);
      liveMembers.removeAll(READ_ONLY);
      assertTrue(
          liveMembers.size() >= 22,
          "moto returned too few members to prove anything: " + liveMembers);
      assertEquals(liveMembers, setMembers(capture.requests.get(0)));
      JsonNode body = JsonMapper.shared().readTree(capture.bodies.get(0));
      Set<String> sent = new TreeSet<>(body.propertyNames());
      assertEquals(liveMembers, sent);
      for (String readOnly : READ_ONLY) {
        assertFalse(sent.contains(readOnly), readOnly);
      }
      assertFalse(capture.bodies.get(0).contains(secret), "the secret is never sent");
      assertEquals("ENABLED", body.get("PreventUserExistenceErrors").stringValue());
      assertEquals("minutes", body.get("TokenValidityUnits").get("AccessToken").stringValue());
    }
  }

  /** The members set on an SDK model (unset auto-construct lists do not count). */
  private static Set<String> setMembers(software.amazon.awssdk.core.SdkPojo model) {
    Set<String> names = new TreeSet<>();
    for (SdkField<?> field : model.sdkFields()) {
      Object value = field.getValueOrDefault(model);
      if (value != null && !(value instanceof SdkAutoConstructList<?>)) {
        names.add(field.memberName());
      }
    }
    return names;
  }

  private static AwsCognitoGateway gateway(URI endpoint, ExecutionInterceptor interceptor) {
    return new AwsCognitoGateway(
        new AwsOptions(Optional.empty(), Optional.empty(), Optional.of(endpoint)),
        new Tuning(
            Optional.of(MotoSeeder.CREDENTIALS),
            List.of(interceptor),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            3));
  }

  private static CognitoIdentityProviderClient sdk(URI endpoint) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(MotoSeeder.REGION)
        .credentialsProvider(MotoSeeder.CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
