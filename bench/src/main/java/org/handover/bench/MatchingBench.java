package org.handover.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.Linker;
import org.handover.core.matching.PersonBlocking;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.core.registry.Person;
import org.handover.server.matching.MatchRecords;

/**
 * The matching engine on generated data with known truth: a registry of N persons and a roster of M
 * entries drawn from it with {@link RosterNoise}'s noise model (20% strangers). Precision and recall at
 * the auto-link threshold and for auto-link + review, the review band, blocking recall, pairs
 * compared, time per phase, peak heap; then Duke 1.2 on the same data (up to --duke-max persons) and
 * FEBRL4 by the same engine.
 *
 * <pre>
 * ./handover bench matching [--registry 100000] [--roster 10000] [--runs 1] [--out bench/results/FILE.md]
 *     [--examples] [--duke-max 200000] [--febrl4 ../shared/data/febrl4]
 * </pre>
 */
public final class MatchingBench {
  static final double MIN_MARGIN = org.handover.server.matching.Matching.MIN_MARGIN;
  static final double AUTO = 0.99;
  static final double REVIEW = 0.5;

  /** One band's links, the correct among them, and the true entries they could have found. */
  record Band(long links, long correct, long inRegistry) {
    double precision() {
      return links == 0 ? 0 : (double) correct / links;
    }

    double recall() {
      return (double) correct / inRegistry;
    }
  }

  /** A run: the data, the engine's result, and how long preparing the records took. */
  record Run(int registrySize, int rosterSize, RosterNoise.Drawn drawn, List<PersonRecord> registry,
             Linker.Result<PersonRecord> result, long prepareMillis, double seconds, double peakHeap) {
    /** This run's times alone, its data let go. */
    Run timesOnly() {
      return new Run(registrySize, rosterSize, null, null, new Linker.Result<>(List.of(), null, null,
          result.blockMillis(), result.trainMillis(), result.scoreMillis()), prepareMillis, seconds, peakHeap);
    }

    /** This run's data with another run's times (the data of every run is the same). */
    Run withTimesOf(Run other) {
      Linker.Result<PersonRecord> o = other.result();
      return new Run(registrySize, rosterSize, drawn, registry, new Linker.Result<>(result.links(), result.candidates(),
          result.model(), o.blockMillis(), o.trainMillis(), o.scoreMillis()), other.prepareMillis(), other.seconds(),
          other.peakHeap());
    }

    Map<Integer, Linker.Link> best() {
      Map<Integer, Linker.Link> best = new HashMap<>();
      for (Linker.Link l : result.links()) {
        best.putIfAbsent(l.left(), l);
      }
      return best;
    }

    long inRegistry() {
      return drawn.truth().stream().filter(t -> t >= 0).count();
    }

    /** Links in the auto band ({@code withReview} false) or in auto and review together. */
    Band band(boolean withReview) {
      long links = 0;
      long correct = 0;
      for (Map.Entry<Integer, Linker.Link> e : best().entrySet()) {
        String b = e.getValue().band(AUTO, REVIEW, MIN_MARGIN);
        if (withReview ? !b.equals("none") : b.equals("auto")) {
          links++;
          if (drawn.truth().get(e.getKey()) == e.getValue().right()) {
            correct++;
          }
        }
      }
      return new Band(links, correct, inRegistry());
    }

    long reviewEntries() {
      return best().values().stream().filter(l -> l.band(AUTO, REVIEW, MIN_MARGIN).equals("review")).count();
    }

    /** The share of true entries that blocking paired with their person. */
    double blockingRecall() {
      Set<Long> pairs = new HashSet<>();
      for (int k = 0; k < result.candidates().size(); k++) {
        pairs.add((long) result.candidates().left(k) * registry.size() + result.candidates().right(k));
      }
      long found = 0;
      for (int i = 0; i < drawn.truth().size(); i++) {
        int t = drawn.truth().get(i);
        if (t >= 0 && pairs.contains((long) i * registry.size() + t)) {
          found++;
        }
      }
      return (double) found / inRegistry();
    }
  }

