package dev.ccr.report;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReport.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Formats a drift report for people, CI systems and code scanning; renderers never diff. */
public interface DriftRenderer {

  /** The whole output, ending in a newline. */
  String render(DriftReport report);

  /** Plain text; {@code colour} adds ANSI colours to the symbols. */
  static DriftRenderer text(boolean colour) {
    return new DriftTextRenderer(colour);
  }

  /** JSON as documented by {@code schemas/drift-report.schema.json}. */
  static DriftRenderer json(String generatedBy) {
    return json(generatedBy, java.util.Optional.empty());
  }

  /** JSON that also names the project file the run read. */
  static DriftRenderer json(String generatedBy, java.util.Optional<String> projectFile) {
    return new DriftJsonRenderer(generatedBy, projectFile);
  }

  /**
   * Markdown for a pull-request comment or a job summary, below {@value CappedMarkdown#LIMIT}
   * characters.
   */
  static DriftRenderer markdown() {
    return new DriftMarkdownRenderer(CappedMarkdown.LIMIT);
  }

  /**
   * JUnit XML: a test suite per file, a test case per client at its file (relative to {@code
   * workingDirectory}) and line.
   *
   * @param checkedAt when the check ran (every suite's timestamp)
   * @param hostname the machine it ran on
   */
  static DriftRenderer junit(Path workingDirectory, Instant checkedAt, String hostname) {
    return new DriftJunitRenderer(workingDirectory, checkedAt, hostname, Map.of());
  }

  /**
   * {@link #junit(Path, Instant, String)} with each declared client's {@code time}: how long
   * reading it took, by {@code POOL/ID}; a client without a time (not read) has 0.
   */
  static DriftRenderer junit(
      Path workingDirectory, Instant checkedAt, String hostname, Map<String, Duration> readTimes) {
    return new DriftJunitRenderer(workingDirectory, checkedAt, hostname, readTimes);
  }

  /**
   * SARIF 2.1.0 for code scanning; file locations are made relative to {@code workingDirectory}.
   *
   * @param version the tool version ({@code 0.1.0})
   * @param informationUri where users learn about the tool
   */
  static DriftRenderer sarif(String version, String informationUri, Path workingDirectory) {
    return new DriftSarifRenderer(version, informationUri, workingDirectory);
  }

  /** {@code 1 drifted, 2 in sync, 1 unmanaged} (and {@code , 1 error} when any). */
  static String counts(DriftReport report) {
    StringBuilder counts =
        new StringBuilder()
            .append(report.count(Status.DRIFTED))
            .append(" drifted, ")
            .append(report.count(Status.IN_SYNC))
            .append(" in sync, ")
            .append(report.unmanaged().size())
            .append(" unmanaged");
    if (!report.registered().isEmpty()) {
      counts.append(", ").append(report.registered().size()).append(" registered at run time");
    }
    long missing = report.count(Status.MISSING);
    if (missing > 0) {
      counts.append(", ").append(missing).append(" missing");
    }
    long unwanted = report.count(Status.UNWANTED);
    if (unwanted > 0) {
      counts.append(", ").append(unwanted).append(" unwanted");
    }
    long errors = report.count(Status.ERROR) + report.poolErrors().size();
    if (errors > 0) {
      counts.append(", ").append(errors).append(errors == 1 ? " error" : " errors");
    }
    return counts.toString();
  }
}
