package org.handover.core.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained Fellegi–Sunter model: u-probabilities from random pairs, m-probabilities by EM on the
 * candidate pairs, the prior share of matches, and term frequencies for the fields that use them. A
 * pair's weight, in bits, is the prior's plus each field's log2(m/u); its explanation lists them.
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

  /**
   * Per field, how many entries of the list being linked carry each term, and how many entries it
   * has: {@link #withList}; empty when unknown.
   */
  private final List<Map<String, Integer>> listTerms;

  private final int listSize;

  /** The registry's counts of the name's parts together. */
  private final NamesTogether together;

  /** log2(m/u) by field and level, and the prior's bits: worked out once, not once a pair. */
  private final double[][] plainBits;

  private final double priorBits;

  /** Per field, how often a random pair agrees at the levels that mean "the same". */
  private final double[] same;

  private Model(
      List<FieldComparison<T>> fields,
      double[][] m,
      double[][] u,
      double lambda,
      List<Map<String, Double>> termFrequency) {
    this(fields, m, u, lambda, termFrequency, List.of(), 0, NamesTogether.none());
  }

  private Model(
      List<FieldComparison<T>> fields,
      double[][] m,
      double[][] u,
      double lambda,
      List<Map<String, Double>> termFrequency,
      List<Map<String, Integer>> listTerms,
      int listSize,
      NamesTogether together) {
    this.together = together;
    this.fields = List.copyOf(fields);
    this.m = m;
    this.u = u;
    this.lambda = lambda;
    this.termFrequency = termFrequency;
    this.listTerms = listTerms;
    this.listSize = listSize;
    this.plainBits = new double[m.length][];
    this.same = new double[m.length];
    for (int k = 0; k < m.length; k++) {
      plainBits[k] = new double[m[k].length];
      for (int l = 0; l < m[k].length; l++) {
        plainBits[k][l] = log2(m[k][l] / u[k][l]);
      }
      for (int i = 0; i < this.fields.get(k).termLevels(); i++) {
        same[k] += u[k][i];
      }
    }
    this.priorBits = log2(lambda / (1 - lambda));
  }

  /** One field's share of a pair's weight. */
  public record Contribution(String field, String level, double bits) {
    /**
     * Whether this field weighs so much against the pair ({@link Linker#MAX_AGAINST_BITS}) that it
     * waits for a person; what goes together, weighed again ({@link #TOGETHER_LEVEL}), is not a
     * field that disagrees.
     */
    public boolean contradicts() {
      return bits <= -Linker.MAX_AGAINST_BITS && !level.equals(TOGETHER_LEVEL);
    }
  }

  /**
   * A scored pair: the weight in bits, its probability, the contributions that sum to it, and, for
   * a candidate within {@link Linker#MIN_MARGIN} bits of its entry's heaviest, the probability that
   * the entry is any one of its candidates ({@code found}; else, or scored alone, its own).
   */
  public record Scored(
      double weight,
      double probability,
      double priorBits,
      List<Contribution> explanation,
      double found) {
    public Scored(
        double weight, double probability, double priorBits, List<Contribution> explanation) {
      this(weight, probability, priorBits, explanation, probability);
    }

    /** The probability of this pair taken alone, from its weight, whatever the other candidates. */
    public double alone() {
      return Model.probability(weight);
    }

    /**
     * The same pair with the probability it keeps among its entry's other candidates, and the
     * entry's of being one of them: ten namesakes of an undated name a tenth each, 0.8 together.
     */
    public Scored withShares(double shared, double entryFound) {
      return new Scored(weight, shared, priorBits, explanation, Math.max(shared, entryFound));
    }
  }

  /** Trained without blocking rules to learn from: one EM on every candidate and every field. */
  public static <T> Model<T> train(
      List<T> left,
      List<T> right,
      List<FieldComparison<T>> fields,
      Candidates candidates,
      int randomPairs,
      long seed) {
    return train(
        left,
        right,
        fields,
        List.of(),
        candidates,
        Training.vectors(left, right, fields, candidates, Linker.Progress.NONE),
        new Linker.Options(
            1000, randomPairs, seed, false, 0.01, false, false, Linker.Progress.NONE));
  }

  /**
   * Trained with u from random pairs and m from one EM session per blocking rule that names the
   * fields it fixes ({@link Training}); λ is then the share of matches among all the candidates.
   * {@code vectors} are the candidates' comparison vectors, in the candidates' order.
   */
  public static <T> Model<T> train(
      List<T> left,
      List<T> right,
      List<FieldComparison<T>> fields,
      List<BlockingRule<T>> rules,
      Candidates candidates,
      int[][] vectors,
      Linker.Options options) {
    Linker.Progress progress = options.progress();
    progress.stage(Linker.Stage.RANDOM_PAIRS);
    double[][] u = Training.u(left, right, fields, options.randomPairs(), options.seed(), progress);
    progress.stage(Linker.Stage.FITTING);
    double[][] m = Training.m(left, right, fields, rules, candidates, vectors, u, progress);
    double maxLambda =
        Math.min(0.999, (double) Math.min(left.size(), right.size()) / Math.max(1, vectors.length));
    double lambda = Em.lambda(vectors, m, u, Math.min(0.1, maxLambda), maxLambda);
    List<Map<String, Double>> tf = new ArrayList<>();
    int[] seen = new int[fields.size()];
    for (int k = 0; k < fields.size(); k++) {
      tf.add(new HashMap<>());
    }
    NamesTogether.Counter<T> together = new NamesTogether.Counter<>(fields, false);
    progress.stage(Linker.Stage.COUNTING);
    int counted = 0;
    for (T r : right) { // once: a registry read from its stored bytes decodes each record as read
      progress.counted(++counted, right.size());
      for (int k = 0; k < fields.size(); k++) {
        Optional<String> t = fields.get(k).termOf(r);
        if (t.isPresent()) {
          tf.get(k).merge(t.get(), 1.0, Double::sum);
          seen[k]++;
        }
      }
      together.add(r);
    }
    for (int k = 0; k < fields.size(); k++) {
      int total = seen[k];
      if (total > 0) {
        tf.get(k).replaceAll((key, v) -> v / total);
      }
    }
    return new Model<>(fields, m, u, lambda, tf, List.of(), 0, together.counted());
  }

  static <T> int[] vector(List<FieldComparison<T>> fields, T a, T b) {
    int[] v = new int[fields.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = fields.get(k).compare(a, b);
    }
    return v;
  }

  public Scored score(T a, T b) {
    return score(vector(fields, a, b), a, b);
  }

  /**
   * A pair scored from its comparison vector; {@code b} gives the values whose frequency adjusts
   * the weight.
   */
  public Scored score(int[] vector, T a, T b) {
    double prior = priorBits;
    double weight = prior;
    List<Contribution> out = new ArrayList<>(fields.size());
    for (int k = 0; k < fields.size(); k++) {
      FieldComparison<T> f = fields.get(k);
      int l = vector[k];
      if (l < 0) {
        out.add(new Contribution(f.name(), "missing", 0));
        continue;
      }
      double bits = bits(k, l, b);
      weight += bits;
      out.add(new Contribution(f.name(), f.levels().get(l), bits));
    }
    double[] together = {0};
    this.together.weigh(
        fields,
        k -> vector[k],
        a,
        b,
        this::share,
        (name, bits) -> {
          together[0] += bits;
          out.add(new Contribution(name, TOGETHER_LEVEL, bits));
        });
    weight += together[0];
    return new Scored(weight, probability(weight), prior, out);
  }

  /** A pair scored from its vector packed by {@link Vectors}. */
  Scored score(long packed, T a, T b) {
    return score(Vectors.unpack(packed, fields.size()), a, b);
  }

  /**
   * The weight without the prior, from a vector packed by {@link Vectors}, as {@link #score(int[],
   * Object)} sums it: what the fields say, the same whatever the prior, for the many pairs no one
   * will read.
   */
  double evidence(long packed, T a, T b) {
    double weight = 0;
    for (int k = 0; k < fields.size(); k++) {
      int l = Vectors.level(packed, k);
      if (l >= 0) {
        weight += bits(k, l, b);
      }
    }
    return weight + together.bits(fields, k -> Vectors.level(packed, k), a, b, this::share);
  }

  /** The prior share of matches in bits, added to every pair's evidence. */
  double priorBits() {
    return priorBits;
  }

  /**
   * Field k's weight at level l: log2(m/u), u replaced by the value's own frequency where that
   * applies.
   */
  private double bits(int k, int l, T b) {
    FieldComparison<T> f = fields.get(k);
    if (l < f.termLevels()) {
      Optional<String> term = f.termOf(b);
      Double tf = term.isEmpty() ? null : termFrequency.get(k).get(term.get());
      if (tf != null) {
        // how often a random pair agrees on this very value, shared among the levels that mean
        // "same"
        double uk = Math.max(Math.max(tf, listShare(k, term.get(), tf)) * u[k][l] / same[k], 1e-6);
        return log2(m[k][l] / uk);
      }
    }
    return plainBits[k][l];
  }

  /** The explanation's line for the name's parts weighed together ({@link NamesTogether}). */
  public static final String TOGETHER = NamesTogether.PARTS;

  /**
   * The level of every line of what goes together ({@link NamesTogether}): the name's parts, and a
   * field with a part of the name.
   */
  public static final String TOGETHER_LEVEL = "commoner together than apart";

  /**
   * A term's share as {@link #bits} weighs agreement on it (the registry's, or the list's where
   * larger); NaN when the registry has no share for it.
   */
  private double share(int k, String term) {
    Double tf = termFrequency.get(k).get(term);
    return tf == null ? Double.NaN : Math.max(tf, listShare(k, term, tf));
  }

  /**
   * How often the list's other entries carry this term: a stranger on the list is drawn from the
   * list's names, not the registry's, and a Russian form common on a Russian list (Андрей) may be
   * rare in a Ukrainian registry (Андрій). One entry is left out (the person's term stands for the
   * entry's, which at another script's level may differ). Counted only where the list can tell:
   * {@link #LIST_FROM} entries or more, {@link #LIST_TERM_FROM} others carrying it, drawn towards
   * the registry's share as if it had counted {@link #LIST_PRIOR} entries more; two brothers on a
   * short list, or a village's list, do not make their name or place common.
   */
  private double listShare(int k, String term, double registryShare) {
    if (listSize < LIST_FROM || listTerms.isEmpty()) {
      return 0;
    }
    Integer n = listTerms.get(k).get(term);
    if (n == null || n - 1 < LIST_TERM_FROM) {
      return 0;
    }
    return (n - 1.0 + LIST_PRIOR * registryShare) / (listSize - 1.0 + LIST_PRIOR);
  }

  /** From how many entries a list's own frequencies count. */
  static final int LIST_FROM = 1_000;

  /** From how many other entries carrying a term its share on the list counts. */
  static final int LIST_TERM_FROM = 10;

  /** How many entries the registry's share counts for beside the list's. */
  static final int LIST_PRIOR = 1_000;

  /**
   * The same model, each value's frequency also counted on the list it links ({@code list}): u of a
   * value is its share in the registry or on the list, whichever is larger.
   */
  public Model<T> withList(List<T> list) {
    List<Map<String, Integer>> terms = new ArrayList<>();
    for (FieldComparison<T> f : fields) {
      Map<String, Integer> counts = new HashMap<>();
      if (f.termLevels() > 0) {
        for (T r : list) {
          f.termOf(r).ifPresent(t -> counts.merge(t, 1, Integer::sum));
        }
      }
      terms.add(counts);
    }
    return new Model<>(fields, m, u, lambda, termFrequency, terms, list.size(), together);
  }

  /**
   * The trained tables, field by field and level by level: {field: {level: [m, u]}}, for storing a
   * run.
   */
  public Map<String, Map<String, double[]>> tables() {
    Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
    for (int k = 0; k < fields.size(); k++) {
      Map<String, double[]> levels = new LinkedHashMap<>();
      for (int l = 0; l < fields.get(k).levels().size(); l++) {
        levels.put(fields.get(k).levels().get(l), new double[] {m[k][l], u[k][l]});
      }
      out.put(fields.get(k).name(), levels);
    }
    return out;
  }

  /**
   * A model as stored: its fields' m and u ({@link #tables()}: by field name, then level name), its
   * prior and its term frequencies ({@link #termFrequencies()}).
   *
   * @throws IllegalArgumentException when the stored tables do not name exactly these fields and
   *     levels: a model trained on other features is never applied to these
   */
  public static <T> Model<T> restore(
      List<FieldComparison<T>> fields,
      Map<String, Map<String, double[]>> tables,
      double lambda,
      List<Map<String, Double>> termFrequency) {
    return restore(fields, tables, lambda, termFrequency, NamesTogether.none());
  }

  /** As stored, with the registry's names counted together ({@link #namesTogether()}). */
  public static <T> Model<T> restore(
      List<FieldComparison<T>> fields,
      Map<String, Map<String, double[]>> tables,
      double lambda,
      List<Map<String, Double>> termFrequency,
      NamesTogether together) {
    if (tables.size() != fields.size() || termFrequency.size() != fields.size()) {
      throw new IllegalArgumentException(
          "the stored model has " + tables.size() + " fields, the engine " + fields.size());
    }
    double[][] m = new double[fields.size()][];
    double[][] u = new double[fields.size()][];
    for (int k = 0; k < fields.size(); k++) {
      FieldComparison<T> f = fields.get(k);
      Map<String, double[]> levels = tables.get(f.name());
      if (levels == null || !List.copyOf(levels.keySet()).equals(f.levels())) {
        throw new IllegalArgumentException(
            "the stored model's field \"" + f.name() + "\" has other levels than the engine's");
      }
      m[k] = new double[f.levels().size()];
      u[k] = new double[f.levels().size()];
      for (int l = 0; l < f.levels().size(); l++) {
        m[k][l] = levels.get(f.levels().get(l))[0];
        u[k][l] = levels.get(f.levels().get(l))[1];
      }
    }
    List<Map<String, Double>> tf = new ArrayList<>();
    termFrequency.forEach(t -> tf.add(new HashMap<>(t)));
    return new Model<>(fields, m, u, lambda, tf, List.of(), 0, together);
  }

  /** How often the registry's names' parts go together, for storing the model. */
  public NamesTogether namesTogether() {
    return together;
  }

  /** The same model with the names' parts counted otherwise (a whole registry, not a sample). */
  Model<T> withNamesTogether(NamesTogether counted) {
    return new Model<>(fields, m, u, lambda, termFrequency, listTerms, listSize, counted);
  }

  /** How often each value of a field occurs in the registry, per field (empty where unused). */
  public List<Map<String, Double>> termFrequencies() {
    return termFrequency;
  }

  /**
   * What the model was trained on, in words that change whenever a field, a level, the way names
   * are prepared or the way records are stored changes: a stored model whose features differ from
   * the engine's is stale.
   */
  public static <T> String features(List<FieldComparison<T>> fields) {
    StringBuilder b = new StringBuilder(RecordCodec.VERSION).append(';').append(Training.VERSION);
    for (FieldComparison<T> f : fields) {
      b.append(';').append(f.name()).append('=').append(String.join(",", f.levels()));
      // a field counted with another part of the name is another model
      f.companion().ifPresent(c -> b.append(" with part ").append(c.part()));
    }
    return b.toString();
  }

  /**
   * The same model with another prior share of matches: the share differs from one set of
   * candidates to another.
   */
  public Model<T> withLambda(double newLambda) {
    return new Model<>(fields, m, u, newLambda, termFrequency, listTerms, listSize, together);
  }

  /**
   * The share of matches among pairs with these comparison vectors (packed by {@link Vectors}), m
   * and u held.
   */
  double lambdaOf(long[] packed, double maxLambda) {
    return Em.lambda(packed, m, u, Math.min(0.1, maxLambda), maxLambda);
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

  /** The probability a weight in bits stands for: odds of 2^w to one. */
  static double probability(double weight) {
    return 1 / (1 + Math.pow(2, -weight));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
