package org.handover.core.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A trained Fellegi–Sunter model: u-probabilities from random pairs, m-probabilities by EM on the
 * candidate pairs, the prior share of matches, and term frequencies for the fields that use them.
 * A pair's weight, in bits, is the prior's plus each field's log2(m/u); its explanation lists them.
 *
 * <pre>{@code
 * Model model = Model.train(roster, registry, fields, candidates, 20_000, 42);
 * Model.Scored s = model.score(roster.get(i), registry.get(j));
 * s.weight(); s.probability(); s.explanation();
 * }</pre>
 */
public final class Model<T> {
  private final List<FieldComparison<T>> fields;
  private final double[][] m;
  private final double[][] u;
  private final double lambda;
  private final List<Map<String, Double>> termFrequency;

  private Model(List<FieldComparison<T>> fields, double[][] m, double[][] u, double lambda,
                List<Map<String, Double>> termFrequency) {
    this.fields = List.copyOf(fields);
    this.m = m;
    this.u = u;
    this.lambda = lambda;
    this.termFrequency = termFrequency;
  }

  /** One field's share of a pair's weight. */
  public record Contribution(String field, String level, double bits) {}

  /** A scored pair: the weight in bits, its probability, and the contributions that sum to it. */
  public record Scored(double weight, double probability, double priorBits, List<Contribution> explanation) {}

  public static <T> Model<T> train(List<T> left, List<T> right, List<FieldComparison<T>> fields, Candidates candidates,
                                   int randomPairs, long seed) {
    int[] levels = fields.stream().mapToInt(f -> f.levels().size()).toArray();
    double[][] u = new double[fields.size()][];
    double[][] counts = new double[fields.size()][];
    for (int k = 0; k < fields.size(); k++) {
      counts[k] = new double[levels[k]];
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
    }
    for (int k = 0; k < fields.size(); k++) {
      double total = 0;
      for (double c : counts[k]) {
        total += c;
      }
      u[k] = new double[levels[k]];
      for (int l = 0; l < levels[k]; l++) {
        u[k][l] = (counts[k][l] + 0.5) / (total + 0.5 * levels[k]);
      }
    }
    int[][] vectors = new int[candidates.size()][];
    for (int p = 0; p < candidates.size(); p++) {
      vectors[p] = vector(fields, left.get(candidates.left(p)), right.get(candidates.right(p)));
    }
    // How many candidates can match at all: no more than the smaller list has records, and, as the
    // data shows it, not many more than agree at the top level on every field both sides have (with
    // at least three of them). Without this bound EM, on pairs blocked on names, explains the
    // agreement on names by calling every pair a match, even where no one is recorded twice.
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
    double pairs = Math.max(1, candidates.size());
    double maxLambda = Math.min(0.999, Math.min(Math.min(left.size(), right.size()), 2.0 * certain + 1) / pairs);
    double lambda0 = Math.max(1e-6, Math.min(maxLambda, Math.max(certain, 1) / pairs));
    Em.Fit fit = Em.fit(vectors, levels, u, lambda0, 30, maxLambda);
    List<Map<String, Double>> tf = new ArrayList<>();
    for (FieldComparison<T> f : fields) {
      Map<String, Double> freq = new HashMap<>();
      int seen = 0;
      for (T r : right) {
        Optional<String> t = f.termOf(r);
        if (t.isPresent()) {
          freq.merge(t.get(), 1.0, Double::sum);
          seen++;
        }
      }
      int total = seen;
      if (total > 0) {
        freq.replaceAll((k, v) -> v / total);
      }
      tf.add(freq);
    }
    return new Model<>(fields, fit.m(), u, fit.lambda(), tf);
  }

  static <T> int[] vector(List<FieldComparison<T>> fields, T a, T b) {
    int[] v = new int[fields.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = fields.get(k).compare(a, b);
    }
    return v;
  }

  public Scored score(T a, T b) {
    double prior = log2(lambda / (1 - lambda));
    double weight = prior;
    List<Contribution> out = new ArrayList<>(fields.size());
    for (int k = 0; k < fields.size(); k++) {
      FieldComparison<T> f = fields.get(k);
      int l = f.compare(a, b);
      if (l < 0) {
        out.add(new Contribution(f.name(), "missing", 0));
        continue;
      }
      double uk = u[k][l];
      if (l == 0) {
        Optional<String> term = f.termOf(b);
        if (term.isPresent() && termFrequency.get(k).containsKey(term.get())) {
          uk = Math.max(termFrequency.get(k).get(term.get()), 1e-6); // how often a random pair agrees on this very value
        }
      }
      double bits = log2(m[k][l] / uk);
      weight += bits;
      out.add(new Contribution(f.name(), f.levels().get(l), bits));
    }
    double probability = 1 / (1 + Math.pow(2, -weight));
    return new Scored(weight, probability, prior, out);
  }

  /** The trained tables, field by field and level by level: {field: {level: [m, u]}}, for storing a run. */
  public java.util.Map<String, java.util.Map<String, double[]>> tables() {
    java.util.Map<String, java.util.Map<String, double[]>> out = new java.util.LinkedHashMap<>();
    for (int k = 0; k < fields.size(); k++) {
      java.util.Map<String, double[]> levels = new java.util.LinkedHashMap<>();
      for (int l = 0; l < fields.get(k).levels().size(); l++) {
        levels.put(fields.get(k).levels().get(l), new double[] {m[k][l], u[k][l]});
      }
      out.put(fields.get(k).name(), levels);
    }
    return out;
  }

  public double lambda() {
    return lambda;
  }

  public double m(int field, int level) {
    return m[field][level];
  }

  public double u(int field, int level) {
    return u[field][level];
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
