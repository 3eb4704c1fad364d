package org.handover.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.handover.core.matching.Band;
import org.handover.core.matching.DuplicateGroups;
import org.handover.core.matching.Linker;
import org.handover.core.matching.Model;
import org.handover.core.matching.PersonBlocking;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.core.registry.Person;
import org.handover.server.matching.MatchRecords;

/**
 * Deduplication of a generated registry with known duplicates: N persons, then a second record of
 * 2% of them written as another party would (RosterNoise's noise model, no strangers), all in one
 * list. Pairs in the auto band and in auto + review against the truth, groups, time per phase, peak
 * heap.
 *
 * <pre>
 * ./handover bench dedupe [--registry 1000000] [--names even|realistic] [--out bench/results/FILE.md]
 * </pre>
 */
public final class DedupeBench {
  /** How many true pairs only one rule brings to list (--examples K). */
  private static int examples = 0;

  public static void main(String[] args) throws Exception {
    int n = 100_000;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--registry" -> n = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--names" -> MatchingBench.realistic = args[i + 1].equals("realistic");
        case "--examples" -> examples = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    LocalDate today = LocalDate.of(2025, 6, 2);
    List<Person> people = MatchingBench.people(1, today).generate(n);
    int twice = n / 50;
    RosterNoise.Drawn copies = new RosterNoise(4).drawNoStrangers(people, twice);
    HeapSampler heap = HeapSampler.start();
    long t0 = System.nanoTime();
    List<Person> everyone = people;
    List<PersonRecord> records =
        new ArrayList<>(
            IntStream.range(0, n)
                .parallel()
                .mapToObj(i -> MatchRecords.of(i + 1, everyone.get(i)))
                .toList());
    people = null;
    Set<Long> truth = new HashSet<>();
    for (int k = 0; k < copies.entries().size(); k++) {
      PersonRecord c = copies.entries().get(k);
      records.add(
          new PersonRecord(
              n + k + 1,
              "copy",
              c.names(),
              c.birthDate(),
              c.birthPlace(),
              c.fatherName(),
              c.serviceNumber(),
              c.sex(),
              c.unit(),
              c.rank()));
      truth.add(key(copies.truth().get(k), n + k));
    }
    long prepare = (System.nanoTime() - t0) / 1_000_000;
    Linker.Result<PersonRecord> r =
        Linker.dedupe(
            records,
            PersonFields.all(),
            PersonBlocking.rules(),
            PersonBlocking.dedupeRules(),
            Linker.Options.defaults());
    long[] auto = new long[2];
    long[] review = new long[2];
    Map<String, Integer> wrongSure = new TreeMap<>();
    Map<String, Integer> rightSure = new TreeMap<>();
    List<DuplicateGroups.Pair> pairs = new ArrayList<>();
    for (Linker.Link l : r.links()) {
      Band band = l.band(MatchingBench.THRESHOLDS, MatchingBench.MIN_MARGIN);
      if (band == Band.NONE) {
        continue;
      }
      boolean right = truth.contains(key(l.left(), l.right()));
      long[] counts = band == Band.AUTO ? auto : review;
      counts[0]++;
      counts[1] += right ? 1 : 0;
      if (band == Band.AUTO) {
        (right ? rightSure : wrongSure).merge(evidence(l.scored().explanation()), 1, Integer::sum);
      }
      pairs.add(new DuplicateGroups.Pair(l.left(), l.right(), l.scored().weight()));
    }
    int groups = DuplicateGroups.of(pairs).size();
    String byRule = truePairsByRule(r, truth, records);
    double seconds = (System.nanoTime() - t0) / 1e9;
    heap.stop();
    StringBuilder s = new StringBuilder("# Deduplicating a generated registry\n\n");
    s.append("- date: ")
        .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
        .append('\n');
    s.append("- machine: ").append(Machine.describe()).append('\n');
    String opts = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "");
    s.append("- command: `")
        .append(opts.isEmpty() ? "" : "BENCH_JAVA_OPTS=\"" + opts + "\" ")
        .append("./handover bench dedupe ")
        .append(String.join(" ", args))
        .append("`\n");
    s.append(
        String.format(
            Locale.ROOT,
            "- data: %,d generated persons and a second record of %,d of them (%,d records),"
                + " the copies noised as RosterNoise's javadoc says%n%n",
            n,
            twice,
            records.size()));
    s.append(
        String.format(
            Locale.ROOT,
            "Pairs compared: %,d %s; oversized blocks skipped: %s. Time: preparing records"
                + " %,d ms, blocking %,d ms, comparing and training %,d ms, scoring %,d ms; %.1f s end to end, groups"
                + " included. Peak heap in use: %,.0f MB.%n%n",
            r.candidates().size(),
            r.candidates().byRule(),
            r.candidates().skippedKeys(),
            prepare,
            r.blockMillis(),
            r.trainMillis(),
            r.scoreMillis(),
            seconds,
            heap.peak() / 1e6));
    s.append("| band | pairs | right | precision | recall |\n|---|---:|---:|---:|---:|\n");
    s.append(
        String.format(
            Locale.ROOT,
            "| auto | %,d | %,d | %.4f | %.4f |%n",
            auto[0],
            auto[1],
            auto[0] == 0 ? 0 : (double) auto[1] / auto[0],
            (double) auto[1] / twice));
    long all = auto[0] + review[0];
    long right = auto[1] + review[1];
    s.append(
        String.format(
            Locale.ROOT,
            "| auto + review | %,d | %,d | %.4f | %.4f |%n",
            all,
            right,
            all == 0 ? 0 : (double) right / all,
            (double) right / twice));
    s.append(
        String.format(
            Locale.ROOT,
            "%nGroups (complete linkage over auto + review): %,d. Target (matching issue):"
                + " deduplication of 1,000,000 in under 5 minutes.%n",
            groups));
    s.append(byRule);
    s.append("\nPairs in the auto band by their date's and place's levels, right / wrong:\n\n");
    Set<String> evidence = new TreeSet<>(rightSure.keySet());
    evidence.addAll(wrongSure.keySet());
    for (String e : evidence) {
      s.append(
          String.format(
              Locale.ROOT,
              "- %s: %,d / %,d%n",
              e,
              rightSure.getOrDefault(e, 0),
              wrongSure.getOrDefault(e, 0)));
    }
    System.out.print(s);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, s.toString());
    }
  }

  /**
   * For each blocking rule, its own pairs, how many of the true pairs it brings, and how many no
   * other rule brings: what a rule costs in comparisons against what it finds.
   */
  private static String truePairsByRule(
      Linker.Result<PersonRecord> r, Set<Long> truth, List<PersonRecord> people) {
    int records = people.size();
    List<String> shown = new ArrayList<>();
    Map<String, long[]> own = r.candidates().rulePairs();
    Map<String, Integer> found = new java.util.LinkedHashMap<>();
    Map<String, Integer> alone = new java.util.LinkedHashMap<>();
    int none = 0;
    for (long t : truth) {
      long a = t / 4_294_967_296L;
      long b = t % 4_294_967_296L;
      long pair = a * records + b; // as Candidates encodes a pair of one list, left < right
      List<String> by = new ArrayList<>();
      for (Map.Entry<String, long[]> e : own.entrySet()) {
        if (java.util.Arrays.binarySearch(e.getValue(), pair) >= 0) {
          by.add(e.getKey());
          found.merge(e.getKey(), 1, Integer::sum);
        }
      }
      if (by.size() == 1) {
        alone.merge(by.get(0), 1, Integer::sum);
        if (shown.size() < examples) {
          shown.add(
              by.get(0) + ": " + shown(people.get((int) a)) + " ~ " + shown(people.get((int) b)));
        }
      }
      none += by.isEmpty() ? 1 : 0;
    }
    StringBuilder s =
        new StringBuilder(
            "\nTrue pairs by blocking rule (a rule's own pairs; the true pairs among them; those"
                + " no other rule brings):\n\n| rule | pairs | true pairs | only this rule |\n"
                + "|---|---:|---:|---:|\n");
    for (Map.Entry<String, long[]> e : own.entrySet()) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,d |%n",
              e.getKey(),
              e.getValue().length,
              found.getOrDefault(e.getKey(), 0),
              alone.getOrDefault(e.getKey(), 0)));
    }
    s.append(String.format(Locale.ROOT, "%nTrue pairs no rule brings: %,d.%n", none));
    if (!shown.isEmpty()) {
      s.append("\nTrue pairs only one rule brings, the first:\n\n");
      shown.forEach(e -> s.append("- ").append(e).append('\n'));
    }
    return s.toString();
  }

  private static String shown(PersonRecord p) {
    return p.names().get(0).parsed().format()
        + ", "
        + p.birthDate().map(Object::toString).orElse("—");
  }

  /** The date's and the place's levels of a pair, the evidence a sure pair rests on. */
  private static String evidence(List<Model.Contribution> explanation) {
    String date = "no date";
    String place = "no place";
    for (Model.Contribution c : explanation) {
      if (c.field().equals("date of birth")) {
        date = c.level();
      } else if (c.field().equals("place of birth")) {
        place = c.level();
      }
    }
    return date + "; " + place;
  }

  private static long key(int a, int b) {
    return Math.min(a, b) * 4_294_967_296L + Math.max(a, b);
  }

  private DedupeBench() {}
}
