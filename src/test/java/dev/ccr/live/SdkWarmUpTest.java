package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The warm-up runs the SDK's whole pipeline for a call, answered from memory. */
class SdkWarmUpTest {
  @Test
  void exercise_sendsACallThroughTheSdkAndReadsItsAnswer() {
    LiveClient client = SdkWarmUp.exercise();

    assertEquals("warm-up", client.clientName());
    assertEquals(30, ((Number) client.attributes().get("RefreshTokenValidity")).intValue());
  }
}
