package org.handover.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.handover.core.accounts.Role;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.Thresholds;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.cli.Cli;
import org.handover.server.cli.Cli.Run;
import org.handover.server.matching.Matching;
import org.handover.server.rosters.TheirLists;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper classes: each change made to the database behind Handover's back is caught by {@code
 * journal verify}, which names it. The chain's own classes (an entry edited or removed, the end cut
 * with the head rewritten, the chain recomputed) are also in {@link JournalTest}.
 */
class TamperTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  @TempDir Path dir;
  String url;
  App app;
  long person;
  long roster;
  long registrar;

  @BeforeEach
  void open() throws Exception {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.start();
    app.accounts().create("olena", Role.REGISTRAR, "correct horse battery", "admin");
    registrar = app.accounts().find("olena").orElseThrow().id();
    // journal verify, run here on the command line, acts as olena
    app.accounts().credentials().mapOsUser("olena", org.handover.server.cli.OsUser.name(), "admin");
    app.parties().choose(Optional.of(Party.of("UA")), "admin");
    app.registry().addAll(new DemoPeople(7, TODAY).generate(40), TODAY, "olena");
    person = one("SELECT min(id) FROM persons");
    Path list = dir.resolve("their.csv");
    StringBuilder csv = new StringBuilder("ФИО,Дата рождения\n");
    app.database()
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT family || ' ' || given, p.birth_day || '.' || p.birth_month || '.'"
                            + " || p.birth_year FROM person_names n JOIN persons p ON p.id ="
                            + " n.person_id WHERE n.position = 0 ORDER BY p.id LIMIT 10")
                    .map((rs, ctx) -> rs.getString(1) + "," + rs.getString(2) + "\n")
                    .forEach(csv::append));
    roster = TheirLists.imported(app, list, "their.csv", csv, "olena", TODAY);
    Matching.Run run = app.matching().run(roster, false, Thresholds.DEFAULT, "olena");
    Matching.StoredMatch m = app.matching().matches(run.id()).get(0);
    app.matching().decide(roster, m.entryRow(), m.personId(), "confirmed", "taras");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private long one(String query) {
    return app.database().jdbi().withHandle(h -> h.createQuery(query).mapTo(Long.class).one());
  }

  private void sql(String statement) {
    app.database().jdbi().useHandle(h -> h.execute(statement));
  }

  private Run verify() {
    return Cli.run("journal", "verify", "--db", url);
  }

  private void caught(String... named) {
    Run run = verify();
    assertThat(run.exit()).as(run.out()).isEqualTo(1);
    assertThat(run.out()).contains(named);
  }

  @Test
  void untouchedEverythingIsAsJournaled() {
    Run run = verify();
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("journal intact").contains("state as journaled");
    StateAudit.Result audit = app.journal().audit();
    // 40 persons, 2 accounts, the roster, the run, the decision, the own party, the key
    assertThat(audit.compared()).isGreaterThanOrEqualTo(40 + 1 + 1 + 1 + 1 + 1 + 1);
  }

  @Test
  void failedLoginsAreNotTampering() {
    app.accounts().login("olena", "wrong");
    app.accounts().login("olena", "wrong again");
    assertThat(verify().exit()).isZero();
  }

  @Test
  void aMiddleEntryEdited() {
    sql("UPDATE journal SET actor = 'nobody' WHERE seq = 5");
    caught("journal BROKEN at entry 5", "edited");
  }

  @Test
  void aMiddleEntryRemoved() {
    sql("DELETE FROM journal WHERE seq = 5");
    caught("journal BROKEN at entry 6");
  }

  @Test
  void everyEntryRemoved() {
    sql("DELETE FROM journal");
    sql("UPDATE journal_head SET last_seq = 0, last_hash = '" + "0".repeat(64) + "'");
    caught("journal EMPTY");
  }

  @Test
  void aPersonMarkedDeceased() {
    sql("UPDATE persons SET status = 'deceased' WHERE id = " + person);
    caught("person " + person + ": its rows were changed outside Handover after journal entry");
  }

  @Test
  void aStatusAddedToTheHistory() {
    sql(
        "INSERT INTO status_history (person_id, status, since, note, recorded_by, recorded_at)"
            + " VALUES ("
            + person
            + ", 'released', DATE '2025-06-01', '', 'olena', 0)");
    caught("person " + person + ": its rows were changed");
  }

  @Test
  void aPersonRenamed() {
    sql("UPDATE person_names SET family = 'Інший' WHERE position = 0 AND person_id = " + person);
    caught("person " + person + ": its rows were changed");
  }

  @Test
  void aPersonRemoved() {
    long last =
        one(
            "SELECT max(id) FROM persons p WHERE NOT EXISTS"
                + " (SELECT 1 FROM matches m WHERE m.person_id = p.id)"
                + " AND NOT EXISTS (SELECT 1 FROM match_decisions d WHERE d.person_id = p.id)");
    for (String t : new String[] {"person_names", "person_words", "status_history"}) {
      sql("DELETE FROM " + t + " WHERE person_id = " + last);
    }
    sql("DELETE FROM persons WHERE id = " + last);
    caught("person " + last + ": its rows were removed outside Handover");
  }

  @Test
  void aPersonAddedBehindTheJournal() {
    sql(
        "INSERT INTO persons (kind, sex, status, display_name, sort_uk, sort_ru, sort_en,"
            + " created_at, updated_at) VALUES ('pow', 'm', 'captive', 'X', '', '', '', 0, 0)");
    long added = one("SELECT max(id) FROM persons");
    caught("person " + added + ": its rows exist, but no journal entry made them");
  }

  @Test
  void aRegistrarPromotedToAdmin() {
    sql("UPDATE users SET role = 'admin' WHERE id = " + registrar);
    caught("user " + registrar + ": its rows were changed");
  }

  @Test
  void aPasswordReplaced() {
    sql("UPDATE users SET password_hash = 'x' WHERE id = " + registrar);
    caught("user " + registrar + ": its rows were changed");
  }

  @Test
  void anAdminAddedBehindTheJournal() {
    sql(
        "INSERT INTO users (username, password_hash, role, locale, created_at)"
            + " VALUES ('intruder', 'x', 'admin', 'en', 0)");
    long added = one("SELECT id FROM users WHERE username = 'intruder'");
    caught("user " + added + ": its rows exist, but no journal entry made them");
  }

  @Test
  void aRosterEntryReplaced() {
    sql("UPDATE roster_entries SET family = 'Інший' WHERE row_no = 2 AND roster_id = " + roster);
    caught("roster " + roster + ": its rows were changed");
  }

  @Test
  void aRosterEntryRemoved() {
    sql("DELETE FROM roster_entries WHERE row_no = 3 AND roster_id = " + roster);
    caught("roster " + roster + ": its rows were changed");
  }

  @Test
  void aRosterCountRewritten() {
    sql("UPDATE rosters SET row_count = 9 WHERE id = " + roster);
    caught("roster " + roster + ": its rows were changed");
  }

  @Test
  void aStoredFileReplaced() {
    String sha =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT file_sha256 FROM rosters WHERE id = " + roster)
                        .mapTo(String.class)
                        .one());
    sql(
        "UPDATE roster_file_chunks SET content = convert_to('ФИО\nНіхто,1.1.2000\n', 'UTF8')"
            + " WHERE sha256 = '"
            + sha
            + "'");
    caught("file " + sha + ": its stored bytes were replaced outside Handover");
  }

  @Test
  void aMatchDecisionReversed() {
    sql("UPDATE match_decisions SET decision = 'rejected'");
    caught("match " + roster + "/", ": its rows were changed");
  }

  @Test
  void aMatchDecisionAddedBehindTheJournal() {
    sql(
        "INSERT INTO match_decisions (roster_id, entry_row, person_id, decision, decided_by,"
            + " decided_at) VALUES ("
            + roster
            + ", 9, "
            + person
            + ", 'confirmed', 'olena', 0)");
    caught("match " + roster + "/9/" + person + ": its rows exist, but no journal entry");
  }

  @Test
  void aMatchRunsProposalsChanged() {
    sql("UPDATE matches SET band = 'auto', probability = 0.999");
    caught("match run ", ": its rows were changed");
  }

  @Test
  void theOwnPartySwapped() {
    sql("UPDATE settings SET setting_value = 'RU' WHERE setting_name = 'own_party'");
    caught("installation own-party: its rows were changed");
  }

  @Test
  void thePublicKeySwapped() {
    sql("UPDATE settings SET setting_value = 'AAAA' WHERE setting_name = 'signing_key_public'");
    caught("key installation: its rows were changed");
  }

  @Test
  void aChangeThroughHandoverAfterwardsIsAsJournaledAgain() {
    // the audit compares with the last entry: a later change made through Handover is not flagged
    app.accounts().setLocale(registrar, "en", "olena");
    assertThat(verify().exit()).isZero();
  }
}
