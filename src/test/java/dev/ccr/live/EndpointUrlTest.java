package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointUrlTest {

  @Test
  void parse_urlsTheSdkTakes_areKeptAsTheyAre() {
    for (String url :
        new String[] {
          "http://127.0.0.1:4566",
          "https://cognito-idp.eu-west-1.amazonaws.com",
          "http://[::1]:5000",
          "https://vpce-0123.cognito-idp.eu-west-1.vpce.amazonaws.com/prefix",
          "http://localhost:65535"
        }) {
      assertEquals(URI.create(url), EndpointUrl.parse(url), url);
    }
  }

  @Test
  void parse_userAndPassword_areMasked() {
    assertEquals(
        URI.create("http://****@127.0.0.1:4566"),
        EndpointUrl.parse("http://ops:s3cr3t@127.0.0.1:4566"));
    assertEquals(URI.create("https://****@h/p"), EndpointUrl.parse("https://token@h/p"));
  }

  @Test
  void parse_shapesThatWouldFailLate_areRefusedInWordsWithoutThePassword() {
    Map<String, String> refused =
        Map.of(
            "http://u:pw@127.0.0.1:99999",
            "port 99999 of 'http://****@127.0.0.1:99999' is out of range: ports go from 1 to 65535",
            "http://127.0.0.1:0",
            "port 0 of 'http://127.0.0.1:0' is out of range: ports go from 1 to 65535",
            "http://u:pw@h:x1",
            "port 'x1' of 'http://****@h:x1' is not a number from 1 to 65535",
            "http://h/?token=pw",
            "an endpoint URL has no query (?...) or fragment (#...), which may carry a token and"
                + " are not shown: remove them from 'http://h/?...'",
            "http://h/#pw",
            "an endpoint URL has no query (?...) or fragment (#...), which may carry a token and"
                + " are not shown: remove them from 'http://h/#...'",
            "localhost:4566",
            "must be an http:// or https:// URL with a host, not 'localhost:4566'",
            "http://u:pw@a b",
            "'http://****@a b' is not a URL: Illegal character in authority",
            "http://bad_host:80",
            "must be an http:// or https:// URL with a host name or an IP address, not"
                + " 'http://bad_host:80'");
    refused.forEach(
        (url, message) -> {
          IllegalArgumentException e =
              assertThrows(IllegalArgumentException.class, () -> EndpointUrl.parse(url), url);
          assertEquals(message, e.getMessage(), url);
          assertFalse(e.getMessage().contains("pw"), e.getMessage());
        });
  }

  @Test
  void mask_everyUrlInAText() {
    assertEquals(
        "from http://****@a:1/x to https://****@b and http://c:2",
        EndpointUrl.mask("from http://u:p@a:1/x to https://v@b and http://c:2"));
  }
}
