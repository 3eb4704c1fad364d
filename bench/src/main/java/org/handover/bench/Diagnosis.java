package org.handover.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.handover.core.matching.Band;
import org.handover.core.matching.FieldComparison;
import org.handover.core.matching.Linker;
import org.handover.core.matching.Model;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;

/**
 * Where a run on generated data goes wrong: true entries that blocking never paired with their
 * person, that lost to another candidate, or that scored below the bands; wrong auto-links of
 * strangers and of entries in the registry. On request, a few examples of each go to standard
 * error.
 */
final class Diagnosis {
  private Diagnosis() {}

  static String of(
      RosterNoise.Drawn drawn,
      List<PersonRecord> registry,
      Linker.Result<PersonRecord> r,
      double minMargin,
      boolean examples) {
    Set<Long> candidates = new HashSet<>();
    for (int k = 0; k < r.candidates().size(); k++) {
      candidates.add((long) r.candidates().left(k) * registry.size() + r.candidates().right(k));
    }
    Map<Integer, Linker.Link> best = new HashMap<>();
    Map<Long, Linker.Link> byPair = new HashMap<>();
    for (Linker.Link l : r.links()) {
      best.putIfAbsent(l.left(), l);
      byPair.putIfAbsent((long) l.left() * registry.size() + l.right(), l);
    }
    Set<Long> alternatives = new HashSet<>();
    for (Linker.Link l : r.alternatives()) {
      alternatives.add((long) l.left() * registry.size() + l.right());
    }
    int notBlocked = 0;
    int besideIt = 0;
    int lost = 0;
    int belowReview = 0;
    int reviewOnly = 0;
    int wrongAutoStranger = 0;
    int wrongAutoOther = 0;
    int shown = 0;
    Map<String, Integer> review = new TreeMap<>();
    for (int i = 0; i < drawn.entries().size(); i++) {
      int truth = drawn.truth().get(i);
      Linker.Link b = best.get(i);
      Band band = b == null ? Band.NONE : b.band(MatchingBench.THRESHOLDS, minMargin);
      if (band == Band.REVIEW) {
        String why =
            b.scored().probability() < 0.99
                ? "p below 0.99"
                : b.margin() < minMargin
                    ? "another candidate within " + (int) minMargin + " bits"
                    : !Linker.corroborated(b.scored().explanation())
                        ? "nothing beyond the name (no whole date, service number, or place with"
                            + " the year)"
                        : !Linker.familyNear(b.scored().explanation())
                            ? "family name two letters apart or an initial"
                            : "against: "
                                + b.scored().explanation().stream()
                                    .filter(Model.Contribution::contradicts)
                                    .map(c -> c.field() + " " + c.level())
                                    .findFirst()
                                    .orElse("?");
        if (b.scored().probability() < 0.99) {
          why +=
              String.format(
                  Locale.ROOT,
                  " (p %.1f–%.1f)",
                  Math.floor(b.scored().probability() * 10) / 10,
                  Math.floor(b.scored().probability() * 10) / 10 + 0.1);
        }
        String who =
            truth < 0 ? "stranger" : truth == b.right() ? "the right person" : "another person";
        review.merge(who + ", " + why, 1, Integer::sum);
        if (examples
            && who.equals("the right person")
            && why.startsWith("against")
            && shown++ < 60) {
          System.err.printf(
              "RIGHT, %s%n  entry  %s%n  person %s%n",
              why, show(drawn.entries().get(i)), show(registry.get(b.right())));
        }
      }
      if (band == Band.AUTO && b.right() != truth) {
        if (truth < 0) {
          wrongAutoStranger++;
        } else {
          wrongAutoOther++;
        }
        if (examples && shown++ < 25) {
          System.err.printf(
              Locale.ROOT,
              "WRONG AUTO p=%.4f w=%.1f margin=%.1f%n  entry  %s%n  linked %s%n  truth  %s%n",
              b.scored().probability(),
              b.scored().weight(),
              b.margin(),
              show(drawn.entries().get(i)),
              show(registry.get(b.right())),
              truth < 0 ? "(stranger)" : show(registry.get(truth)));
        }
      }
      if (truth < 0) {
        continue;
      }
      long pair = (long) i * registry.size() + truth;
      if (!candidates.contains(pair)) {
        notBlocked++;
        if (examples && notBlocked <= 10) {
          System.err.printf(
              "NOT BLOCKED%n  entry %s%n  truth %s%n",
              show(drawn.entries().get(i)), show(registry.get(truth)));
        }
      } else if (b != null && b.right() != truth && alternatives.contains(pair)) {
        besideIt++;
      } else if (b == null || b.right() != truth) {
        lost++;
        if (examples && lost <= 25) {
          Linker.Link t = byPair.get(pair);
          System.err.printf(
              Locale.ROOT,
              "LOST truth p=%s%n  entry  %s%n  truth  %s%n  best   %s (p=%s)%n",
              t == null
                  ? "-"
                  : String.format(
                      Locale.ROOT, "%.4f w=%.1f", t.scored().probability(), t.scored().weight()),
              show(drawn.entries().get(i)),
              show(registry.get(truth)),
              b == null ? "-" : show(registry.get(b.right())),
              b == null
                  ? "-"
                  : String.format(
                      Locale.ROOT, "%.4f w=%.1f", b.scored().probability(), b.scored().weight()));
        }
      } else if (band == Band.NONE) {
        belowReview++;
      } else if (band == Band.REVIEW) {
        reviewOnly++;
      }
    }
    return String.format(
            Locale.ROOT,
            "%nWhere it goes wrong: of the true entries, %,d never paired with their person"
                + " by blocking, %,d lost to another candidate but reviewed beside it (an alternative), %,d lost to another"
                + " candidate outright, %,d below the review band, %,d in review only. Wrong auto-links: %,d of strangers, %,d to"
                + " another person.%n",
            notBlocked,
            besideIt,
            lost,
            belowReview,
            reviewOnly,
            wrongAutoStranger,
            wrongAutoOther)
        + String.format(
            Locale.ROOT,
            "%nThe review band, by who the entry is and why it is not" + " sure: %s.%n",
            review)
        + model(r, trueM(drawn, registry));
  }

