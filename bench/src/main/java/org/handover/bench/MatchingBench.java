package org.handover.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.Linker;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.core.registry.Person;
import org.handover.server.matching.MatchRecords;

/**
 * The matching engine on generated data with known truth: a registry of N persons and a roster of M
 * entries drawn from it with {@link RosterNoise}'s noise model (20% strangers). Precision and recall at
 * the auto-link threshold and for auto-link + review, the review band, pairs compared, time per phase,
 * peak heap.
 *
 * <pre>
 * bench/run matching [--registry 100000] [--roster 10000] [--out bench/results/FILE.md]
 * </pre>
 */
public final class MatchingBench {
  static final double MIN_MARGIN = org.handover.server.matching.Matching.MIN_MARGIN;

  public static void main(String[] args) throws Exception {
    int n = 100_000;
    int m = 10_000;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--registry" -> n = Integer.parseInt(args[i + 1]);
        case "--roster" -> m = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    LocalDate today = LocalDate.of(2025, 6, 2);
    List<Person> people = new DemoPeople(1, today).generate(n);
    List<Person> strangers = new DemoPeople(2, today).generate(Math.max(1, m / 4));
    HeapSampler heap = HeapSampler.start();
    long t0 = System.nanoTime();
    List<PersonRecord> registry = new ArrayList<>(n);
    for (int i = 0; i < people.size(); i++) {
      registry.add(MatchRecords.of(i + 1, people.get(i)));
    }
    RosterNoise.Drawn drawn = new RosterNoise(3).draw(people, strangers, m);
    long prepareMillis = (System.nanoTime() - t0) / 1_000_000;
    Linker.Result<PersonRecord> r = Linker.link(drawn.entries(), registry, PersonFields.all(), PersonFields.rules(),
        Linker.Options.defaults().oneToOne(true));
    double seconds = (System.nanoTime() - t0) / 1e9;
    heap.stop();
    int inRegistry = (int) drawn.truth().stream().filter(t -> t >= 0).count();
    Map<Integer, Linker.Link> best = new HashMap<>();
    for (Linker.Link l : r.links()) {
      best.putIfAbsent(l.left(), l);
    }
    StringBuilder s = new StringBuilder("# Matching a noisy roster to a generated registry\n\n");
    s.append("- date: ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append('\n');
    s.append("- machine: ").append(Machine.describe()).append('\n');
    s.append("- command: `bench/run matching --registry ").append(n).append(" --roster ").append(m).append("`\n");
    s.append(String.format(Locale.ROOT, "- registry: %,d generated persons (DemoPeople, seed 1); roster: %,d entries,"
        + " %,d of them drawn from the registry, the rest strangers; noise model in RosterNoise's javadoc%n", n, m, inRegistry));
    s.append("- engine: blocking rules OR-ed, Fellegi–Sunter (u from random pairs, m by EM), one-to-one\n\n");
    s.append(String.format(Locale.ROOT, "Pairs compared: %,d %s. Time: preparing records %,d ms, blocking %,d ms,"
        + " training %,d ms, scoring %,d ms; %.1f s end to end. Peak heap in use: %,.0f MB.%n%n", r.candidates().size(),
        r.candidates().byRule(), prepareMillis, r.blockMillis(), r.trainMillis(), r.scoreMillis(), seconds, heap.peak() / 1e6));
    s.append("| band | links | correct | precision | recall |\n|---|---:|---:|---:|---:|\n");
    for (double[] band : new double[][] {{0.99, 1.0}, {0.5, 1.0}}) {
      long links = 0;
      long correct = 0;
      for (Map.Entry<Integer, Linker.Link> e : best.entrySet()) {
        String b = e.getValue().band(0.99, 0.5, MIN_MARGIN);
        if (band[0] == 0.99 ? b.equals("auto") : !b.equals("none")) {
          links++;
          if (drawn.truth().get(e.getKey()) == e.getValue().right()) {
            correct++;
          }
        }
      }
      s.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.4f | %.4f |%n", band[0] == 0.99
          ? "auto-link (p ≥ 0.99, ≥ " + (int) MIN_MARGIN + " bits ahead of the next candidate)"
          : "auto-link + review (p ≥ 0.5)", links, correct, links == 0 ? 0 : (double) correct / links,
          (double) correct / inRegistry));
    }
    long review = best.values().stream().filter(l -> l.band(0.99, 0.5, MIN_MARGIN).equals("review")).count();
    s.append(String.format(Locale.ROOT, "%nReview band: %,d entries, %.1f%% of the roster. Targets (matching issue):"
        + " precision ≥ 0.995 at auto-link, recall ≥ 0.99 for auto-link + review, review band under 5%%.%n", review,
        100.0 * review / m));
    s.append(Diagnosis.of(drawn, registry, r, MIN_MARGIN));
    System.out.print(s);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, s.toString());
    }
  }

  private MatchingBench() {}
}
