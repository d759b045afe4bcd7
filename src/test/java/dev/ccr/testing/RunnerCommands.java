package dev.ccr.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow commands the GitHub Actions runner would read from a step's output: a port of its
 * {@code ActionCommand.TryParseV2} ({@code ::name k=v,..::data} at the start of a trimmed line) and
 * {@code TryParse} ({@code ##[name k=v;..]data} at the first {@code ##[} of a line), with its
 * registered command names, its line splitting (CR, LF, CRLF) and its {@code stop-commands} state.
 * The runner compares culturally, so characters that collation ignores are dropped before matching,
 * as it would skip them.
 */
public final class RunnerCommands {
  private RunnerCommands() {}

  /** The names the runner registers (ActionCommandManager and its extensions). */
  static final Set<String> REGISTERED =
      Set.of(
          "stop-commands",
          "set-env",
          "set-output",
          "save-state",
          "add-mask",
          "add-path",
          "add-matcher",
          "remove-matcher",
          "debug",
          "warning",
          "error",
          "notice",
          "group",
          "endgroup",
          "echo");

  /** One command as the runner reads it. */
  public record Command(String name, Map<String, String> properties, String data) {}

  /**
   * The commands the runner would act on, in order: after a {@code stop-commands}, none until its
   * token comes back (the stop and the resume themselves are listed).
   */
  public static List<Command> read(String output) {
    List<Command> commands = new ArrayList<>();
    String stopToken = null;
    for (String line : output.split("\r\n|\r|\n", -1)) {
      Optional<Command> parsed = parse(line, stopToken);
      if (parsed.isEmpty()) {
        continue;
      }
      Command command = parsed.get();
      if (stopToken != null) {
        if (command.name().equalsIgnoreCase(stopToken)) {
          commands.add(command);
          stopToken = null;
        }
      } else {
        if (command.name().equals("stop-commands")) {
          stopToken = command.data();
        }
        commands.add(command);
      }
    }
    return commands;
  }

  static Optional<Command> parse(String raw, String stopToken) {
    String line = withoutIgnorable(raw);
    Optional<Command> v2 = parseV2(line, stopToken);
    return v2.isPresent() ? v2 : parseLegacy(line, stopToken);
  }

  private static Optional<Command> parseV2(String line, String stopToken) {
    String message = stripDotnet(line);
    if (!message.startsWith("::")) {
      return Optional.empty();
    }
    int end = message.indexOf("::", 2);
    if (end < 0) {
      return Optional.empty();
    }
    String info = message.substring(2, end);
    int space = info.indexOf(' ');
    String name = space < 0 ? info : info.substring(0, space);
    if (!registered(name, stopToken)) {
      return Optional.empty();
    }
    Map<String, String> properties = new LinkedHashMap<>();
    if (space > 0) {
      for (String pair : info.substring(space + 1).trim().split(",")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2 && !kv[0].isEmpty() && !kv[1].isEmpty()) {
          properties.put(kv[0], unescape(kv[1]));
        }
      }
    }
    return Optional.of(
        new Command(
            name.toLowerCase(Locale.ROOT), properties, unescape(message.substring(end + 2))));
  }

  private static Optional<Command> parseLegacy(String line, String stopToken) {
    int prefix = line.indexOf("##[");
    if (prefix < 0) {
      return Optional.empty();
    }
    int bracket = line.indexOf(']', prefix);
    if (bracket < 0) {
      return Optional.empty();
    }
    String info = line.substring(prefix + 3, bracket);
    int space = info.indexOf(' ');
    String name = space < 0 ? info : info.substring(0, space);
    if (!registered(name, stopToken)) {
      return Optional.empty();
    }
    return Optional.of(
        new Command(
            name.toLowerCase(Locale.ROOT), Map.of(), unescape(line.substring(bracket + 1))));
  }

  private static boolean registered(String name, String stopToken) {
    String lower = name.toLowerCase(Locale.ROOT);
    return REGISTERED.contains(lower) || (stopToken != null && name.equalsIgnoreCase(stopToken));
  }

  private static String unescape(String text) {
    return text.replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%");
  }

  /** .NET's {@code TrimStart()}: white space as {@code char.IsWhiteSpace} sees it. */
  private static String stripDotnet(String line) {
    int i = 0;
    while (i < line.length()
        && (Character.isSpaceChar(line.charAt(i))
            || (line.charAt(i) >= 0x09 && line.charAt(i) <= 0x0D)
            || line.charAt(i) == 0x85)) {
      i++;
    }
    return line.substring(i);
  }

  /** Drops control (but tab) and format characters, which Unicode collation skips. */
  private static String withoutIgnorable(String line) {
    StringBuilder out = new StringBuilder();
    line.codePoints()
        .filter(
            c ->
                c == '\t'
                    || (Character.getType(c) != Character.CONTROL
                        && Character.getType(c) != Character.FORMAT))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
