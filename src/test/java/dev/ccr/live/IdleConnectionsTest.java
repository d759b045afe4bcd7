package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK keeps enough idle connections for every reading thread to find its own again. */
class IdleConnectionsTest {
  private static final String PROPERTY = "http.maxConnections";
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, saved);
    }
  }

  @Test
  void keepIdleConnections_unset_keepsMoreThanTheDefaultConcurrency() {
    System.clearProperty(PROPERTY);
    AwsCognitoGateway.keepIdleConnections();
    assertEquals("64", System.getProperty(PROPERTY));
    assertEquals(true, AwsCognitoGateway.IDLE_CONNECTIONS > ClientReader.DEFAULT_CONCURRENCY);
  }

  @Test
  void keepIdleConnections_setByTheUser_keepsTheirValue() {
    System.setProperty(PROPERTY, "7");
    AwsCognitoGateway.keepIdleConnections();
    assertEquals("7", System.getProperty(PROPERTY));
  }
}
