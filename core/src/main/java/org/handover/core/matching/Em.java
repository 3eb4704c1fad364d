package org.handover.core.matching;

/**
 * Expectation–maximisation for the m-probabilities of a Fellegi–Sunter model, without labels: u is
 * held fixed (estimated from random pairs, as Splink does) and m and the share of matches λ are
 * re-estimated from the comparison vectors until they settle.
 *
 * <pre>{@code
 * Em.Fit fit = Em.fit(vectors, levelsPerField, u, 0.1, 25);
 * fit.m()[field][level]; fit.lambda();
 * }</pre>
 */
public final class Em {
  private Em() {}

  /**
   * The fitted m-probabilities by field and level, the share of candidate pairs that match, and for
   * each field how many expected matches had it (the weight of this fit's m when fits are pooled).
   */
  public record Fit(double[][] m, double lambda, int iterations, double[] support) {}

  public static Fit fit(
      int[][] vectors, int[] levels, double[][] u, double lambda0, int maxIterations) {
    return fit(vectors, levels, u, lambda0, maxIterations, 0.999);
  }

  /**
   * As {@link #fit(int[][], int[], double[][], double, int)}, with λ held at most {@code
   * maxLambda}: among pairs blocked on names nearly all agree on names, and without a bound EM
   * explains that by calling every pair a match. No more pairs can match than the smaller list has
   * records.
   */
  public static Fit fit(
      int[][] vectors,
      int[] levels,
      double[][] u,
      double lambda0,
      int maxIterations,
      double maxLambda) {
    return fit(vectors, levels, u, lambda0, maxIterations, maxLambda, new double[levels.length][]);
  }

  /**
   * As {@link #fit(int[][], int[], double[][], double, int, double)}, with the m of some fields
   * known: {@code held[k]}, where not null, is field k's m, used and never re-estimated. A field
   * estimated earlier on other pairs anchors the others: two fields alone cannot tell matches from
   * pairs that merely share a common value of both. A held field's u is re-estimated instead: how a
   * match shows in a field is the same everywhere, how often non-matches agree is not (two records
   * blocked on one family name share a patronymic more often than two drawn at random).
   */
  public static Fit fit(
      int[][] vectors,
      int[] levels,
      double[][] u,
      double lambda0,
      int maxIterations,
      double maxLambda,
      double[][] held) {
    int fields = levels.length;
    Patterns patterns = Patterns.of(vectors);
    double[][] m = new double[fields][];
    for (int k = 0; k < fields; k++) {
      m[k] = new double[levels[k]];
      for (int l = 0; l < levels[k]; l++) {
        // start by believing that matches mostly agree
        m[k][l] = held[k] != null ? held[k][l] : l == 0 ? 0.9 : 0.1 / Math.max(1, levels[k] - 1);
      }
    }
    u = u.clone();
    for (int k = 0; k < fields; k++) {
      u[k] = u[k].clone();
    }
    double lambda = Math.min(lambda0, maxLambda);
    int it = 0;
    double[] support = new double[fields];
    for (; it < maxIterations; it++) {
      double[][] sum = new double[fields][];
      double[][] sumU = new double[fields][];
      double[] total = new double[fields];
      double[] totalU = new double[fields];
      for (int k = 0; k < fields; k++) {
        sum[k] = new double[levels[k]];
        sumU[k] = new double[levels[k]];
      }
      double posteriors = 0;
      for (int i = 0; i < patterns.vectors.length; i++) {
        int[] v = patterns.vectors[i];
        double n = patterns.counts[i];
        double logM = Math.log(lambda);
        double logU = Math.log(1 - lambda);
        for (int k = 0; k < fields; k++) {
          if (v[k] >= 0) {
            logM += Math.log(m[k][v[k]]);
            logU += Math.log(u[k][v[k]]);
          }
        }
        double p = 1 / (1 + Math.exp(logU - logM));
        posteriors += n * p;
        for (int k = 0; k < fields; k++) {
          if (v[k] >= 0) {
            sum[k][v[k]] += n * p;
            total[k] += n * p;
            sumU[k][v[k]] += n * (1 - p);
            totalU[k] += n * (1 - p);
          }
        }
      }
      support = total;
      double change = 0;
      for (int k = 0; k < fields; k++) {
        for (int l = 0; l < levels[k] && held[k] != null && totalU[k] > 0; l++) {
          double next = (sumU[k][l] + 1e-3) / (totalU[k] + 1e-3 * levels[k]);
          change = Math.max(change, Math.abs(next - u[k][l]));
          u[k][l] = next;
        }
        for (int l = 0; l < levels[k] && held[k] == null; l++) {
          // a little smoothing keeps a level never seen among matches from weighing minus infinity
          double next = (sum[k][l] + 1e-3) / (total[k] + 1e-3 * levels[k]);
          change = Math.max(change, Math.abs(next - m[k][l]));
          m[k][l] = next;
        }
      }
      double nextLambda =
          Math.min(maxLambda, Math.max(1e-6, posteriors / Math.max(1, vectors.length)));
      change = Math.max(change, Math.abs(nextLambda - lambda));
      lambda = nextLambda;
      if (change < 1e-5) {
        it++;
        break;
      }
    }
    return new Fit(m, lambda, it, support);
  }

