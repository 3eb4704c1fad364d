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
}
