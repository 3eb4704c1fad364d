package org.handover.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.handover.core.matching.Linker;
import org.handover.core.registry.Name;
import org.handover.core.registry.Person;

/**
 * How a generated registry's names are spread, beside what real registries show (a few dozen family
 * names cover a large share, the ten commonest given names a third or more, thousands of
 * namesakes); and how well the probabilities the engine gives are calibrated.
 */
final class Population {
  private Population() {}

  static String names(List<Person> people) {
    Map<String, Integer> family = new HashMap<>();
    Map<String, Integer> given = new HashMap<>();
    Map<String, Integer> full = new HashMap<>();
    Map<String, Integer> fullYear = new HashMap<>();
    for (Person p : people) {
      Name n = p.names().get(0);
      String year = p.birthDate().map(d -> String.valueOf(d.year())).orElse("?");
      family.merge(n.family(), 1, Integer::sum);
      given.merge(n.given(), 1, Integer::sum);
      String key = n.family() + "|" + n.given() + "|" + n.patronymic();
      full.merge(key, 1, Integer::sum);
      fullYear.merge(key + "|" + year, 1, Integer::sum);
    }
    double size = people.size();
    return String.format(
        Locale.ROOT,
        "Names of the registry: the commonest family name %.2f%% of persons, the 100 commonest %.1f%%,"
            + " the 10 commonest given names %.1f%%; %,d persons share family name, given name and"
            + " patronymic with someone else (%.1f%%), %,d of them also the year of birth (%.1f%%);"
            + " the largest such group %,d.%n",
        100 * top(family, 1) / size,
        100 * top(family, 100) / size,
        100 * top(given, 10) / size,
        shared(full),
        100 * shared(full) / size,
        shared(fullYear),
        100 * shared(fullYear) / size,
        full.values().stream().mapToInt(Integer::intValue).max().orElse(0));
  }

  private static double top(Map<String, Integer> counts, int k) {
    return counts.values().stream()
        .sorted((a, b) -> b - a)
        .limit(k)
        .mapToInt(Integer::intValue)
        .sum();
  }

  private static long shared(Map<String, Integer> counts) {
    return counts.values().stream().filter(c -> c > 1).mapToLong(Integer::longValue).sum();
  }

  /**
   * Of the links and review alternatives given a probability in each band, how many join an entry
   * to its own person: a calibrated 0.9 is right nine times in ten.
   */
  static String reliability(MatchingRun.Run run) {
    double[] edges = {0.01, 0.5, 0.9, 0.99, 0.999, 1.0000001};
    long[] all = new long[edges.length - 1];
    long[] right = new long[edges.length - 1];
    double[] sum = new double[edges.length - 1];
    List<Linker.Link> links = new ArrayList<>(run.result().links());
    links.addAll(run.result().alternatives());
    for (Linker.Link l : links) {
      double p = l.scored().probability();
      for (int b = 0; b < all.length; b++) {
        if (p >= edges[b] && p < edges[b + 1]) {
          all[b]++;
          sum[b] += p;
          if (run.drawn().truth().get(l.left()) == l.right()) {
            right[b]++;
          }
        }
      }
    }
    StringBuilder s = new StringBuilder();
    if (Double.isFinite(run.result().inRegistry())) {
      s.append(
          String.format(
              Locale.ROOT,
              "%nShare of the roster's entries that are someone in the registry, learnt from their"
                  + " candidates (the prior of every link): %.4f; the truth: %.4f.%n",
              run.result().inRegistry(),
              (double) run.inRegistry() / run.rosterSize()));
    }
    s.append(
        "\nReliability of the probability shown (shared among an entry's candidates), links and"
            + " review alternatives:\n\n| probability | links | right | share right | mean"
            + " probability |\n|---|---:|---:|---:|---:|\n");
    for (int b = 0; b < all.length; b++) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s–%s | %,d | %,d | %.4f | %.4f |%n",
              edges[b],
              Math.min(1.0, edges[b + 1]),
              all[b],
              right[b],
              all[b] == 0 ? 0 : (double) right[b] / all[b],
              all[b] == 0 ? 0 : sum[b] / all[b]));
    }
    return s.toString();
  }
}
