package org.handover.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.handover.core.demo.DemoPeople;
import org.handover.core.registry.Name;
import org.handover.core.registry.Person;
import org.handover.names.Romanization;
import org.handover.server.App;
import org.handover.server.registry.Registry;
import org.handover.server.registry.Search;
import org.handover.server.storage.Database;

/**
 * Registry search latency, in process, on the embedded PostgreSQL with N generated persons: by name
 * in Cyrillic, by a Latin spelling, by year of birth, and by name with year. Writes a Markdown
 * report.
 *
 * <pre>
 * bench/run search [--persons 100000] [--queries 400] [--db-dir DIR] [--out bench/results/FILE.md]
 * </pre>
 */
public final class SearchBench {
  public static void main(String[] args) throws IOException {
    int persons = 100_000;
    int queries = 400;
    int runs = 3;
    Path dir = Files.createTempDirectory("handover-bench");
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--persons" -> persons = Integer.parseInt(args[i + 1]);
        case "--queries" -> queries = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--db-dir" -> dir = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    LocalDate today = LocalDate.of(2025, 6, 2);
    String url = "embedded:" + dir.toAbsolutePath().resolve("bench");
    StringBuilder report = new StringBuilder();
    try (App app = new App(Database.create(url), Clock.systemUTC())) {
      List<Person> people = new DemoPeople(99, today).generate(persons);
      long loadStart = System.nanoTime();
      boolean reused = app.registry().count() > 0;
      if (!reused) {
        for (int from = 0; from < people.size(); from += 5000) {
          app.registry()
              .addAll(people.subList(from, Math.min(people.size(), from + 5000)), today, "bench");
          System.err.printf(
              "loaded %,d of %,d%n", Math.min(people.size(), from + 5000), people.size());
        }
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      Random random = new Random(5);
      List<String[]> kinds = new ArrayList<>();
      kinds.add(new String[] {"family name, Cyrillic", ""});
      kinds.add(new String[] {"family + given, Latin (KMU 2010)", ""});
      kinds.add(new String[] {"year of birth", ""});
      kinds.add(new String[] {"family name + year of birth", ""});
      kinds.add(new String[] {"prefix of 3 letters, Cyrillic", ""});
      report.append("# Registry search benchmark\n\n");
      report
          .append("- date: ")
          .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
          .append('\n');
      report.append("- machine: ").append(Machine.describe()).append('\n');
      report
          .append("- command: `bench/run search --persons ")
          .append(persons)
          .append(" --queries ")
          .append(queries)
          .append(" --runs ")
          .append(runs)
          .append("`\n");
      report.append(
          "- database: the embedded PostgreSQL 17.7 (loopback), Handover in process; each query = count + first page of 25,"
              + " sorted by the Ukrainian collation key\n");
      report.append(
          String.format(
              Locale.ROOT,
              "- registry: %,d generated persons (%s)%n%n",
              app.registry().count(),
              reused
                  ? "database reused from an earlier run"
                  : String.format(
                      Locale.ROOT,
                      "loaded in %.1f s, 5,000 per transaction, journal included",
                      loadSeconds)));
      report.append(
          "Each run measures every kind of query in turn (after a warm-up of a quarter as many);"
              + " the pooled columns take all runs together.\n\n");
      report.append(
          "| query | queries per run | median ms per run | p95 ms per run | pooled median ms | pooled p95 ms"
              + " | max ms | mean hits |\n|---|---:|---|---|---:|---:|---:|---:|\n");
      double[][][] times = new double[kinds.size()][runs][];
      long[] hits = new long[kinds.size()];
      for (int run = 0; run < runs; run++) {
        for (int k = 0; k < kinds.size(); k++) {
          run(app.registry(), people, k, queries / 4, random);
          double[] ms = new double[queries];
          for (int q = 0; q < queries; q++) {
            String text = query(people, k, random);
            long t0 = System.nanoTime();
            Registry.Page page = app.registry().search(Search.parse(text), "uk", 1, 25);
            ms[q] = (System.nanoTime() - t0) / 1e6;
            hits[k] += page.total();
          }
          Arrays.sort(ms);
          times[k][run] = ms;
        }
      }
      for (int k = 0; k < kinds.size(); k++) {
        StringBuilder medians = new StringBuilder();
        StringBuilder p95s = new StringBuilder();
        double[] pooled = new double[runs * queries];
        for (int run = 0; run < runs; run++) {
          medians
              .append(run == 0 ? "" : " / ")
              .append(String.format(Locale.ROOT, "%.2f", percentile(times[k][run], 50)));
          p95s.append(run == 0 ? "" : " / ")
              .append(String.format(Locale.ROOT, "%.2f", percentile(times[k][run], 95)));
          System.arraycopy(times[k][run], 0, pooled, run * queries, queries);
        }
        Arrays.sort(pooled);
        report.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %.2f | %.2f | %.2f | %.0f |%n",
                kinds.get(k)[0],
                queries,
                medians,
                p95s,
                percentile(pooled, 50),
                percentile(pooled, 95),
                pooled[pooled.length - 1],
                hits[k] / (double) (runs * queries)));
      }
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      report.append(
          String.format(
              Locale.ROOT,
              "%nHeap in use at the end: %.0f MB. Target: p95 under 50 ms.%n",
              heap / 1e6));
    }
    System.out.print(report);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report.toString());
      System.err.println("written to " + out);
    }
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
  }

  private static void run(Registry registry, List<Person> people, int kind, int n, Random random) {
    for (int i = 0; i < n; i++) {
      registry.search(Search.parse(query(people, kind, random)), "uk", 1, 25);
    }
  }

  private static String query(List<Person> people, int kind, Random random) {
    Person p = people.get(random.nextInt(people.size()));
    Name n = p.primaryName();
    int year = p.birthDate().map(d -> d.year()).orElse(1990);
    return switch (kind) {
      case 0 -> n.family();
      case 1 -> Romanization.KMU2010.romanize(n.family() + " " + n.given());
      case 2 -> String.valueOf(year);
      case 3 -> n.family() + " " + year;
      default -> n.family().substring(0, Math.min(3, n.family().length()));
    };
  }
}
