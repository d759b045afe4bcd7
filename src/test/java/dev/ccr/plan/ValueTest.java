package dev.ccr.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ccr.spec.DurationUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTest {

  @Test
  void duration_printsSingularAndPluralUnits() {
    assertEquals("1 hour", new Value.Duration(1, DurationUnit.HOURS).display());
    assertEquals("30 minutes", new Value.Duration(30, DurationUnit.MINUTES).display());
    assertEquals("7 days", new Value.Duration(7, DurationUnit.DAYS).display());
    assertEquals("1 second", new Value.Duration(1, DurationUnit.SECONDS).display());
    assertEquals("0 seconds", new Value.Duration(0, DurationUnit.SECONDS).display());
  }

  @Test
  void duration_comparesAsSeconds() {
    assertEquals(
        new Value.Duration(60, DurationUnit.MINUTES).seconds(),
        new Value.Duration(1, DurationUnit.HOURS).seconds());
  }

  @Test
  void of_mapsModelValuesToTheirKinds() {
    assertEquals(new Value.Number(5), Value.of(5));
    assertEquals(new Value.Items(List.of("a")), Value.of(List.of("a")));
    assertEquals("(none)", Value.NONE.display());
    assertThrows(IllegalArgumentException.class, () -> Value.of(java.util.Map.of()));
  }

  @Test
  void change_withoutADifference_isABug() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AttributeChange.of("ClientName", new Value.Text("a"), new Value.Text("a")));
  }
}
