package dev.ccr.report;

import dev.ccr.plan.AttributeChange;
import dev.ccr.plan.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a change listing: a symbol, a nesting depth (0 for an attribute, 1 for a set item)
 * and the text.
 */
record Line(Symbol symbol, int depth, String text) {

  /** The mark in front of a line, and its ANSI colour. */
  enum Symbol {
    ADD('+', "32"),
    REMOVE('-', "31"),
    CHANGE('~', "33"),
    ERROR('!', "31"),
    UNMANAGED('?', "36");

    final char mark;
    final String ansi;

    Symbol(char mark, String ansi) {
      this.mark = mark;
      this.ansi = ansi;
    }

    String render(boolean colour) {
      return colour ? "\u001B[" + ansi + "m" + mark + "\u001B[0m" : String.valueOf(mark);
    }
  }

  /**
   * @param text shown as it is, but with line breaks and other control characters as visible
   *     escapes: a value can neither forge lines of a listing nor send escape codes to a terminal
   */
  Line {
    Objects.requireNonNull(symbol, "symbol");
    text = ControlCharacters.escape(Objects.requireNonNull(text, "text"));
  }

  /** The lines that show one change: a set item by item, anything else as before and after. */
  static List<Line> of(AttributeChange change) {
    List<Line> lines = new ArrayList<>();
    String path = change.path();
    if (change.isSet()) {
      Symbol header = change.before() instanceof Value.None ? Symbol.ADD : Symbol.CHANGE;
      lines.add(new Line(header, 0, path + ":"));
      change.added().forEach(item -> lines.add(new Line(Symbol.ADD, 1, item)));
      change.removed().forEach(item -> lines.add(new Line(Symbol.REMOVE, 1, item)));
    } else if (change.before() instanceof Value.None) {
      lines.add(new Line(Symbol.ADD, 0, path + ": " + change.after().display()));
    } else if (change.after() instanceof Value.None) {
      lines.add(new Line(Symbol.REMOVE, 0, path + ": " + change.before().display()));
    } else {
      String text = path + ": " + change.before().display() + " -> " + change.after().display();
      lines.add(new Line(Symbol.CHANGE, 0, text));
    }
    return lines;
  }
}