  static Run run(int n, int m) throws java.io.IOException, InterruptedException {
    LocalDate today = LocalDate.of(2025, 6, 2);
    List<Person> people = new DemoPeople(1, today).generate(n);
    List<Person> strangers = new DemoPeople(2, today).generate(Math.max(1, m / 4));
    HeapSampler heap = HeapSampler.start();
    long t0 = System.nanoTime();
    List<Person> everyone = people;
    List<PersonRecord> registry = java.util.stream.IntStream.range(0, n).parallel()
        .mapToObj(i -> MatchRecords.of(i + 1, everyone.get(i))).toList();
    RosterNoise.Drawn drawn = new RosterNoise(3).draw(people, strangers, m);
    people = null; // the engine works on the records alone; the persons may go
    long prepareMillis = (System.nanoTime() - t0) / 1_000_000;
    Linker.Result<PersonRecord> r = Linker.link(drawn.entries(), registry, PersonFields.all(), PersonBlocking.rules(),
        Linker.Options.defaults().oneToOne(true));
    double seconds = (System.nanoTime() - t0) / 1e9;
    heap.stop();
    return new Run(n, m, drawn, registry, r, prepareMillis, seconds, heap.peak());
  }

  static String report(Run run, boolean examples) {
    return report(run, examples, "./handover bench matching --registry " + run.registrySize() + " --roster " + run.rosterSize());
  }

