package org.handover.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.handover.server.App;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS served by Handover from a keystore: the only way in, a __Host- Secure cookie, and HSTS. */
class TlsTest {
  @TempDir Path dir;
  App app;
  Javalin web;

  @AfterEach
  void stop() {
    if (web != null) {
      web.stop();
    }
    if (app != null) {
      app.close();
    }
  }

  /** A self-signed certificate for 127.0.0.1, made by the JDK's own keytool. */
  Path keystore() throws Exception {
    Path store = dir.resolve("handover.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "handover",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "secret-pass")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    return store;
  }

  @Test
  void httpsIsTheOnlyWayInAndTheCookieIsHostBoundAndSecure() throws Exception {
    Path store = keystore();
    Path password = dir.resolve("password");
    Files.writeString(password, "secret-pass\n");
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemDefaultZone());
    web = app.web().create(Optional.of(Tls.of(store, password)), "127.0.0.1", 0).start();
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      trusted.load(in, "secret-pass".toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + web.port() + "/login"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
    assertThat(login.headers().allValues("Set-Cookie"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .startsWith("__Host-handover_session=")
                    .contains("Secure")
                    .contains("HttpOnly"));
    // no plain HTTP beside it: a password never travels in clear
    HttpClient plain = HttpClient.newHttpClient();
    boolean refused;
    try {
      HttpResponse<String> r =
          plain.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/login"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      refused = r.statusCode() >= 400;
    } catch (java.io.IOException e) {
      refused = true;
    }
    assertThat(refused).isTrue();
  }

  @Test
  void aKeystoreThatCannotBeReadIsNamed() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> Tls.of(dir.resolve("missing.p12"), dir.resolve("missing"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.p12");
  }
}
