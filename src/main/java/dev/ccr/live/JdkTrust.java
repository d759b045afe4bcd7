package dev.ccr.live;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
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
  private static final JdkTrust INSTANCE = new JdkTrust(JdkTrust::load);

  private final Supplier<X509ExtendedTrustManager> loader;
  private volatile X509ExtendedTrustManager manager;
  private RuntimeException failure;

  JdkTrust(Supplier<X509ExtendedTrustManager> loader) {
    this.loader = loader;
  }

  /** The trust managers to give an SDK HTTP client. */
  public static TrustManager[] managers() {
    return new TrustManager[] {INSTANCE};
  }

  /** Reads the trust store now (on a daemon thread of the caller's choosing). */
  public static void preload() {
    try {
      INSTANCE.jdk();
    } catch (CertificateException e) {
      // The first handshake reports it.
    }
  }

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
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * The JDK's default manager, made on first use; when the store cannot be read, every check fails
   * with that reason (the handshake fails and ccr reports it as a connection error), and so does
   * every later one.
   */
  private X509ExtendedTrustManager jdk() throws CertificateException {
    X509ExtendedTrustManager loaded = manager;
    if (loaded != null) {
      return loaded;
    }
    synchronized (this) {
      if (manager == null && failure == null) {
        try {
          manager = loader.get();
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (manager != null) {
        return manager;
      }
      throw new CertificateException(
          "cannot read the JDK's trust store: " + failure.getMessage(), failure);
    }
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

  /** The certificate authorities trusted; none when the trust store cannot be read. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    try {
      return jdk().getAcceptedIssuers();
    } catch (CertificateException e) {
      return new X509Certificate[0];
    }
  }

  /** Whether a manager is this one (for tests). */
  static boolean isLazy(X509TrustManager manager) {
    return manager == INSTANCE;
  }
}
