package dev.ccr.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ccr.live.LiveClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileNamesTest {

  @Test
  void safe_unsafeCharacters_becomeSingleHyphensTrimmedAndLowerCase() {
    assertEquals("web-app-prod", FileNames.safe("  Web App / PROD!! "));
    assertEquals("a-b-c", FileNames.safe("a\\b:c*?\"<>|"));
    assertEquals("app-v2-0", FileNames.safe("../app v2.0"));
    assertEquals("creme-brulee", FileNames.safe("Crème Brûlée"));
    assertEquals("user-example-com", FileNames.safe("user@example.com"));
  }

  @Test
  void safe_nothingSafeLeft_isEmpty() {
    assertEquals("", FileNames.safe("日本語"));
    assertEquals("", FileNames.safe("..."));
    assertEquals("", FileNames.safe(""));
  }

  @Test
  void safe_longName_isCutWithoutTrailingHyphen() {
    String name = "a".repeat(63) + " b" + "c".repeat(100);
    String safe = FileNames.safe(name);
    assertEquals("a".repeat(63), safe);
    assertTrue(FileNames.safe("x".repeat(500)).length() == FileNames.MAX_LENGTH);
  }

  @Test
  void safe_windowsReservedNames_getASuffix() {
    for (String reserved : List.of("CON", "prn", "Aux", "nul", "com1", "LPT9", "con.")) {
      String safe = FileNames.safe(reserved);
      assertTrue(safe.endsWith("-client"), reserved + " gave " + safe);
    }
    assertEquals("console", FileNames.safe("console"));
    assertEquals("nul-client", FileNames.safe("NUL"));
  }

  @Test
  void safe_aNameCcrReadsAsItsProjectFile_getsASuffix() {
    for (String name : List.of("ccr", "CCR", ".ccr", "ccr.", " Ccr ")) {
      assertEquals("ccr-client", FileNames.safe(name), name);
    }
    assertEquals("ccr-yml", FileNames.safe("ccr.yml"));
    assertEquals("hidden", FileNames.safe(".hidden"));
    assertEquals(
        List.of("ccr-client.yaml"), FileNames.assign(List.of(client("3N4B5URK1FT4", "ccr"))));
  }

  @Test
  void assign_emptySafeName_usesTheClientId() {
    assertEquals(
        List.of("3n4b5urk1ft4.yaml"), FileNames.assign(List.of(client("3N4B5URK1FT4", "***"))));
    assertEquals(List.of("abc.yaml"), FileNames.assign(List.of(client("abc", ""))));
  }

  @Test
  void assign_namesThatComeOutAlike_allGetTheirIdPrefix() {
    List<String> names =
        FileNames.assign(
            List.of(
                client("aaaaaa1111", "Web App"),
                client("other", "api"),
                client("bbbbbb2222", "web-app")));
    assertEquals(List.of("web-app-aaaaaa.yaml", "api.yaml", "web-app-bbbbbb.yaml"), names);
  }

  @Test
  void assign_doesNotDependOnTheOrderClientsAreListedIn() {
    LiveClient a = client("aaaaaa1111", "web");
    LiveClient b = client("bbbbbb2222", "web");
    assertEquals(FileNames.assign(List.of(a, b)), reversed(FileNames.assign(List.of(b, a))));
  }

  @Test
  void assign_sameIdPrefixOrNameTakenBySuffix_stillUnique() {
    List<LiveClient> clients =
        List.of(
            client("abcdef111", "web"),
            client("abcdef222", "web"),
            client("zzz", "web-abcdef"),
            client("Q", "web"),
            client("q", "web"));
    List<String> names = FileNames.assign(clients);
    assertEquals(clients.size(), new HashSet<>(names).size(), names.toString());
    assertTrue(names.contains("web-abcdef.yaml"), names.toString());
    names.forEach(n -> assertTrue(n.matches("[a-z0-9]+(-[a-z0-9]+)*\\.yaml"), n));
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static LiveClient client(String id, String name) {
    return new LiveClient(
        "us-east-1_Pool", id, name.isEmpty() ? Map.of() : Map.of("ClientName", name), false);
  }
}
