package dev.ccr.spec;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Stops a YAML event stream at the first list or mapping nested deeper than a limit, and at the
 * first alias of a list or mapping beyond a limit per document, each at its position. The composer
 * of snakeyaml-engine recurses once per level and has no depth limit of its own, so a small file of
 * thousands of {@code [} would otherwise overflow the stack; and it copies the entries of every
 * {@code <<} merge, so a chain of merges would otherwise grow quadratically. The parser beneath is
 * iterative.
 */
final class LimitingParser implements Parser {

  /** A limit was passed at {@code mark}; the message says which. */
  static final class LimitExceeded extends YamlEngineException {
    private static final long serialVersionUID = 1L;
    private final transient Optional<Mark> mark;

    LimitExceeded(String message, Optional<Mark> mark) {
      super(message);
      this.mark = mark;
    }

    Optional<Mark> mark() {
      return mark;
    }
  }

  private final Parser parser;
  private final int maxDepth;
  private final int maxCollectionAliases;
  private final Set<Anchor> collections = new HashSet<>();
  private int depth;
  private int collectionAliases;

  /**
   * @param maxDepth how many lists and mappings may be open at once
   * @param maxCollectionAliases how many aliases of lists and mappings one document may hold
   */
  LimitingParser(Parser parser, int maxDepth, int maxCollectionAliases) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.maxDepth = maxDepth;
    this.maxCollectionAliases = maxCollectionAliases;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = parser.next();
    switch (event.getEventId()) {
      case DocumentStart -> {
        collections.clear();
        collectionAliases = 0;
      }
      case SequenceStart, MappingStart -> opened((NodeEvent) event);
      case SequenceEnd, MappingEnd -> depth--;
      case Scalar -> ((NodeEvent) event).getAnchor().ifPresent(collections::remove);
      case Alias -> aliased((AliasEvent) event);
      default -> {}
    }
    return event;
  }

  private void opened(NodeEvent event) {
    event.getAnchor().ifPresent(collections::add);
    if (++depth > maxDepth) {
      throw new LimitExceeded(
          "document nests deeper than " + maxDepth + " levels", event.getStartMark());
    }
  }

  private void aliased(AliasEvent event) {
    if (collections.contains(event.getAlias()) && ++collectionAliases > maxCollectionAliases) {
      throw new LimitExceeded(
          "document refers to lists or mappings through aliases more than "
              + maxCollectionAliases
              + " times",
          event.getStartMark());
    }
  }
}
