package org.handover.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.Thresholds;
import org.handover.server.App;
import org.handover.server.cli.Cli;
import org.handover.server.cli.Cli.Run;
import org.handover.server.rosters.TheirLists;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code handover backup} and {@code handover restore} on PostgreSQL. */
class BackupTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  static final String FAMILY = "Ґудзь-Вишневецька";
  @TempDir Path dir;
  String url;
  App app;
  Path passphrase;

  @BeforeEach
  void open() throws Exception {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.start();
    app.accounts().createFirstAdmin();
    app.accounts()
        .credentials()
        .mapOsUser("admin", org.handover.server.cli.OsUser.name(), "system");
    app.registry().addAll(new DemoPeople(3, TODAY).generate(30), TODAY, "admin");
    Path list = dir.resolve("their.csv");
    long roster =
        TheirLists.imported(
            app,
            list,
            "their.csv",
            "ФИО,Дата рождения\n" + FAMILY + " Ганна,01.02.1990\n",
            "admin",
            TODAY);
    app.matching().run(roster, false, Thresholds.DEFAULT, "admin");
    passphrase = dir.resolve("passphrase");
    Files.writeString(passphrase, "correct horse battery staple\n");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private static Run cli(String... args) {
    return Cli.run(args);
  }

  private static Map<String, Long> counts(App a) {
    Map<String, Long> counts = new LinkedHashMap<>();
    a.database()
        .jdbi()
        .useHandle(
            h -> {
              for (Manifest.Table t : Backup.Tables.inOrder(h)) {
                counts.put(
                    t.name(),
                    h.createQuery("SELECT count(*) FROM " + t.name()).mapTo(Long.class).one());
              }
            });
    return counts;
  }

  private Path backup() {
    Path file = dir.resolve("handover.backup");
    Run made =
        cli("backup", "--db", url, "--passphrase-file", passphrase.toString(), file.toString());
    assertThat(made.exit()).as(made.out() + made.err()).isZero();
    return file;
  }

  @Test
  void aBackupRestoresIntoAnEmptyDatabaseWhole() throws Exception {
    Path file = backup();
    String target = TestDatabases.postgres();
    Run restored =
        cli("restore", "--db", target, "--passphrase-file", passphrase.toString(), file.toString());
    assertThat(restored.exit()).as(restored.out() + restored.err()).isZero();
    assertThat(restored.out())
        .contains("Verified: the journal is intact")
        .contains("every record is as journaled")
        .contains("extends the backup's checkpoint");
    try (App back = App.open(target)) {
      assertThat(counts(back)).isEqualTo(counts(app));
      assertThat(back.journal().headHash()).isEqualTo(app.journal().headHash());
      // numbers drawn after a restore follow the restored ones
      long before = app.registry().count();
      back.registry().addAll(new DemoPeople(9, TODAY).generate(1), TODAY, "admin");
      assertThat(back.registry().count()).isEqualTo(before + 1);
      assertThat(back.journal().audit().clean()).isTrue();
    }
  }

  @Test
  void theFileIsNeverInClear() throws Exception {
    byte[] bytes = Files.readAllBytes(backup());
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(latin)
        .doesNotContain(
            new String(FAMILY.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    assertThat(latin).doesNotContain("handover-backup").doesNotContain("persons");
    assertThat(latin).startsWith("HOBK");
  }

  @Test
  void anExistingFileIsNeverReplaced() throws Exception {
    Path file = dir.resolve("taken");
    Files.writeString(file, "something else");
    Run run =
        cli("backup", "--db", url, "--passphrase-file", passphrase.toString(), file.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("exists already");
    assertThat(Files.readString(file)).isEqualTo("something else");
  }

  @Test
  void aShortPassphraseIsRefused() throws Exception {
    Files.writeString(passphrase, "short\n");
    Run run =
        cli(
            "backup",
            "--db",
            url,
            "--passphrase-file",
            passphrase.toString(),
            dir.resolve("b").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("too short");
    assertThat(Files.exists(dir.resolve("b"))).isFalse();
  }

  @Test
  void aDatabaseThatHoldsAnythingIsRefused() {
    Path file = backup();
    Run run =
        cli("restore", "--db", url, "--passphrase-file", passphrase.toString(), file.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is not empty").contains("30 persons");
  }

  private void refusedAndEmpty(Path file, String key, String why) {
    String target = TestDatabases.postgres();
    Run run = cli("restore", "--db", target, key, file.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).contains(why);
    try (Database db = Database.open(target)) {
      long rows =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT (SELECT count(*) FROM persons) + (SELECT count(*) FROM journal)"
                                  + " + (SELECT count(*) FROM users)")
                          .mapTo(Long.class)
                          .one());
      assertThat(rows).isZero();
    }
  }

  @Test
  void aWrongPassphraseRestoresNothing() throws Exception {
    Path file = backup();
    Path wrong = dir.resolve("wrong");
    Files.writeString(wrong, "incorrect horse battery\n");
    refusedAndEmpty(file, "--passphrase-file=" + wrong, "cannot be decrypted");
    // said in the user's language
    Run uk =
        cli(
            "restore",
            "--db",
            TestDatabases.postgres(),
            "--passphrase-file",
            wrong.toString(),
            "--lang",
            "uk",
            file.toString());
    assertThat(uk.err()).contains("копію не вдається розшифрувати");
  }

  @Test
  void anAlteredByteRestoresNothing() throws Exception {
    Path file = backup();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 40] ^= 1;
    Path altered = dir.resolve("altered");
    Files.write(altered, bytes);
    refusedAndEmpty(altered, "--passphrase-file=" + passphrase, "altered");
  }

  @Test
  void aCutFileRestoresNothing() throws Exception {
    Path file = backup();
    byte[] bytes = Files.readAllBytes(file);
    Path cut = dir.resolve("cut");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    refusedAndEmpty(cut, "--passphrase-file=" + passphrase, "cut short");
    Path header = dir.resolve("header");
    Files.write(header, java.util.Arrays.copyOf(bytes, 40));
    refusedAndEmpty(header, "--passphrase-file=" + passphrase, "cut short");
  }

  @Test
  void aKeyFileIsMadeOnceAndAskedForByTheRestore() throws Exception {
    Path key = dir.resolve("backup.key");
    Path file = dir.resolve("k.backup");
    Run made = cli("backup", "--db", url, "--key-file", key.toString(), file.toString());
    assertThat(made.exit()).as(made.err()).isZero();
    assertThat(made.out()).contains("Made the key file");
    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    refusedAndEmpty(file, "--passphrase-file=" + passphrase, "sealed with a key file");
    String target = TestDatabases.postgres();
    Run restored = cli("restore", "--db", target, "--key-file", key.toString(), file.toString());
    assertThat(restored.exit()).as(restored.out() + restored.err()).isZero();
  }

  @Test
  void notABackupIsNamed() throws Exception {
    Path other = dir.resolve("list.csv");
    Files.writeString(other, "ФИО\nКовальчук\n".repeat(10));
    refusedAndEmpty(other, "--passphrase-file=" + passphrase, "not a Handover backup");
  }

  @Test
  void aTamperedDatabaseBacksUpAndTheRestoreSaysSo() throws Exception {
    app.database().jdbi().useHandle(h -> h.execute("UPDATE users SET locale = 'ru'"));
    Path file = backup();
    String target = TestDatabases.postgres();
    Run restored =
        cli("restore", "--db", target, "--passphrase-file", passphrase.toString(), file.toString());
    assertThat(restored.exit()).isEqualTo(1);
    assertThat(restored.out())
        .contains("does NOT verify")
        .contains("user 1: its rows were changed");
  }
}
