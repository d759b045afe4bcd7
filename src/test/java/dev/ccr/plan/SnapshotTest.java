package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  @Test
  void attributes_ofARecordedConfiguration_giveTheSameSnapshotBack() {
    Snapshot snapshot =
        Snapshot.of(
            Clients.map(
                "ClientName",
                "web",
                "AccessTokenValidity",
                90,
                "RefreshTokenValidity",
                48,
                "TokenValidityUnits",
                Clients.map("AccessToken", "minutes", "RefreshToken", "hours"),
                "CallbackURLs",
                List.of("https://b.example.com", "https://a.example.com"),
                "RefreshTokenRotation",
                Clients.map("Feature", "ENABLED", "RetryGracePeriodSeconds", 10)));

    Map<String, Object> attributes = snapshot.attributes();

    assertEquals(snapshot, Snapshot.of(attributes));
    assertEquals(90, attributes.get("AccessTokenValidity"));
    assertEquals(2, attributes.get("RefreshTokenValidity"), "48 hours are 2 days");
    assertEquals(
        Map.of("AccessToken", "minutes", "IdToken", "hours", "RefreshToken", "days"),
        attributes.get("TokenValidityUnits"));
    assertEquals(
        Map.of("Feature", "ENABLED", "RetryGracePeriodSeconds", 10),
        attributes.get("RefreshTokenRotation"),
        "integers as a live client holds them");
  }
}
