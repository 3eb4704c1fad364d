package org.handover.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DuplicateBlockingTest {
  @Test
  void hashesSortedByDigitsKeepEqualOnesTogetherInTheOrderEntered() {
    long[] h = {5, -3, 5, Long.MIN_VALUE, -3, 1L << 40, 5, (1L << 40) | 5};
    int[] rec = {0, 1, 2, 3, 4, 5, 6, 7};
    DuplicateBlocking.sortByHash(h, rec);
    Map<Long, List<Integer>> runs = runs(h, rec);
    assertEquals(List.of(0, 2, 6), runs.get(5L));
    assertEquals(List.of(1, 4), runs.get(-3L));
    assertEquals(List.of(5), runs.get(1L << 40));
    assertEquals(5, runs.size());
  }

  @Test
  void manyRandomHashesSortAsSignedLongs() {
    Random random = new Random(3);
    int n = 50_000;
    long[] h = new long[n];
    int[] rec = new int[n];
    for (int i = 0; i < n; i++) {
      h[i] = random.nextInt(4) == 0 ? random.nextInt(100) : random.nextLong();
      rec[i] = i;
    }
    long[] expected = h.clone();
    java.util.Arrays.sort(expected);
    DuplicateBlocking.sortByHash(h, rec);
    assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(h));
    runs(h, rec); // each hash in one run, its records ascending
  }

  private static Map<Long, List<Integer>> runs(long[] h, int[] rec) {
    Map<Long, List<Integer>> runs = new LinkedHashMap<>();
    for (int i = 0; i < h.length; i++) {
      if (i > 0 && h[i] != h[i - 1]) {
        assertFalse(runs.containsKey(h[i]), "hash " + h[i] + " split into two runs");
      }
      List<Integer> run = runs.computeIfAbsent(h[i], k -> new ArrayList<>());
      if (!run.isEmpty()) {
        assertEquals(true, run.get(run.size() - 1) < rec[i], "records out of order in a run");
      }
      run.add(rec[i]);
    }
    return runs;
  }
}