  static String report(Run run, boolean examples, String command) {
    Linker.Result<PersonRecord> r = run.result();
    StringBuilder s = new StringBuilder("# Matching a noisy roster to a generated registry\n\n");
    s.append("- date: ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append('\n');
    s.append("- machine: ").append(Machine.describe()).append('\n');
    s.append("- command: `").append(command).append("`, Java heap at most ")
        .append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MiB\n");
    s.append(String.format(Locale.ROOT, "- registry: %,d generated persons (DemoPeople, seed 1); roster: %,d entries,"
        + " %,d of them drawn from the registry, the rest strangers; noise model in RosterNoise's javadoc%n",
        run.registrySize(), run.rosterSize(), run.inRegistry()));
    s.append("- engine: blocking rules OR-ed, Fellegi–Sunter (u from random pairs, m by EM per blocking rule), one-to-one\n\n");
    s.append(String.format(Locale.ROOT, "Pairs compared: %,d %s. Blocking recall (true entries paired with their"
        + " person): %.4f. Time: preparing records %,d ms, blocking %,d ms, comparing and training %,d ms, scoring %,d ms;"
        + " %.1f s"
        + " end to end. Peak heap in use: %,.0f MB.%n%n", r.candidates().size(), r.candidates().byRule(),
        run.blockingRecall(), run.prepareMillis(), r.blockMillis(), r.trainMillis(), r.scoreMillis(), run.seconds(),
        run.peakHeap() / 1e6));
    s.append("| band | links | correct | precision | recall |\n|---|---:|---:|---:|---:|\n");
    for (boolean withReview : new boolean[] {false, true}) {
      Band b = run.band(withReview);
      s.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.4f | %.4f |%n", withReview
          ? "auto-link + review (p ≥ " + REVIEW + ")"
          : "auto-link (p ≥ " + AUTO + ", ≥ " + (int) MIN_MARGIN + " bits ahead of the next candidate, no field "
              + (int) Linker.MAX_AGAINST_BITS + " bits against)", b.links(), b.correct(), b.precision(), b.recall()));
    }
    long review = run.reviewEntries();
    s.append(String.format(Locale.ROOT, "%nReview band: %,d entries, %.1f%% of the roster. Targets (matching issue):"
        + " precision ≥ 0.995 at auto-link, recall ≥ 0.99 for auto-link + review, review band under 5%%.%n", review,
        100.0 * review / run.rosterSize()));
    s.append(Diagnosis.of(run.drawn(), run.registry(), r, MIN_MARGIN, examples));
    return s.toString();
  }

  /** The F1 of Handover's best link per entry in the auto band, or in auto and review together. */
  static double f1(Band b) {
    double p = b.precision();
    double r = b.recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Duke 1.2 on the same registry and roster, at several of its confidences, beside Handover. */
  static String duke(Run run, double coldSeconds, Path dir) throws java.io.IOException, InterruptedException {
    DukePeer.Result duke = DukePeer.run(run.registry(), run.drawn().entries(), 0.5, dir);
    StringBuilder s = new StringBuilder("\n## Peer: Duke 1.2 on the same registry and roster\n\n");
    s.append("Duke's command-line tool in its own process (Lucene 4 stays off Handover's classpath), configured as in"
        + " DukePeer's javadoc: names romanized by KMU 2010, Jaro–Winkler on name parts, Levenshtein on dates and"
        + " places, exact service number, unit and rank, Lucene lookup on family name and date of birth, 50 hits"
        + " per lookup. Its best match per entry, at several of its confidences:\n\n");
    s.append("| engine, links kept | links | correct | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|\n");
    double bestF1 = 0;
    for (double t : new double[] {0.5, 0.9, 0.99, 0.999}) {
      java.util.Set<Long> links = duke.above(t);
      long correct = links.stream().filter(l -> run.drawn().truth().get((int) (l / run.registrySize()))
          == (int) (l % run.registrySize())).count();
      Band b = new Band(links.size(), correct, run.inRegistry());
      bestF1 = Math.max(bestF1, f1(b));
      s.append(String.format(Locale.ROOT, "| Duke, confidence ≥ %s | %,d | %,d | %.4f | %.4f | %.4f |%n", t, b.links(),
          b.correct(), b.precision(), b.recall(), f1(b)));
    }
    for (boolean withReview : new boolean[] {false, true}) {
      Band b = run.band(withReview);
      s.append(String.format(Locale.ROOT, "| Handover, %s | %,d | %,d | %.4f | %.4f | %.4f |%n",
          withReview ? "auto-link + review" : "auto-link", b.links(), b.correct(), b.precision(), b.recall(), f1(b)));
    }
    s.append(String.format(Locale.ROOT, "%nTime end to end: Duke %.1f s (its process, start to exit); Handover %.1f s in"
        + " its first run (a fresh JVM, as Duke's process is; preparing records to links), %.1f s in the median run:"
        + " Handover is %.1f× as fast (first run against Duke), at F1 %.4f (auto-link + review) against Duke's best"
        + " %.4f. Target (matching issue): at least 10× Duke's speed at equal or better F1.%n", duke.seconds(),
        coldSeconds, run.seconds(), duke.seconds() / coldSeconds, f1(run.band(true)), bestF1));
    return s.toString();
  }

  public static void main(String[] args) throws Exception {
    int n = 100_000;
    int m = 10_000;
    Path out = null;
    boolean examples = false;
    int dukeMax = 200_000;
    int repeat = 1;
    Path febrl4 = Path.of("../shared/data/febrl4");
    for (int i = 0; i < args.length; i += 2) {
      if (args[i].equals("--examples")) {
        examples = true;
        i--;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--registry" -> n = Integer.parseInt(args[i + 1]);
        case "--roster" -> m = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--duke-max" -> dukeMax = Integer.parseInt(args[i + 1]);
        case "--runs" -> repeat = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--febrl4" -> febrl4 = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    // the same data each run; the quality is the same, the time varies: the run of median time is reported
    // every run but the last keeps only its times (two 1M registries at once do not fit in 3 GB); the
    // data, and so the quality, is the same in every run
    List<Run> runs = new java.util.ArrayList<>();
    Run last = null;
    for (int k = 0; k < repeat; k++) {
      Run next = run(n, m);
      System.err.printf(Locale.ROOT, "run %d of %d: %.1f s%n", k + 1, repeat, next.seconds());
      runs.add(next.timesOnly());
      if (k == repeat - 1) {
        last = next;
      }
      next = null;
    }
    List<Run> byTime = new java.util.ArrayList<>(runs);
    byTime.sort(java.util.Comparator.comparingDouble(Run::seconds));
    Run run = last.withTimesOf(byTime.get(byTime.size() / 2));
    String opts = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "");
    String s = report(run, examples, (opts.isEmpty() ? "" : "BENCH_JAVA_OPTS=\"" + opts + "\" ")
        + "./handover bench matching " + String.join(" ", args));
    if (repeat > 1) {
      s += String.format(Locale.ROOT, "%nTimes above are of the median of %d runs; end to end, each run: %s s.%n", repeat,
          String.join(", ", runs.stream().map(x -> String.format(Locale.ROOT, "%.1f", x.seconds())).toList()));
    }
    if (n <= dukeMax) {
      s += duke(run, runs.get(0).seconds(), Files.createTempDirectory("duke"));
    } else {
      s += String.format(Locale.ROOT, "%n## Peer: Duke 1.2%n%nNot run at a registry of %,d (over --duke-max %,d);"
          + " see the report at a size Duke finishes.%n", n, dukeMax);
    }
    if (Files.isDirectory(febrl4)) {
      s += "\n## FEBRL4, linked by the same engine\n\n" + Febrl4Bench.section(febrl4);
    } else {
      s += "\n## FEBRL4\n\nNot run: " + febrl4.toAbsolutePath() + " is not there (give --febrl4 DIR).\n";
    }
    System.out.print(s);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, s);
    }
  }

  private MatchingBench() {}
}
