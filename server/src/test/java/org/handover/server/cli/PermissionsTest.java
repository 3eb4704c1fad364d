package org.handover.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Role;
import org.handover.server.App;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command declares the permission it needs, and an account named by --actor must hold it. */
class PermissionsTest {
  @TempDir Path dir;

  @Test
  void everyCommandThatRunsDeclaresItsPermission() {
    List<String> undeclared = new ArrayList<>();
    List<String> declared = new ArrayList<>();
    walk(HandoverCommand.commandLine(), undeclared, declared);
    assertThat(undeclared).isEmpty();
    assertThat(declared)
        .contains(
            "handover registry add",
            "handover roster import",
            "handover party add",
            "handover duplicates",
            "handover user add",
            "handover serve");
  }

  private static void walk(CommandLine cl, List<String> undeclared, List<String> declared) {
    Object command = cl.getCommand();
    boolean runs = command instanceof Runnable || command instanceof Callable;
    boolean plumbing =
        command instanceof HandoverCommand || command instanceof CommandLine.HelpCommand;
    if (runs && !plumbing) {
      (command.getClass().isAnnotationPresent(Requires.class) ? declared : undeclared)
          .add(cl.getCommandSpec().qualifiedName());
    }
    cl.getSubcommands().values().stream()
        .distinct()
        .forEach(sub -> walk(sub, undeclared, declared));
  }

  private static final String OS_USER = OsUser.name();

  private static String lastActor(String db) {
    try (App app = App.open(db)) {
      return app.database()
          .jdbi()
          .withHandle(
              h ->
                  h.createQuery("SELECT actor FROM journal ORDER BY seq DESC LIMIT 1")
                      .mapTo(String.class)
                      .one());
    }
  }

  private static long persons(String db) {
    try (App app = App.open(db)) {
      return app.registry().count();
    }
  }

  @Test
  void aDatabaseWithoutAccountsIsWorkedOnByItsOperatorNamedByTheOperatingSystem() {
    String db = TestDatabases.postgres();
    assertThat(Cli.run("registry", "add", "--db", db, "--family", "Бойко").exit()).isZero();
    assertThat(lastActor(db)).isEqualTo("os:" + OS_USER);
  }

  @Test
  void nobodyCanBeNamedOnTheCommandLine() {
    String db = TestDatabases.postgres();
    Cli.Run run = Cli.run("registry", "add", "--db", db, "--family", "Бойко", "--actor", "admin");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--actor");
    assertThat(persons(db)).isZero();
  }

  @Test
  void anUnmappedOperatingSystemUserIsRefusedAndNothingIsStored() {
    String db = TestDatabases.postgres();
    try (App app = App.open(db)) {
      app.accounts().create("olena", Role.REGISTRAR, "test");
    }
    Cli.Run refused = Cli.run("registry", "add", "--db", db, "--lang", "uk", "--family", "Бойко");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains("«" + OS_USER + "»", "handover user map", "--os-user " + OS_USER);
    assertThat(persons(db)).isZero();
  }

  @Test
  void theMappedAccountActsAndItsRoleMustHoldThePermission() {
    String db = TestDatabases.postgres();
    try (App app = App.open(db)) {
      app.accounts().create("icrc", Role.OBSERVER, "test");
      app.accounts().create("olena", Role.REGISTRAR, "test");
      app.accounts().credentials().mapOsUser("icrc", OS_USER, "test");
    }
    Cli.Run refused = Cli.run("registry", "add", "--db", db, "--lang", "en", "--family", "Бойко");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("icrc", "observer", "edit the registry");
    assertThat(persons(db)).isZero();
    try (App app = App.open(db)) {
      app.accounts().credentials().unmapOsUsers("icrc", "test");
      app.accounts().credentials().mapOsUser("olena", OS_USER, "test");
    }
    assertThat(Cli.run("registry", "add", "--db", db, "--family", "Бойко").exit()).isZero();
    assertThat(persons(db)).isEqualTo(1);
    assertThat(lastActor(db)).isEqualTo("olena");
    // the operating system says who runs the process, not the user.name property anyone may set
    String was = System.getProperty("user.name");
    try {
      System.setProperty("user.name", "icrc");
      assertThat(Cli.run("registry", "add", "--db", db, "--family", "Гнатюк").exit()).isZero();
    } finally {
      System.setProperty("user.name", was);
    }
    assertThat(lastActor(db)).isEqualTo("olena");
  }

