package org.handover.server.rosters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyKind;
import org.handover.core.parties.PartyProfile;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Encodings;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Tables;
import org.handover.server.App;
import org.handover.server.journal.Journal;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roster import on PostgreSQL. */
class RostersTest {
  static final RosterDetails FROM_RU =
      new RosterDetails(
          Party.of("RU"), Party.of("UA"), LocalDate.of(2025, 6, 3), Purpose.EXCHANGE, "");
  static final String LIST =
      "Фамилия;Имя;Отчество;Дата рождения;Воинское звание;Личный номер\n"
          + "Ковальчук;Юрий;Петрович;12.03.1998;рядовой;АБ-123\n"
          + "Шевченко;Алексей;Иванович;31.02.1990;сержант;\n"
          + "Бойко;Иван;;1985;;;лишнее\n";

  @TempDir Path dir;
  App app;

  @BeforeEach
  void open() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    app.close();
  }

  Path file(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  long count(String table) {
    return app.database()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }

  Rosters.Imported importList(Path p, String name) throws Exception {
    return app.rosters()
        .importFile(
            p, name, FROM_RU, Tables.Options.detect(), Optional.empty(), "olena", (n, f) -> {});
  }

  @Test
  void theSameFileImportedTwiceAtOnceIsStoredOnceAndBothListsAreKept() throws Exception {
    StringBuilder big = new StringBuilder(LIST);
    for (int i = 0; i < 3000; i++) {
      big.append("Петренко").append(i).append(";Іван;Петрович;01.02.1990;;\n");
    }
    Path p = file("twice.csv", big.toString().getBytes(StandardCharsets.UTF_8));
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.List<Throwable> failures =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    for (int k = 0; k < 2; k++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  importList(p, "twice.csv");
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      t.start();
      threads.add(t);
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
    assertThat(count("rosters")).isEqualTo(2);
    assertThat(count("roster_files")).isEqualTo(1);
  }

  @Test
  void aListFromAPartyThisInstallationDoesNotKnowIsRefusedAndNothingIsStored() throws Exception {
    Path p = file("md.csv", LIST.getBytes(StandardCharsets.UTF_8));
    RosterDetails fromMoldova =
        new RosterDetails(
            Party.of("MD"), Party.of("UA"), LocalDate.of(2025, 6, 3), Purpose.EXCHANGE, "");
    assertThatThrownBy(
            () ->
                app.rosters()
                    .importFile(
                        p,
                        "md.csv",
                        fromMoldova,
                        Tables.Options.detect(),
                        Optional.empty(),
                        "olena",
                        (n, f) -> {}))
        .isInstanceOf(RosterFileException.class)
        .satisfies(
            e -> assertThat(((RosterFileException) e).key()).isEqualTo("error.party.unknown"));
    assertThat(count("rosters")).isZero();
    assertThat(count("roster_files")).isZero();
    app.parties()
        .add(
            new PartyProfile(Party.of("MD"), PartyKind.MEDIATOR, "Молдова", "Moldova", "Молдова"),
            "admin");
    assertThat(
            app.rosters()
                .importFile(
                    p,
                    "md.csv",
                    fromMoldova,
                    Tables.Options.detect(),
                    Optional.empty(),
                    "olena",
                    (n, f) -> {})
                .rows())
        .isEqualTo(3);
  }

  /** An interchange file of {@code good} entries, then one that breaks the schema. */
  private Path brokenAfter(int good) throws Exception {
    StringBuilder json =
        new StringBuilder(
            "{\"format\":\"handover-roster\",\"version\":1,\"roster\":{\"from\":\"RU\","
                + "\"to\":\"UA\",\"receivedOn\":\"2025-06-03\",\"purpose\":\"exchange\"},\"entries\":[");
    for (int i = 1; i <= good; i++) {
      json.append("{\"row\":").append(i).append(",\"family\":\"Коваль").append(i).append("\"},");
    }
    json.append("{\"row\":").append(good + 1).append(",\"family\":\"\"}]}");
    return file("broken.json", json.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEntryOfAJsonRosterIsNamedByItsOwnRow() throws Exception {
    // one line of JSON: its entries are told apart by their own "row", not by the text's line
    String json =
        "{\"format\":\"handover-roster\",\"version\":1,\"roster\":{\"from\":\"RU\",\"to\":\"UA\","
            + "\"receivedOn\":\"2025-06-03\",\"purpose\":\"exchange\"},\"entries\":["
            + "{\"row\":4,\"family\":\"Коваль\",\"birthDate\":\"01.02.1990\"},"
            + "{\"row\":7,\"family\":\"Бойко\",\"birthDate\":\"31.02.1999\"}]}";
    Rosters.Imported r =
        importList(file("rows.json", json.getBytes(StandardCharsets.UTF_8)), "rows.json");
    Rosters.StoredEntry e = app.rosters().entries(r.id(), true, 0, 10).get(0);
    assertThat(e.family()).isEqualTo("Бойко");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.problems()).extracting(Entry.Problem::row).containsExactly(7);
  }

  @Test
  void cellsWithTabsLineBreaksAndBackslashesAreStoredAsTheyCame() throws Exception {
    String odd = "Ковальчук\\Юрій\tмолодший";
    String csv = "Прізвище;Примітки\n\"" + odd + "\";\"рядок один\r\nрядок два\"\n";
    Rosters.Imported r =
        importList(file("odd.csv", csv.getBytes(StandardCharsets.UTF_8)), "odd.csv");
    Rosters.StoredEntry e = app.rosters().entries(r.id(), false, 0, 1).get(0);
    assertThat(e.cells()).containsExactly(odd, "рядок один\r\nрядок два");
    assertThat(e.family()).isEqualTo(odd);
  }

  @Test
  void anImportThatFailsAfterCommittedBatchesLeavesNothing() throws Exception {
    Path broken = brokenAfter(RosterImport.COMMIT_ROWS + 2500);
    assertThatThrownBy(() -> importList(broken, "broken.json"))
        .isInstanceOf(RosterFileException.class);
    assertThat(count("rosters")).isZero();
    assertThat(count("roster_entries")).isZero();
    assertThat(count("roster_files")).isZero();
    assertThat(count("roster_file_chunks")).isZero();
  }

  @Test
  void anImportLeftUnfinishedByADeadProcessIsRemovedAtTheNextStartAndJournaled() throws Exception {
    long kept =
        importList(file("kept.csv", LIST.getBytes(StandardCharsets.UTF_8)), "kept.csv").id();
    // what a process killed in the middle of an import leaves: a roster marked importing, some
    // entries
    app.database()
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO roster_files (sha256, size_bytes, stored_at) VALUES (?, 1, 0)",
                  "a".repeat(64));
              h.execute(
                  "INSERT INTO rosters (id, file_sha256, file_name, file_format, from_party, to_party, received_on,"
                      + " purpose, header, mapping, row_count, error_rows, imported_by, imported_at, state) VALUES (900, ?,"
                      + " 'half.csv', 'csv', 'RU', 'UA', DATE '2025-06-03', 'exchange', '[]', '{}', 0, 0, 'olena', 0,"
                      + " 'importing')",
                  "a".repeat(64));
              h.execute(
                  "INSERT INTO roster_entries (roster_id, row_no, line_no, cells, family, given, patronymic, fields,"
                      + " problems, has_problems) VALUES (900, 1, 2, '[]', 'Бойко', '', '', '{}', '[]', FALSE)");
            });
    assertThat(app.rosters().list()).extracting(Rosters.Summary::id).containsExactly(kept);
    assertThat(app.rosters().find(900)).isEmpty();
    try (App restarted = new App(app.database(), Clock.systemUTC())) {
      assertThat(count("rosters")).isEqualTo(1);
      assertThat(count("roster_files")).isEqualTo(1);
      assertThat(count("roster_entries")).isEqualTo(3);
      assertThat(restarted.journal().find(Journal.Filter.forEntity("roster", "900"), 0, 5))
          .extracting(e -> e.action())
          .containsExactly("roster.import-abandoned");
    }
  }

  @Test
  void anImportStillRunningElsewhereIsNotTouched() throws Exception {
    app.database()
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO roster_files (sha256, size_bytes, stored_at) VALUES (?, 1, 0)",
                  "b".repeat(64));
              h.execute(
                  "INSERT INTO rosters (id, file_sha256, file_name, file_format, from_party, to_party, received_on,"
                      + " purpose, header, mapping, row_count, error_rows, imported_by, imported_at, state) VALUES (901, ?,"
                      + " 'running.csv', 'csv', 'RU', 'UA', DATE '2025-06-03', 'exchange', '[]', '{}', 0, 0, 'olena', 0,"
                      + " 'importing')",
                  "b".repeat(64));
            });
    try (var importer = app.database().jdbi().open()) {
      importer.execute("SELECT pg_advisory_lock(?, ?)", RosterImport.LOCKS, 901);
      assertThat(app.rosters().removeUnfinished()).isEmpty();
      assertThat(count("rosters")).isEqualTo(1);
    }
    assertThat(app.rosters().removeUnfinished())
        .extracting(RosterImport.Abandoned::roster)
        .containsExactly(901L);
  }

  @Test
  void keepsTheFileByteForByteAndEveryRowWithItsProblems() throws Exception {
    byte[] bytes = LIST.getBytes(Encodings.WINDOWS_1251);
    Rosters.Imported r = importList(file("spisok.csv", bytes), "spisok.csv");
    assertThat(r.rows()).isEqualTo(3);
    assertThat(r.errorRows()).isEqualTo(2);
    Rosters.Summary s = app.rosters().find(r.id()).orElseThrow();
    assertThat(s.encoding()).isEqualTo("windows-1251");
    assertThat(s.delimiter()).isEqualTo(";");
    assertThat(s.mapping()).containsEntry("family", 1).containsEntry("service-number", 6);
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    assertThat(app.rosters().file(r.sha256(), stored)).isTrue();
    assertThat(stored.toByteArray()).isEqualTo(bytes);
    List<Rosters.StoredEntry> entries = app.rosters().entries(r.id(), false, 0, 10);
    assertThat(entries)
        .extracting(Rosters.StoredEntry::family)
        .containsExactly("Ковальчук", "Шевченко", "Бойко");
    assertThat(entries.get(0).born()).isEqualTo("12.03.1998");
    assertThat(entries.get(0).cells())
        .containsExactly("Ковальчук", "Юрий", "Петрович", "12.03.1998", "рядовой", "АБ-123");
    assertThat(entries.get(1).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("error.date.impossible");
              assertThat(p.column()).isEqualTo(4);
              assertThat(p.value()).isEqualTo("31.02.1990");
            });
    assertThat(entries.get(2).problems())
        .extracting(p -> p.key())
        .containsExactly("error.row.extra-cells");
    assertThat(app.rosters().entries(r.id(), true, 0, 10)).hasSize(2);
    assertThat(app.journal().find(Journal.Filter.forEntity("roster", String.valueOf(r.id())), 0, 5))
        .singleElement()
        .satisfies(e -> assertThat(e.after()).contains("\"rows\":3").contains(r.sha256()));
  }

  @Test
  void theSameFileTwiceIsStoredOnce() throws Exception {
    Path p = file("a.csv", LIST.getBytes(Encodings.WINDOWS_1251));
    importList(p, "a.csv");
    importList(p, "a-again.csv");
    assertThat(count("rosters")).isEqualTo(2);
    assertThat(count("roster_files")).isEqualTo(1);
  }

  @Test
  void whenAnyPartFailsNothingIsStored() throws Exception {
    app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE journal RENAME TO journal_away"));
    try {
      assertThatThrownBy(
              () -> importList(file("a.csv", LIST.getBytes(Encodings.WINDOWS_1251)), "a.csv"))
          .isNotNull();
    } finally {
      app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE journal_away RENAME TO journal"));
    }
    assertThat(
            count("rosters")
                + count("roster_files")
                + count("roster_file_chunks")
                + count("roster_entries"))
        .isZero();
  }

  @Test
  void badFilesAreRefusedAndNothingIsStored() throws Exception {
    record Bad(String name, byte[] bytes, String key) {}
    for (Bad b :
        List.of(
            new Bad("empty.csv", new byte[0], "error.file.empty"),
            new Bad(
                "list.xlsx", LIST.getBytes(Encodings.WINDOWS_1251), "error.file.not-what-named"),
            new Bad(
                "dup.csv",
                "Фамилия,Имя,фамилия\nА,Б,В\n".getBytes(Encodings.WINDOWS_1251),
                "error.file.header-duplicated"),
            new Bad(
                "noname.csv",
                "Дата рождения,Звание\n1990,рядовой\n".getBytes(Encodings.WINDOWS_1251),
                "error.file.no-name-column"))) {
      assertThatThrownBy(() -> importList(file(b.name(), b.bytes()), b.name()))
          .as(b.name())
          .isInstanceOfSatisfying(
              RosterFileException.class, e -> assertThat(e.key()).isEqualTo(b.key()));
    }
    assertThat(
            count("rosters") + count("roster_files") + count("roster_entries") + count("journal"))
        .isZero();
  }

  @Test
  void aSavedMappingReadsTheNextListOfThatParty() throws Exception {
    String odd = "Колонка 1,Колонка 2\nКовальчук,1998\n";
    assertThatThrownBy(
            () -> importList(file("odd.csv", odd.getBytes(Encodings.WINDOWS_1251)), "odd.csv"))
        .isInstanceOf(RosterFileException.class);
    app.rosters()
        .saveProfile(
            Party.of("RU"),
            "columns",
            ColumnMapping.fromProfile(Map.of("family", 1, "birth-date", 2), 2),
            "olena");
    ColumnMapping m =
        ColumnMapping.fromProfile(
            app.rosters().profile(Party.of("RU"), "columns").orElseThrow(), 2);
    Rosters.Imported r =
        app.rosters()
            .importFile(
                file("odd.csv", odd.getBytes(Encodings.WINDOWS_1251)),
                "odd.csv",
                FROM_RU,
                Tables.Options.detect(),
                Optional.of(m),
                "olena",
                (n, f) -> {});
    assertThat(app.rosters().entries(r.id(), false, 0, 5))
        .singleElement()
        .satisfies(e -> assertThat(e.born()).isEqualTo("1998"));
  }
}
