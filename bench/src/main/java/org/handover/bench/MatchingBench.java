package org.handover.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.Linker;
import org.handover.core.matching.PersonBlocking;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.core.matching.Thresholds;
import org.handover.core.registry.Person;
import org.handover.server.matching.MatchRecords;
import org.handover.server.matching.Matching;

/**
 * The matching engine on generated data with known truth: a registry of N persons and a roster of M
 * entries drawn from it with {@link RosterNoise}'s noise model (20% strangers). Precision and
 * recall at the auto-link threshold and for auto-link + review, the review band, blocking recall,
 * pairs compared, time per phase, peak heap; then FEBRL4 by the same engine. The engine alone, in a
 * running JVM: the comparison with Duke 1.2 is {@link PeerBench}, whole processes from the same
 * files.
 *
 * <pre>
 * ./handover bench matching [--registry 100000] [--roster 10000] [--runs 1] [--out bench/results/FILE.md]
 *     [--examples] [--febrl4 bench/data/febrl4] [--names even|realistic] [--noise dictionary|rules]
 * </pre>
 *
 * <p>{@code --noise rules}: half of the roster's Russian forms made by spelling rules ({@link
 * RussianByRules}) rather than taken from the names dictionary the engine itself uses.
 */
public final class MatchingBench {
  static final double MIN_MARGIN = Matching.MIN_MARGIN;
  static final Thresholds THRESHOLDS = Thresholds.DEFAULT;
  static final double AUTO = THRESHOLDS.auto();
  static final double REVIEW = THRESHOLDS.review();

  /** Family names as real registries spread them (--names realistic), or as evenly as before. */
  static boolean realistic = false;

  /** The last registry's names, in words (the persons are let go after a run). */
  static String population = "";

  /**
   * Whether half the Russian forms come from spelling rules (--noise rules), not the dictionary.
   */
  static boolean noiseByRules = false;

  static DemoPeople people(long seed, LocalDate today) {
    return realistic ? DemoPeople.realistic(seed, today) : new DemoPeople(seed, today);
  }

  static MatchingRun.Run run(int n, int m) throws IOException, InterruptedException {
    LocalDate today = LocalDate.of(2025, 6, 2);
    List<Person> people = people(1, today).generate(n);
    List<Person> strangers = people(2, today).generate(Math.max(1, m / 4));
    population = Population.names(people);
    HeapSampler heap = HeapSampler.start();
    long t0 = System.nanoTime();
    List<Person> everyone = people;
    List<PersonRecord> registry =
        IntStream.range(0, n)
            .parallel()
            .mapToObj(i -> MatchRecords.of(i + 1, everyone.get(i)))
            .toList();
    RosterNoise noise = noiseByRules ? new RosterNoise(3).byRules() : new RosterNoise(3);
    RosterNoise.Drawn drawn = noise.draw(people, strangers, m);
    people = null; // the engine works on the records alone; the persons may go
    long prepareMillis = (System.nanoTime() - t0) / 1_000_000;
    Linker.Result<PersonRecord> r =
        Linker.link(
            drawn.entries(),
            registry,
            PersonFields.all(),
            PersonBlocking.rules(),
            Linker.Options.defaults().oneToOne(true).pairPrior(true));
    double seconds = (System.nanoTime() - t0) / 1e9;
    heap.stop();
    return new MatchingRun.Run(n, m, drawn, registry, r, prepareMillis, seconds, heap.peak());
  }

  static String report(MatchingRun.Run run, boolean examples) {
    return report(
        run,
        examples,
        "./handover bench matching --registry "
            + run.registrySize()
            + " --roster "
            + run.rosterSize());
  }

