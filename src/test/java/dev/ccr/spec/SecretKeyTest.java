package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Which keys count as the client secret, misspelt or not, so that their values are masked. */
class SecretKeyTest {
  @Test
  void secretLike_nearMissesOfClientSecret_areSecret() {
    for (String key :
        List.of("ClientSecret", "ClientSecre", "ClintScret", "client_secrt", "ClientSecxx")) {
      assertTrue(SourceText.secretLike(key), key);
    }
  }

  @Test
  void secretLike_otherKeys_areNot() {
    for (String key : List.of("ClientName", "ClientId", "GenerateSecret", "AccessTokenValidity")) {
      assertFalse(SourceText.secretLike(key), key);
    }
  }

  @Test
  void secretLike_skipsTheDistanceOnlyWhereTheLengthsAlreadyRuleItOut() {
    for (String key :
        List.of(
            "a",
            "ClientSe",
            "ClientS",
            "clientsecretabc",
            "cli",
            "ClientSecretss",
            "xxxxxxxxx",
            "xxxxxxxxxxxxxxx",
            "ClientIdent",
            "CallbackURLs",
            "UserPoolId",
            "ClientSecretsss")) {
      String lower = key.toLowerCase(Locale.ROOT);
      boolean byDistance =
          lower.contains("secr") || Suggestions.distance(lower, "clientsecret") <= 3;
      assertEquals(byDistance, SourceText.secretLike(key), key);
    }
  }
}
