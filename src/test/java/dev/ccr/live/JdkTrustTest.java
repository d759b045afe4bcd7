package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust manager ccr gives the SDK is the JDK's default one, read on first use. */
class JdkTrustTest {
  private static X509TrustManager jdkDefault() throws Exception {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new AssertionError("no default X.509 trust manager");
  }

  @Test
  void trustsWhatTheJdkTrusts_andRefusesAnUnknownChain() throws Exception {
    TrustManager[] managers = JdkTrust.managers();
    assertEquals(1, managers.length);
    X509TrustManager lazy = (X509TrustManager) managers[0];
    assertTrue(JdkTrust.isLazy(lazy));

    X509Certificate[] issuers = jdkDefault().getAcceptedIssuers();
    assertTrue(issuers.length > 0, "the JDK's trust store holds certificate authorities");
    assertArrayEquals(issuers, lazy.getAcceptedIssuers(), "the same trust store");

    X509TrustManager jdk = jdkDefault();
    for (X509Certificate[] chain :
        new X509Certificate[][] {{issuers[0]}, {issuers[issuers.length - 1]}, {}}) {
      assertEquals(outcome(jdk, chain), outcome(lazy, chain), "the JDK's verdict");
    }
    assertThrows(IllegalArgumentException.class, () -> lazy.checkServerTrusted(null, "RSA"));
  }

  /** A certificate nobody signed but itself, made with the JDK's keytool. */
  @Test
  void refusesASelfSignedServerCertificate_asTheJdkDoes(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("self.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "self",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=cognito-idp.us-east-1.amazonaws.com",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), output);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    X509Certificate[] chain = {(X509Certificate) keys.getCertificate("self")};

    X509TrustManager lazy = (X509TrustManager) JdkTrust.managers()[0];
    assertThrows(CertificateException.class, () -> jdkDefault().checkServerTrusted(chain, "RSA"));
    CertificateException refused =
        assertThrows(CertificateException.class, () -> lazy.checkServerTrusted(chain, "RSA"));
    assertTrue(refused.getMessage().contains("certification path"), refused.getMessage());
  }

  /** A trust store that cannot be read fails every handshake with the reason, never trusts. */
  @Test
  void anUnreadableTrustStore_failsEveryCheck_withItsReason() {
    java.util.concurrent.atomic.AtomicInteger loads =
        new java.util.concurrent.atomic.AtomicInteger();
    JdkTrust broken =
        new JdkTrust(
            () -> {
              loads.incrementAndGet();
              throw new IllegalStateException("bogus not found");
            });
    X509Certificate[] none = new X509Certificate[0];
    for (int i = 0; i < 2; i++) {
      CertificateException e =
          assertThrows(CertificateException.class, () -> broken.checkServerTrusted(none, "RSA"));
      assertTrue(
          e.getMessage().contains("cannot read the JDK's trust store: bogus not found"),
          e.getMessage());
    }
    assertEquals(0, broken.getAcceptedIssuers().length, "trusts no authority");
    assertEquals(1, loads.get(), "read once; the failure is remembered");
  }

  /** "trusted", or the class of what the manager threw. */
  private static String outcome(X509TrustManager manager, X509Certificate[] chain) {
    try {
      manager.checkServerTrusted(chain, "RSA");
      return "trusted";
    } catch (CertificateException | RuntimeException e) {
      return e.getClass().getName();
    }
  }
}