  /** The m each field would have if the truth were known: its levels among the true pairs. */
  static double[][] trueM(RosterNoise.Drawn drawn, List<PersonRecord> registry) {
    List<FieldComparison<PersonRecord>> fields = PersonFields.all();
    double[][] counts = new double[fields.size()][];
    for (int k = 0; k < fields.size(); k++) {
      counts[k] = new double[fields.get(k).levels().size()];
    }
    for (int i = 0; i < drawn.entries().size(); i++) {
      int truth = drawn.truth().get(i);
      if (truth >= 0) {
        for (int k = 0; k < fields.size(); k++) {
          int l = fields.get(k).compare(drawn.entries().get(i), registry.get(truth));
          if (l >= 0) {
            counts[k][l]++;
          }
        }
      }
    }
    for (double[] c : counts) {
      double total = Arrays.stream(c).sum();
      for (int l = 0; l < c.length; l++) {
        c[l] = total == 0 ? Double.NaN : c[l] / total;
      }
    }
    return counts;
  }

  /**
   * The trained model as a table: each field's levels with m, u and the weight of agreeing there.
   */
  static String model(Linker.Result<PersonRecord> r, double[][] trueM) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nTrained model (λ = %.3g), beside the m the"
                    + " truth gives (fields the roster never has are left at their start):%n%n"
                    + "| field | level | m | m, truth | u | bits |%n|---|---|---:|---:|---:|---:|%n",
                r.model().lambda()));
    int k = 0;
    for (Map.Entry<String, Map<String, double[]>> field : r.model().tables().entrySet()) {
      int l = 0;
      for (Map.Entry<String, double[]> level : field.getValue().entrySet()) {
        double[] mu = level.getValue();
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.4f | %.4f | %.6f | %+.1f |%n",
                field.getKey(),
                level.getKey(),
                mu[0],
                trueM[k][l],
                mu[1],
                Math.log(mu[0] / mu[1]) / Math.log(2)));
        l++;
      }
      k++;
    }
    return s.toString();
  }

  /**
   * To standard error: up to {@code most} links and review alternatives shown at least {@code from}
   * likely that join an entry to someone not its person, with their evidence field by field.
   */
  static void sureButWrong(
      RosterNoise.Drawn drawn,
      List<PersonRecord> registry,
      Linker.Result<PersonRecord> r,
      double from,
      int most) {
    List<Linker.Link> links = new java.util.ArrayList<>(r.links());
    links.addAll(r.alternatives());
    int shown = 0;
    for (Linker.Link l : links) {
      int truth = drawn.truth().get(l.left());
      if (l.scored().probability() < from || truth == l.right() || shown++ >= most) {
        continue;
      }
      StringBuilder why = new StringBuilder();
      for (var c : l.scored().explanation()) {
        why.append(String.format(Locale.ROOT, " %s=%s(%+.1f)", c.field(), c.level(), c.bits()));
      }
      System.err.printf(
          Locale.ROOT,
          "LIKELY BUT WRONG p=%.4f alone=%.4f w=%.1f prior=%.1f%n  entry  %s%n  linked %s%n"
              + "  truth  %s%n  why   %s%n",
          l.scored().probability(),
          l.scored().alone(),
          l.scored().weight(),
          l.scored().priorBits(),
          show(drawn.entries().get(l.left())),
          show(registry.get(l.right())),
          truth < 0 ? "(stranger)" : show(registry.get(truth)),
          why);
    }
  }

  private static String show(PersonRecord p) {
    return p.names().get(0).parsed().format()
        + " | "
        + p.birthDate().map(Object::toString).orElse("-")
        + " | "
        + p.birthPlace()
        + " | "
        + p.serviceNumber()
        + " | "
        + p.unit();
  }
}
