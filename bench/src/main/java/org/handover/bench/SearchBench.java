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
import org.handover.names.Kmu2010;
import org.handover.server.App;
import org.handover.server.registry.Registry;
import org.handover.server.registry.Search;
import org.handover.server.storage.Database;

/**
 * Registry search latency, in process, on an H2 file database of N generated persons: by name in
 * Cyrillic, by a Latin spelling, by year of birth, and by name with year. Writes a Markdown report.
 *
 * <pre>
 * bench/run search [--persons 100000] [--queries 400] [--db-dir DIR] [--out bench/results/FILE.md]
 * </pre>
 */
public final class SearchBench {
  public static void main(String[] args) throws IOException {
    int persons = 100_000;
    int queries = 400;
    Path dir = Files.createTempDirectory("handover-bench");
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--persons" -> persons = Integer.parseInt(args[i + 1]);
        case "--queries" -> queries = Integer.parseInt(args[i + 1]);
        case "--db-dir" -> dir = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    LocalDate today = LocalDate.of(2025, 6, 2);
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bench");
    StringBuilder report = new StringBuilder();
    try (App app = new App(Database.open(url), Clock.systemUTC())) {
      List<Person> people = new DemoPeople(99, today).generate(persons);
      long loadStart = System.nanoTime();
      if (app.registry().count() == 0) {
        for (int from = 0; from < people.size(); from += 5000) {
          app.registry().addAll(people.subList(from, Math.min(people.size(), from + 5000)), today, "bench");
          System.err.printf("loaded %,d of %,d%n", Math.min(people.size(), from + 5000), people.size());
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
      report.append("- date: ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append('\n');
      report.append("- machine: ").append(Machine.describe()).append('\n');
      report.append("- command: `bench/run search --persons ").append(persons).append(" --queries ").append(queries).append("`\n");
      report.append("- database: H2 file (embedded, PostgreSQL mode), in process; each query = count + first page of 25,"
          + " sorted by the Ukrainian collation key\n");
      report.append(String.format(Locale.ROOT, "- registry: %,d generated persons (load: %.1f s including the journal)%n%n",
          app.registry().count(), loadSeconds));
      report.append("| query | queries | median ms | p95 ms | max ms | mean hits |\n|---|---:|---:|---:|---:|---:|\n");
      for (int k = 0; k < kinds.size(); k++) {
        // warm up, then measure
        run(app.registry(), people, k, queries / 4, random);
        double[] ms = new double[queries];
        long hits = 0;
        for (int q = 0; q < queries; q++) {
          String text = query(people, k, random);
          long t0 = System.nanoTime();
          Registry.Page page = app.registry().search(Search.parse(text), "uk", 1, 25);
          ms[q] = (System.nanoTime() - t0) / 1e6;
          hits += page.total();
        }
        Arrays.sort(ms);
        report.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.0f |%n", kinds.get(k)[0], queries,
            ms[queries / 2], ms[(int) Math.ceil(queries * 0.95) - 1], ms[queries - 1], hits / (double) queries));
      }
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      report.append(String.format(Locale.ROOT, "%nHeap in use at the end: %.0f MB. Target: p95 under 50 ms.%n", heap / 1e6));
    }
    System.out.print(report);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report.toString());
      System.err.println("written to " + out);
    }
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
      case 1 -> Kmu2010.romanize(n.family() + " " + n.given());
      case 2 -> String.valueOf(year);
      case 3 -> n.family() + " " + year;
      default -> n.family().substring(0, Math.min(3, n.family().length()));
    };
  }
}
