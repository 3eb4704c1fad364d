package org.handover.core.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * How a model's m-probabilities are estimated without labels. u comes from random pairs. m comes
 * from one EM session per blocking rule, on that rule's own pairs with the fields the rule forces
 * to agree left out (Splink's method): among pairs blocked on the family name, agreeing on it says
 * nothing, and EM run on every field at once would take "same family" for "same person". The
 * session that sees the most fields runs first; each later one holds the m already estimated and
 * estimates only the rest, anchored by them. A field no session could estimate falls back to one EM
 * on all candidates.
 */
final class Training {
  /** How many sure examples of a match EM needs before what it learns is used over a typical m. */
  static final int MIN_EXAMPLES = 30;

  /**
   * How many matches the typical m counts as, beside those EM saw: a level EM never sees among the
   * matches it learns from (a list without a year off by one) keeps a share of its typical m
   * instead of weighing some fourteen bits against, so such a slip in the next list is reviewed,
   * not lost.
   */
  static final double TYPICAL_EXAMPLES = 30;

  /** Changes whenever training does, so that a stored model is trained again (in its features). */
  static final String VERSION = "train-4"; // 3: names' parts counted together; 4: and companions

  /** Pairs per session at most, taken evenly from the rule's pairs. */
  static final int MAX_SESSION_PAIRS = 300_000;

  private Training() {}

  /** {@code progress} told how many of the random pairs are compared, a hundred times at most. */
  static <T> double[][] u(
      List<T> left,
      List<T> right,
      List<FieldComparison<T>> fields,
      int randomPairs,
      long seed,
      Linker.Progress progress) {
    double[][] counts = new double[fields.size()][];
    for (int k = 0; k < fields.size(); k++) {
      counts[k] = new double[fields.get(k).levels().size()];
    }
    Random random = new Random(seed);
    for (int s = 0; s < randomPairs; s++) {
      T a = left.get(random.nextInt(left.size()));
      T b = right.get(random.nextInt(right.size()));
      for (int k = 0; k < fields.size(); k++) {
        int l = fields.get(k).compare(a, b);
        if (l >= 0) {
          counts[k][l]++;
        }
      }
      progress.counted(s + 1, randomPairs);
    }
    double[][] u = new double[fields.size()][];
    for (int k = 0; k < fields.size(); k++) {
      double total = 0;
      for (double c : counts[k]) {
        total += c;
      }
      int levels = counts[k].length;
      u[k] = new double[levels];
      for (int l = 0; l < levels; l++) {
        u[k][l] = (counts[k][l] + 0.5) / (total + 0.5 * levels);
      }
    }
    return u;
  }

  /**
   * The comparison vectors of every candidate pair ({@link Vectors#of}), as arrays; {@code
   * progress} told how many are compared.
   */
  static <T> int[][] vectors(
      List<T> left,
      List<T> right,
      List<FieldComparison<T>> fields,
      Candidates c,
      Linker.Progress progress) {
    return Vectors.unpack(Vectors.of(left, right, fields, c, null, null, progress), fields.size());
  }

  /**
   * Every {@code step}-th of a rule's own pairs, its vector taken from {@code all}, the masked
   * fields left out.
   */
  private static int[][] session(Candidates c, long[] own, int[][] all, Set<Integer> masked) {
    int step = Math.max(1, own.length / MAX_SESSION_PAIRS + 1);
    int[][] out = new int[(own.length + step - 1) / step][];
    for (int p = 0, i = 0; p < own.length; p += step, i++) {
      int[] v = all[c.indexOf(own[p])].clone();
      for (int k : masked) {
        v[k] = FieldComparison.MISSING;
      }
      out[i] = v;
    }
    return out;
  }

  /** The m of every field; {@code all} holds the vectors of every candidate pair of {@code c}. */
  static <T> double[][] m(
      List<T> left,
      List<T> right,
      List<FieldComparison<T>> fields,
      List<BlockingRule<T>> rules,
      Candidates c,
      int[][] all,
      double[][] u,
      Linker.Progress progress) {
    int[] levels = fields.stream().mapToInt(f -> f.levels().size()).toArray();
    List<Session> sessions = new ArrayList<>();
    for (BlockingRule<T> rule : rules) {
      if (rule.fixes().isEmpty()) {
        continue;
      }
      Set<Integer> masked = new HashSet<>();
      for (int k = 0; k < fields.size(); k++) {
        if (rule.fixes().contains(fields.get(k).name())) {
          masked.add(k);
        }
      }
      long[] own = c.rulePairs().get(rule.name());
      if (own == null) {
        continue;
      }
      int[][] v = session(c, own, all, masked);
      int usable = usableFields(v, fields.size());
      if (usable >= 2) {
        sessions.add(new Session(v, usable, sessions.size()));
      }
    }
    // the session that sees the most fields first; later ones hold what earlier ones estimated
    sessions.sort(Comparator.comparingInt((Session x) -> -x.usable).thenComparingInt(x -> x.order));
    double[][] m = new double[fields.size()][];
    double[] support = new double[fields.size()];
    for (int s = 0; s < sessions.size(); s++) {
      progress.at(s, sessions.size());
      Session session = sessions.get(s);
      double maxLambda =
          Math.min(
              0.999,
              (double) Math.min(left.size(), right.size()) / Math.max(1, session.vectors.length));
      Em.Fit fit =
          Em.fit(session.vectors, levels, u, Math.min(0.1, maxLambda), 50, maxLambda, m.clone());
      for (int k = 0; k < fields.size(); k++) {
        if (m[k] == null && fit.support()[k] > 0) {
          m[k] = fit.m()[k];
          support[k] = fit.support()[k];
        }
      }
    }
    progress.at(sessions.size(), sessions.size());
    // with hardly any pair sure to be one person (a registry nearly free of duplicates), EM's
    // "match"
    // class is whatever else the pairs share; it is not used where a typical m is known
    boolean examples = certain(all) >= MIN_EXAMPLES;
    double[][] fallback = null;
    for (int k = 0; k < fields.size(); k++) {
      if (m[k] == null) {
        if (fallback == null) {
          fallback = everyFieldAtOnce(all, levels, u, Math.min(left.size(), right.size()));
        }
        m[k] = fallback[k];
      }
      // what EM found must at least say that agreeing is for a match and disagreeing against it;
      // otherwise it learnt noise (a registry without duplicates teaches nothing), and the field
      // takes the m typical of one person's records
      double[] typical = fields.get(k).typicalM();
      if (typical != null
          && (!examples || !trustworthy(m[k], u[k], fields.get(k).agreeingLevels()))) {
        m[k] = typical;
      } else if (typical != null && support[k] > 0) {
        m[k] = blend(m[k], support[k], typical);
      }
    }
    return m;
  }

  /** What EM found over {@code seen} matches, with the typical m as {@link #TYPICAL_EXAMPLES}. */
  static double[] blend(double[] learnt, double seen, double[] typical) {
    double[] out = new double[learnt.length];
    for (int l = 0; l < out.length; l++) {
      out[l] = (learnt[l] * seen + typical[l] * TYPICAL_EXAMPLES) / (seen + TYPICAL_EXAMPLES);
    }
    return out;
  }

  /** Agreeing at the strongest level weighs for a match, and no disagreeing level does. */
  private static boolean trustworthy(double[] m, double[] u, int agreeing) {
    if (m[0] <= u[0]) {
      return false;
    }
    for (int l = agreeing; l < m.length; l++) {
      if (m[l] > u[l]) {
        return false;
      }
    }
    return true;
  }

  private record Session(int[][] vectors, int usable, int order) {}

  /**
   * How many fields enough pairs have (5%): EM needs two, or it cannot tell matches from their
   * agreement.
   */
  private static int usableFields(int[][] vectors, int fields) {
    int usable = 0;
    for (int k = 0; k < fields; k++) {
      int present = 0;
      for (int[] v : vectors) {
        if (v[k] >= 0) {
          present++;
        }
      }
      if (present >= 0.05 * vectors.length && present > 0) {
        usable++;
      }
    }
    return usable;
  }

  /**
   * One EM on every candidate and every field, λ bounded by the pairs that agree at the top level
   * on every field both sides have (at least three): without a bound, on pairs blocked on names, EM
   * calls every pair a match even where no one is recorded twice.
   */
  private static double[][] everyFieldAtOnce(
      int[][] vectors, int[] levels, double[][] u, int smaller) {
    long certain = certain(vectors);
    double pairs = Math.max(1, vectors.length);
    double maxLambda = Math.min(0.999, Math.min(smaller, 2.0 * certain + 1) / pairs);
    double lambda0 = Math.max(1e-6, Math.min(maxLambda, Math.max(certain, 1) / pairs));
    return Em.fit(vectors, levels, u, lambda0, 30, maxLambda).m();
  }

  /**
   * The pairs that agree at the top level on every field both sides have, three at least: sure
   * examples of a match.
   */
  static long certain(int[][] vectors) {
    long certain = 0;
    for (int[] v : vectors) {
      int present = 0;
      boolean allTop = true;
      for (int l : v) {
        if (l >= 0) {
          present++;
          allTop &= l == 0;
        }
      }
      if (allTop && present >= 3) {
        certain++;
      }
    }
    return certain;
  }
}
