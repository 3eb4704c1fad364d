package org.handover.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private PostgreSQL under a folder: made once, shared by the processes using it, stopped by
 * the last.
 */
class EmbeddedServerTest {
  @TempDir Path dir;

  private static long count(Database db) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM parties").mapTo(Long.class).one());
  }

  private boolean postmasterRunning() throws Exception {
    Path pid = dir.resolve("postgres/postmaster.pid");
    if (!Files.exists(pid)) {
      return false;
    }
    long process = Long.parseLong(Files.readAllLines(pid).get(0).strip());
    return ProcessHandle.of(process).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void keepsItsDataAcrossStartsAndStopsWhenTheLastUserLeaves() throws Exception {
    String url = "embedded:" + dir;
    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(NoDatabaseException.class)
        .hasMessageContaining("serve --init");
    assertThat(dir.resolve("postgres")).doesNotExist();
    try (Database db = Database.create(url)) {
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "INSERT INTO parties (code, kind, name_uk, name_en, name_ru, created_at)"
                          + " VALUES ('MD', 'mediator', 'Молдова', 'Moldova', 'Молдова', 0)"));
      assertThat(db.url()).isEqualTo(url);
    }
    assertThat(postmasterRunning()).isFalse();
    try (Database again = Database.open(url)) {
      assertThat(count(again)).isEqualTo(5);
    }
    assertThat(Files.readString(dir.resolve("postgres.password")).strip()).hasSize(48);
  }

  @Test
  void aDatabaseAtTheNewestMigrationIsOpenedWithoutFlywayAndConnectsCheaply() throws Exception {
    // the newest migration this build has: what a database at it must show to be left as it is
    Path migrations = Path.of(getClass().getClassLoader().getResource("db/migration").toURI());
    String newest;
    try (var files = Files.list(migrations)) {
      newest =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.matches("V\\d+__.*\\.sql"))
              .map(f -> f.substring(1, f.indexOf("__")))
              .max(java.util.Comparator.comparingInt(Integer::parseInt))
              .orElseThrow();
    }
    assertThat(Migrations.NEWEST).isEqualTo(newest);
    try (Database db = Database.create("embedded:" + dir)) {
      Boolean atNewest = db.jdbi().withHandle(h -> Migrations.current(h.getConnection()));
      assertThat(atNewest).isTrue();
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "UPDATE flyway_schema_history SET success = FALSE WHERE installed_rank ="
                          + " (SELECT max(installed_rank) FROM flyway_schema_history)"));
      // a failed migration goes to Flyway
      Boolean failed = db.jdbi().withHandle(h -> Migrations.current(h.getConnection()));
      assertThat(failed).isFalse();
      // the random password is not stretched: one round, not PostgreSQL's 4,096
      String verifier =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")
                          .mapTo(String.class)
                          .one());
      assertThat(verifier).startsWith("SCRAM-SHA-256$1:");
    }
  }

  @Test
  void aSecondUserJoinsTheRunningServerAndTheFirstLeavingDoesNotStopIt() throws Exception {
    try (EmbeddedServer first = EmbeddedServer.start(dir, true)) {
      // a second process is played by a lease of a live process other than this one: the test's
      // parent
      Files.createFile(
          dir.resolve("postgres-users")
              .resolve(String.valueOf(ProcessHandle.current().parent().orElseThrow().pid())));
      try (EmbeddedServer second = EmbeddedServer.start(dir, true)) {
        assertThat(second.port()).isEqualTo(first.port());
      }
      assertThat(postmasterRunning()).isTrue();
    }
    assertThat(postmasterRunning()).isTrue(); // the other live user still holds it
    Files.delete(
        dir.resolve("postgres-users")
            .resolve(String.valueOf(ProcessHandle.current().parent().orElseThrow().pid())));
    EmbeddedServer.start(dir, true).close();
    assertThat(postmasterRunning()).isFalse();
  }

  @Test
  void aServerLeftRunningByAKilledHandoverIsReused() throws Exception {
    EmbeddedServer killed = EmbeddedServer.start(dir, true);
    // what a kill -9 leaves: the server running, a lease naming a process that is gone
    Files.move(
        dir.resolve("postgres-users").resolve(String.valueOf(ProcessHandle.current().pid())),
        dir.resolve("postgres-users").resolve("999999999"));
    try (EmbeddedServer next = EmbeddedServer.start(dir, true)) {
      assertThat(next.port()).isEqualTo(killed.port());
    }
    assertThat(postmasterRunning()).isFalse();
    assertThat(dir.resolve("postgres-users")).isEmptyDirectory();
  }

  @Test
  void aPidFileACrashLeftSayingReadyIsNotTakenForTheNewServer() throws Exception {
    EmbeddedServer.start(dir, true).close();
    // what a crash of the machine leaves: the pid file of a postmaster long gone, saying "ready"
    Files.write(
        dir.resolve("postgres/postmaster.pid"),
        java.util.List.of(
            "999999999",
            dir.resolve("postgres").toString(),
            "1700000000",
            "1",
            "",
            "127.0.0.1",
            "     0         0",
            "ready   "));
    try (Database db = Database.open("embedded:" + dir)) {
      assertThat(count(db)).isEqualTo(4);
      assertThat(postmasterRunning()).isTrue();
    }
    assertThat(postmasterRunning()).isFalse();
    assertThat(dir.resolve("postgres/postmaster.pid")).doesNotExist();
  }

  @Test
  void aStartWhileTheServerStillStopsWaitsForItToEndAndStartsItAgain() throws Exception {
    long first;
    try (Database db = Database.create("embedded:" + dir)) {
      first = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0));
      EmbeddedServer.stopWithoutWaiting();
    } finally {
      EmbeddedServer.stopWaiting();
    }
    // the command stopping it has gone on; the server may still be writing its checkpoint
    try (Database db = Database.open("embedded:" + dir)) {
      assertThat(count(db)).isEqualTo(4);
      long second =
          Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0));
      assertThat(second).isNotEqualTo(first);
    }
    assertThat(postmasterRunning()).isFalse();
  }

  @Test
  void aServerStillComingUpForACommandKilledMeanwhileIsJoined() throws Exception {
    EmbeddedServer.start(dir, true).close();
    // what a command killed while its server came up leaves: pg_ctl starting it, nobody waiting
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmbeddedServer.run(
        java.util.List.of(
            PostgresBinaries.unpack(dir).resolve("bin/pg_ctl").toString(),
            "-D",
            dir.resolve("postgres").toString(),
            "-W",
            "-l",
            dir.resolve("postgres.log").toString(),
            "-o",
            "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''",
            "start"),
        dir);
    try (Database db = Database.open("embedded:" + dir)) {
      assertThat(count(db)).isEqualTo(4);
      assertThat(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(3).strip())
          .isEqualTo(String.valueOf(port));
    }
    assertThat(postmasterRunning()).isFalse();
  }

  @Test
  void anErrorNeverShowsThePassword() {
    assertThatThrownBy(
            () -> Database.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=s3cret"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("s3cret");
    assertThat(Database.safe("jdbc:postgresql://u:s3cret@host/db")).doesNotContain("s3cret");
  }

  @Test
  void h2IsRefusedWithWhatToDoInstead() {
    assertThatThrownBy(() -> Database.open("jdbc:h2:file:./data/handover"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("embedded:");
  }
}
