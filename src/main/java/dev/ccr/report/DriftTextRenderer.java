package dev.ccr.report;

import dev.ccr.drift.DriftReport;
import dev.ccr.drift.DriftReport.ClientResult;
import dev.ccr.drift.DriftReport.DriftedAttribute;
import dev.ccr.drift.DriftReport.PoolError;
import dev.ccr.drift.DriftReport.Problem;
import dev.ccr.drift.DriftReport.RegisteredClient;
import dev.ccr.drift.DriftReport.Status;
import dev.ccr.drift.DriftReport.UnmanagedClient;
import dev.ccr.spec.Position;
import java.util.List;

/**
 * Text like the plan's: each drifted or failed client with its source and one line per attribute
 * (live value, then the file's, each at its line and column), the unmanaged clients, then the
 * counts.
 */
final class DriftTextRenderer implements DriftRenderer {
  private final boolean colour;

  DriftTextRenderer(boolean colour) {
    this.colour = colour;
  }

  @Override
  public String render(DriftReport report) {
    StringBuilder out = new StringBuilder();
    for (ClientResult client : report.clients()) {
      if (client.status() != Status.IN_SYNC) {
        client(out, client);
      }
    }
    for (UnmanagedClient client : report.unmanaged()) {
      head(out, Line.Symbol.UNMANAGED, client.title(), client.file(), client.position());
      out.append("    no file declares this client; its pool is declared at ")
          .append(ControlCharacters.escape(client.file()))
          .append(':')
          .append(client.position().line())
          .append("\n\n");
    }
    for (RegisteredClient client : report.registered()) {
      head(out, Line.Symbol.UNMANAGED, client.title(), client.file(), client.position());
      out.append("    ").append(client.finding()).append("\n\n");
    }
    for (PoolError error : report.poolErrors()) {
      head(out, Line.Symbol.ERROR, error.userPoolId(), error.file(), error.position());
      line(out, new Line(Line.Symbol.ERROR, 0, error.message()));
      out.append('\n');
    }
    if (!report.hasDrift() && report.count(Status.ERROR) == 0 && report.poolErrors().isEmpty()) {
      long n = report.clients().size();
      out.append("No drift. ")
          .append(n == 1 ? "1 client matches its file" : n + " clients match their files");
      int unmanaged = report.unmanaged().size();
      out.append(unmanaged == 0 ? "" : "; " + Noun.count(unmanaged, "unmanaged client"));
      int registered = report.registered().size();
      out.append(
          registered == 0
              ? "."
              : "; " + Noun.count(registered, "client") + " registered at run time (DCR).");
      return out.append(
              report.unmanagedFail()
                  ? " Unmanaged clients fail the check (--fail-on-unmanaged).\n"
                  : "\n")
          .toString();
    }
    out.append("Drift: ").append(DriftRenderer.counts(report)).append('.');
    if (report.clients().stream().anyMatch(c -> !c.drifted().isEmpty())) {
      out.append(" Changes read: live value -> value in the file.");
    }
    if (report.unmanagedFail()) {
      out.append(" Unmanaged clients fail the check (--fail-on-unmanaged).");
    }
    return out.append('\n').toString();
  }

  private void client(StringBuilder out, ClientResult client) {
    Line.Symbol symbol =
        switch (client.status()) {
          case ERROR -> Line.Symbol.ERROR;
          case MISSING -> Line.Symbol.ADD;
          case UNWANTED -> Line.Symbol.REMOVE;
          default -> Line.Symbol.CHANGE;
        };
    head(out, symbol, client.title(), client.file(), client.position());
    for (DriftedAttribute attribute : client.drifted()) {
      List<Line> lines = Line.of(attribute.change());
      Line first = lines.get(0);
      line(
          out,
          new Line(
              first.symbol(),
              first.depth(),
              first.text() + "  (line " + at(attribute.position()) + ")"));
      lines.subList(1, lines.size()).forEach(line -> line(out, line));
    }
    for (Problem problem : client.problems()) {
      line(out, new Line(Line.Symbol.ERROR, 0, problem.message()));
    }
    if (client.status() == Status.MISSING || client.status() == Status.UNWANTED) {
      out.append("    ").append(DriftReport.lifecycleFinding(client)).append('\n');
    }
    out.append('\n');
  }

  private void head(
      StringBuilder out, Line.Symbol symbol, String title, String file, Position position) {
    TextRenderer.head(out, symbol, title, file + ":" + position.line(), colour);
  }

  private void line(StringBuilder out, Line line) {
    TextRenderer.line(out, line, colour);
  }

  private static String at(Position position) {
    return position.line() + ":" + position.column();
  }
}
