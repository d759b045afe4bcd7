package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientRefTest {
  private static final String POOL = "us-east-1_Ref1";

  @Test
  void displayName_isTheName_elseTheId() {
    assertEquals("web", ClientRef.byId(POOL, "abc").withName("web").displayName());
    assertEquals("web", ClientRef.byName(POOL, "web").displayName());
    assertEquals("abc", ClientRef.byId(POOL, "abc").displayName());
  }

  @Test
  void title_namesThePoolAndTheIdWhenKnown() {
    assertEquals("web (us-east-1_Ref1/abc)", ClientRef.byId(POOL, "abc").withName("web").title());
    assertEquals("web (us-east-1_Ref1)", ClientRef.byName(POOL, "web").title());
    assertEquals("us-east-1_Ref1/abc", ClientRef.byId(POOL, "abc").title());
  }

  @Test
  void durationUnit_parse_isTheOneReadingOfAUnit() {
    assertEquals(DurationUnit.MINUTES, DurationUnit.parse("minutes"));
    assertEquals(DurationUnit.DAYS, DurationUnit.parse("days"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DurationUnit.parse("weeks"));
    assertEquals("unknown token validity unit: weeks", e.getMessage());
  }
}
