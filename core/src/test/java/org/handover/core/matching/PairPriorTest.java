package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairPriorTest {
  private static double bits(double p) {
    return Math.log(p / (1 - p)) / Math.log(2);
  }

  @Test
  void onePairIsAsLikelyAsAnEntryBeingInTheRegistryOverItsPersons() {
    // 8,000 of 10,000 entries in a registry of a million: each pair 0.8 / 0.2 / 1,000,000
    double p = Linker.pairPrior(0.02, 400_000, 10_000, 1_000_000);
    assertThat(bits(p)).isCloseTo(Math.log(4e-6) / Math.log(2), within(1e-6));
    // the share among the candidates (0.02, −5.6 bits) counted the names they were chosen by
    assertThat(bits(p)).isLessThan(bits(0.02) - 12);
  }

  @Test
  void aLargerRegistryMakesEachOfItsPersonsLessLikely() {
    assertThat(Linker.pairPrior(0.02, 400_000, 10_000, 100_000))
        .isGreaterThan(Linker.pairPrior(0.02, 400_000, 10_000, 1_000_000));
  }
}
