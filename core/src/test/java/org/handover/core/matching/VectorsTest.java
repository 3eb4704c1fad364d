package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void aPackedVectorGivesBackEveryLevelAndEveryMissingField() {
    Random random = new Random(2);
    for (int i = 0; i < 10_000; i++) {
      int[] v = new int[1 + random.nextInt(16)];
      for (int k = 0; k < v.length; k++) {
        v[k] = random.nextInt(16) - 1; // -1 (missing) to 14
      }
      long packed = Vectors.pack(v);
      assertThat(Vectors.unpack(packed, v.length)).containsExactly(v);
      for (int k = 0; k < v.length; k++) {
        assertThat(Vectors.level(packed, k)).isEqualTo(v[k]);
      }
    }
  }

  @Test
  void fieldsThatDoNotFitAreRefusedByName() {
    List<String> sixteen = new ArrayList<>();
    for (int l = 0; l < 16; l++) {
      sixteen.add("level " + l);
    }
    FieldComparison<String> wide = FieldComparison.of("wide", sixteen, (a, b) -> 0);
    assertThatThrownBy(() -> Vectors.check(List.of(wide)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wide");
    Vectors.check(PersonFields.all());
  }

  /**
   * The pairs compared are told as they go, from the comparing threads: never more than a hundred
   * times, never backwards in hundredths, and the last time all of them.
   */
  @Test
  void comparingTellsHowManyPairsAreDone() {
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      left.add("k" + (i % 300) + "-" + i);
      right.add("k" + (i % 300) + "-r" + i);
    }
    BlockingRule<String> prefix = BlockingRule.of("prefix", s -> List.of(s.split("-")[0]));
    Candidates c = Candidates.of(left, right, List.of(prefix), 1000, false);
    FieldComparison<String> same =
        FieldComparison.of("same", List.of("same", "different"), (a, b) -> a.equals(b) ? 0 : 1);
    List<int[]> told = java.util.Collections.synchronizedList(new ArrayList<>());
    Vectors.of(
        left, right, List.of(same), c, null, null, (done, of) -> told.add(new int[] {done, of}));
    assertThat(c.size()).isEqualTo(30_000);
    assertThat(told).isNotEmpty().hasSizeLessThanOrEqualTo(100);
    assertThat(told).allSatisfy(t -> assertThat(t[1]).isEqualTo(30_000));
    assertThat(told.stream().filter(t -> t[0] == 30_000)).hasSize(1);
    assertThat(told.stream().mapToInt(t -> t[0]).max()).hasValue(30_000);
  }
}
