package org.handover.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.handover.core.registry.Name;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.server.App;

/**
 * {@code registry import} as a user runs it: a spreadsheet of N generated persons (realistic name
 * frequencies; family, given name, patronymic, date of birth, place of birth, service number, as a
 * ministry's export has them) loaded by a process of the runnable jar into a fresh embedded
 * database, timed as a whole process, then {@code journal verify} on the result.
 *
 * <pre>
 * bench/run registry-import [--persons 1000000] [--runs 3] [--csv registry.csv] [--out FILE.md]
 * </pre>
 */
public final class RegistryImportBench {
  private RegistryImportBench() {}

  public static void main(String[] args) throws Exception {
    int n = 1_000_000;
    int runs = 3;
    Path out = null;
    Path given = null; // a file written by an earlier run, to time the same one again
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--persons" -> n = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--out" -> out = Path.of(args[i + 1]);
        case "--csv" -> given = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("registry-import");
    Path csv = given;
    if (csv == null) {
      csv =
          write(
              DemoPeople.realistic(1, LocalDate.of(2025, 6, 2)).generate(n),
              dir.resolve("registry.csv"));
      System.err.printf(Locale.ROOT, "%,d persons written to %s%n", n, csv);
    } else {
      try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
        n = (int) lines.count() - 1; // the header
      }
    }
    List<Double> seconds = new ArrayList<>();
    List<Long> peaks = new ArrayList<>();
    String verified = "";
    double verifySeconds = 0;
    for (int r = 0; r < runs; r++) {
      String db = "embedded:" + dir.resolve("db" + r);
      try (App app = App.create(db)) {
        app.parties().choose(Optional.of(Party.of("UA")), "bench");
      }
      CliProcess.Result imported =
          CliProcess.launcher("registry", "import", csv.toString(), "--db", db, "--lang", "en");
      if (imported.exit() != 0) {
        throw new IllegalStateException("registry import failed:\n" + imported.output());
      }
      seconds.add(imported.seconds());
      peaks.add(imported.peakResident());
      System.err.printf(
          Locale.ROOT,
          "run %d: %.1f s, %,.0f persons/s, peak resident %,d MB%n",
          r + 1,
          imported.seconds(),
          n / imported.seconds(),
          imported.peakResident() >> 20);
      if (r == 0) {
        CliProcess.Result verify = CliProcess.run("journal", "verify", "--db", db, "--lang", "en");
        verified = verify.output().strip();
        verifySeconds = verify.seconds();
        if (verify.exit() != 0) {
          throw new IllegalStateException("journal verify failed:\n" + verified);
        }
      }
    }
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    double median = sorted.get(sorted.size() / 2);
    String report =
        String.format(
            Locale.ROOT,
            "# Registry import as a whole process%n%n- date: %s%n- machine: %s%n- command:"
                + " `bench/run registry-import %s` (each run: `./handover registry import"
                + " registry.csv --db embedded:DIR` on a fresh database, with the launcher's choice"
                + " of heap and collector)%n- file: %,d generated persons with realistic name frequencies,"
                + " UTF-8 CSV, Ukrainian headers (family, given name, patronymic, date of birth,"
                + " place of birth, service number), %,d MB%n%n"
                + "| | figure |%n|---|---:|%n"
                + "| wall, whole process (median of %d; each: %s s) | %.1f s |%n"
                + "| persons per second | %,.0f |%n"
                + "| peak resident memory of the JVM (each run) | %s MB |%n"
                + "| `journal verify` after the first import (chain and state audit) | %.1f s |%n%n"
                + "`journal verify` said:%n%n```%n%s%n```%n%n"
                + "Target (matching at a million issue): at least 50,000 persons/s, journaled; was"
                + " 3,300 persons/s (304 s for 1,000,000), one journal entry and per-row inserts per"
                + " person.%n",
            LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Machine.describe(),
            String.join(" ", args),
            n,
            Files.size(csv) >> 20,
            runs,
            String.join(
                ", ", seconds.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList()),
            median,
            n / median,
            String.join(", ", peaks.stream().map(x -> String.format("%,d", x >> 20)).toList()),
            verifySeconds,
            verified);
    System.out.print(report);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
    }
  }

  private static Path write(List<Person> people, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("Прізвище,Ім'я,По батькові,Дата народження,Місце народження,Особистий номер\n");
      for (Person p : people) {
        Name name = p.primaryName();
        w.write(
            String.join(
                ",",
                name.family(),
                name.given(),
                name.patronymic(),
                p.birthDate().map(RegistryImportBench::date).orElse(""),
                p.birthPlace().replace(",", " "),
                p.serviceNumber()));
        w.write('\n');
      }
    }
    return file;
  }

  private static String date(PartialDate d) {
    if (d.day().isPresent()) {
      return String.format(Locale.ROOT, "%02d.%02d.%04d", d.day().get(), d.month().get(), d.year());
    }
    return String.valueOf(d.year());
  }
}
