package org.handover.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.handover.core.demo.DemoPeople;
import org.handover.core.journal.JournalChain;
import org.handover.core.journal.JournalEntry;
import org.handover.server.App;
import org.handover.server.cli.Cli;
import org.handover.server.cli.Cli.Run;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stored journal's chain and {@code handover journal verify},. */
class JournalTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  String url;
  App app;

  @BeforeEach
  void open() {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    addEach(11, 6);
  }

  @AfterEach
  void close() {
    app.close();
  }

  /** Persons added one by one, an entry each (the chain's tests count them). */
  private void addEach(long seed, int n) {
    new DemoPeople(seed, TODAY).generate(n).forEach(p -> app.registry().add(p, TODAY, "demo"));
  }

  private void sql(String statement) {
    app.database().jdbi().useHandle(h -> h.execute(statement));
  }

  private Run cli(String... args) {
    return Cli.run(args);
  }

  @Test
  void anIntactJournalVerifiesWithItsCount() {
    JournalChain.Verification v = app.journal().verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.count()).isEqualTo(6);
    Run run = cli("journal", "verify", "--db", url);
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("intact: 6 entries");
    Run ru = cli("journal", "verify", "--db", url, "--lang", "ru");
    assertThat(ru.out()).contains("журнал цел: 6 записей").contains("состояние как в журнале");
  }

  @Test
  void aCheckpointProvesTheJournalStillExtendsIt() {
    Run made = cli("journal", "checkpoint", "--db", url);
    assertThat(made.exit()).isZero();
    String checkpoint = made.out().strip();
    assertThat(checkpoint).startsWith("handover-checkpoint v1 seq=6 hash=");
    addEach(12, 2);
    Run later = cli("journal", "verify", "--checkpoint", checkpoint, "--db", url);
    assertThat(later.exit()).isZero();
    assertThat(later.out())
        .contains("extends the checkpoint at entry 6")
        .contains("intact: 9 entries");
  }

  @Test
  void theLastEntriesDeletedWithTheHeadRewrittenAreCaughtByACheckpoint() {
    addEach(12, 2);
    String checkpoint = cli("journal", "checkpoint", "--db", url).out().strip();
    // a careful tamperer: the last two entries go, and the head is set back to the sixth
    String sixth =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT hash FROM journal WHERE seq = 6")
                        .mapTo(String.class)
                        .one());
    sql("DELETE FROM journal WHERE seq > 6");
    sql("UPDATE journal_head SET last_seq = 6, last_hash = '" + sixth.trim() + "'");
    assertThat(app.journal().verify().intact()).isTrue(); // the chain alone cannot tell
    Run run = cli("journal", "verify", "--checkpoint", checkpoint, "--db", url);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("entries were removed");
  }

  @Test
  void aChainRecomputedAfterAnEditIsCaughtByACheckpoint() {
    String checkpoint = cli("journal", "checkpoint", "--db", url).out().strip();
    // rewrite entry 3 and recompute every hash after it, as someone with the code and the database
    // could
    app.database()
        .jdbi()
        .useHandle(
            h -> {
              List<JournalEntry> all =
                  h.createQuery("SELECT * FROM journal ORDER BY seq")
                      .map(
                          (rs, ctx) ->
                              new JournalEntry(
                                  rs.getLong("seq"),
                                  rs.getLong("at_millis"),
                                  rs.getString("actor"),
                                  rs.getString("action"),
                                  rs.getString("entity"),
                                  rs.getString("entity_id"),
                                  rs.getString("before_state"),
                                  rs.getString("after_state"),
                                  rs.getString("state_digest"),
                                  rs.getString("prev_hash").trim(),
                                  rs.getString("hash").trim()))
                      .list();
              String prev = JournalChain.GENESIS;
              for (JournalEntry e : all) {
                String after = e.seq() == 3 ? e.after().replace("captive", "released") : e.after();
                JournalEntry again =
                    JournalEntry.next(
                        e.seq(),
                        e.atMillis(),
                        e.actor(),
                        e.action(),
                        e.entity(),
                        e.entityId(),
                        e.before(),
                        after,
                        e.digest(),
                        prev);
                h.execute(
                    "UPDATE journal SET after_state = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                    again.after(),
                    again.prevHash(),
                    again.hash(),
                    e.seq());
                prev = again.hash();
              }
              h.execute("UPDATE journal_head SET last_hash = ? WHERE id = 1", prev);
            });
    assertThat(app.journal().verify().intact()).isTrue();
    Run run = cli("journal", "verify", "--checkpoint", checkpoint, "--db", url);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("rewritten");
  }

  @Test
  void aCheckpointNotSignedHereIsRefused() {
    String checkpoint = cli("journal", "checkpoint", "--db", url).out().strip();
    String forged =
        checkpoint.replaceFirst("sig=.", checkpoint.contains("sig=A") ? "sig=B" : "sig=A");
    Run run = cli("journal", "verify", "--checkpoint", forged, "--db", url);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("signature is not this installation");
  }

  @Test
  void thePrivateKeyIsNotInTheDatabase() {
    cli("journal", "checkpoint", "--db", url);
    long inTables =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM settings WHERE setting_name LIKE '%private%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(inTables).isZero();
    assertThat(app.key().file()).exists();
  }

  @Test
  void theKeyFileIsNeverReplacedAndSpeaksWhenTheDatabaseLostItsPublicHalf() throws Exception {
    String first = app.key().publicKey();
    byte[] file = java.nio.file.Files.readAllBytes(app.key().file());
    sql("DELETE FROM settings WHERE setting_name = 'signing_key_public'");
    assertThat(app.key().publicKey()).isEqualTo(first);
    assertThat(java.nio.file.Files.readAllBytes(app.key().file())).isEqualTo(file);
    assertThat(java.nio.file.Files.getPosixFilePermissions(app.key().file()))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aJournalWithNoEntryAtAllIsNoProof() {
    sql("DELETE FROM journal");
    sql("UPDATE journal_head SET last_seq = 0, last_hash = '" + "0".repeat(64) + "'");
    Run run = cli("journal", "verify", "--db", url);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("EMPTY");
  }

  @Test
  void anEditedEntryIsNamedByTheCli() {
    sql(
        "UPDATE journal SET after_state = REPLACE(after_state, 'captive', 'released') WHERE seq = 3");
    sql("UPDATE journal SET actor = 'someone' WHERE seq = 3");
    Run run = cli("journal", "verify", "--db", url);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("entry 3").contains("edited");
  }

  @Test
  void aDeletedEntryIsFound() {
    sql("DELETE FROM journal WHERE seq = 2");
    assertThat(app.journal().verify().firstBroken()).isEqualTo(3);
    assertThat(cli("journal", "verify", "--db", url).exit()).isEqualTo(1);
  }

  @Test
  void theLastEntryDeletedIsFound() {
    sql("DELETE FROM journal WHERE seq = 6");
    JournalChain.Verification v = app.journal().verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(6);
  }

  @Test
  void reorderedEntriesAreFound() {
    // swap the contents of entries 4 and 5, each keeping its hash: the order is what changed
    sql("UPDATE journal SET seq = -4 WHERE seq = 4");
    sql("UPDATE journal SET seq = 4 WHERE seq = 5");
    sql("UPDATE journal SET seq = 5 WHERE seq = -4");
    assertThat(app.journal().verify().firstBroken()).isEqualTo(4);
  }
}
