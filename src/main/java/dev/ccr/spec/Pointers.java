package dev.ccr.spec;

import java.util.ArrayList;
import java.util.List;

/** JSON Pointers (RFC 6901) and the dotted form shown to users ({@code CallbackURLs[2]}). */
public final class Pointers {
  private Pointers() {}

  static String child(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    for (String token : pointer.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /** {@code /TokenValidityUnits/AccessToken} gives {@code TokenValidityUnits.AccessToken}. */
  public static String display(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String token : tokens(pointer)) {
      if (!token.isEmpty() && token.chars().allMatch(Character::isDigit) && out.length() > 0) {
        out.append('[').append(token).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(token);
      }
    }
    return out.length() == 0 ? "(document)" : out.toString();
  }
}
