package dev.ccr.plan;

import dev.ccr.spec.ClientSpec;
import dev.ccr.spec.Position;
import dev.ccr.spec.SourceRef;
import java.util.Map;
import java.util.Objects;

/**
 * Where a planned client comes from in the files: the document that declares it, with the positions
 * of its keys when they are known (a plan read back from a file knows only the line). A client that
 * no file declares (one to prune) points at the UserPoolId of the first document of its pool.
 */
public record Origin(SourceRef source, Map<String, Position> positions) {
  public Origin {
    Objects.requireNonNull(source, "source");
    positions = Map.copyOf(positions);
  }

  /** The document of a client. */
  public static Origin of(ClientSpec spec) {
    return new Origin(spec.source(), spec.positions());
  }

  /** Only the file and the line of the document, as a plan file records them. */
  public static Origin at(SourceRef source) {
    return new Origin(source, Map.of());
  }

  /** Where the value at a JSON Pointer stands, or the start of the document. */
  public Position positionOf(String pointer) {
    return positions.getOrDefault(pointer, source.position());
  }

  /** Where the key or value of a change stands: its sub-key, else its member, else the document. */
  public Position positionOfPath(String path) {
    String pointer = "/" + path;
    if (positions.containsKey(pointer)) {
      return positions.get(pointer);
    }
    return positionOf("/" + path.split("/", 2)[0]);
  }
}