  static String report(MatchingRun.Run run, boolean examples, String command) {
    Linker.Result<PersonRecord> r = run.result();
    StringBuilder s = new StringBuilder("# Matching a noisy roster to a generated registry\n\n");
    s.append("- date: ")
        .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
        .append('\n');
    s.append("- machine: ").append(Machine.describe()).append('\n');
    s.append("- command: `")
        .append(command)
        .append("`, Java heap at most ")
        .append(Runtime.getRuntime().maxMemory() / (1 << 20))
        .append(" MiB\n");
    s.append(
        String.format(
            Locale.ROOT,
            "- registry: %,d generated persons (DemoPeople, seed 1, family names %s); roster: %,d entries,"
                + " %,d of them drawn from the registry, the rest strangers; noise model in RosterNoise's javadoc%n",
            run.registrySize(),
            realistic
                ? "as skewed as a real registry's (Zipf–Mandelbrot 0.8, offset 4)"
                : "spread evenly (Zipf 0.6)",
            run.rosterSize(),
            run.inRegistry()));
    s.append(
        "- engine: blocking rules OR-ed, Fellegi–Sunter (u from random pairs, m by EM per blocking rule), one-to-one\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "Pairs compared: %,d %s. Blocking recall (true entries paired with their"
                + " person): %.4f. Time: preparing records %,d ms, blocking %,d ms, comparing and training %,d ms, scoring %,d ms;"
                + " %.1f s"
                + " end to end. Peak heap in use: %,.0f MB.%n%n",
            r.candidates().size(),
            r.candidates().byRule(),
            run.blockingRecall(),
            run.prepareMillis(),
            r.blockMillis(),
            r.trainMillis(),
            r.scoreMillis(),
            run.seconds(),
            run.peakHeap() / 1e6));
    s.append("| band | links | correct | precision | recall |\n|---|---:|---:|---:|---:|\n");
    for (boolean withReview : new boolean[] {false, true}) {
      MatchingRun.Band b = run.band(withReview);
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %.4f | %.4f |%n",
              withReview
                  ? "auto-link + review (p ≥ "
                      + REVIEW
                      + "; the entry's person among its link and the alternatives within "
                      + (int) MIN_MARGIN
                      + " bits)"
                  : "auto-link (p ≥ "
                      + AUTO
                      + ", ≥ "
                      + (int) MIN_MARGIN
                      + " bits ahead of the next candidate, no field "
                      + (int) Linker.MAX_AGAINST_BITS
                      + " bits against)",
              b.links(),
              b.correct(),
              b.precision(),
              b.recall()));
    }
    long review = run.reviewEntries();
    s.append(
        String.format(
            Locale.ROOT,
            "%nReview band: %,d entries, %.1f%% of the roster. Targets (matching issue):"
                + " precision ≥ 0.995 at auto-link, recall ≥ 0.99 for auto-link + review, review band under 5%%.%n",
            review,
            100.0 * review / run.rosterSize()));
    long[] dated = run.reviewByDate(true);
    long[] undated = run.reviewByDate(false);
    s.append(
        String.format(
            Locale.ROOT,
            "Entries with a whole date of birth: %,d, of them %,d in review (%.1f%%) and %,d"
                + " auto-linked; entries with at most a year: %,d, of them %,d in review and %,d"
                + " auto-linked (a name and a year are never enough). Target: review band under 5%%"
                + " of the dated entries.%n",
            dated[0],
            dated[1],
            100.0 * dated[1] / Math.max(1, dated[0]),
            dated[2],
            undated[0],
            undated[1],
            undated[2]));
    s.append(reviewThresholds(run));
    s.append('\n').append(population);
    String byNoise = run.byNoise(examples);
    if (!byNoise.isEmpty()) {
      s.append(
              "\nBy the noise each true entry was given (an entry may be in several classes; a"
                  + " namesake shares family name, given name and patronymic with another registry"
                  + " person):\n\n")
          .append(byNoise);
    }
    if (noiseByRules) {
      s.append(
          "\nThe roster's Russian forms: half made by spelling rules (RussianByRules, family names"
              + " too), half from the names dictionary.\n");
    }
    s.append(Population.reliability(run));
    if (examples) {
      Diagnosis.sureButWrong(run.drawn(), run.registry(), r, 0.9, 60);
    }
    s.append(Diagnosis.of(run.drawn(), run.registry(), r, MIN_MARGIN, examples));
    return s.toString();
  }

  /**
   * What a lower review threshold (`match --review P`) finds and costs: the probabilities are
   * calibrated, so an entry likely 0.3 to be one of its candidates is its person about a third of
   * the time.
   */
  static String reviewThresholds(MatchingRun.Run run) {
    StringBuilder s =
        new StringBuilder(
            "\nBy review threshold (`match --review P`; auto-links as above):\n\n| review from |"
                + " recall, auto + review | precision, auto + review | review band, entries |"
                + " review band of dated entries |\n|---:|---:|---:|---:|---:|\n");
    for (double review : new double[] {0.5, 0.3, 0.2, 0.1, 0.05}) {
      Thresholds t = new Thresholds(THRESHOLDS.auto(), review);
      MatchingRun.Band b = run.band(true, t);
      long[] dated = run.reviewByDate(true, t);
      s.append(
          String.format(
              Locale.ROOT,
              "| %.2f | %.4f | %.4f | %,d | %,d (%.1f%%) |%n",
              review,
              b.recall(),
              b.precision(),
              run.reviewed(t).size(),
              dated[1],
              100.0 * dated[1] / Math.max(1, dated[0])));
    }
    return s.toString();
  }

  public static void main(String[] args) throws Exception {
    int n = 100_000;
    int m = 10_000;
    Path out = null;
    boolean examples = false;
    int repeat = 1;
    Path febrl4 = Path.of("bench/data/febrl4");
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
        case "--runs" -> repeat = Math.max(1, Integer.parseInt(args[i + 1]));
        case "--febrl4" -> febrl4 = Path.of(args[i + 1]);
        case "--names" -> realistic = args[i + 1].equals("realistic");
        case "--noise" -> noiseByRules = args[i + 1].equals("rules");
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    // the same data each run; the quality is the same, the time varies: the run of median time is
    // reported
    // every run but the last keeps only its times (two 1M registries at once do not fit in 3 GB);
    // the
    // data, and so the quality, is the same in every run
    List<MatchingRun.Run> runs = new ArrayList<>();
    MatchingRun.Run last = null;
    for (int k = 0; k < repeat; k++) {
      MatchingRun.Run next = run(n, m);
      System.err.printf(Locale.ROOT, "run %d of %d: %.1f s%n", k + 1, repeat, next.seconds());
      runs.add(next.timesOnly());
      if (k == repeat - 1) {
        last = next;
      }
      next = null;
    }
    List<MatchingRun.Run> byTime = new ArrayList<>(runs);
    byTime.sort(Comparator.comparingDouble(MatchingRun.Run::seconds));
    MatchingRun.Run run = last.withTimesOf(byTime.get(byTime.size() / 2));
    String opts = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "");
    String s =
        report(
            run,
            examples,
            (opts.isEmpty() ? "" : "BENCH_JAVA_OPTS=\"" + opts + "\" ")
                + "./handover bench matching "
                + String.join(" ", args));
    if (repeat > 1) {
      s +=
          String.format(
              Locale.ROOT,
              "%nTimes above are of the median of %d runs; end to end, each run: %s s.%n",
              repeat,
              String.join(
                  ", ",
                  runs.stream()
                      .map(x -> String.format(Locale.ROOT, "%.1f", x.seconds()))
                      .toList()));
    }
    s +=
        "\n## Peer\n\nThese figures are of the engine alone, in a running JVM with the persons in"
            + " memory. Handover beside Duke 1.2, both as whole processes from the same files, is"
            + " `bench/run peer`.\n";
    if (Files.isDirectory(febrl4)) {
      s += "\n## FEBRL4, linked by the same engine\n\n" + Febrl4Bench.section(febrl4);
    } else {
      s +=
          "\n## FEBRL4\n\nNot run: "
              + febrl4.toAbsolutePath()
              + " is not there (give --febrl4 DIR).\n";
    }
    System.out.print(s);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, s);
    }
  }

  private MatchingBench() {}
}
