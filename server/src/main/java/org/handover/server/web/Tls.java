package org.handover.server.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS served by Handover itself, from a PKCS#12 keystore (the certificate and its private key, as
 * {@code openssl pkcs12 -export} or {@code keytool} make it): the only connector then, so that no
 * password ever travels in clear.
 *
 * <pre>{@code
 * app.web().create(Optional.of(new Tls(keystore, password)), "0.0.0.0", 8443).start();
 * }</pre>
 */
public record Tls(Path keystore, String password) {
  public Tls {
    if (!Files.isReadable(keystore)) {
      throw new IllegalArgumentException("--tls-keystore: cannot read " + keystore);
    }
  }

  /** The keystore's password from a file (its first line), so that it is not on a command line. */
  public static Tls of(Path keystore, Path passwordFile) {
    if (!Files.isReadable(keystore)) {
      throw new IllegalArgumentException("--tls-keystore: cannot read " + keystore);
    }
    try {
      return new Tls(keystore, Files.readString(passwordFile).lines().findFirst().orElse(""));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "--tls-password-file: cannot read " + passwordFile + ": " + e.getMessage(), e);
    }
  }

  Connector connector(Server server, HttpConfiguration http, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
    ssl.setKeyStoreType("PKCS12");
    ssl.setKeyStorePassword(password);
    HttpConfiguration https = new HttpConfiguration(http);
    // the name the browser asked for is the certificate's business, not a reason to refuse it here
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector c =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    c.setHost(host);
    c.setPort(port);
    return c;
  }
}
