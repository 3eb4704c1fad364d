package org.handover.server.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.accounts.Role;
import org.handover.core.demo.DemoPeople;
import org.handover.core.parties.Party;
import org.handover.core.registry.Person;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.Status;
import org.handover.core.registry.StatusBasis;
import org.handover.core.registry.StatusSource;
import org.handover.server.App;
import org.handover.server.cli.Requires;
import org.handover.server.cli.ServeCommand;
import org.handover.server.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A demo database with generated people, then the web server on it. */
@Requires(Permission.READ)
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Create (or reuse) a demo database under ./data/demo with 5,000 generated persons and start the web server.")
final class DemoCommand implements Runnable {
  static final int PERSONS = 5000;

  @Option(
      names = "--dir",
      defaultValue = "data/demo",
      description = "folder of the demo database (default ${DEFAULT-VALUE})")
  Path dir;

  @Option(
      names = "--port",
      defaultValue = "${env:HANDOVER_PORT:-7070}",
      description = "port (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--no-serve", description = "prepare the database and exit")
  boolean noServe;

  @Override
  public void run() {
    try {
      Files.createDirectories(dir);
      App app = App.create("embedded:" + dir.toAbsolutePath());
      app.start(); // as serve does
      Path login = dir.resolve("demo-login.txt");
      if (app.registry().count() == 0) {
        System.out.println("Creating the demo registry: " + PERSONS + " generated persons...");
        app.accounts()
            .createFirstAdmin()
            .ifPresent(
                pw ->
                    System.out.println(
                        "Created user 'admin' with password " + pw + " (shown once)."));
        String password = app.accounts().create("demo", Role.REGISTRAR, "system");
        Files.writeString(login, "demo " + password + "\n", StandardCharsets.UTF_8);
        try {
          Files.setPosixFilePermissions(
              login, PosixFilePermissions.fromString("rw-------")); // a password
        } catch (UnsupportedOperationException e) {
          // a file system without POSIX permissions: the folder's own protection is all there is
        }
        app.registry()
            .importAll(
                withSources(
                    new DemoPeople(20250602L, LocalDate.now(app.clock())).generate(PERSONS),
                    LocalDate.now(app.clock())),
                "demo");
      }
      if (!app.parties().chosen()) {
        app.parties()
            .choose(
                Optional.of(Party.of("UA")),
                "demo"); // the demo is kept by Ukraine's coordination staff
      }
      if (app.negotiations().rounds().isEmpty()) {
        long agreement = DemoRecord.rounds(app);
        DemoRemains.receive(app, agreement);
        DemoTracing.seed(app);
        DemoRecord.weekAfter(app, agreement);
      }
      String[] credentials =
          Files.exists(login)
              ? Files.readString(login).strip().split(" ")
              : new String[] {"?", "?"};
      System.out.println(
          "Demo login: user '" + credentials[0] + "', password '" + credentials[1] + "'");
      if (noServe) {
        app.close();
        return;
      }
      ServeCommand.serve(app, "127.0.0.1", port);
    } catch (org.handover.core.rosters.RosterFileException e) {
      throw new IllegalStateException("the demo's own remains list could not be read", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot write the demo folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * What each demo status rests on: of ours the other side holds, most were notified by its
   * Information Bureau or seen by the ICRC, some only on a video, some on nothing stated — so that
   * the Held page has whom to raise.
   */
  static List<Registry.Imported> withSources(List<Person> persons, LocalDate since) {
    List<Registry.Imported> imported = new ArrayList<>();
    for (int i = 0; i < persons.size(); i++) {
      Person p = persons.get(i);
      StatusBasis basis = StatusBasis.since(since);
      boolean oursHeld =
          p.status() == Status.CAPTIVE
              && p.holdingParty().isPresent()
              && !p.holdingParty().get().equals(Party.of("UA"));
      if (oursHeld) {
        int k = i % 20;
        basis =
            k < 12
                ? new StatusBasis(since, StatusSource.NOTIFICATION, "№ " + (4100 + i))
                : k < 15
                    ? new StatusBasis(since, StatusSource.ICRC_VISIT, "")
                    : k < 17 ? new StatusBasis(since, StatusSource.VIDEO, "") : basis;
      }
      imported.add(new Registry.Imported(p, basis, ReleaseFacts.none()));
    }
    return imported;
  }
}
