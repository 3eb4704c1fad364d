package org.handover.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.handover.core.demo.DemoPeople;
import org.handover.core.parties.Party;
import org.handover.core.registry.Name;
import org.handover.core.registry.Person;
import org.handover.core.rosters.Encodings;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.Tables;
import org.handover.server.App;
import org.handover.server.rosters.Rosters;
import org.handover.server.storage.Database;

/**
 * Roster import speed: a generated list of N rows (Windows-1251, semicolons, as lists arrive)
 * imported into a fresh database: the embedded PostgreSQL under a folder, or PostgreSQL by URL. Run
 * it with the heap the target names ({@code BENCH_JAVA_OPTS=-Xmx512m}); the report gives rows per
 * second and the peak heap in use.
 *
 * <pre>
 * BENCH_JAVA_OPTS=-Xmx512m bench/run import --rows 1000000 [--db URL | --postgres embedded] [--out bench/results/FILE.md]
 * </pre>
 */
public final class ImportBench {
  public static void main(String[] args) throws Exception {
    int rows = 1_000_000;
    String url = null;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[i + 1]);
        case "--db" -> url = args[i + 1];
        case "--postgres" -> url = args[i + 1].equals("embedded") ? "embedded" : url;
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("handover-import-bench");
    Path csv = dir.resolve("list.csv");
    long written = generate(csv, rows);
    EmbeddedPostgres pg = null;
    if ("embedded".equals(url)) {
      pg = EmbeddedPostgres.builder().start();
      try (var c = pg.getPostgresDatabase().getConnection();
          var st = c.createStatement()) {
        st.execute(
            "CREATE DATABASE bench ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
      }
      url = pg.getJdbcUrl("postgres", "bench");
    }
    String db = url != null ? url : "embedded:" + dir.toAbsolutePath().resolve("db");
    String report;
    try (App app = new App(Database.create(db), Clock.systemUTC())) {
      HeapSampler heap = HeapSampler.start();
      long t0 = System.nanoTime();
      Rosters.Imported r =
          app.rosters()
              .importFile(
                  csv,
                  "list.csv",
                  new RosterDetails(
                      Party.of("RU"),
                      Party.of("UA"),
                      LocalDate.of(2025, 6, 3),
                      Purpose.EXCHANGE,
                      ""),
                  Tables.Options.detect(),
                  Optional.empty(),
                  "bench",
                  (n, share) -> {
                    if (n % 100_000 == 0) {
                      System.err.printf("%,d rows%n", n);
                    }
                  });
      double seconds = (System.nanoTime() - t0) / 1e9;
      heap.stop();
      report =
          String.format(
              Locale.ROOT,
              "# Roster import benchmark%n%n- date: %s%n- machine: %s%n- command: `%s`%n"
                  + "- database: %s%n- file: %,d rows, %,.1f MB, Windows-1251, semicolons, 7 columns%n%n"
                  + "| rows | rows with problems | seconds | rows/s | peak heap in use (sampled every 20 ms) |%n|---:|---:|---:|---:|---:|%n"
                  + "| %,d | %,d | %.1f | %,.0f | %,.0f MB |%n%n"
                  + "Target: at least 50,000 rows/s within a 512 MB heap.%n",
              LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
              Machine.describe(),
              "BENCH_JAVA_OPTS="
                  + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
                  + " bench/run import --rows "
                  + rows
                  + (url == null ? "" : " --postgres embedded"),
              url == null
                  ? "PostgreSQL 17.7 (the embedded default, same machine, loopback)"
                  : "PostgreSQL by URL",
              rows,
              written / 1e6,
              r.rows(),
              r.errorRows(),
              seconds,
              r.rows() / seconds,
              heap.peak() / 1e6);
    }
    if (pg != null) {
      pg.close();
    }
    System.out.print(report);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
    }
  }

  static long generate(Path csv, int rows) throws IOException {
    Charset cp1251 = Encodings.WINDOWS_1251;
    DemoPeople people = new DemoPeople(77, LocalDate.of(2025, 6, 2));
    try (BufferedWriter w = Files.newBufferedWriter(csv, cp1251)) {
      w.write("Фамилия;Имя;Отчество;Дата рождения;Воинское звание;Личный номер;Номер дела\r\n");
      int done = 0;
      while (done < rows) {
        List<Person> batch = people.generate(Math.min(10_000, rows - done));
        for (Person p : batch) {
          Name n = p.primaryName();
          w.write(
              n.family()
                  + ";"
                  + n.given()
                  + ";"
                  + n.patronymic()
                  + ";"
                  + p.birthDate().map(Object::toString).orElse("")
                  + ";"
                  + p.rank()
                  + ";"
                  + p.serviceNumber()
                  + ";"
                  + p.reference()
                  + "-"
                  + done
                  + "\r\n");
          done++;
        }
      }
    }
    return Files.size(csv);
  }

  private ImportBench() {}
}
