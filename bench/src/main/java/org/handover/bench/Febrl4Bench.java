package org.handover.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.handover.core.matching.Linker;

/**
 * FEBRL4 linked by the matching engine: candidate pairs by blocking rule, time per phase, and
 * precision, recall and F1 at several probabilities, one-to-one.
 *
 * <pre>
 * bench/run febrl4 [--data bench/data/febrl4] [--out bench/results/FILE.md]
 * </pre>
 */
public final class Febrl4Bench {
  public static void main(String[] args) throws Exception {
    Path data = Path.of("bench/data/febrl4");
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String s =
        "# FEBRL4 linked by Handover's matching engine\n\n"
            + "- date: "
            + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            + "\n- machine: "
            + Machine.describe()
            + "\n- command: `bench/run febrl4`\n"
            + section(data);
    System.out.print(s);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, s.toString());
    }
  }

  /** The data, the model, the candidates, the time and the quality table, as Markdown. */
  static String section(Path data) throws IOException {
    List<Febrl4.Rec> a = Febrl4.read(data.resolve("febrl4a.csv"));
    List<Febrl4.Rec> b = Febrl4.read(data.resolve("febrl4b.csv"));
    Linker.link(
        a,
        b,
        Febrl4.fields(),
        Febrl4.rules(),
        Linker.Options.defaults().oneToOne(true).pairPrior(true)); // warm-up
    long t0 = System.nanoTime();
    Linker.Result<Febrl4.Rec> r =
        Linker.link(
            a,
            b,
            Febrl4.fields(),
            Febrl4.rules(),
            Linker.Options.defaults().oneToOne(true).pairPrior(true));
    double seconds = (System.nanoTime() - t0) / 1e9;
    StringBuilder s = new StringBuilder();
    s.append(
        "- data: bench/data/febrl4 (5,000 + 5,000 records, 5,000 true links; source in NOTICE)\n");
    s.append(
        "- model: Fellegi–Sunter, u from 50,000 random pairs, m by EM (no labels), term frequencies for"
            + " given name, surname and suburb; links kept one-to-one, heaviest first\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "Candidate pairs: %,d %s; skipped oversized blocks: %s.%n%n",
            r.candidates().size(),
            r.candidates().byRule(),
            r.candidates().skippedKeys()));
    s.append(
        String.format(
            Locale.ROOT,
            "Time: blocking %d ms, training %d ms, scoring %d ms; %.2f s end to end"
                + " (after a warm-up run). Prior share of matches among candidates: %.4f.%n%n",
            r.blockMillis(),
            r.trainMillis(),
            r.scoreMillis(),
            seconds,
            r.model().lambda()));
    s.append(
        "| probability at least | true links | false links | missed | precision | recall | F1 |\n");
    s.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (double t : new double[] {0.1, 0.5, 0.9, 0.99}) {
      Febrl4.Quality q = Febrl4.quality(a, b, r.links(), t);
      s.append(
          String.format(
              Locale.ROOT,
              "| %.2f | %,d | %,d | %,d | %.4f | %.4f | %.4f |%n",
              t,
              q.truePositives(),
              q.falsePositives(),
              q.falseNegatives(),
              q.precision(),
              q.recall(),
              q.f1()));
    }
    s.append(
        "\nTarget (matching issue): F1 >= 0.99. Splink publishes results on the same data set.\n");
    return s.toString();
  }

  private Febrl4Bench() {}
}
