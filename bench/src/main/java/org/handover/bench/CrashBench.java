package org.handover.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.handover.core.journal.JournalChain;
import org.handover.server.App;
import org.handover.server.rosters.Rosters;
import org.handover.server.storage.Database;

/**
 * Crash test of list imports: {@code handover roster import} of a generated list in a process of
 * its own, killed with SIGKILL at a random moment, K times; after each kill Handover starts again
 * on the same embedded PostgreSQL and checks: the database opens, no partial list is visible,
 * nothing is left importing, every list shown holds as many entries as its row count and as its
 * journal entry says, and the journal verifies.
 *
 * <pre>
 * bench/run crash [--rows 200000] [--kills 20] [--seed 1] [--out bench/results/FILE.md]
 * </pre>
 */
public final class CrashBench {
  /** What one kill left, and what the start after it found. */
  record Outcome(
      int kill,
      double killedAfter,
      int complete,
      int removed,
      long removedRows,
      List<String> failures) {}

  public static void main(String[] args) throws Exception {
    int rows = 200_000;
    int kills = 20;
    long seed = 1;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rows" -> rows = Integer.parseInt(args[i + 1]);
        case "--kills" -> kills = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("handover-crash");
    Path csv = dir.resolve("list.csv");
    ImportBench.generate(csv, rows);
    Path jar = jar();
    String db = "embedded:" + dir.resolve("db");
    prepare(db);
    double whole = timeOneImport(jar, csv, db);
    System.err.printf(Locale.ROOT, "one whole import in its own process: %.1f s%n", whole);
    List<Outcome> outcomes = run(jar, csv, db, rows, kills, whole, new Random(seed));
    String report = report(outcomes, rows, kills, whole, seed);
    System.out.print(report);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
    }
    if (outcomes.stream().anyMatch(o -> !o.failures().isEmpty())) {
      System.exit(1);
    }
  }

  static List<Outcome> run(
      Path jar, Path csv, String db, int rows, int kills, double whole, Random random)
      throws Exception {
    List<Double> moments = new ArrayList<>();
    for (int k = 0; k < kills; k++) {
      moments.add(
          0.3
              + random.nextDouble()
                  * whole
                  * 1.1); // from the process's start to past a whole import
    }
    return run(jar, csv, db, rows, moments, 0);
  }

  /**
   * One import killed at each moment (seconds after its start); with {@code afterRows} above 0, a
   * moment of 0 means: as soon as the import reports that many rows read (committed batches exist).
   */
  static List<Outcome> run(
      Path jar, Path csv, String db, int rows, List<Double> moments, long afterRows)
      throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    for (int k = 1; k <= moments.size(); k++) {
      double after = moments.get(k - 1);
      long t0 = System.nanoTime();
      Process p = importProcess(jar, csv, db).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
      Progress progress = Progress.watch(p);
      boolean byRows = after == 0 && afterRows > 0;
      if (byRows) {
        progress.awaitRows(afterRows, 300);
      }
      boolean finished = !byRows && p.waitFor((long) (after * 1000), TimeUnit.MILLISECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
      }
      after = (System.nanoTime() - t0) / 1e9;
      Outcome o = check(k, after, db, rows);
      if (finished && p.exitValue() != 0) {
        o.failures()
            .add("the import ended by itself with exit " + p.exitValue() + " (see import.log)");
      }
      outcomes.add(o);
      System.err.printf(
          Locale.ROOT,
          "kill %d at %.2f s: %d whole lists, %d removed (%d rows), %s%n",
          k,
          after,
          o.complete(),
          o.removed(),
          o.removedRows(),
          o.failures().isEmpty() ? "ok" : o.failures());
    }
    return outcomes;
  }

  /** A start after the kill, and every check of the lists and the journal. */
  static Outcome check(int kill, double after, String db, int rows) {
    List<String> failures = new ArrayList<>();
    int complete = 0;
    int removed = 0;
    long removedRows = 0;
    try (App app = new App(Database.open(db), Clock.systemUTC())) {
      // the start itself removed what the killed import left; a second look finds nothing more
      List<org.handover.server.rosters.RosterImport.Abandoned> more =
          app.rosters().removeUnfinished();
      if (!more.isEmpty()) {
        failures.add("unfinished imports left after the start: " + more);
      }
      long importing =
          app.database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT count(*) FROM rosters WHERE state <> 'complete'")
                          .mapTo(Long.class)
                          .one());
      if (importing > 0) {
        failures.add(importing + " rosters not complete after the start");
      }
      for (Rosters.Summary r : app.rosters().list()) {
        complete++;
        long entries =
            app.database()
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT count(*) FROM roster_entries WHERE roster_id = :id")
                            .bind("id", r.id())
                            .mapTo(Long.class)
                            .one());
        long journaled =
            app
                .journal()
                .find(
                    org.handover.server.journal.Journal.Filter.forEntity(
                        "roster", String.valueOf(r.id())),
                    0,
                    10)
                .stream()
                .filter(e -> e.action().equals("roster.import"))
                .count();
        if (r.rows() != rows || entries != rows || journaled != 1) {
          failures.add(
              "list "
                  + r.id()
                  + ": "
                  + r.rows()
                  + " rows counted, "
                  + entries
                  + " entries, "
                  + journaled
                  + " journal entries (expected "
                  + rows
                  + ", "
                  + rows
                  + ", 1)");
        }
      }
      for (var e :
          app.journal()
              .find(
                  new org.handover.server.journal.Journal.Filter(
                      "system", "roster", "", 0, Long.MAX_VALUE),
                  0,
                  1000)) {
        if (e.action().equals("roster.import-abandoned")) {
          removed++;
          removedRows += Long.parseLong(e.after().replaceAll(".*\"entries\":(\\d+).*", "$1"));
        }
      }
      JournalChain.Verification v = app.journal().verify();
      if (!v.intact()) {
        failures.add("journal broken at " + v.firstBroken() + ": " + v.reason());
      }
    } catch (RuntimeException e) {
      failures.add("the database did not open or could not be read: " + e.getMessage());
    }
    return new Outcome(kill, after, complete, removed, removedRows, failures);
  }

  /** The runnable jar, from the repository's root or from the bench module (tests). */
  static Path jar() {
    for (Path p :
        List.of(Path.of("server/target/handover.jar"), Path.of("../server/target/handover.jar"))) {
      if (Files.exists(p)) {
        return p.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "server/target/handover.jar is not built: run mvn -pl server -am package");
  }

  /**
   * The rows an import process reports read, from its progress line ("\\r[### ] 20000 rows read").
   */
  static final class Progress {
    private volatile long rows;
    private volatile boolean ended;

    static Progress watch(Process p) {
      Progress progress = new Progress();
      Thread t =
          new Thread(
              () -> {
                try (var in = p.getInputStream()) {
                  StringBuilder line = new StringBuilder();
                  for (int c = in.read(); c >= 0; c = in.read()) {
                    if (c == '\r' || c == '\n') {
                      java.util.regex.Matcher m =
                          java.util.regex.Pattern.compile("([0-9][0-9,\\u00a0\\u202f ]*) rows")
                              .matcher(line);
                      if (m.find()) {
                        progress.rows = Long.parseLong(m.group(1).replaceAll("[^0-9]", ""));
                      }
                      line.setLength(0);
                    } else {
                      line.append((char) c);
                    }
                  }
                } catch (IOException e) {
                  // the process was killed: its output ends here
                }
                progress.ended = true;
              });
      t.setDaemon(true);
      t.start();
      return progress;
    }

    /** Waits until the process reports {@code n} rows read; false if it ended first. */
    boolean awaitRows(long n, int seconds) throws InterruptedException {
      long until = System.nanoTime() + seconds * 1_000_000_000L;
      while (rows < n && !ended && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      return rows < n;
    }
  }

  /**
   * An installation as in use: its journal not empty, and, as after {@code serve --init}, whoever
   * made it running its command line as its administrator.
   */
  static void prepare(String db) {
    try (App app = new App(Database.create(db), Clock.systemUTC())) {
      app.accounts().createFirstAdmin();
      app.accounts()
          .credentials()
          .mapOsUser("admin", org.handover.server.cli.OsUser.name(), "system");
    }
  }

  static ProcessBuilder importProcess(Path jar, Path csv, String db) throws IOException {
    Path log = csv.resolveSibling("import.log");
    return new ProcessBuilder(
            "java",
            "-Xmx512m",
            "-jar",
            jar.toString(),
            "roster",
            "import",
            csv.toString(),
            "--from",
            "RU",
            "--to",
            "UA",
            "--purpose",
            "exchange",
            "--db",
            db,
            "--lang",
            "en")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  private static double timeOneImport(Path jar, Path csv, String db) throws Exception {
    long t0 = System.nanoTime();
    int exit = importProcess(jar, csv, db).start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "a whole import failed with exit " + exit + "; see " + csv.resolveSibling("import.log"));
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String report(
      List<Outcome> outcomes, int rows, int kills, double whole, long seed) {
    StringBuilder s = new StringBuilder();
    long failed = outcomes.stream().filter(o -> !o.failures().isEmpty()).count();
    s.append(
        String.format(
            Locale.ROOT,
            "# Crash test: kill -9 during list imports%n%n- date: %s%n- machine: %s%n"
                + "- command: `%s bench/run crash --rows %d --kills %d --seed %d`%n"
                + "- each kill: `handover roster import` of a generated %,d-row list (Windows-1251, 7 columns) in its own"
                + " JVM on the embedded PostgreSQL, killed with SIGKILL at a random moment between 0.3 s and 1.1 times"
                + " a whole import (%.1f s, JVM start included); then Handover starts again on the same data and checks"
                + " that the database opens, nothing is left importing, every list shown holds its rows, its entries and"
                + " one journal entry, and the journal verifies%n%n",
            LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Machine.describe(),
            String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()).isEmpty()
                ? ""
                : "BENCH_JAVA_OPTS="
                    + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
            rows,
            kills,
            seed,
            rows,
            whole));
    s.append(String.format(Locale.ROOT, "**%d kills, %d failures.**%n%n", kills, failed));
    s.append(
        "| kill | killed after (s) | whole lists after the start | unfinished imports removed so far | their rows | checks |\n");
    s.append("|---:|---:|---:|---:|---:|---|\n");
    for (Outcome o : outcomes) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %d | %.2f | %d | %d | %,d | %s |%n",
              o.kill(),
              o.killedAfter(),
              o.complete(),
              o.removed(),
              o.removedRows(),
              o.failures().isEmpty() ? "ok" : String.join("; ", o.failures())));
    }
    return s.toString();
  }
}
