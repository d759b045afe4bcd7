package dev.ccr.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

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
