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
import org.handover.core.rosters.RosterFileException;
import org.handover.server.App;
import org.handover.server.accounts.Accounts;
import org.handover.server.cli.Requires;
import org.handover.server.cli.ServeCommand;
import org.handover.server.registry.Registry;
import org.handover.server.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A demo database with generated people, then the web server on it. */
@Requires(Permission.READ)
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Create (or reuse) a demo database under ./data/demo (7,380 generated persons, the Istanbul rounds, their exchanges, remains and children) and start the web server.")
final class DemoCommand implements Runnable {
  static final int PERSONS = 5000;

  /**
   * Added to the registry for the Istanbul exchanges, aged 18 to 25 on the round's day: their
   * service members we hold, ours they hold, and children sought (so that the list of 339 has
   * them).
   */
  static final int THEIRS = 1400;

  static final int OURS = 900;
  static final int CHILDREN = 80;

  /** Everyone the demo's registry holds. */
  static final int ALL = PERSONS + THEIRS + OURS + CHILDREN;

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

  /** The day the demo's story stands at: six weeks after the Istanbul round. */
  static final LocalDate STORY_ENDS = LocalDate.of(2025, 7, 15);

  @Override
  public void run() {
    try {
      Files.createDirectories(dir);
      String url = "embedded:" + dir.toAbsolutePath();
      Path login = dir.resolve("demo-login.txt");
      StoryClock story = new StoryClock(DemoRecord.ROUND.minusDays(30));
      try (App app = new App(Database.create(url), story)) {
        if (app.registry().count() == 0) {
          create(app, story, login);
        }
      }
      App app = App.open(url);
      app.start(); // as serve does
      String operator = org.handover.server.cli.OsUser.name();
      // only a folder the demo made (its login kept beside it), never a real installation's
      if (Files.exists(login) && app.accounts().credentials().byOsUser(operator).isEmpty()) {
        try { // the command line beside the demo acts as its administrator
          app.accounts().credentials().mapOsUser("admin", operator, "system");
        } catch (Accounts.AccountException e) {
          // mapped by hand to a disabled account: left as its administrator chose
        }
      }
      String[] credentials =
          Files.exists(login)
              ? Files.readString(login).strip().split(" ")
              : new String[] {"?", "?"};
      System.out.println(
          "Demo login: user '"
              + credentials[0]
              + "', password '"
              + credentials[1]
              + "' (kept in "
              + login
              + ")");
      // the command line beside the running demo reaches the same database
      System.out.println(
          "Commands on this database take --db "
              + url
              + " (for example: ./handover round list --db "
              + url
              + "); they act as "
              + app.accounts().credentials().byOsUser(operator).map(u -> u.username()).orElse("?")
              + ", the account the operating-system user '"
              + operator
              + "' is mapped to");
      if (noServe) {
        app.close();
        return;
      }
      ServeCommand.serve(app, "127.0.0.1", port);
    } catch (RosterFileException e) {
      throw new IllegalStateException("the demo's own lists could not be read", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot write the demo folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The story, day by day: the registry a month before the round, the rounds, the lists, the first
   * batches exchanged, the remains received and identified, children found and reunified.
   */
  private static void create(App app, StoryClock story, Path login)
      throws IOException, RosterFileException {
    app.start();
    System.out.println("Creating the demo registry: " + ALL + " generated persons...");
    app.accounts()
        .createFirstAdmin()
        .ifPresent(
            pw ->
                System.out.println("Created user 'admin' with password " + pw + " (shown once)."));
    String password = app.accounts().create("demo", Role.REGISTRAR, "system");
    Files.writeString(login, "demo " + password + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(
          login, PosixFilePermissions.fromString("rw-------")); // a password
    } catch (UnsupportedOperationException e) {
      // a file system without POSIX permissions: the folder's own protection is all there is
    }
    // the demo is kept by Ukraine's coordination staff
    app.parties().choose(Optional.of(Party.of("UA")), "demo");
    LocalDate today = LocalDate.now(story);
    app.registry()
        .importAll(
            Registry.Reading.of(
                withSources(new DemoPeople(20250602L, today).generate(PERSONS), today)),
            "",
            "",
            "demo",
            (stage, n) -> {});
    DemoPeople atTheRound = new DemoPeople(20250603L, DemoRecord.ROUND);
    List<Person> more = new ArrayList<>(atTheRound.exchangeable(THEIRS, OURS, 100_001));
    more.addAll(atTheRound.children(CHILDREN, 100_001));
    app.registry()
        .importAll(Registry.Reading.of(withSources(more, today)), "", "", "demo", (stage, n) -> {});
    System.out.println("The Istanbul rounds, their exchanges, remains and children...");
    story.day(DemoRecord.ROUND);
    long agreement = DemoRecord.rounds(app);
    DemoTracing.requests(app);
    DemoRecord.weekAfter(app, story, agreement);
    DemoRemains.Received remains = DemoRemains.receive(app, story, agreement);
    DemoTracing.found(app, story);
    story.day(STORY_ENDS);
    DemoRemains.identify(app, remains);
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
