package dev.ccr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private static final long MS = 1_000_000L;
  private long now;
  private final StringWriter text = new StringWriter();
  private final ProgressLine line =
      new ProgressLine(new PrintWriter(text, true), "reading clients", () -> now);

  @Test
  void format_showsDoneTotalRateAndTimeLeft() {
    assertEquals(
        "reading clients: 150/1000 (15%), 15.0/s, about 57 s left",
        ProgressLine.format("reading clients", 150, 1000, 10));
    assertEquals(
        "reading clients: 30/20000 (0%), 3.0/s, about 110 min 57 s left",
        ProgressLine.format("reading clients", 30, 20000, 10));
  }

  @Test
  void progressed_silentDuringTheFirstSecond() {
    now = 900 * MS;
    line.progressed(10, 100);
    assertEquals("", text.toString());
  }

  @Test
  void progressed_redrawsInPlaceAtMostFiveTimesASecond() {
    now = 1_000 * MS;
    line.progressed(15, 100);
    now = 1_100 * MS;
    line.progressed(16, 100);
    now = 2_000 * MS;
    line.progressed(30, 100);
    assertEquals(
        "\rreading clients: 15/100 (15%), 15.0/s, about 6 s left"
            + "\rreading clients: 30/100 (30%), 15.0/s, about 5 s left",
        text.toString());
  }

  @Test
  void progressed_erasesTheLineWhenDone() {
    now = 1_000 * MS;
    line.progressed(15, 100);
    int width = text.toString().length() - 1;
    line.progressed(100, 100);
    assertEquals(
        "\rreading clients: 15/100 (15%), 15.0/s, about 6 s left\r" + " ".repeat(width) + "\r",
        text.toString());
  }

  @Test
  void progressed_lateReportFromAnotherThread_neverRedrawsAfterTheEnd() {
    now = 1_000 * MS;
    line.progressed(15, 100);
    line.progressed(100, 100);
    String erased = text.toString();
    now = 2_000 * MS;
    line.progressed(99, 100);
    assertEquals(erased, text.toString(), "the line stays erased");
  }

  @Test
  void progressed_shortRunPrintsNothingAtAll() {
    line.progressed(1, 2);
    line.progressed(2, 2);
    assertEquals("", text.toString());
  }
}
