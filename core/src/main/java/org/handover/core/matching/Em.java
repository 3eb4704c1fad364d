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
      for (int[] v : vectors) {
        double logM = Math.log(lambda);
        double logU = Math.log(1 - lambda);
        for (int k = 0; k < fields; k++) {
          if (v[k] >= 0) {
            logM += Math.log(m[k][v[k]]);
            logU += Math.log(u[k][v[k]]);
          }
        }
        double p = 1 / (1 + Math.exp(logU - logM));
        posteriors += p;
        for (int k = 0; k < fields; k++) {
          if (v[k] >= 0) {
            sum[k][v[k]] += p;
            total[k] += p;
            sumU[k][v[k]] += 1 - p;
            totalU[k] += 1 - p;
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
    double lambda = Math.min(lambda0, maxLambda);
    for (int it = 0; it < 100 && vectors.length > 0; it++) {
      double posteriors = 0;
      for (int[] v : vectors) {
        double log = Math.log((1 - lambda) / lambda);
        for (int k = 0; k < v.length; k++) {
          if (v[k] >= 0) {
            log += Math.log(u[k][v[k]] / m[k][v[k]]);
          }
        }
        posteriors += 1 / (1 + Math.exp(log));
      }
      double next = Math.min(maxLambda, Math.max(1e-9, posteriors / vectors.length));
      if (Math.abs(next - lambda) < 1e-7) {
        return next;
      }
      lambda = next;
    }
    return lambda;
  }
}
