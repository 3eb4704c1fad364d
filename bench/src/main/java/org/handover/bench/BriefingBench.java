package org.handover.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.handover.core.demo.DemoPeople;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.briefing.Briefing;
import org.handover.server.briefing.BriefingMarkdown;
import org.handover.server.briefing.Briefings;
import org.handover.server.i18n.Messages;
import org.handover.server.negotiations.RecordReader;
import org.handover.server.storage.Database;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The Istanbul round's briefing over a ledger of 10,000 rows (persons exchanged under the 1,000 for
 * 1,000 and remains received): the time to write it, from the database to Markdown, per language.
 *
 * <pre>
 * bench/run briefing [--rows 10000] [--runs 7] [--out FILE.md]
 * </pre>
 */
public final class BriefingBench {
  public static void main(String[] args) throws Exception {
    int rows = 10_000;
    int runs = 7;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("briefing-bench");
    StringBuilder lines = new StringBuilder();
    LocalDate asOf = LocalDate.of(2025, 7, 1);
    try (App app = new App(Database.create("embedded:" + dir.resolve("db")), Clock.systemUTC())) {
      app.parties().choose(Optional.of(Party.of("UA")), "bench");
      load(app, "/demo/round-istanbul-1.json");
      load(app, "/demo/round-istanbul-2.json");
      long agreement =
          app.negotiations()
              .find("istanbul-2")
              .orElseThrow()
              .agreement("istanbul-2-humanitarian")
              .orElseThrow();
      ledger(app, agreement, rows, asOf);
      for (String lang : Messages.LANGUAGES) {
        List<Long> micros = new ArrayList<>();
        String text = "";
        for (int r = 0; r < runs + 1; r++) {
          long t = System.nanoTime();
          Briefing b = Briefings.of(app, "istanbul-2", lang, asOf).orElseThrow();
          text = BriefingMarkdown.write(b, "s", "!");
          if (r > 0) { // the first warms the JVM
            micros.add((System.nanoTime() - t) / 1000);
          }
        }
        Collections.sort(micros);
        lines.append(
            String.format(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %d |%n",
                lang,
                micros.get(micros.size() / 2) / 1000.0,
                micros.get(0) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0,
                text.length()));
      }
    }
    String report =
        String.format(
            Locale.ROOT,
            "# Briefing generation%n%n- date: %s%n- machine: %s%n- command: `bench/run briefing %s`%n"
                + "- data: the demo's Istanbul record (11 commitments, 1 agreement) and %,d ledger rows"
                + " (half persons exchanged under the 1,000 for 1,000 on both sides, half remains received),"
                + " embedded PostgreSQL; each run reads the record, counts every commitment from the ledgers"
                + " and writes Markdown; %d runs after one warm-up%n%n"
                + "| language | median ms | min ms | max ms | characters |%n|---|---|---|---|---|%n%s%n"
                + "Target (negotiation record issue): under 1 s for a round with 10,000 ledger rows.%n",
            LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Machine.describe(),
            String.join(" ", args),
            rows,
            runs,
            lines);
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report);
    }
  }

  private static void load(App app, String resource) throws Exception {
    try (InputStream in = BriefingBench.class.getResourceAsStream(resource)) {
      RecordReader.Read read = RecordReader.read(in.readAllBytes(), Messages.of("en"));
      app.negotiations()
          .importRecord(
              read.record().orElseThrow(), read.document(), app.parties().book(), "bench");
    }
  }

  /** Ledger rows stored by SQL (a bench's own database): exchanged persons and remains received. */
  private static void ledger(App app, long agreement, int rows, LocalDate asOf) {
    int persons = rows / 2;
    app.registry().addAll(new DemoPeople(11, asOf).generate(persons), asOf, "bench");
    app.database()
        .jdbi()
        .useTransaction(
            h -> {
              long exchange =
                  h.createUpdate(
                          "INSERT INTO exchanges (agreement_id, provision, on_date, batch_size,"
                              + " created_by, created_at) VALUES (:a, 2, :on, 50, 'bench', 0)")
                      .bind("a", agreement)
                      .bind("on", LocalDate.of(2025, 6, 20))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              List<Long> ids =
                  h.createQuery("SELECT id FROM persons ORDER BY id").mapTo(Long.class).list();
              PreparedBatch p =
                  h.prepareBatch(
                      "INSERT INTO exchange_persons (exchange_id, person_id, direction, batch,"
                          + " position, outcome) VALUES (:x, :p, :d, :b, :n, :o)");
              for (int k = 0; k < ids.size(); k++) {
                boolean out = k % 2 == 0;
                p.bind("x", exchange)
                    .bind("p", ids.get(k))
                    .bind("d", out ? "out" : "in")
                    .bind("b", k / 50 + 1)
                    .bind("n", k % 50)
                    .bind("o", out ? "handed-over" : "received")
                    .add();
              }
              p.execute();
              long transfer =
                  h.createUpdate(
                          "INSERT INTO remains_transfers (from_party, to_party, on_date, created_by,"
                              + " created_at) VALUES ('RU', 'UA', :on, 'bench', 0)")
                      .bind("on", LocalDate.of(2025, 6, 13))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              PreparedBatch c =
                  h.prepareBatch(
                      "INSERT INTO remains_cases (tag, transfer_id, entry_row, received_on,"
                          + " created_by, created_at) VALUES (:tag, :t, :n, :on, 'bench', 0)");
              for (int k = 1; k <= rows - persons; k++) {
                c.bind("tag", "RU-" + k)
                    .bind("t", transfer)
                    .bind("n", k)
                    .bind("on", LocalDate.of(2025, 6, 13))
                    .add();
              }
              c.execute();
            });
  }
}
