package dev.ccr.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Replaces {@code ${name}} in the scalar values of client files with the variables of the run, and
 * remembers where it did so. snakeyaml-engine tags a plain scalar that is exactly one reference
 * {@code !ENV_VARIABLE}: such a scalar takes the variable's value with its type (number, boolean,
 * list). A reference inside longer text, or in a quoted scalar, is replaced by the value's text.
 * {@code $${} stands for a literal {@code ${}.
 */
final class Substituter {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The value of one scalar after substitution, or what is wrong with it. */
  record Result(JsonNode value, List<String> problems) {
    Result {
      problems = List.copyOf(problems);
    }
  }

  /** A piece of a scalar's text: literal text, or a reference by name. */
  private record Part(String text, boolean reference) {}

  private final Optional<Variables> variables;
  private final String forbiddenHint;
  private final List<VariableUse> uses = new ArrayList<>();
  private final Set<String> unresolved = new TreeSet<>();

  private Substituter(Optional<Variables> variables, String forbiddenHint) {
    this.variables = variables;
    this.forbiddenHint = forbiddenHint;
  }

  /** Substitutes the given variables. */
  static Substituter of(Variables variables) {
    return new Substituter(Optional.of(variables), "");
  }

  /**
   * Allows no reference: each one is an error that ends with {@code hint} (only {@code $${}
   * escapes are read).
   */
  static Substituter forbidden(String hint) {
    return new Substituter(Optional.empty(), hint);
  }

  /** Whether the scalar holds a reference or an escaped one. */
  boolean handles(ScalarNode scalar) {
    return scalar.getTag().equals(Tag.ENV_TAG)
        || scalar.getTag().equals(Tag.STR) && scalar.getValue().contains("${");
  }

  /**
   * @param at the position of the scalar
   * @param keyAt the position of its key, when it is the value of a mapping key: a message about
   *     the attribute as a whole stands there
   */
  Result substitute(String file, ScalarNode scalar, Position at, Optional<Position> keyAt) {
    int before = uses.size();
    Result result = replace(file, scalar, at);
    if (!result.problems().isEmpty()) {
      uses.subList(before, uses.size()).clear();
    } else if (keyAt.isPresent()) {
      List<VariableUse> made = List.copyOf(uses.subList(before, uses.size()));
      made.forEach(use -> uses.add(new VariableUse(file, keyAt.get(), use.text())));
    }
    return result;
  }

  private Result replace(String file, ScalarNode scalar, Position at) {
    List<String> problems = new ArrayList<>();
    List<Part> parts = parse(scalar.getValue(), problems);
    if (!problems.isEmpty()) {
      return new Result(JSON.nullNode(), problems);
    }
    boolean whole =
        scalar.getTag().equals(Tag.ENV_TAG) && parts.size() == 1 && parts.get(0).reference();
    if (whole) {
      return typed(file, at, parts.get(0).text());
    }
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      if (part.reference()) {
        textOf(file, at, part.text(), parts.size() == 1, problems).ifPresent(text::append);
      } else {
        text.append(part.text());
      }
    }
    return new Result(
        problems.isEmpty() ? JSON.stringNode(text.toString()) : JSON.nullNode(), problems);
  }

  /** Where each value came from, for messages about substituted values. */
  List<VariableUse> uses() {
    return List.copyOf(uses);
  }

  /** The names referred to that have no value. */
  Set<String> unresolved() {
    return Set.copyOf(unresolved);
  }

  private Result typed(String file, Position at, String name) {
    Optional<Variables.Variable> variable = lookup(file, at, name);
    if (variable.isEmpty()) {
      return new Result(JSON.nullNode(), List.of(problem(name)));
    }
    return new Result(variable.get().value().deepCopy(), List.of());
  }

  private Optional<String> textOf(
      String file, Position at, String name, boolean alone, List<String> problems) {
    Optional<Variables.Variable> variable = lookup(file, at, name);
    if (variable.isEmpty()) {
      problems.add(problem(name));
      return Optional.empty();
    }
    JsonNode value = variable.get().value();
    if (value.isContainer()) {
      problems.add(
          "${"
              + name
              + "} is a "
              + (value.isArray() ? "list" : "mapping")
              + (alone
                  ? "; write it without quotes to use its value as it is"
                  : " and cannot be part of a longer text; write it alone, without quotes"));
      return Optional.empty();
    }
    return Optional.of(value.isString() ? value.stringValue() : value.asString());
  }

  private Optional<Variables.Variable> lookup(String file, Position at, String name) {
    if (variables.isEmpty()) {
      return Optional.empty();
    }
    Optional<Variables.Variable> variable = variables.get().find(name);
    if (variable.isPresent()) {
      uses.add(new VariableUse(file, at, "${" + name + "} from " + variable.get().origin()));
    } else {
      unresolved.add(name);
    }
    return variable;
  }

  private String problem(String name) {
    return variables.isEmpty()
        ? "${" + name + "}: " + forbiddenHint
        : variables.get().whyUnresolved(name);
  }

  /** Splits text into literal parts and references; adds a problem for each malformed one. */
  private static List<Part> parse(String text, List<String> problems) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        literal.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          problems.add(
              "unclosed ${ in "
                  + SchemaChecker.show(JSON.stringNode(text))
                  + ": end the variable with }, or write $${ for a literal ${");
          return parts;
        }
        String inner = text.substring(i + 2, close).strip();
        if (NAME.matcher(inner).matches()) {
          flush(literal, parts);
          parts.add(new Part(inner, true));
        } else {
          problems.add(malformed(inner));
        }
        i = close + 1;
      } else {
        literal.append(text.charAt(i++));
      }
    }
    flush(literal, parts);
    return parts;
  }

  private static void flush(StringBuilder literal, List<Part> parts) {
    if (literal.length() > 0) {
      parts.add(new Part(literal.toString(), false));
      literal.setLength(0);
    }
  }

  private static String malformed(String inner) {
    return "${"
        + inner
        + "} is not a variable: a name holds only letters, digits and _ (defaults such as"
        + " ${name:-value} are not supported); write $${ for a literal ${";
  }
}
