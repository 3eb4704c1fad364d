package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmTest {
  /** Draws a level from a distribution. */
  private static int draw(double[] p, Random r) {
    double x = r.nextDouble();
    for (int l = 0; l < p.length; l++) {
      x -= p[l];
      if (x < 0) {
        return l;
      }
    }
    return p.length - 1;
  }

  @Test
  void recoversKnownMAndLambdaWithinTolerance() {
    double[][] m = {{0.9, 0.07, 0.03}, {0.85, 0.15}, {0.7, 0.2, 0.1}, {0.95, 0.05}};
    double[][] u = {{0.01, 0.09, 0.9}, {0.05, 0.95}, {0.02, 0.08, 0.9}, {0.1, 0.9}};
    double lambda = 0.2;
    Random random = new Random(3);
    int[][] vectors = new int[40_000][];
    for (int p = 0; p < vectors.length; p++) {
      boolean match = random.nextDouble() < lambda;
      vectors[p] = new int[m.length];
      for (int k = 0; k < m.length; k++) {
        vectors[p][k] = draw(match ? m[k] : u[k], random);
      }
    }
    Em.Fit fit = Em.fit(vectors, new int[] {3, 2, 3, 2}, u, 0.5, 200);
    assertThat(fit.lambda()).isCloseTo(lambda, within(0.01));
    for (int k = 0; k < m.length; k++) {
      for (int l = 0; l < m[k].length; l++) {
        assertThat(fit.m()[k][l]).as("m[%d][%d]", k, l).isCloseTo(m[k][l], within(0.03));
      }
    }
  }

  @Test
  void aMissingFieldWeighsNothing() {
    int[][] vectors = {{0, -1}, {1, -1}, {0, 0}};
    Em.Fit fit =
        Em.fit(vectors, new int[] {2, 2}, new double[][] {{0.1, 0.9}, {0.1, 0.9}}, 0.5, 50);
    assertThat(fit.m()[1][0] + fit.m()[1][1]).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void jaroWinklerAndEditDistance() {
    assertThat(Strings.jaroWinkler("martha", "marhta")).isCloseTo(0.961, within(0.001));
    assertThat(Strings.osa("19151111", "19151112")).isEqualTo(1);
    assertThat(Strings.osa("ab", "ba")).isEqualTo(1);
  }

  @Test
  void vectorsAreCountedOnceEachWithHowOftenTheyOccur() {
    int[][] vectors = {{0, -1, 14}, {2, 1, 0}, {0, -1, 14}, {0, -1, 14}, {2, 1, 0}, {1, 0, 0}};
    Em.Patterns p = Em.Patterns.of(vectors);
    java.util.Map<String, Double> counts = new java.util.HashMap<>();
    for (int i = 0; i < p.vectors().length; i++) {
      counts.put(java.util.Arrays.toString(p.vectors()[i]), p.counts()[i]);
    }
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("[0, -1, 14]", 3.0, "[2, 1, 0]", 2.0, "[1, 0, 0]", 1.0));
    // a level beyond four bits is kept as it is, each vector once
    int[][] wide = {{15, 0}, {15, 0}};
    assertThat(Em.Patterns.of(wide).counts()).containsExactly(1.0, 1.0);
  }

  @Test
  void theShareOfMatchesIsTheSameForVectorsInAnyOrder() {
    double[][] m = {{0.9, 0.1}, {0.8, 0.2}};
    double[][] u = {{0.1, 0.9}, {0.3, 0.7}};
    int[][] vectors = new int[1000][];
    Random random = new Random(5);
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = new int[] {random.nextInt(2), random.nextInt(3) - 1};
    }
    int[][] reversed = new int[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      reversed[i] = vectors[vectors.length - 1 - i];
    }
    double a = Em.lambda(vectors, m, u, 0.1, 0.9);
    assertThat(a).isBetween(0.05, 0.9);
    assertThat(Em.lambda(reversed, m, u, 0.1, 0.9)).isCloseTo(a, within(1e-12));
  }
}
