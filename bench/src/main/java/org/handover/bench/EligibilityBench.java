package org.handover.bench;

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
import org.handover.core.agreements.Decision;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Selection;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.agreements.EligibilityRun;
import org.handover.server.exchanges.Exchanges;
import org.handover.server.storage.Database;

/**
 * Eligibility for one provision over a stored registry: "1,000 for 1,000, possibly 1,200, among the
 * severely wounded and seriously sick or those aged 18 to 25", counted for every person held by a
 * party, each with its verdict and reasons. Run it on the registry {@code bench matching-db} stores
 * ({@code --db} the same folder). {@code --held N} first leaves only the first N held persons held
 * (the rest become missing): the registry of 1,000,000 with 100,000 held. Four in five of
 * ours held by the other side are marked as notified by it (the rest are left out of plans as not
 * acknowledged).
 *
 * <pre>
 * bench/run eligibility --db /tmp/mdb [--runs 5] [--held 100000] [--out bench/results/FILE.md]
 * </pre>
 */
public final class EligibilityBench {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of("bench-data");
    int runs = 5;
    Path out = null;
    long held = -1;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--db" -> dir = Path.of(args[i + 1]);
        case "--runs" -> runs = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--out" -> out = Path.of(args[i + 1]);
        case "--held" -> held = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    LocalDate on = LocalDate.of(2025, 6, 2);
    String report;
    try (App app =
        new App(
            Database.open("embedded:" + dir.toAbsolutePath().resolve("db")), Clock.systemUTC())) {
      long persons = app.registry().count();
      if (held >= 0) {
        // the registry: only the first `held` held persons (by id) stay held, the rest
        // become missing; a bench folder's change, made once, outside the journal
        long keep = held;
        int freed =
            app.database()
                .jdbi()
                .withHandle(
                    h ->
                        h.createUpdate(
                                "UPDATE persons SET status = 'missing', holding_party = NULL"
                                    + " WHERE id IN (SELECT id FROM persons WHERE holding_party IS"
                                    + " NOT NULL AND status IN ('captive', 'detained') AND"
                                    + " merged_into IS NULL ORDER BY id OFFSET :keep)")
                            .bind("keep", keep)
                            .execute());
        System.err.printf(Locale.ROOT, "%,d held persons made missing%n", freed);
      }
      // the other side has acknowledged (notified) four in five of ours it holds; the fifth are
      // left out of plans to be raised
      int notified =
          app.database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createUpdate(
                              "UPDATE status_history s SET source = 'notification' FROM persons p"
                                  + " WHERE p.id = s.person_id AND p.holding_party <> 'UA'"
                                  + " AND p.status IN ('captive', 'detained')"
                                  + " AND s.source = 'unstated' AND p.id % 5 <> 0")
                          .execute());
      System.err.printf(
          Locale.ROOT, "%,d statuses marked as notified by the other side%n", notified);
      Provision p =
          new Provision.NForN(
              1000,
              200,
              List.of(
                  Selection.parse("health=severely-wounded,seriously-sick"),
                  Selection.parse("age=18-25")));
      Party own = Party.of("UA");
      List<Double> times = new ArrayList<>();
      EligibilityRun.Counts counts = null;
      long[] rows = {0};
      HeapSampler heap = HeapSampler.start();
      for (int k = 0; k < runs; k++) {
        rows[0] = 0;
        long t0 = System.nanoTime();
        counts = EligibilityRun.run(app.database().jdbi(), p, on, own, r -> rows[0]++);
        times.add((System.nanoTime() - t0) / 1e9);
        System.err.printf(Locale.ROOT, "run %d of %d: %.2f s%n", k + 1, runs, times.get(k));
      }
      // a plan of 1,200 for 1,200 in batches of 200, stored with who was left out (each plan takes
      // persons the earlier ones left)
      long agreement =
          app.agreements()
              .add(
                  "bench " + System.currentTimeMillis(),
                  on,
                  List.of(own, Party.of("RU")),
                  app.parties().book(),
                  "bench");
      app.agreements()
          .addProvision(agreement, new Provision.NForN(1200, 0, p.selections()), "bench");
      var a = app.agreements().find(agreement).orElseThrow();
      List<Double> plans = new ArrayList<>();
      long planned = 0;
      long leftOut = 0;
      forgetPlans(app); // earlier runs' plans would hold their persons as "planned already"
      for (int k = 0; k < 3; k++) {
        long t0 = System.nanoTime();
        var made =
            app.exchanges()
                .plan(
                    new Exchanges.Request(a, 1, on, "", java.util.Optional.empty(), 200),
                    own,
                    "bench");
        plans.add((System.nanoTime() - t0) / 1e9);
        planned = made.plan().placed().size();
        leftOut = made.plan().leftOut().size();
        System.err.printf(Locale.ROOT, "plan %d of 3: %.2f s%n", k + 1, plans.get(k));
        forgetPlans(app); // so that each plan does the same work
      }
      heap.stop();
      List<Double> sortedPlans = new ArrayList<>(plans);
      Collections.sort(sortedPlans);
      String planLine =
          String.format(
              Locale.ROOT,
              "A plan of 1,200 for 1,200 in batches of 200 (eligibility, priority, parity, %,d placed and"
                  + " %,d left out with their reasons, stored and journaled; each plan then taken away"
                  + " so that the next does the same work): %.2f s (median of 3; each: %s s).%n%n",
              planned,
              leftOut,
              sortedPlans.get(1),
              String.join(
                  ", ", plans.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList()));
      List<Double> sorted = new ArrayList<>(times);
      Collections.sort(sorted);
      StringBuilder cells = new StringBuilder();
      for (EligibilityRun.Side s : EligibilityRun.Side.values()) {
        for (Decision d : Decision.values()) {
          cells.append(
              String.format(Locale.ROOT, "| %s | %s | %,d |%n", s.key(), d.key(), counts.of(s, d)));
        }
      }
      report =
          String.format(
              Locale.ROOT,
              "# Eligibility over the registry%n%n- date: %s%n- machine: %s%n- command: `./handover bench eligibility %s`%n"
                  + "- registry: %,d generated persons (DemoPeople, stored by `bench matching-db`), %,d of them held by a party%n"
                  + "- provision: 1,000 for 1,000, possibly 1,200: severely wounded or seriously sick; or aged 18–25, on 02.06.2025%n%n"
                  + "Every held person read from the database, judged with its reasons and counted: %.2f s (median of %d; each: %s s); peak heap in use %,.0f MB.%n%n"
                  + "| side | decision | persons |%n|---|---|---|%n%s%n"
                  + "%s"
                  + "Target (agreements issue): each under 2 s for a registry of 1,000,000 with 100,000 held (here %,d are held).%n",
              LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
              Machine.describe(),
              String.join(" ", args),
              persons,
              rows[0],
              sorted.get(sorted.size() / 2),
              runs,
              String.join(
                  ", ", times.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList()),
              heap.peak() / 1e6,
              cells,
              planLine,
              rows[0]);
    }
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report);
    }
  }

  /**
   * Takes the benchmark's own plans out of the bench folder's database (outside the journal, which
   * then names them as removed: this folder is the benchmark's, not an installation).
   */
  private static void forgetPlans(App app) {
    app.database()
        .jdbi()
        .useTransaction(
            h -> {
              String mine =
                  "SELECT x.id FROM exchanges x JOIN agreements a ON a.id = x.agreement_id"
                      + " WHERE a.title LIKE 'bench %'";
              for (String table :
                  List.of(
                      "exchange_persons",
                      "exchange_left_out",
                      "exchange_lists",
                      "exchange_corrections")) {
                h.execute("DELETE FROM " + table + " WHERE exchange_id IN (" + mine + ")");
              }
              h.execute("DELETE FROM exchanges WHERE id IN (" + mine + ")");
            });
  }
}
