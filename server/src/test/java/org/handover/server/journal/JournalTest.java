package org.handover.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.handover.core.demo.DemoPeople;
import org.handover.core.journal.JournalChain;
import org.handover.server.App;
import org.handover.server.cli.HandoverCommand;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The stored journal's chain and {@code handover journal verify},. */
class JournalTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  String url;
  App app;

  @BeforeEach
  void open() {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.registry().addAll(new DemoPeople(11, TODAY).generate(6), TODAY, "demo");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private void sql(String statement) {
    app.database().jdbi().useHandle(h -> h.execute(statement));
  }

  private record Run(int exit, String out) {}

  private Run cli(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = HandoverCommand.commandLine();
      cl.setErr(new PrintWriter(new StringWriter()));
      int exit = cl.execute(args);
      return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void anIntactJournalVerifiesWithItsCount() {
    JournalChain.Verification v = app.journal().verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.count()).isEqualTo(6);
    Run run = cli("journal", "verify", "--db", url);
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("intact: 6 entries");
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
