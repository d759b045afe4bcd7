package dev.ccr.live;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The JDK's default trust manager (the {@code cacerts} trust store, or {@code
 * javax.net.ssl.trustStore}), read when a TLS handshake first needs it instead of when an HTTP
 * client is built: reading the store is the larger part of building one, and a run against an
 * {@code http://} endpoint never needs it. Every check is the default manager's own; {@link
 * #preload} reads the store ahead of the first handshake.
 */
public final class JdkTrust extends X509ExtendedTrustManager {
  private static final JdkTrust INSTANCE = new JdkTrust();

  private JdkTrust() {}

  /** The trust managers to give an SDK HTTP client. */
  public static TrustManager[] managers() {
    return new TrustManager[] {INSTANCE};
  }

  /** Reads the trust store now (on a daemon thread of the caller's choosing). */
  public static void preload() {
    try {
      Default.MANAGER.getAcceptedIssuers();
    } catch (RuntimeException | LinkageError e) {
      // The first handshake reports any problem.
    }
  }

  /** The JDK's default manager, made on first use (class initialisation is thread-safe). */
  private static final class Default {
    static final X509ExtendedTrustManager MANAGER = load();

    private static X509ExtendedTrustManager load() {
      try {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
          if (manager instanceof X509ExtendedTrustManager extended) {
            return extended;
          }
        }
        throw new IllegalStateException("the JDK has no X.509 trust manager");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot read the JDK's trust store: " + e.getMessage(), e);
      }
    }
  }

  private static X509ExtendedTrustManager jdk() {
    return Default.MANAGER;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    jdk().checkClientTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    jdk().checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    jdk().checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    jdk().checkServerTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    jdk().checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    jdk().checkServerTrusted(chain, authType, engine);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return jdk().getAcceptedIssuers();
  }

  /** Whether a manager is this one (for tests). */
  static boolean isLazy(X509TrustManager manager) {
    return manager == INSTANCE;
  }
}
