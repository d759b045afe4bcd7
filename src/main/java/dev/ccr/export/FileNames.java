package dev.ccr.export;

import dev.ccr.live.LiveClient;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names for exported clients, safe on every common file system: lower-case {@code a-z}, {@code
 * 0-9} and single inner hyphens, at most {@link #MAX_LENGTH} characters before the suffix, never a
 * name Windows reserves, never one ccr reads as something else (the project file {@code ccr.yaml};
 * a hidden name cannot come out), and unique within one export.
 */
public final class FileNames {
  /** Longest base name, before any suffix that makes it unique and before {@code .yaml}. */
  public static final int MAX_LENGTH = 64;

  /** Length of the client-id prefix that tells apart clients with alike names. */
  static final int ID_PREFIX = 6;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9]+");

  /** Names Windows reserves, and {@code ccr}, whose file would be read as the project file. */
  private static final Pattern RESERVED =
      Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]|conin|conout|clock|ccr");

  private FileNames() {}

  /**
   * The base name for a client name: accents dropped, lower-cased, every run of other characters
   * made one hyphen, hyphens trimmed, cut to {@link #MAX_LENGTH}; a name Windows reserves, and
   * {@code ccr}, get {@code -client} appended. Empty when nothing safe is left.
   */
  public static String safe(String name) {
    String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    String safe = trim(UNSAFE.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-"));
    if (safe.length() > MAX_LENGTH) {
      safe = trim(safe.substring(0, MAX_LENGTH));
    }
    return RESERVED.matcher(safe).matches() ? safe + "-client" : safe;
  }

  /**
   * One {@code .yaml} file name per client, in the same order. A client whose safe name is empty is
   * named after its client id. Clients whose names come out alike all get {@code -} and the first
   * six characters of their id appended (the whole id if that is still not unique), so the result
   * does not depend on the order clients are listed in.
   */
  public static List<String> assign(List<LiveClient> clients) {
    List<String> bases = new ArrayList<>();
    Map<String, Integer> uses = new HashMap<>();
    for (LiveClient client : clients) {
      String base = safe(client.clientName());
      base = base.isEmpty() ? safe(client.clientId()) : base;
      base = base.isEmpty() ? "client" : base;
      bases.add(base);
      uses.merge(base, 1, Integer::sum);
    }
    Set<String> taken = new HashSet<>();
    bases.forEach(
        base -> {
          if (uses.get(base) == 1) {
            taken.add(base);
          }
        });
    List<String> names = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      String base = bases.get(i);
      String name = uses.get(base) == 1 ? base : distinct(base, clients.get(i).clientId(), taken);
      names.add(name + ".yaml");
    }
    return names;
  }

  private static String distinct(String base, String clientId, Set<String> taken) {
    String id = safe(clientId);
    List<String> candidates =
        List.of(base + "-" + id.substring(0, Math.min(ID_PREFIX, id.length())), base + "-" + id);
    for (String candidate : candidates) {
      if (taken.add(trim(candidate))) {
        return trim(candidate);
      }
    }
    for (int n = 2; ; n++) {
      String candidate = trim(base + "-" + id) + "-" + n;
      if (taken.add(candidate)) {
        return candidate;
      }
    }
  }

  private static String trim(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && name.charAt(start) == '-') {
      start++;
    }
    while (end > start && name.charAt(end - 1) == '-') {
      end--;
    }
    return name.substring(start, end);
  }
}
