package org.handover.server.cli;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the web server and blocks until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Start the web server on the database (default: the embedded PostgreSQL under ./data; --init the first time).")
@Requires(Permission.READ)
public final class ServeCommand implements Runnable {
  @Mixin Options options;

  @Option(
      names = "--port",
      defaultValue = "${env:HANDOVER_PORT:-7070}",
      description = "port (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to listen on (default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--party",
      paramLabel = "CODE|none",
      description =
          "on the first start, the party this installation works for (none: an intermediary's); later an"
              + " administrator changes it on the page Parties or with 'handover party own'")
  String party;

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE",
      description =
          "serve HTTPS only, with the certificate and key of this PKCS#12 keystore (openssl pkcs12"
              + " -export, or keytool); the session cookie is then __Host-, Secure, and HSTS is sent")
  java.nio.file.Path tlsKeystore;

  @Option(
      names = "--tls-password-file",
      paramLabel = "FILE",
      description = "the keystore's password, on the file's first line (with --tls-keystore)")
  java.nio.file.Path tlsPasswordFile;

  @Option(
      names = "--init",
      description =
          "create the database when it does not exist yet (the first start of an installation)")
  boolean init;

  @Override
  public void run() {
    App app = init ? App.create(options.db) : options.open();
    app.start(); // the signing key is made when the installation starts, not by a reader
    firstStart(app, options.messages(), System.out);
    String operator = OsUser.name();
    if (!app.parties().chosen()) {
      if (party == null) {
        System.out.println(options.messages().get("serve.party-unchosen"));
      } else {
        Optional<Party> own =
            "none".equalsIgnoreCase(party) ? Optional.empty() : Optional.of(Party.of(party));
        if (own.isPresent() && !app.parties().book().knows(own.get())) {
          app.close();
          throw new IllegalArgumentException(
              options.messages().get("error.party.unknown", own.get().code()));
        }
        app.parties().choose(own, "os:" + operator);
      }
    } else if (party != null) {
      System.out.println(options.messages().get("serve.party-kept"));
    }
    Optional<org.handover.server.web.Tls> tls = Optional.empty();
    if (tlsKeystore != null) {
      if (tlsPasswordFile == null) {
        app.close();
        throw new IllegalArgumentException(options.messages().get("serve.tls-password"));
      }
      tls = Optional.of(org.handover.server.web.Tls.of(tlsKeystore, tlsPasswordFile));
    } else if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
      // plain HTTP: beyond this machine, passwords need TLS here or in front of it
      System.err.println(options.messages().get("serve.no-tls", host));
    }
    serve(app, host, port, tls);
  }

  /**
   * On an installation's first start: its administrator, whose password is printed once, and the
   * operating-system user who started it mapped to that account, so that its command line works.
   */
  static void firstStart(App app, Messages m, PrintStream out) {
    String operator = OsUser.name();
    app.accounts()
        .createFirstAdmin()
        .ifPresent(
            pw -> {
              out.println(
                  "First start: created user 'admin' with password "
                      + pw
                      + " (shown once; change it after signing in: your name at the top of every page).");
              app.accounts().credentials().mapOsUser("admin", operator, "system");
              out.println(m.get("cli.operator-mapped", operator));
            });
  }

  public static void serve(App app, String host, int port) {
    serve(app, host, port, Optional.empty());
  }

  static void serve(App app, String host, int port, Optional<org.handover.server.web.Tls> tls) {
    Javalin web = app.web().create(tls, host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  web.stop();
                  app.close();
                  stopped.countDown();
                }));
    if (tls.isPresent()) {
      web.start();
    } else {
      web.start(host, port);
    }
    System.out.println(
        "Handover is running at "
            + (tls.isPresent() ? "https" : "http")
            + "://"
            + ("127.0.0.1".equals(host) ? "localhost" : host)
            + ":"
            + web.port()
            + "/  (database "
            + app.database().url()
            + "; Ctrl+C stops it)");
    try {
      stopped.await(); // picocli would return and System.exit would stop the server
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
