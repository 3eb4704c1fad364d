package org.handover.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.handover.core.parties.Party;
import org.handover.core.registry.Person;
import org.handover.server.App;

/**
 * Handover beside Duke 1.2, the same work on both sides: two files on disk (a registry of N
 * generated persons with realistic names, UTF-8 with Ukrainian headers; a counterpart's list of M
 * entries drawn from it with {@link RosterNoise}'s noise, half of its Russian forms made by rules
 * rather than Handover's dictionary, Windows-1251 with Russian headers), each tool as a whole
 * process of its own started from those files, with the same heap and the same number of cores
 * (Duke's --threads, Handover's JVM told the count), timed by the wall clock, runs side by side and
 * the median reported; both scored by one rule on the same truth: each entry's best candidate, at
 * auto-link and at auto-link + review (Duke at each of a sweep of its thresholds).
 *
 * <pre>
 * bench/run peer [--registry 100000] [--roster 5000] [--runs 3] [--threads CORES] [--heap 2g]
 *     [--dir DIR] [--out FILE.md]
 * </pre>
 */
public final class PeerBench {
  private PeerBench() {}

  static final String PREFIX = "UA-";
  private static final Pattern WHOLE_DATE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}");
  private static final double[] SWEEP = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.995};

  /** One tool's figure on the truth: entries linked, of them right, and the entries to be found. */
  record Score(long linked, long right, long findable) {
    double precision() {
      return linked == 0 ? 0 : (double) right / linked;
    }

    double recall() {
      return findable == 0 ? 0 : (double) right / findable;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public static void main(String[] args) throws Exception {
    int n = 100_000;
    int m = 5_000;
    int runs = 3;
    int threads = Runtime.getRuntime().availableProcessors();
    String heap = "2g";
    Path dir = null;
    Path out = null;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--registry" -> n = Integer.parseInt(args[i + 1]);
        case "--roster" -> m = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--threads" -> threads = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--heap" -> heap = args[i + 1];
        case "--dir" -> dir = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    dir = dir == null ? Files.createTempDirectory("peer") : Files.createDirectories(dir);
    String report = run(n, m, runs, threads, heap, dir, String.join(" ", args));
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report);
    }
  }

  static String run(int n, int m, int runs, int threads, String heap, Path dir, String command)
      throws Exception {
    MatchingBench.realistic = true;
    LocalDate today = LocalDate.of(2025, 6, 2);
    List<Person> people = MatchingBench.people(1, today).generate(n);
    RosterNoise noise = new RosterNoise(3).byRules();
    RosterNoise.Drawn drawn =
        noise.draw(people, MatchingBench.people(2, today).generate(Math.max(1, m / 4)), m);
    Path registry = writeRegistry(people, dir.resolve("registry.csv"));
    Path roster = writeRoster(noise, dir.resolve("roster.csv"));
    people = null;
    Map<String, String> truth = new HashMap<>();
    Set<String> dated = new HashSet<>();
    long findable = 0;
    for (int i = 0; i < drawn.truth().size(); i++) {
      if (WHOLE_DATE.matcher(noise.rows.get(i).get("Дата народження")).matches()) {
        dated.add(String.valueOf(i + 1));
      }
      int t = drawn.truth().get(i);
      if (t >= 0) {
        truth.put(String.valueOf(i + 1), reference(t));
        findable++;
      }
    }
    Path config = dir.resolve("duke.xml");
    Files.writeString(config, DukePeer.config(registry, roster, "windows-1251", SWEEP[0]));

    String db = "embedded:" + dir.resolve("db").toAbsolutePath();
    // what serve --init does on the first start: the database, and the party it works for
    try (App app = App.create(db)) {
      app.parties().choose(Optional.of(Party.of("UA")), "bench");
    }
    List<String> jvm = List.of("-Xmx" + heap, "-XX:ActiveProcessorCount=" + threads);
    // untimed: the launcher's class archive, written by the first command after a build and put in
    // place by the next, as a user's first commands would
    for (int i = 0; i < 2; i++) {
      CliProcess.launcher(jvm, "model", "show", "--db", db, "--lang", "en");
    }
    StringBuilder log = new StringBuilder();
    CliProcess.Result imported =
        cli(log, jvm, "registry", "import", registry.toString(), "--db", db);
    // side by side: Duke, then Handover's list import and match, again and again, each round a
    // new list as the other side would hand one over: Handover's first match prepares the
    // registry's records and trains the model, the later ones use both as kept and prepare their
    // own list; Duke indexes the registry on every run (it cannot use a kept index for linkage:
    // see DukePeer)
    List<CliProcess.Result> lists = new ArrayList<>();
    List<CliProcess.Result> matches = new ArrayList<>();
    List<DukePeer.Result> dukes = new ArrayList<>();
    Path links = dir.resolve("links.csv");
    String id = "";
    for (int k = 0; k <= runs; k++) {
      dukes.add(DukePeer.run(config, threads, heap, PREFIX, dir.resolve("duke-" + k + ".csv")));
      System.err.printf(Locale.ROOT, "Duke run %d: %.1f s%n", k, dukes.get(k).seconds());
      lists.add(
          cli(
              log,
              jvm,
              "roster",
              "import",
              roster.toString(),
              "--purpose",
              "information",
              "--from",
              "RU",
              "--db",
              db));
      Matcher listed = Pattern.compile("roster (\\d+)").matcher(lists.get(k).output());
      if (!listed.find()) {
        throw new IllegalStateException("no roster id in: " + lists.get(k).output());
      }
      id = listed.group(1);
      matches.add(match(log, jvm, id, links, db));
      System.err.printf(Locale.ROOT, "Handover match %d: %.1f s%n", k, matches.get(k).seconds());
    }
    // the last list matched again (a changed threshold, a registry grown since): its entries are
    // kept prepared by its first match
    List<CliProcess.Result> again = new ArrayList<>();
    for (int k = 0; k < runs; k++) {
      again.add(match(log, jvm, id, links, db));
    }
    Map<String, String[]> best = handoverBest(links);
    Predicate<String> all = e -> true;
    Score auto = score(best, truth, all, true);
    Score review = score(best, truth, all, false);
    // Duke's matches with the same one-to-one rule Handover's --one-to-one applies
    Map<String, DukePeer.Best> duke = dukes.get(dukes.size() - 1).oneToOne();
    Map<String, DukePeer.Best> dukePlain = dukes.get(dukes.size() - 1).best();

    StringBuilder s =
        new StringBuilder("# Handover beside Duke 1.2, the same work on both sides\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "- date: %s%n- machine: %s%n- command: `bench/run peer %s`%n- files (in `%s`, the"
                + " same for both): `registry.csv`, %,d generated persons with realistic names (the"
                + " commonest family name about 1%%, namesakes as in a real registry), UTF-8 with"
                + " Ukrainian headers (case number, family name, given name, patronymic, date of"
                + " birth, place of birth, service number, unit, rank); `roster.csv`, %,d entries"
                + " in Windows-1251 with Russian headers, drawn with RosterNoise's noise (20%%"
                + " strangers; half in Russian forms, of which half made by rules of spelling"
                + " (RussianByRules, family name included) and half from the names dictionary;"
                + " 30%% romanized; typos, missing patronymics, year-only and missing dates,"
                + " swapped columns)%n- each tool a whole process from those files, heap -Xmx%s,"
                + " %d cores (Duke `java -jar` with `--threads=%d`; Handover as a user runs it,"
                + " `./handover` with `HANDOVER_JAVA_OPTS=\"-Xmx.. -XX:ActiveProcessorCount=%d\"`, the"
                + " launcher adding its own choices: the throughput collector, its class archive, and"
                + " for `match` the C1 compiler alone; Handover's embedded PostgreSQL is a process of"
                + " its own beside it)%n%n",
            LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Machine.describe(),
            command,
            dir,
            n,
            m,
            heap,
            threads,
            threads,
            threads));
    s.append("## Quality: each entry's best candidate, scored on the same truth\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "Of the %,d entries, %,d are persons of the registry (the rest are strangers). An entry"
                + " counts as linked when its best candidate is at or above the band; right when"
                + " that candidate is its person. Recall is of the %,d.%n%n",
            m,
            findable,
            findable));
    s.append("| tool, what is kept | entries linked | right | precision | recall | F1 |\n");
    s.append("|---|---:|---:|---:|---:|---:|\n");
    row(s, "Handover, auto-link", auto);
    row(s, "Handover, auto-link + review", review);
    Score bestDuke = null;
    double bestThreshold = 0;
    for (double t : SWEEP) {
      Score d = dukeScore(duke, truth, all, t);
      row(s, String.format(Locale.ROOT, "Duke, one-to-one, confidence ≥ %s", t), d);
      if (bestDuke == null || d.f1() > bestDuke.f1()) {
        bestDuke = d;
        bestThreshold = t;
      }
    }
    row(
        s,
        String.format(
            Locale.ROOT, "Duke, each entry's best without one-to-one, ≥ %s", bestThreshold),
        dukeScore(dukePlain, truth, all, bestThreshold));
    s.append(
        String.format(
            Locale.ROOT,
            "%nBoth keep each registry person for one entry at most (Handover's `--one-to-one`; for"
                + " Duke the same rule applied to every match it found, the surest first). Duke's"
                + " best threshold by F1 is %s (precision %.4f, recall %.4f); its lowest, %s, is"
                + " what it could show a reviewer (recall %.4f at precision %.4f). Handover"
                + " auto-links at precision %.4f and recall %.4f, and with review reaches recall"
                + " %.4f at precision %.4f. Duke's run is timed at threshold %s: it finds and"
                + " compares the same candidates at any threshold and only prints fewer.%n%n",
            bestThreshold,
            bestDuke.precision(),
            bestDuke.recall(),
            SWEEP[0],
            dukeScore(duke, truth, all, SWEEP[0]).recall(),
            dukeScore(duke, truth, all, SWEEP[0]).precision(),
            auto.precision(),
            auto.recall(),
            review.recall(),
            review.precision(),
            SWEEP[0]));

    s.append(
        String.format(
            Locale.ROOT,
            "By what the entry gives: Handover auto-links an entry only on evidence beyond the"
                + " name (a whole date of birth that agrees, a service number, or the place of"
                + " birth with the year) and sends the rest to review; Duke has no such rule.%n%n"
                + "| entries | persons to find | Handover auto-link | Handover auto-link + review |"
                + " Duke ≥ %s |%n|---|---:|---|---|---|%n",
            bestThreshold));
    for (boolean whole : new boolean[] {true, false}) {
      Predicate<String> which = e -> dated.contains(e) == whole;
      Score a = score(best, truth, which, true);
      Score r = score(best, truth, which, false);
      Score d = dukeScore(duke, truth, which, bestThreshold);
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %s | %s | %s |%n",
              whole ? "with a whole date of birth" : "with a year, a month or no date",
              a.findable(),
              pr(a),
              pr(r),
              pr(d)));
    }
    s.append("\n## Time and memory: whole processes, wall clock\n\n");
    s.append("| process | wall, median | each run | peak resident (the JVM) |\n");
    s.append("|---|---:|---|---:|\n");
    List<CliProcess.Result> warm = matches.subList(1, matches.size());
    List<CliProcess.Result> newLists = lists.subList(1, lists.size());
    List<CliProcess.Result> dukeRuns = new ArrayList<>();
    for (DukePeer.Result d : dukes) {
      dukeRuns.add(new CliProcess.Result(0, "", d.seconds(), d.peakResident()));
    }
    List<CliProcess.Result> dukeWarm = dukeRuns.subList(1, dukeRuns.size());
    time(
        s,
        "Duke 1.2: reads both files, indexes the registry in Lucene, links the list (the runs"
            + " beside Handover's kept ones)",
        dukeWarm);
    time(s, "Handover `roster import roster.csv`, a new list each run", newLists);
    time(
        s,
        "Handover `match --one-to-one --out links.csv` of that new list, the model and the"
            + " registry's prepared records kept",
        warm);
    time(s, "Handover `match` of the same list again, its entries kept prepared too", again);
    time(s, "Duke 1.2, its run beside Handover's first", dukeRuns.subList(0, 1));
    time(
        s,
        "Handover's first `match` on this registry: prepares every person's record and trains the"
            + " model",
        matches.subList(0, 1));
    time(s, "Handover `registry import registry.csv` (once)", List.of(imported));
    time(s, "Handover `roster import roster.csv`, the first list", lists.subList(0, 1));
    double dukeMedian = median(dukeWarm, CliProcess.Result::seconds);
    double warmMedian = median(warm, CliProcess.Result::seconds);
    double listMedian = median(newLists, CliProcess.Result::seconds);
    double newList = warmMedian + listMedian;
    double first = imported.seconds() + lists.get(0).seconds() + matches.get(0).seconds();
    s.append(
        String.format(
            Locale.ROOT,
            "%nA new list against the registry: Handover %.1f s (`roster import` %.1f s, then its"
                + " first `match`, with the registry's records and the model kept, %.1f s) against"
                + " Duke's %.1f s, %.1f× as fast; the same list matched again %.1f s. A first time from nothing: Handover %.1f s (registry import, list import,"
                + " the first match that prepares and trains) against Duke's %.1f s. Duke 1.2 does"
                + " all its work on every run: its `--noreindex` (an index kept on disk) finds no"
                + " candidates in record linkage (its Lucene database opens no searcher on an"
                + " index it did not write in the same run). Memory is the JVM's alone: Handover's"
                + " embedded PostgreSQL is a process of its own, not counted here, and not bound"
                + " by the JVM's options.%n",
            newList,
            listMedian,
            warmMedian,
            dukeMedian,
            dukeMedian / newList,
            median(again, CliProcess.Result::seconds),
            first,
            dukeRuns.get(0).seconds()));
    s.append(engine(warm));
    s.append("\n## What Handover's commands printed\n\n```\n").append(tail(log)).append("```\n");
    return s.toString();
  }

  /** The engine alone, from the timings the match prints: labelled as such. */
  private static String engine(List<CliProcess.Result> warm) {
    Pattern p =
        Pattern.compile(
            "reading and blocking ([\\d,]+) ms, comparing \\(and training, when the model was"
                + " trained\\) ([\\d,]+) ms, scoring ([\\d,]+) ms");
    List<long[]> phases = new ArrayList<>();
    for (CliProcess.Result r : warm) {
      Matcher x = p.matcher(r.output());
      if (x.find()) {
        phases.add(
            new long[] {
              Long.parseLong(x.group(1).replace(",", "")),
              Long.parseLong(x.group(2).replace(",", "")),
              Long.parseLong(x.group(3).replace(",", ""))
            });
      }
    }
    if (phases.isEmpty()) {
      return "";
    }
    phases.sort((a, b) -> Long.compare(a[0] + a[1] + a[2], b[0] + b[1] + b[2]));
    long[] mid = phases.get(phases.size() / 2);
    return String.format(
        Locale.ROOT,
        "%nThe engine alone inside that process (its own timings, the median run; not a whole"
            + " process): reading the registry's kept records and blocking %,d ms, comparing %,d"
            + " ms, scoring %,d ms, %.1f s in all; the rest of the wall time is the JVM's and the"
            + " embedded PostgreSQL's start and stop, reading the list and storing the run, its"
            + " links and its journal entry.%n",
        mid[0],
        mid[1],
        mid[2],
        (mid[0] + mid[1] + mid[2]) / 1000.0);
  }

  private static CliProcess.Result cli(StringBuilder log, List<String> jvm, String... args)
      throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--lang", "en"));
    // as a user runs it: through ./handover, whose choices (collector, compiler, class archive) are
    // Handover's own; the heap and the cores as Duke's
    CliProcess.Result r = CliProcess.launcher(jvm, all.toArray(String[]::new));
    settled(args);
    log.append("$ handover ").append(String.join(" ", args)).append("   (exit ");
    log.append(r.exit()).append(")\n").append(r.output());
    if (r.exit() != 0) {
      throw new IllegalStateException(
          "handover " + String.join(" ", args) + " failed:\n" + r.output());
    }
    return r;
  }

  /** Handover's `match --one-to-one` of a list, its links written to {@code links}. */
  private static CliProcess.Result match(
      StringBuilder log, List<String> jvm, String id, Path links, String db)
      throws IOException, InterruptedException {
    return cli(
        log, jvm, "match", "--roster", id, "--one-to-one", "--out", links.toString(), "--db", db);
  }

  /**
   * Waits, untimed, for the embedded PostgreSQL a command left to finish stopping: its last
   * checkpoint would otherwise run beside whatever is timed next (Duke's run among them).
   */
  private static void settled(String... args) throws InterruptedException {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--db") && args[i + 1].startsWith("embedded:")) {
        Path pid =
            Path.of(args[i + 1].substring("embedded:".length())).resolve("postgres/postmaster.pid");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Files.exists(pid) && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
      }
    }
  }

  private static String tail(StringBuilder log) {
    StringBuilder s = new StringBuilder();
    for (String line : log.toString().split("\n")) {
      // the bars' lines are progress, not results
      if (!line.contains("\r") && s.length() < 8000) {
        s.append(line).append('\n');
      }
    }
    return s.toString();
  }

  private static String pr(Score x) {
    return String.format(Locale.ROOT, "precision %.4f, recall %.4f", x.precision(), x.recall());
  }

  private static void row(StringBuilder s, String what, Score x) {
    s.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %,d | %.4f | %.4f | %.4f |%n",
            what,
            x.linked(),
            x.right(),
            x.precision(),
            x.recall(),
            x.f1()));
  }

  private static void time(StringBuilder s, String what, List<CliProcess.Result> runs) {
    List<String> each = new ArrayList<>();
    long peak = 0;
    for (CliProcess.Result r : runs) {
      each.add(String.format(Locale.ROOT, "%.1f", r.seconds()));
      peak = Math.max(peak, r.peakResident());
    }
    s.append(
        String.format(
            Locale.ROOT,
            "| %s | %.1f s | %s | %,d MB |%n",
            what,
            median(runs, CliProcess.Result::seconds),
            String.join(", ", each),
            peak >> 20));
  }

  static <T> double median(List<T> xs, ToDoubleFunction<T> f) {
    List<Double> v = new ArrayList<>();
    xs.forEach(x -> v.add(f.applyAsDouble(x)));
    Collections.sort(v);
    return v.isEmpty() ? 0 : v.get(v.size() / 2);
  }

  /** Each entry's first row in Handover's links file (the file lists an entry's best first). */
  static Map<String, String[]> handoverBest(Path links) throws IOException {
    Map<String, String[]> best = new HashMap<>();
    List<String> lines = Files.readAllLines(links, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.replace("\"", "").split(",");
      // entry row, person's reference, band
      best.putIfAbsent(c[0].strip(), new String[] {c[3].strip(), c[6].strip()});
    }
    return best;
  }

  /** Handover's best candidates scored over the entries {@code which} accepts. */
  static Score score(
      Map<String, String[]> best,
      Map<String, String> truth,
      Predicate<String> which,
      boolean autoOnly) {
    long linked = 0;
    long right = 0;
    for (Map.Entry<String, String[]> e : best.entrySet()) {
      String band = e.getValue()[1];
      if (which.test(e.getKey()) && (band.equals("auto") || (!autoOnly && band.equals("review")))) {
        linked++;
        if (e.getValue()[0].equals(truth.get(e.getKey()))) {
          right++;
        }
      }
    }
    return new Score(linked, right, truth.keySet().stream().filter(which).count());
  }

  /** Duke's best candidates at or above a confidence, over the entries {@code which} accepts. */
  static Score dukeScore(
      Map<String, DukePeer.Best> best,
      Map<String, String> truth,
      Predicate<String> which,
      double at) {
    long linked = 0;
    long right = 0;
    for (Map.Entry<String, DukePeer.Best> e : best.entrySet()) {
      if (which.test(e.getKey()) && e.getValue().confidence() >= at) {
        linked++;
        if (e.getValue().person().equals(truth.get(e.getKey()))) {
          right++;
        }
      }
    }
    return new Score(linked, right, truth.keySet().stream().filter(which).count());
  }

  static String reference(int index) {
    return String.format(Locale.ROOT, "%s%07d", PREFIX, index);
  }

  private static String cell(String value) {
    return value == null ? "" : value.replace(",", " ").replace("\"", "");
  }

  static Path writeRegistry(List<Person> people, Path file) throws IOException {
    DukePeer.Columns c = DukePeer.REGISTRY;
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(c.header());
      for (int i = 0; i < people.size(); i++) {
        Person p = people.get(i);
        w.write(
            String.join(
                    ",",
                    reference(i),
                    cell(p.primaryName().family()),
                    cell(p.primaryName().given()),
                    cell(p.primaryName().patronymic()),
                    p.birthDate().map(Object::toString).orElse(""),
                    cell(p.birthPlace()),
                    cell(p.serviceNumber()),
                    cell(p.unit()),
                    cell(p.rank()))
                + "\n");
      }
    }
    return file;
  }

  /** The list as the other side sends it: Windows-1251, Russian headers, the written parts. */
  static Path writeRoster(RosterNoise noise, Path file) throws IOException {
    DukePeer.Columns c = DukePeer.ROSTER;
    var encoder =
        Charset.forName("windows-1251")
            .newEncoder()
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .onMalformedInput(CodingErrorAction.REPORT);
    StringBuilder s = new StringBuilder(c.header());
    for (int i = 0; i < noise.rows.size(); i++) {
      Map<String, String> row = noise.rows.get(i);
      List<String> parts = noise.parts.get(i);
      s.append(
          String.join(
                  ",",
                  String.valueOf(i + 1),
                  cell(parts.get(0)),
                  cell(parts.get(1)),
                  cell(parts.get(2)),
                  row.get("Дата народження"),
                  cell(row.get("Місце народження")),
                  cell(row.get("Особовий номер")),
                  cell(row.get("Військова частина")),
                  cell(row.get("Військове звання")))
              + "\n");
    }
    java.nio.ByteBuffer bytes = encoder.encode(java.nio.CharBuffer.wrap(s));
    try (var channel =
        Files.newByteChannel(
            file,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
            java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(bytes);
    }
    return file;
  }
}