  @Test
  void aScriptActsWithItsTokenUntilItIsRevokedOrItsAccountDisabled() throws Exception {
    String db = TestDatabases.postgres();
    try (App app = App.open(db)) {
      app.accounts().create("admin", Role.ADMIN, "test");
      app.accounts().create("olena", Role.REGISTRAR, "test");
      app.accounts().credentials().mapOsUser("admin", OS_USER, "test");
    }
    Path token = dir.resolve("olena.token");
    Cli.Run issued =
        Cli.run(
            "user",
            "token",
            "olena",
            "--db",
            db,
            "--label",
            "nightly import",
            "--out",
            token.toString());
    assertThat(issued.exit()).as(issued.err()).isZero();
    assertThat(java.nio.file.Files.getPosixFilePermissions(token))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(java.nio.file.Files.readString(token)).doesNotContain("olena").startsWith("hvr_");
    // never replaces a file
    assertThat(Cli.run("user", "token", "olena", "--db", db, "--out", token.toString()).exit())
        .isEqualTo(2);

    Cli.Run added =
        Cli.run(
            "registry", "add", "--db", db, "--family", "Бойко", "--token-file", token.toString());
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(lastActor(db)).isEqualTo("olena");
    Cli.Run list = Cli.run("user", "list", "--db", db, "--lang", "en");
    assertThat(list.out())
        .contains("admin\tadministrator\toperating-system user " + OS_USER)
        .contains("olena\tregistrar\tAPI token: nightly import");

    Path forged = dir.resolve("forged.token");
    java.nio.file.Files.writeString(forged, "hvr_" + "A".repeat(43));
    Cli.Run wrong =
        Cli.run(
            "registry", "add", "--db", db, "--family", "Бойко", "--token-file", forged.toString());
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("not valid");

    assertThat(Cli.run("user", "disable", "olena", "--db", db).exit()).isZero();
    assertThat(
            Cli.run(
                    "registry",
                    "add",
                    "--db",
                    db,
                    "--family",
                    "Бойко",
                    "--token-file",
                    token.toString())
                .exit())
        .isEqualTo(2);
    assertThat(Cli.run("user", "enable", "olena", "--db", db).exit()).isZero();
    Cli.Run revoked = Cli.run("user", "token", "olena", "--revoke", "--db", db, "--lang", "en");
    assertThat(revoked.out()).contains("1 API token revoked");
    assertThat(
            Cli.run(
                    "registry",
                    "add",
                    "--db",
                    db,
                    "--family",
                    "Бойко",
                    "--token-file",
                    token.toString())
                .exit())
        .isEqualTo(2);
    assertThat(persons(db)).isEqualTo(1);
    Cli.Run verified = Cli.run("journal", "verify", "--db", db);
    assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
  }

  @Test
  void aTokenSlippedIntoTheTableBehindHandoversBackIsNamedByTheJournal() {
    String db = TestDatabases.postgres();
    try (App app = App.open(db)) {
      app.accounts().create("admin", Role.ADMIN, "test");
      app.accounts().credentials().mapOsUser("admin", OS_USER, "test");
      app.database()
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "INSERT INTO cli_credentials (user_id, kind, value, created_at)"
                          + " SELECT id, 'token', repeat('a', 64), 0 FROM users WHERE username = 'admin'"));
    }
    Cli.Run verified = Cli.run("journal", "verify", "--db", db, "--lang", "en");
    assertThat(verified.exit()).isEqualTo(1);
    assertThat(verified.out() + verified.err()).contains("user");
  }

  @Test
  void theFirstStartMapsWhoeverStartedItToItsAdministrator() {
    String db = TestDatabases.postgres();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (App app = App.open(db)) {
      ServeCommand.firstStart(
          app, org.handover.server.i18n.Messages.of("en"), new java.io.PrintStream(out, true));
      assertThat(app.accounts().credentials().byOsUser(OS_USER).orElseThrow().username())
          .isEqualTo("admin");
    }
    assertThat(out.toString())
        .contains("created user 'admin'")
        .contains("operating-system user '" + OS_USER + "' acts as admin");
    Cli.Run run = Cli.run("party", "list", "--db", db);
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void anAdministratorSaysWhichPartyAUserBelongsTo() {
    String db = TestDatabases.postgres();
    try (App app = App.open(db)) {
      app.accounts().create("admin", Role.ADMIN, "test");
      app.accounts().create("icrc", Role.OBSERVER, "test");
      app.accounts().credentials().mapOsUser("admin", OS_USER, "test");
    }
    Cli.Run refused =
        Cli.run("party", "member", "icrc", "--party", "RU", "--db", db, "--lang", "en");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("RU is a party to the conflict");
    Cli.Run unknown = Cli.run("party", "member", "icrc", "--party", "XX", "--db", db);
    assertThat(unknown.exit()).isEqualTo(2);
    Cli.Run set = Cli.run("party", "member", "icrc", "--party", "ICRC", "--db", db, "--lang", "en");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("icrc now belongs to ICRC");
    try (App app = App.open(db)) {
      assertThat(app.accounts().find("icrc").orElseThrow().outsider()).isTrue();
    }
    assertThat(Cli.run("party", "member", "icrc", "--party", "ours", "--db", db).exit()).isZero();
    try (App app = App.open(db)) {
      assertThat(app.accounts().find("icrc").orElseThrow().outsider()).isFalse();
    }
    assertThat(Cli.run("journal", "verify", "--db", db).exit()).isZero();
  }
}
