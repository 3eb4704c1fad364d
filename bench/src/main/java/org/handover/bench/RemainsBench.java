package org.handover.bench;

import java.nio.charset.StandardCharsets;
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
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.handover.core.demo.DemoPeople;
import org.handover.core.parties.Party;
import org.handover.core.registry.Person;
import org.handover.core.remains.Figures;
import org.handover.server.App;
import org.handover.server.i18n.Messages;
import org.handover.server.remains.FigureWords;
import org.handover.server.remains.Receiving;
import org.handover.server.remains.Statistics;
import org.handover.server.storage.Database;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The remains register at the size of the talks: the figures (what `remains stats` and the figures
 * page compute) over 60,000 cases with their custody and identifications, and receiving a list of
 * 6,000 tags with claimed identities against the registry `bench matching-db` stored in DIR.
 *
 * <pre>
 * bench/run remains --db /tmp/mdb [--cases 60000] [--claims 6000] [--registry 1000000] [--out FILE.md]
 * </pre>
 */
public final class RemainsBench {
  public static void main(String[] args) throws Exception {
    Path dir = null;
    int cases = 60_000;
    int claims = 6_000;
    int registry = 1_000_000;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--db" -> dir = Path.of(args[i + 1]);
        case "--cases" -> cases = Integer.parseInt(args[i + 1]);
        case "--claims" -> claims = Integer.parseInt(args[i + 1]);
        case "--registry" -> registry = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String statsLine = figures(cases);
    String receiveLine =
        dir == null ? "Receiving: not run (no --db).\n" : receive(dir, claims, registry);
    String report =
        String.format(
            Locale.ROOT,
            "# Remains register%n%n- date: %s%n- machine: %s%n- command: `./handover bench remains %s`%n%n%s%n%s%n"
                + "Targets (remains issue): the statistics page and `remains stats` under 300 ms over 60,000 cases;"
                + " receiving 6,000 tags with claimed identities against 1,000,000 under 30 s.%n",
            LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Machine.describe(),
            String.join(" ", args),
            statsLine,
            receiveLine);
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report);
    }
  }

  /** Cases over a year, custody moves, identifications: stored by SQL (a bench's own database). */
  private static String figures(int cases) throws Exception {
    Path dir = Files.createTempDirectory("remains-bench");
    LocalDate first = LocalDate.of(2025, 1, 10);
    LocalDate asOf = LocalDate.of(2025, 12, 31);
    try (App app = new App(Database.create("embedded:" + dir.resolve("db")), Clock.systemUTC())) {
      List<Person> people = new DemoPeople(5, first).generate(cases / 2);
      app.registry().addAll(people, first, "bench");
      Random random = new Random(7);
      app.database()
          .jdbi()
          .useTransaction(
              h -> {
                long transfer =
                    h.createUpdate(
                            "INSERT INTO remains_transfers (from_party, to_party, on_date,"
                                + " created_by, created_at) VALUES ('RU', 'UA', :on, 'bench', 0)")
                        .bind("on", first)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                List<Long> persons =
                    h.createQuery("SELECT id FROM persons ORDER BY id").mapTo(Long.class).list();
                PreparedBatch c =
                    h.prepareBatch(
                        "INSERT INTO remains_cases (id, tag, transfer_id, entry_row, received_on,"
                            + " claimed_name, status, created_by, created_at) VALUES (:id, :tag,"
                            + " :t, :id, :on, :name, :status, 'bench', 0)");
                PreparedBatch m =
                    h.prepareBatch(
                        "INSERT INTO remains_custody (case_id, place, on_date, recorded_by,"
                            + " recorded_at) VALUES (:c, :p, :on, 'bench', 0)");
                PreparedBatch i =
                    h.prepareBatch(
                        "INSERT INTO remains_identifications (case_id, person_id, methods,"
                            + " on_date, identified_by, recorded_at) VALUES (:c, :p, :m, :on,"
                            + " 'bench', 0)");
                for (int k = 1; k <= cases; k++) {
                  LocalDate received = first.plusDays(random.nextInt(300));
                  double roll = random.nextDouble();
                  String status =
                      roll < 0.35 ? "identified" : roll < 0.45 ? "presumed" : "unidentified";
                  c.bind("id", (long) k)
                      .bind("tag", "RU-" + k)
                      .bind("t", transfer)
                      .bind("on", received)
                      .bind("name", random.nextDouble() < 0.6 ? "claimed " + k : "")
                      .bind("status", status)
                      .add();
                  LocalDate moved = received;
                  for (int n = random.nextInt(4); n > 0; n--) {
                    moved = moved.plusDays(1 + random.nextInt(40));
                    m.bind("c", (long) k)
                        .bind("p", n == 1 ? "laboratory" : "morgue")
                        .bind("on", moved)
                        .add();
                  }
                  if (!status.equals("unidentified")) {
                    i.bind("c", (long) k)
                        .bind("p", persons.get(random.nextInt(persons.size())))
                        .bind("m", status.equals("identified") ? "dna" : "documents")
                        .bind("on", received.plusDays(5 + random.nextInt(120)))
                        .add();
                  }
                }
                c.execute();
                m.execute();
                i.execute();
              });
      Messages uk = Messages.of("uk");
      List<Double> times = new ArrayList<>();
      Figures.Result r = null;
      long waiting = 0;
      for (int k = 0; k < 7; k++) {
        long t0 = System.nanoTime();
        r = Statistics.figures(app.database().jdbi(), asOf);
        FigureWords.lines(r, uk);
        waiting = Statistics.waiting(app.database().jdbi(), asOf, 30, 100).count();
        Statistics.disputed(app.database().jdbi(), asOf);
        times.add((System.nanoTime() - t0) / 1e6);
        System.err.printf(Locale.ROOT, "figures %d of 7: %.0f ms%n", k + 1, times.get(k));
      }
      List<Double> sorted = new ArrayList<>(times);
      Collections.sort(sorted);
      return String.format(
          Locale.ROOT,
          "Figures over %,d cases (received over 300 days, %,d identified, %,d presumed; custody moves"
              + " 0–3 each): everything the figures page and `remains stats` compute — the figures,"
              + " month by month, the attention count and its first 100 — %.0f ms (median of 7; each:"
              + " %s ms). Waiting over 30 days: %,d.%n",
          r.received(),
          r.identified(),
          r.presumed(),
          sorted.get(3),
          String.join(
              ", ", times.stream().map(t -> String.format(Locale.ROOT, "%.0f", t)).toList()),
          waiting);
    }
  }

  /** A list of tags with claimed identities drawn from the stored registry, received end to end. */
  private static String receive(Path dir, int claims, int registry) throws Exception {
    LocalDate today = LocalDate.of(2025, 6, 2);
    List<Person> people = new DemoPeople(1, today).generate(registry);
    RosterNoise noise = new RosterNoise(11);
    noise.draw(people, new DemoPeople(2, today).generate(Math.max(1, claims / 4)), claims);
    people = null;
    Path csv = Files.createTempFile("remains-claims", ".csv");
    String stamp = String.valueOf(System.currentTimeMillis());
    StringBuilder text =
        new StringBuilder("Номер бирки," + String.join(",", noise.rows.get(0).keySet()))
            .append('\n');
    int k = 0;
    for (Map<String, String> row : noise.rows) {
      text.append("T")
          .append(stamp)
          .append('-')
          .append(++k)
          .append(',')
          .append(String.join(",", row.values().stream().map(v -> v.replace(",", " ")).toList()))
          .append('\n');
    }
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    try (App app =
        new App(
            Database.open("embedded:" + dir.toAbsolutePath().resolve("db")), Clock.systemUTC())) {
      long persons = app.registry().count();
      HeapSampler heap = HeapSampler.start();
      long t0 = System.nanoTime();
      Receiving receiving = app.receiving();
      if (!receiving.check(csv, "claims.csv").isEmpty()) {
        throw new IllegalStateException("the generated list has tags that cannot be received");
      }
      Receiving.Received r =
          receiving.receive(
              csv, "claims.csv", Party.of("RU"), Party.of("UA"), today, Optional.empty(), "bench");
      double seconds = (System.nanoTime() - t0) / 1e9;
      heap.stop();
      return String.format(
          Locale.ROOT,
          "Receiving a list of %,d tags with claimed identities (RosterNoise's spellings, 20%% strangers)"
              + " against a registry of %,d: tags checked, the list kept, %,d cases made, every claim"
              + " matched (many to many) — %.1f s, one run; peak heap in use %,.0f MB. Linked sure: %,d;"
              + " to review: %,d.%n",
          r.cases(),
          persons,
          r.cases(),
          seconds,
          heap.peak() / 1e6,
          r.linked(),
          r.toReview());
    }
  }
}