  /**
   * The share of matches among {@code vectors} with m and u held: the mean posterior, iterated, at
   * most {@code maxLambda}.
   */
  public static double lambda(
      int[][] vectors, double[][] m, double[][] u, double lambda0, double maxLambda) {
    return lambda(Patterns.of(vectors), m, u, lambda0, maxLambda);
  }

  /** The same for vectors packed by {@link Vectors}. */
  static double lambda(
      long[] packed, double[][] m, double[][] u, double lambda0, double maxLambda) {
    return lambda(Patterns.of(packed, m.length), m, u, lambda0, maxLambda);
  }

  private static double lambda(
      Patterns patterns, double[][] m, double[][] u, double lambda0, double maxLambda) {
    double lambda = Math.min(lambda0, maxLambda);
    double pairs = 0;
    for (double n : patterns.counts) {
      pairs += n;
    }
    // each distinct vector's log odds against a match, the prior's aside: the same every iteration
    double[] against = new double[patterns.vectors.length];
    for (int i = 0; i < against.length; i++) {
      int[] v = patterns.vectors[i];
      for (int k = 0; k < v.length; k++) {
        if (v[k] >= 0) {
          against[i] += Math.log(u[k][v[k]] / m[k][v[k]]);
        }
      }
    }
    for (int it = 0; it < 100 && pairs > 0; it++) {
      double posteriors = 0;
      double prior = Math.log((1 - lambda) / lambda);
      for (int i = 0; i < against.length; i++) {
        posteriors += patterns.counts[i] / (1 + Math.exp(prior + against[i]));
      }
      double next = Math.min(maxLambda, Math.max(1e-9, posteriors / pairs));
      if (Math.abs(next - lambda) < 1e-7) {
        return next;
      }
      lambda = next;
    }
    return lambda;
  }

  /**
   * The distinct comparison vectors and how often each occurs, in a fixed order: EM's sums depend
   * on nothing else, and millions of candidate pairs have a few thousand distinct vectors.
   */
  record Patterns(int[][] vectors, double[] counts) {
    static Patterns of(int[][] vectors) {
      int fields = vectors.length == 0 ? 0 : vectors[0].length;
      if (fields > Vectors.MAX_FIELDS || !packable(vectors)) {
        double[] ones = new double[vectors.length];
        java.util.Arrays.fill(ones, 1);
        return new Patterns(vectors, ones);
      }
      long[] packed = new long[vectors.length];
      for (int i = 0; i < vectors.length; i++) {
        packed[i] = Vectors.pack(vectors[i]);
      }
      return ofPacked(packed, fields);
    }

    /** From packed vectors ({@link Vectors}), left as they are. */
    static Patterns of(long[] packed, int fields) {
      return ofPacked(packed.clone(), fields);
    }

    private static Patterns ofPacked(long[] packed, int fields) {
      java.util.Arrays.parallelSort(packed);
      int distinct = 0;
      for (int i = 0; i < packed.length; i++) {
        distinct += i == 0 || packed[i] != packed[i - 1] ? 1 : 0;
      }
      int[][] out = new int[distinct][];
      double[] counts = new double[distinct];
      int d = -1;
      for (int i = 0; i < packed.length; i++) {
        if (i == 0 || packed[i] != packed[i - 1]) {
          out[++d] = Vectors.unpack(packed[i], fields);
        }
        counts[d]++;
      }
      return new Patterns(out, counts);
    }

    private static boolean packable(int[][] vectors) {
      for (int[] v : vectors) {
        for (int l : v) {
          if (l < -1 || l >= Vectors.MAX_LEVELS) {
            return false;
          }
        }
      }
      return true;
    }
  }
}
