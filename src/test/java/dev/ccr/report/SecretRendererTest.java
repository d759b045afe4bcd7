package dev.ccr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.plan.Clients;
import dev.ccr.secret.ClientSecrets;
import dev.ccr.secret.Secrets;
import dev.ccr.testing.Golden;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What apply prints of its secret steps, and the plan's secret counts. */
class SecretRendererTest {
  @Test
  void results_lineByStepAndFailure_thenTheSummary_matchGolden() {
    List<ClientSecrets> secrets = Clients.withSecrets().secrets();
    List<Secrets.Outcome> outcomes =
        List.of(
            new Secrets.Outcome(
                secrets.get(0),
                List.of(
                    "rotate: added 3n4b5urk1ft4fl3mg5e62d9ado--1, delivered to"
                        + " secretsManager:prod/web"),
                Optional.empty()),
            new Secrets.Outcome(
                secrets.get(1),
                List.of("retired c2--1"),
                Optional.of(
                    "added c2--2 but did not deliver it (ssm:PutParameter failed for"
                        + " ssmParameter:/prod/web-2/secret: AccessDeniedException: denied)")));

    Golden.assertMatches(
        Golden.projectDir().resolve("src/test/resources/golden/apply/secrets.txt"),
        SecretRenderer.results(outcomes) + SecretRenderer.summary(outcomes) + "\n");
  }

  @Test
  void counts_areEmptyWithoutASecretAction() {
    assertEquals(Optional.empty(), SecretRenderer.counts(List.of()));
    assertEquals(
        Optional.of("1 to rotate, 1 to deliver, 1 to retire"),
        SecretRenderer.counts(Clients.withSecrets().secrets()));
  }

  @Test
  void text_showsNoBlockForAClientAsItsPolicyWants() {
    String text = SecretRenderer.text(Clients.withSecrets().secrets());
    assertTrue(text.contains("* secret of web-2 "), text);
    assertTrue(!text.contains("* secret of api "), text);
  }
}
