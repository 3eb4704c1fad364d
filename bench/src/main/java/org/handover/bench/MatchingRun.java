package org.handover.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.handover.core.matching.Linker;
import org.handover.core.matching.PersonRecord;

/** A run of the matching benchmark and the figures taken from it against the known truth. */
final class MatchingRun {
  private MatchingRun() {}

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
  record Run(
      int registrySize,
      int rosterSize,
      RosterNoise.Drawn drawn,
      List<PersonRecord> registry,
      Linker.Result<PersonRecord> result,
      long prepareMillis,
      double seconds,
      double peakHeap) {
    /** This run's times alone, its data let go. */
    Run timesOnly() {
      return new Run(
          registrySize,
          rosterSize,
          null,
          null,
          new Linker.Result<>(
              List.of(),
              List.of(),
              null,
              null,
              result.blockMillis(),
              result.trainMillis(),
              result.scoreMillis(),
              result.inRegistry()),
          prepareMillis,
          seconds,
          peakHeap);
    }

    /** This run's data with another run's times (the data of every run is the same). */
    Run withTimesOf(Run other) {
      Linker.Result<PersonRecord> o = other.result();
      return new Run(
          registrySize,
          rosterSize,
          drawn,
          registry,
          new Linker.Result<>(
              result.links(),
              result.alternatives(),
              result.candidates(),
              result.model(),
              o.blockMillis(),
              o.trainMillis(),
              o.scoreMillis(),
              result.inRegistry()),
          other.prepareMillis(),
          other.seconds(),
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

    /**
     * Entries linked in the auto band ({@code withReview} false), or with a proposal in auto or
     * review (the entry's link or an alternative beside it), and those whose proposals include
     * their person.
     */
    Band band(boolean withReview) {
      return band(withReview, MatchingBench.THRESHOLDS);
    }

    /** As {@link #band(boolean)}, with other thresholds. */
    Band band(boolean withReview, org.handover.core.matching.Thresholds t) {
      Map<Integer, Set<Integer>> reviewed = new HashMap<>();
      if (withReview) {
        for (Linker.Link l : result.alternatives()) {
          if (l.band(t, MatchingBench.MIN_MARGIN) == org.handover.core.matching.Band.REVIEW) {
            reviewed.computeIfAbsent(l.left(), k -> new HashSet<>()).add(l.right());
          }
        }
      }
      long links = 0;
      long correct = 0;
      for (Map.Entry<Integer, Linker.Link> e : best().entrySet()) {
        org.handover.core.matching.Band b = e.getValue().band(t, MatchingBench.MIN_MARGIN);
        if (withReview
            ? b != org.handover.core.matching.Band.NONE
            : b == org.handover.core.matching.Band.AUTO) {
          links++;
          int truth = drawn.truth().get(e.getKey());
          if (truth == e.getValue().right()
              || reviewed.getOrDefault(e.getKey(), Set.of()).contains(truth)) {
            correct++;
          }
        }
      }
      // an entry whose candidates all went to other entries, reviewed beside them
      Map<Integer, Linker.Link> linked = best();
      for (Map.Entry<Integer, Set<Integer>> e : reviewed.entrySet()) {
        if (!linked.containsKey(e.getKey())) {
          links++;
          if (e.getValue().contains(drawn.truth().get(e.getKey()))) {
            correct++;
          }
        }
      }
      return new Band(links, correct, inRegistry());
    }

    long reviewEntries() {
      return reviewed().size();
    }

    /** The entries in review: their link, or only candidates beside links that took them. */
    Set<Integer> reviewed() {
      return reviewed(MatchingBench.THRESHOLDS);
    }

    Set<Integer> reviewed(org.handover.core.matching.Thresholds t) {
      Map<Integer, Linker.Link> linked = best();
      Set<Integer> entries = new HashSet<>();
      linked.forEach(
          (entry, l) -> {
            if (l.band(t, MatchingBench.MIN_MARGIN) == org.handover.core.matching.Band.REVIEW) {
              entries.add(entry);
            }
          });
      for (Linker.Link l : result.alternatives()) { // beside the link that took their person
        if (!linked.containsKey(l.left())
            && l.band(t, MatchingBench.MIN_MARGIN) == org.handover.core.matching.Band.REVIEW) {
          entries.add(l.left());
        }
      }
      return entries;
    }

    /** Whether entry i gives a whole date of birth (day, month and year). */
    boolean dated(int i) {
      return drawn.entries().get(i).birthDate().filter(d -> d.day().isPresent()).isPresent();
    }

    /** Entries given a whole date of birth, or not, and how many of them are in review. */
    long[] reviewByDate(boolean dated) {
      return reviewByDate(dated, MatchingBench.THRESHOLDS);
    }

    long[] reviewByDate(boolean dated, org.handover.core.matching.Thresholds t) {
      long entries = 0;
      for (int i = 0; i < drawn.entries().size(); i++) {
        if (dated(i) == dated) {
          entries++;
        }
      }
      long review = reviewed(t).stream().filter(i -> dated(i) == dated).count();
      long auto = 0;
      for (Linker.Link l : best().values()) {
        if (dated(l.left()) == dated
            && l.band(t, MatchingBench.MIN_MARGIN) == org.handover.core.matching.Band.AUTO) {
          auto++;
        }
      }
      return new long[] {entries, review, auto};
    }

    /**
     * The true entries by the noise they were given (and whether their person has a namesake in the
     * registry: the same family name, given name and patronymic), each class with how many were
     * auto-linked to their person, auto-linked to another, and found with review; a markdown table.
     */
    String byNoise(boolean examples) {
      if (drawn.noise().isEmpty()) {
        return "";
      }
      Map<String, Integer> names = new HashMap<>();
      for (PersonRecord p : registry) {
        names.merge(fullName(p), 1, Integer::sum);
      }
      Map<Integer, Set<Integer>> reviewed = new HashMap<>();
      for (Linker.Link l : result.alternatives()) {
        if (l.band(MatchingBench.THRESHOLDS, MatchingBench.MIN_MARGIN)
            == org.handover.core.matching.Band.REVIEW) {
          reviewed.computeIfAbsent(l.left(), k -> new HashSet<>()).add(l.right());
        }
      }
      Map<Integer, Linker.Link> best = best();
      Map<String, List<String>> missed = new HashMap<>();
      Map<String, long[]> rows =
          new java.util.TreeMap<>(
              java.util.Comparator.comparing((String c) -> !c.equals("all true entries"))
                  .thenComparing(String.CASE_INSENSITIVE_ORDER));
      for (int i = 0; i < drawn.truth().size(); i++) {
        int t = drawn.truth().get(i);
        if (t < 0) {
          continue;
        }
        Set<String> classes = new java.util.TreeSet<>(drawn.noise().get(i));
        if (classes.isEmpty()) {
          classes.add("none of these");
        }
        if (names.get(fullName(registry.get(t))) > 1) {
          classes.add("namesake in the registry");
        }
        classes.add("all true entries");
        Linker.Link l = best.get(i);
        org.handover.core.matching.Band b =
            l == null
                ? org.handover.core.matching.Band.NONE
                : l.band(MatchingBench.THRESHOLDS, MatchingBench.MIN_MARGIN);
        boolean right = l != null && l.right() == t;
        boolean auto = b == org.handover.core.matching.Band.AUTO;
        boolean found =
            b != org.handover.core.matching.Band.NONE
                && (right || reviewed.getOrDefault(i, Set.of()).contains(t));
        if (!found) {
          for (String c : classes) {
            List<String> m = missed.computeIfAbsent(c, k -> new java.util.ArrayList<>());
            if (m.size() < 3) {
              m.add(
                  drawn.entries().get(i).names().get(0).parsed().format()
                      + " ("
                      + drawn.entries().get(i).birthDate().map(Object::toString).orElse("no date")
                      + ") is "
                      + registry.get(t).names().get(0).parsed().format()
                      + "; "
                      + (l == null
                          ? "no candidate above the review band"
                          : "linked to "
                              + registry.get(l.right()).names().get(0).parsed().format()
                              + ", "
                              + b));
            }
          }
        }
        for (String c : classes) {
          long[] row = rows.computeIfAbsent(c, k -> new long[4]);
          row[0]++;
          row[1] += auto && right ? 1 : 0;
          row[2] += auto && !right ? 1 : 0;
          row[3] += found ? 1 : 0;
        }
      }
      StringBuilder s =
          new StringBuilder(
              "| noise class | true entries | auto-linked right | auto-linked to another person"
                  + " | recall, auto | recall, auto + review |\n|---|---:|---:|---:|---:|---:|\n");
      rows.forEach(
          (c, r) ->
              s.append(
                  String.format(
                      java.util.Locale.ROOT,
                      "| %s | %,d | %,d | %,d | %.4f | %.4f |%n",
                      c,
                      r[0],
                      r[1],
                      r[2],
                      (double) r[1] / r[0],
                      (double) r[3] / r[0])));
      if (examples) {
        s.append("\nFirst entries not found, by class:\n\n");
        missed.forEach(
            (c, m) -> {
              if (!c.equals("all true entries")) {
                m.forEach(x -> s.append("- ").append(c).append(": ").append(x).append('\n'));
              }
            });
      }
      return s.toString();
    }

    private static String fullName(PersonRecord p) {
      org.handover.names.ParsedName n = p.names().get(0).parsed();
      return n.family() + "|" + n.given() + "|" + n.patronymic();
    }

    /** The share of true entries that blocking paired with their person. */
    double blockingRecall() {
      Set<Long> pairs = new HashSet<>();
      for (int k = 0; k < result.candidates().size(); k++) {
        pairs.add(
            (long) result.candidates().left(k) * registry.size() + result.candidates().right(k));
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

  /** The F1 of a band. */
  static double f1(Band b) {
    double p = b.precision();
    double r = b.recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
