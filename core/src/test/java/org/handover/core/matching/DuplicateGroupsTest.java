package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateGroupsTest {
  @Test
  void groupsRecordsThatAreAllLinked() {
    List<Set<Integer>> groups =
        DuplicateGroups.of(
            List.of(
                new DuplicateGroups.Pair(1, 2, 20),
                new DuplicateGroups.Pair(2, 3, 18),
                new DuplicateGroups.Pair(1, 3, 15),
                new DuplicateGroups.Pair(7, 8, 12)));
    assertThat(groups).containsExactly(Set.of(1, 2, 3), Set.of(7, 8));
  }

  @Test
  void neverChainsTwoPeopleThroughAThird() {
    // 2 resembles both 1 and 3, but 1 and 3 are not linked: they stay apart
    List<Set<Integer>> groups =
        DuplicateGroups.of(
            List.of(new DuplicateGroups.Pair(1, 2, 20), new DuplicateGroups.Pair(2, 3, 18)));
    assertThat(groups).containsExactly(Set.of(1, 2));
  }
}
