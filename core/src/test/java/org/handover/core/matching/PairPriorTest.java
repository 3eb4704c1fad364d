package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairPriorTest {
  private static double bits(double p) {
    return Math.log(p / (1 - p)) / Math.log(2);
  }

  @Test
  void onePairIsAsLikelyAsAnEntryBeingInTheRegistryOverItsPersons() {
    // 8,000 of 10,000 entries in a registry of a million: each pair 0.8 / 0.2 / 1,000,000
    double p = Linker.pairPrior(0.8, 1_000_000);
    assertThat(bits(p)).isCloseTo(Math.log(4e-6) / Math.log(2), within(1e-6));
  }

  @Test
  void aLargerRegistryMakesEachOfItsPersonsLessLikely() {
    assertThat(Linker.pairPrior(0.8, 100_000)).isGreaterThan(Linker.pairPrior(0.8, 1_000_000));
  }

  /**
   * 1,000 entries against 100,000 persons: 800 are someone, each with its person (40 bits) and
   * three namesakes beside it (4 bits, as a stranger's namesakes are); 200 are strangers with four
   * such namesakes. The share is the entries' 0.8, though every candidate looks likelier the person
   * than not, taken alone.
   */
  @Test
  void theShareInTheRegistryIsLearntOverEntriesNotPairs() {
    int entries = 1_000;
    int persons = 100_000;
    long[] pairs = new long[entries * 4];
    double[] evidence = new double[pairs.length];
    for (int e = 0; e < entries; e++) {
      for (int k = 0; k < 4; k++) {
        int p = e * 4 + k;
        pairs[p] = (long) e * persons + e * 4 + k;
        evidence[p] = e < 800 && k == 0 ? 40 : 4;
      }
    }
    Candidates c = new Candidates(pairs, persons, Map.of(), Map.of(), Map.of());
    assertThat(InRegistry.share(Linker.sharedOdds(c, evidence), entries, persons))
        .isCloseTo(0.8, within(0.01));
  }

  @Test
  void aCandidateUnlikelyAloneIsReviewedWhenItsEntryIsLikelyOneOfItsCandidates() {
    // −2 bits: a fifth likely alone, a tenth of its entry's chances among ten namesakes
    Model.Scored namesake = new Model.Scored(-2, 0.2, -18, List.of()).withShares(0.1, 0.8);
    assertThat(new Linker.Link(0, 1, namesake, 0).band(Thresholds.DEFAULT, 5))
        .isEqualTo(Band.REVIEW);
    Model.Scored stranger = new Model.Scored(-2, 0.2, -18, List.of()).withShares(0.1, 0.3);
    assertThat(new Linker.Link(0, 1, stranger, 0).band(Thresholds.DEFAULT, 5)).isEqualTo(Band.NONE);
    // likely alone, a pair is reviewed whatever its entry's other candidates
    Model.Scored likely = new Model.Scored(1, 0.6, -18, List.of()).withShares(0.3, 0.3);
    assertThat(new Linker.Link(0, 1, likely, 0).band(Thresholds.DEFAULT, 5)).isEqualTo(Band.REVIEW);
  }

  @Test
  void entriesWithoutCandidatesCountAsNoOneAndTheShareStaysWithinItsBounds() {
    Candidates c = new Candidates(new long[] {0}, 10, Map.of(), Map.of(), Map.of());
    // one entry of a hundred found, beyond any doubt: the rest are no one
    assertThat(InRegistry.share(Linker.sharedOdds(c, new double[] {60}), 100, 10))
        .isCloseTo(0.01, within(1e-9));
    // every entry's evidence absurdly strong: at most 0.99, not 1
    assertThat(InRegistry.share(Linker.sharedOdds(c, new double[] {5000}), 1, 10)).isEqualTo(0.99);
    // and absurdly weak: no one, without dividing by nothing
    assertThat(InRegistry.share(Linker.sharedOdds(c, new double[] {-5000}), 1, 10)).isEqualTo(0.01);
  }
}
