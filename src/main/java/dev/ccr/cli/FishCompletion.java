package dev.ccr.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script made from the picocli model (picocli generates bash and zsh only): the
 * subcommands, each command's options with their values, and file names where a command takes
 * paths.
 */
final class FishCompletion {
  /** A full stop that ends a sentence: after a character that is no dot, before a space. */
  private static final Pattern SENTENCE_END = Pattern.compile("[^.]\\.\\s");

  private FishCompletion() {}

  static String script(CommandSpec root) {
    String name = root.name();
    StringBuilder out = new StringBuilder();
    out.append("# fish completion for ")
        .append(name)
        .append(", made by '")
        .append(name)
        .append(" completion fish'. Install it with:\n#   ")
        .append(name)
        .append(" completion fish > ~/.config/fish/completions/")
        .append(name)
        .append(".fish\n")
        .append("complete -c ")
        .append(name)
        .append(" -f\n");
    String top = "__fish_use_subcommand";
    options(root).forEach(option -> line(out, name, top, option(name, option)));
    List<String> names = new ArrayList<>();
    root.subcommands()
        .forEach(
            (subName, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden() && !names.contains(subName)) {
                names.add(subName);
                line(out, name, top, "-a " + quote(subName) + describe(sub.getCommandSpec()));
              }
            });
    for (String subName : names) {
      CommandSpec sub = root.subcommands().get(subName).getCommandSpec();
      String when = quote("__fish_seen_subcommand_from " + subName);
      if (sub.userObject() instanceof HelpCommand) {
        line(out, name, when, "-a " + quote(String.join(" ", names)));
      }
      for (PositionalParamSpec positional : sub.positionalParameters()) {
        values(positional).ifPresent(values -> line(out, name, when, values));
      }
      options(sub).forEach(option -> line(out, name, when, option(name, option)));
    }
    return out.toString();
  }

  private static List<OptionSpec> options(CommandSpec command) {
    return command.options().stream().filter(option -> !option.hidden()).toList();
  }

  private static void line(StringBuilder out, String name, String condition, String rest) {
    out.append("complete -c ")
        .append(name)
        .append(" -n ")
        .append(condition)
        .append(' ')
        .append(rest)
        .append('\n');
  }

  private static String option(String command, OptionSpec option) {
    StringBuilder spec = new StringBuilder();
    for (String name : option.names()) {
      spec.append(name.startsWith("--") ? "-l " + name.substring(2) : "-s " + name.substring(1));
      spec.append(' ');
    }
    if (option.arity().max() > 0) {
      Optional<String> listed =
          CompletionCommand.listed(option.longestName())
              .map(
                  list ->
                      "-x -a "
                          + quote("(" + command + " completion --list " + list + " 2>/dev/null)"));
      spec.append(listed.or(() -> values(option)).orElse("-x")).append(' ');
    }
    return spec.append(description(option.description())).toString().strip();
  }

  /** What a value may be: one of its candidates, a file name, or anything (no files offered). */
  private static Optional<String> values(ArgSpec arg) {
    if (arg.completionCandidates() != null) {
      List<String> candidates = new ArrayList<>();
      arg.completionCandidates().forEach(candidates::add);
      return Optional.of("-x -a " + quote(String.join(" ", candidates)));
    }
    Class<?> type =
        arg.typeInfo().isMultiValue()
            ? arg.typeInfo().getAuxiliaryTypes()[0]
            : arg.typeInfo().getType();
    if (Path.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type)) {
      return Optional.of(arg.isOption() ? "-r -F" : "-F");
    }
    return arg.isOption() ? Optional.of("-x") : Optional.empty();
  }

  private static String describe(CommandSpec command) {
    String[] header = command.usageMessage().header();
    return header.length == 0 ? "" : " " + description(header);
  }

  /** The first sentence of a description, as {@code -d '...'}. */
  private static String description(String[] lines) {
    if (lines.length == 0 || lines[0].isBlank()) {
      return "";
    }
    String text = lines[0].replaceAll("\\$\\{[^}]*}", "").strip();
    Matcher end = SENTENCE_END.matcher(text);
    text = end.find() ? text.substring(0, end.start() + 1) : text;
    for (String cut : List.of(" (default:", "; ")) {
      int at = text.indexOf(cut);
      text = at > 0 ? text.substring(0, at) : text;
    }
    text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    return "-d " + quote(text);
  }

  /** A fish single-quoted string: only backslash and the quote are special. */
  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
