package dev.ccr.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The lines a diagnostic quotes, masked when first asked for: a secret pasted into the file never
 * shows, on its own line, on a line that repeats it, or in a message.
 */
class SourceTextTest {
  private static final String FILE =
      String.join(
          "\n",
          "UserPoolId: us-east-1_AbCdEf123",
          "ClientName: web",
          "ClientSecret: s3cr3t-value-123",
          "CallbackURLs: [https://example.com/s3cr3t-value-123]",
          "ccr:",
          "  endpoint-url: https://user:pa55word@127.0.0.1:9229",
          "");

  @Test
  void line_masksTheSecretWhereverItAppears() {
    SourceText source = SourceText.of("web.yaml", FILE);

    assertEquals("ClientName: web", source.line(2));
    assertEquals("ClientSecret: ****", source.line(3));
    assertEquals("CallbackURLs: [https://example.com/****]", source.line(4));
    assertFalse(source.line(6).contains("pa55word"), source.line(6));
    assertEquals("", source.line(0));
    assertEquals("", source.line(99));
  }

  @Test
  void error_masksTheSecretInItsMessageAndQuotedLine() {
    SourceText source = SourceText.of("web.yaml", FILE);

    Diagnostic error =
        source.error(
            new Position(4, 1), "/CallbackURLs/0", "bad URL https://example.com/s3cr3t-value-123");

    assertEquals("bad URL https://example.com/****", error.message());
    assertFalse(error.toString().contains("s3cr3t-value-123"), error.toString());
    assertTrue(source.secrets().contains("s3cr3t-value-123"));
    assertTrue(source.secrets().contains("user:pa55word"), source.secrets().toString());
  }

  @Test
  void empty_quotesNothing() {
    SourceText source = SourceText.empty("big.yaml");

    assertEquals("", source.line(1));
    assertTrue(source.secrets().isEmpty());
    assertEquals("big.yaml", source.file());
  }

  @Test
  void threadsAskingAtOnce_maskTheFileOnce() throws Exception {
    SourceText source = SourceText.of("web.yaml", FILE);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> seen = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        seen.add(
            pool.submit(
                () -> {
                  start.await();
                  return source.lines();
                }));
      }
      start.countDown();
      List<String> first = seen.get(0).get();
      assertEquals("ClientSecret: ****", first.get(2));
      for (Future<List<String>> lines : seen) {
        assertSame(first, lines.get(), "one masking, shared by every thread");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void line_masksABlockScalarSecretAndItsRepeats() {
    SourceText source =
        SourceText.of(
            "web.yaml",
            String.join(
                "\n",
                "ClientName: web",
                "ClientSecret: |",
                "  first-half-of-it",
                "  second-half-of-it",
                "AllowedOAuthScopes: {a: second-half-of-it}",
                "GenerateSecret: true"));

    assertEquals("ClientSecret: ****", source.line(2));
    assertEquals("  ****", source.line(3));
    assertEquals("  ****", source.line(4));
    assertEquals("AllowedOAuthScopes: {a: ****}", source.line(5));
    assertEquals("GenerateSecret: true", source.line(6));
  }
}
