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

  /** The fitted m-probabilities by field and level, and the share of candidate pairs that match. */
  public record Fit(double[][] m, double lambda, int iterations) {}

  public static Fit fit(int[][] vectors, int[] levels, double[][] u, double lambda0, int maxIterations) {
    return fit(vectors, levels, u, lambda0, maxIterations, 0.999);
  }

  /**
   * As {@link #fit(int[][], int[], double[][], double, int)}, with λ held at most {@code maxLambda}: among
   * pairs blocked on names nearly all agree on names, and without a bound EM explains that by calling
   * every pair a match. No more pairs can match than the smaller list has records.
   */
  public static Fit fit(int[][] vectors, int[] levels, double[][] u, double lambda0, int maxIterations,
                        double maxLambda) {
    int fields = levels.length;
    double[][] m = new double[fields][];
    for (int k = 0; k < fields; k++) {
      m[k] = new double[levels[k]];
      // start by believing that matches mostly agree
      for (int l = 0; l < levels[k]; l++) {
        m[k][l] = l == 0 ? 0.9 : 0.1 / Math.max(1, levels[k] - 1);
      }
    }
    double lambda = Math.min(lambda0, maxLambda);
    int it = 0;
    for (; it < maxIterations; it++) {
      double[][] sum = new double[fields][];
      double[] total = new double[fields];
      for (int k = 0; k < fields; k++) {
        sum[k] = new double[levels[k]];
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
          }
        }
      }
      double change = 0;
      for (int k = 0; k < fields; k++) {
        for (int l = 0; l < levels[k]; l++) {
          // a little smoothing keeps a level never seen among matches from weighing minus infinity
          double next = (sum[k][l] + 1e-3) / (total[k] + 1e-3 * levels[k]);
          change = Math.max(change, Math.abs(next - m[k][l]));
          m[k][l] = next;
        }
      }
      double nextLambda = Math.min(maxLambda, Math.max(1e-6, posteriors / Math.max(1, vectors.length)));
      change = Math.max(change, Math.abs(nextLambda - lambda));
      lambda = nextLambda;
      if (change < 1e-5) {
        it++;
        break;
      }
    }
    return new Fit(m, lambda, it);
  }
}
