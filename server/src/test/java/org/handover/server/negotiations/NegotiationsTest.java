package org.handover.server.negotiations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.cli.Cli;
import org.handover.server.cli.Cli.Run;
import org.handover.server.journal.Journal;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rounds' records through the command line, on PostgreSQL: import, export, refusals, progress. */
class NegotiationsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  String url;
  App app;

  @BeforeEach
  void open() {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.parties().choose(Optional.of(Party.of("UA")), "test");
  }

  @AfterEach
  void close() {
    app.close();
  }

  static JsonNode istanbul() throws Exception {
    try (InputStream in =
        NegotiationsTest.class.getResourceAsStream("/demo/round-istanbul-2.json")) {
      return JSON.readTree(in);
    }
  }

  private Path write(String name, JsonNode doc) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, JSON.writeValueAsBytes(doc));
    return f;
  }

  private Run cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--db";
    all[args.length + 1] = url;
    return Cli.run(all);
  }

  private long roundEntries() {
    return app.journal()
        .find(new Journal.Filter("", "round", "", 0, Long.MAX_VALUE), 0, 100)
        .size();
  }

  @Test
  void theSameRecordAgainChangesNothingAndExportGivesItBack() throws Exception {
    Path file = write("round.json", istanbul());
    Run first = cli("record", "import", file.toString(), "--lang", "en");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("Round istanbul-2: 27 items added")
        .contains("1 agreement created");
    Run again = cli("record", "import", file.toString(), "--lang", "en");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("nothing changed");
    assertThat(roundEntries()).isEqualTo(1);
    assertThat(app.agreements().list()).hasSize(1);
    Path out = dir.resolve("out.json");
    assertThat(cli("record", "export", "--round", "istanbul-2", "--out", out.toString()).exit())
        .isZero();
    assertThat(JSON.readTree(out.toFile())).isEqualTo(istanbul());
    assertThat(cli("round", "list", "--lang", "uk").out())
        .contains("istanbul-2\t2\t02.06.2025\tСтамбул\t11 зобов’язань");
  }

  @Test
  void aChangedItemIsReplacedByItsKeyAndJournaled() throws Exception {
    cli("record", "import", write("a.json", istanbul()).toString());
    ObjectNode doc = (ObjectNode) istanbul();
    ((ObjectNode) doc.get("commitments").get(8)).put("deadline", "2025-07-20");
    doc.withArray("figures").removeAll();
    Run r = cli("record", "import", write("b.json", doc).toString(), "--lang", "en");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("0 items added, 1 changed, 1 removed; no agreement created");
    assertThat(roundEntries()).isEqualTo(2);
    assertThat(
            app.negotiations()
                .find("istanbul-2")
                .orElseThrow()
                .record()
                .commitments()
                .get(8)
                .deadline())
        .contains(java.time.LocalDate.of(2025, 7, 20));
  }

  @Test
  void aBadRecordIsNamedByPathInTheReadersLanguageAndNothingIsStored() throws Exception {
    ObjectNode doc = (ObjectNode) istanbul();
    ((ObjectNode) doc.get("commitments").get(0)).put("deadline", "2025-02-30");
    ((ObjectNode) doc.get("positions").get(0)).put("stance", "maybe");
    ((ObjectNode) doc.get("delegations").get(0)).put("chair", "x");
    ((ObjectNode) doc.get("positions").get(1)).put("proposal", "no-such");
    Run r = cli("record", "import", write("bad.json", doc).toString(), "--lang", "uk");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("у /commitments/0/deadline: «2025-02-30» не є датою")
        .contains("у /positions/0/stance: має бути одне з: accepts, rejects, will-study, no-answer")
        .contains("у /delegations/0/chair: тут немає такого поля");
    assertThat(app.negotiations().rounds()).isEmpty();
    // the schema holds now; the record does not hold with itself
    ObjectNode doc2 = (ObjectNode) istanbul();
    ((ObjectNode) doc2.get("positions").get(1)).put("proposal", "no-such");
    Run r2 = cli("record", "import", write("bad2.json", doc2).toString(), "--lang", "en");
    assertThat(r2.err()).contains("at /positions/1/proposal: no proposal 'no-such' in the record");
    Files.writeString(dir.resolve("broken.json"), "{\"format\": ", StandardCharsets.UTF_8);
    assertThat(cli("record", "import", dir.resolve("broken.json").toString(), "--lang", "en").err())
        .contains("not JSON: line 1");
    Files.write(dir.resolve("cp1251.json"), "{\"а\": 1}".getBytes("windows-1251"));
    assertThat(cli("record", "import", dir.resolve("cp1251.json").toString(), "--lang", "en").err())
        .contains("not UTF-8");
    assertThat(app.negotiations().rounds()).isEmpty();
    assertThat(app.agreements().list()).isEmpty();
  }

  @Test
  void anAgreementIsNotChangedByAnImportNorAPartyInvented() throws Exception {
    cli("record", "import", write("a.json", istanbul()).toString());
    ObjectNode doc = (ObjectNode) istanbul();
    ((ObjectNode) doc.get("agreements").get(0).get("provisions").get(1).get("nForN"))
        .put("quota", 900);
    Run r = cli("record", "import", write("b.json", doc).toString(), "--lang", "en");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("agreement 'istanbul-2-humanitarian' differs from agreement №");
    ObjectNode other = (ObjectNode) istanbul();
    ((ObjectNode) other.get("round")).put("key", "istanbul-3");
    ((ObjectNode) other.get("round")).put("host", "XX");
    Run unknown = cli("record", "import", write("c.json", other).toString(), "--lang", "en");
    assertThat(unknown.err()).contains("party XX is not known");
    assertThat(app.negotiations().rounds()).hasSize(1);
    assertThat(roundEntries()).isEqualTo(1);
  }

  @Test
  void progressByHandMovesAStateAndALedgersCommitmentRefusesIt() throws Exception {
    cli("record", "import", write("a.json", istanbul()).toString());
    Run before = cli("commitments", "--overdue", "--as-of", "2025-06-14", "--lang", "en");
    assertThat(before.out()).contains("study-memorandum\tUA\t09.06.2025\tnot initiated");
    Run p =
        cli(
            "commitments",
            "progress",
            "study-memorandum",
            "--round",
            "istanbul-2",
            "--on",
            "2025-06-12",
            "--state",
            "full",
            "--evidence",
            "№ 14/2025",
            "--lang",
            "en");
    assertThat(p.exit()).as(p.err()).isZero();
    Run after = cli("commitments", "--overdue", "--as-of", "2025-06-14", "--lang", "en");
    assertThat(after.out()).doesNotContain("study-memorandum");
    assertThat(cli("commitments", "--as-of", "2025-06-11", "--lang", "en").out())
        .contains("study-memorandum\tUA\t09.06.2025\tnot initiated");
    Run counted =
        cli(
            "commitments",
            "progress",
            "bodies-ru",
            "--round",
            "istanbul-2",
            "--done",
            "5",
            "--evidence",
            "act",
            "--lang",
            "en");
    assertThat(counted.exit()).isEqualTo(2);
    assertThat(counted.err()).contains("is counted from a ledger");
    Run none =
        cli(
            "commitments",
            "progress",
            "study-proposals",
            "--round",
            "istanbul-2",
            "--state",
            "full",
            "--evidence",
            " ");
    assertThat(none.exit()).isEqualTo(2);
    // a commitment with progress cannot leave the record
    ObjectNode doc = (ObjectNode) istanbul();
    doc.withArray("commitments").remove(2);
    Run removed = cli("record", "import", write("b.json", doc).toString(), "--lang", "en");
    assertThat(removed.err()).contains("commitment 'study-memorandum' is not in the file");
  }

  @Test
  void whatTheSchemaCannotSayIsNamedByPathToo() throws Exception {
    ObjectNode doc = (ObjectNode) istanbul();
    ObjectNode agreement = (ObjectNode) doc.get("agreements").get(0);
    agreement.putArray("parties").add("UA").add("UA");
    Run r = cli("record", "import", write("a.json", doc).toString(), "--lang", "en");
    assertThat(r.err())
        .contains("at /agreements/0/parties: an agreement needs two different parties");
    agreement.putArray("parties").add("UA").add("RU");
    ((ObjectNode) agreement.get("provisions").get(2).get("unilateral")).put("from", "TR");
    ((ObjectNode) doc.get("round")).put("key", "istanbul-2\n");
    ((ObjectNode) doc.get("figures").get(0)).put("key", "delegation-ua");
    Run r2 = cli("record", "import", write("b.json", doc).toString(), "--lang", "en");
    assertThat(r2.err()).contains("at /round/key: 'istanbul-2\n' is not in the expected form");
    ((ObjectNode) doc.get("round")).put("key", "2025");
    Run r3 = cli("record", "import", write("c.json", doc).toString(), "--lang", "en");
    assertThat(r3.err())
        .contains(
            "at /agreements/0/provisions/2/unilateral/from: party TR is not a party to this agreement")
        .contains("at /figures/0/key: the key 'delegation-ua' names two items");
    assertThat(app.negotiations().rounds()).isEmpty();
    // a round keyed like a number is found by its key
    ObjectNode ok = (ObjectNode) istanbul();
    ((ObjectNode) ok.get("round")).put("key", "2025");
    assertThat(cli("record", "import", write("d.json", ok).toString()).exit()).isZero();
    assertThat(app.negotiations().find("2025").orElseThrow().key()).isEqualTo("2025");
  }

  @Test
  void progressStaysWithinItsQuantityAndItsCommitmentKeepsItsKind() throws Exception {
    ObjectNode doc = (ObjectNode) istanbul();
    ((ObjectNode) doc.get("commitments").get(9)).put("quantity", 339);
    cli("record", "import", write("a.json", doc).toString());
    Run over =
        cli(
            "commitments",
            "progress",
            "children-list-ombudsman",
            "--round",
            "istanbul-2",
            "--done",
            "400",
            "--evidence",
            "№ 3",
            "--lang",
            "en");
    assertThat(over.err()).contains("400 is not between 0 and the commitment's quantity, 339");
    assertThat(
            cli(
                    "commitments",
                    "progress",
                    "children-list-ombudsman",
                    "--round",
                    "istanbul-2",
                    "--done",
                    "120",
                    "--evidence",
                    "№ 3",
                    "--on",
                    "2025-06-20")
                .exit())
        .isZero();
    assertThat(cli("commitments", "--as-of", "2025-06-21", "--lang", "en").out())
        .contains("children-list-ombudsman\tRU\t-\tminimal\t120\t339");
    ((ObjectNode) doc.get("commitments").get(9)).remove("quantity");
    Run changed = cli("record", "import", write("b.json", doc).toString(), "--lang", "en");
    assertThat(changed.err())
        .contains("progress was recorded on commitment 'children-list-ombudsman'");
  }
}
