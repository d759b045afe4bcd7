package dev.ccr.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of one file, to quote the offending line under each diagnostic, with any secret pasted
 * into the file masked. A key that looks like a secret's ({@code ClientSecret}, also misspelt or in
 * another case) has its value masked to the end of the line and on the more indented lines that
 * continue it; that value is then masked wherever else it appears, in lines and in messages.
 *
 * <p>The masking runs when a line or the secrets are first asked for, that is when the file has a
 * diagnostic: a file without one (every file of a healthy fleet) never pays for it (two regular
 * expressions per line, a tenth of the main thread's time in a plan of 1,000 clients).
 */
final class SourceText {
  private static final String CLIENT_SECRET = "clientsecret";
  private static final Pattern KEY =
      Pattern.compile("(?<![\\w-])([A-Za-z_][\\w-]*)[\"']?\\s*:(?=\\s|$)");
  private static final String MASK = "****";
  private static final Pattern ENDPOINT_URL =
      Pattern.compile("(?<![\\w-])[\"']?endpoint-url[\"']?\\s*:(?=\\s|$)");

  /** Shorter values are too common to mask everywhere (such as "true"). */
  private static final int MIN_SECRET_LENGTH = 6;

  /** The file's lines, masked, and the values of its secret-like keys. */
  private record Masked(List<String> lines, Set<String> secrets) {
    Masked {
      lines = List.copyOf(lines);
      secrets = Set.copyOf(secrets);
    }
  }

  private static final Masked NONE = new Masked(List.of(), Set.of());

  private final String file;
  private String text; // until it is masked
  private Masked masked;

  private SourceText(String file, String text) {
    this.file = file;
    this.text = text;
  }

  static SourceText of(String file, String text) {
    return new SourceText(file, text);
  }

  String file() {
    return file;
  }

  /** The file's lines, secrets masked. */
  List<String> lines() {
    return masked().lines();
  }

  /** The values of the file's secret-like keys (and endpoint user information). */
  Set<String> secrets() {
    return masked().secrets();
  }

  private synchronized Masked masked() {
    if (masked == null) {
      masked = text == null ? NONE : mask(text);
      text = null;
    }
    return masked;
  }

  private static Masked mask(String text) {
    List<String> masked = new ArrayList<>();
    Set<String> secrets = new LinkedHashSet<>();
    int keyIndent = -1;
    int endpointIndent = -1;
    for (String line : text.lines().toList()) {
      int indent = indentation(line);
      if (endpointIndent >= 0 && (line.isBlank() || indent > endpointIndent)) {
        line = line.substring(0, indent) + maskUserInfoValue(line.substring(indent), secrets);
      } else {
        endpointIndent = ENDPOINT_URL.matcher(line).find() ? indent : -1;
      }
      if (keyIndent >= 0 && (line.isBlank() || indent > keyIndent)) {
        remember(line.strip(), secrets);
        masked.add(line.isBlank() ? line : line.substring(0, indent) + MASK);
        continue;
      }
      line = maskUserInfo(line, secrets);
      keyIndent = secretValueStart(line);
      if (keyIndent >= 0) {
        remember(line.substring(keyIndent), secrets);
        masked.add(
            line.substring(0, keyIndent) + (line.substring(keyIndent).isBlank() ? "" : " " + MASK));
        keyIndent = indent;
      } else {
        masked.add(line);
      }
    }
    List<String> lines = masked.stream().map(line -> maskValues(line, secrets)).toList();
    return new Masked(lines, secrets);
  }

  /** A file whose text is not available (too large, not UTF-8, unreadable). */
  static SourceText empty(String file) {
    return new SourceText(file, null);
  }

  String line(int number) {
    List<String> lines = lines();
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }

  Diagnostic diagnostic(Severity severity, Position position, String pointer, String message) {
    return diagnostic(severity, position, pointer, message, java.util.Optional.empty());
  }

  /** A diagnostic quoting its line, found by the rule {@code rule} when it has one. */
  Diagnostic diagnostic(
      Severity severity,
      Position position,
      String pointer,
      String message,
      java.util.Optional<String> rule) {
    return new Diagnostic(
        severity,
        maskValues(message, secrets()),
        file,
        position,
        pointer,
        line(position.line()),
        rule);
  }

  Diagnostic error(Position position, String pointer, String message) {
    return diagnostic(Severity.ERROR, position, pointer, message);
  }

  /**
   * The line with the user information of an {@code endpoint-url:} value as {@code ****},
   * remembered as a secret so that no message quoting the value shows it.
   */
  private static String maskUserInfo(String line, Set<String> secrets) {
    Matcher key = ENDPOINT_URL.matcher(line);
    if (!key.find()) {
      return line;
    }
    return line.substring(0, key.end()) + maskUserInfoValue(line.substring(key.end()), secrets);
  }

  /**
   * An endpoint URL's value, or a line that continues it (a list item, a block scalar's line), with
   * what looks like user information as {@code ****}, remembered as a secret.
   */
  private static String maskUserInfoValue(String value, Set<String> secrets) {
    Optional<String> userInfo = UserInfo.of(value.strip());
    userInfo.ifPresent(secrets::add);
    return userInfo.isEmpty() ? value : value.replace(userInfo.get(), MASK);
  }

  /** Where the value of a secret-like key starts on the line (after its colon), or -1. */
  private static int secretValueStart(String line) {
    Matcher key = KEY.matcher(line);
    while (key.find()) {
      if (secretLike(key.group(1))) {
        return key.end();
      }
    }
    return -1;
  }

  static boolean secretLike(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.startsWith("generate")) {
      return false;
    }
    // An edit distance is at least the difference in length: most keys need no distance at all.
    return lower.contains("secr")
        || (Math.abs(lower.length() - CLIENT_SECRET.length()) <= 3
            && Suggestions.distance(lower, CLIENT_SECRET) <= 3);
  }

  private static void remember(String value, Set<String> secrets) {
    String bare = value.strip().replaceAll("^[\"'|>!]+|[\"',}\\]]+$", "").strip();
    if (bare.length() >= MIN_SECRET_LENGTH) {
      secrets.add(bare);
    }
  }

  private static String maskValues(String text, Set<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  private static int indentation(String line) {
    int i = 0;
    while (i < line.length()
        && (line.charAt(i) == ' '
            || line.charAt(i) == '-' && i + 1 < line.length() && line.charAt(i + 1) == ' ')) {
      i++;
    }
    return i;
  }
}
