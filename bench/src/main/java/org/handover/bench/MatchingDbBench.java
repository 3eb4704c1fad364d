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
import org.handover.core.parties.Party;
import org.handover.core.registry.Person;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.Tables;
import org.handover.server.App;
import org.handover.server.matching.Matching;
import org.handover.server.storage.Database;

/**
 * Matching end to end through the database, as `match --roster` does it: a registry of N generated
 * persons stored in the embedded PostgreSQL (journaled, as any registry is), a roster of M entries
 * drawn from it with RosterNoise's noise model written as a CSV with one full-name column and
 * imported, then one match run timed from reading the registry and the roster out of the database
 * to storing the links.
 *
 * <pre>
 * ./handover bench matching-db [--registry 1000000] [--roster 10000] [--runs 1] [--db DIR] [--out FILE.md]
 *     [--names even|realistic]
 * (a DIR that already holds the N generated persons is used again; storing them is not timed anyway)
 * </pre>
 */
public final class MatchingDbBench {
  /** Persons stored a transaction: enough for the indexes to be set aside, as an import does. */
  private static final int STORE_BATCH = 200_000;

  public static void main(String[] args) throws Exception {
    int n = 100_000;
    int m = 10_000;
    Path dir = Files.createTempDirectory("matching-db");
    Path out = null;
    int repeat = 1;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--registry" -> n = Integer.parseInt(args[i + 1]);
        case "--roster" -> m = Integer.parseInt(args[i + 1]);
        case "--db" -> dir = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--runs" -> repeat = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--names" -> MatchingBench.realistic = args[i + 1].equals("realistic");
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    LocalDate today = LocalDate.of(2025, 6, 2);
    List<Person> people = MatchingBench.people(1, today).generate(n);
    RosterNoise noise = new RosterNoise(3);
    RosterNoise.Drawn drawn =
        noise.draw(people, MatchingBench.people(2, today).generate(Math.max(1, m / 4)), m);
    Files.createDirectories(dir);
    Path csv = dir.resolve("their-list.csv");
    StringBuilder text =
        new StringBuilder(String.join(",", noise.rows.get(0).keySet())).append('\n');
    for (Map<String, String> row : noise.rows) {
      text.append(String.join(",", row.values().stream().map(v -> v.replace(",", " ")).toList()))
          .append('\n');
    }
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    String report;
    try (App app =
        new App(
            Database.create("embedded:" + dir.toAbsolutePath().resolve("db")), Clock.systemUTC())) {
      long s0 = System.nanoTime();
      long stored = app.registry().count();
      if (stored != 0 && stored != n) {
        throw new IllegalStateException(
            dir + " holds " + stored + " persons, neither none nor the " + n + " asked for");
      }
      // a folder given with --db that already holds this registry (same seed, same persons) is used
      // again; large batches, as a registry import stores them (indexes set aside and built again)
      for (int from = stored == n ? n : 0; from < people.size(); from += STORE_BATCH) {
        int to = Math.min(people.size(), from + STORE_BATCH);
        app.registry().addAll(people.subList(from, to), today, "bench");
        System.err.printf(Locale.ROOT, "registry: %,d persons stored%n", to);
      }
      double storing = (System.nanoTime() - s0) / 1e9;
      people = null;
      long roster =
          app.rosters()
              .importFile(
                  csv,
                  "their-list.csv",
                  new RosterDetails(Party.of("RU"), Party.of("UA"), today, Purpose.EXCHANGE, ""),
                  Tables.Options.detect(),
                  Optional.empty(),
                  "bench",
                  (k, f) -> {})
              .id();
      // the same run several times (each stored, as a user's reruns are); the median is reported
      List<Double> times = new ArrayList<>();
      Matching.Run run = null;
      HeapSampler heap = HeapSampler.start();
      for (int k = 0; k < repeat; k++) {
        long t0 = System.nanoTime();
        run = app.matching().run(roster, true, MatchingBench.THRESHOLDS, "bench");
        times.add((System.nanoTime() - t0) / 1e9);
        System.err.printf(Locale.ROOT, "run %d of %d: %.1f s%n", k + 1, repeat, times.get(k));
      }
      heap.stop();
      List<Double> sorted = new ArrayList<>(times);
      Collections.sort(sorted);
      double seconds = sorted.get(sorted.size() / 2);
      var r = run.result();
      report =
          String.format(
              Locale.ROOT,
              "# Matching end to end through the database%n%n- date: %s%n- machine: %s%n"
                  + "- command: `%s./handover bench matching-db %s`%n- registry: %,d generated persons stored in the embedded PostgreSQL with their"
                  + " journal (%s, not counted below); roster: %,d entries drawn with RosterNoise's noise model"
                  + " (20%% strangers), one full-name column, imported as a CSV%n%n"
                  + "A match run (`match --roster ID --one-to-one`), from reading the registry and the roster out of the"
                  + " database to the links stored: %.1f s (median of %d; each: %s s); peak heap in use %,.0f MB. Engine phases: blocking %,d ms,"
                  + " comparing and training %,d ms, scoring %,d ms; pairs compared %,d. Bands: %,d auto-linked, %,d to"
                  + " review, %,d without a match.%n%nTarget (matching issue): a roster of 10,000 against a registry of"
                  + " 1,000,000 in under 60 s end to end, heap under 4 GB.%n",
              LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
              Machine.describe(),
              System.getenv().containsKey("BENCH_JAVA_OPTS")
                  ? "BENCH_JAVA_OPTS=\"" + System.getenv("BENCH_JAVA_OPTS") + "\" "
                  : "",
              String.join(" ", args),
              n,
              stored == n
                  ? "stored by an earlier run"
                  : String.format(Locale.ROOT, "%.0f s to store", storing),
              m,
              seconds,
              repeat,
              String.join(
                  ", ", times.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList()),
              heap.peak() / 1e6,
              r.blockMillis(),
              r.trainMillis(),
              r.scoreMillis(),
              r.candidates().size(),
              run.auto(),
              run.review(),
              run.noMatch());
    }
    System.out.print(report);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
    }
  }

  private MatchingDbBench() {}
}
