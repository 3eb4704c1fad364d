package org.handover.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The candidate pairs of two lists under several blocking rules OR-ed together, each pair once,
 * with how many pairs each rule brought (a pair counts for the first rule that found it) and each
 * rule's own pairs (for training on them). A key shared by more than {@code maxBlock} right-hand
 * records is skipped and counted, so that one common value cannot make the comparison quadratic.
 *
 * <p>The smaller list is indexed and the larger streamed past it, its keys computed in parallel: a
 * roster of 10,000 against a registry of 1,000,000 holds an index of the roster, not of the
 * registry.
 *
 * @param pairs each pair as left index * size of right + right index, ascending
 * @param rulePairs each rule's own pairs, encoded and ordered as {@code pairs}
 */
public record Candidates(
    long[] pairs,
    int rightSize,
    Map<String, Long> byRule,
    Map<String, Long> skippedKeys,
    Map<String, long[]> rulePairs) {

  public int left(int k) {
    return (int) (pairs[k] / rightSize);
  }

  public int right(int k) {
    return (int) (pairs[k] % rightSize);
  }

  public int size() {
    return pairs.length;
  }

  /**
   * Where an encoded pair stands in {@link #pairs()}, or a negative number when it is not a
   * candidate.
   */
  public int indexOf(long pair) {
    return Arrays.binarySearch(pairs, pair);
  }

  /** The pairs grouped by their right record: {@link #byRight()}. */
  public static final class ByRight {
    private final int[] order;
    private final int[] start;

    private ByRight(int[] order, int[] start) {
      this.order = order;
      this.start = start;
    }

    /** Each right record that has pairs, read once, with the indices of its pairs; in parallel. */
    public <T> void forEach(List<T> right, java.util.function.BiConsumer<T, int[]> work) {
      IntStream.range(0, start.length - 1)
          .parallel()
          .filter(r -> start[r + 1] > start[r])
          .forEach(
              r -> work.accept(right.get(r), Arrays.copyOfRange(order, start[r], start[r + 1])));
    }
  }

  /** The pairs grouped by right record (a counting sort: pairs are ordered by left first). */
  public ByRight byRight() {
    int[] start = new int[rightSize + 1];
    for (long p : pairs) {
      start[(int) (p % rightSize) + 1]++;
    }
    for (int r = 0; r < rightSize; r++) {
      start[r + 1] += start[r];
    }
    int[] next = Arrays.copyOf(start, rightSize);
    int[] order = new int[pairs.length];
    for (int k = 0; k < pairs.length; k++) {
      order[next[(int) (pairs[k] % rightSize)]++] = k;
    }
    return new ByRight(order, start);
  }

  public static <T> Candidates of(
      List<T> left, List<T> right, List<BlockingRule<T>> rules, int maxBlock) {
    return of(left, right, rules, maxBlock, false);
  }

  /**
   * With {@code oneList}, left and right are one list: a record is not paired with itself, and each
   * pair once.
   */
  public static <T> Candidates of(
      List<T> left, List<T> right, List<BlockingRule<T>> rules, int maxBlock, boolean oneList) {
    Gathered gathered = new Gathered();
    for (BlockingRule<T> rule : rules) {
      long[] skippedKeys = new long[1];
      long[] own =
          oneList || left.size() >= right.size()
              ? indexRight(left, right, rule, maxBlock, oneList, skippedKeys)
              : indexLeft(left, right, rule, maxBlock, skippedKeys);
      gathered.add(rule.name(), own, skippedKeys[0]);
    }
    return gathered.candidates(right.size());
  }

  /**
   * Candidates gathered rule by rule, in the rules' order, by whichever blocking made each rule's
   * pairs: the union, how many pairs each rule brought first, the keys it skipped, its own pairs.
   */
  static final class Gathered {
    private final Map<String, Long> byRule = new LinkedHashMap<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final Map<String, long[]> rulePairs = new LinkedHashMap<>();
    private long[] union = new long[0];

    /** A rule's own pairs, sorted and each once, and how many of its keys were skipped. */
    void add(String rule, long[] own, long skippedKeys) {
      long[] merged = merge(union, own);
      byRule.put(rule, (long) (merged.length - union.length));
      skipped.put(rule, skippedKeys);
      rulePairs.put(rule, own);
      union = merged;
    }

    Candidates candidates(int rightSize) {
      return new Candidates(union, rightSize, byRule, skipped, rulePairs);
    }
  }

  private static <T> List<String>[] keys(List<T> records, BlockingRule<T> rule) {
    return keys(records, rule::keys);
  }

  /** The keys a list looks for among another's: {@link BlockingRule#probeKeys}. */
  private static <T> List<String>[] probeKeys(List<T> records, BlockingRule<T> rule) {
    return keys(records, rule::probeKeys);
  }

  private static <T> List<String>[] keys(List<T> records, Function<T, List<String>> of) {
    @SuppressWarnings("unchecked")
    List<String>[] keys = new List[records.size()];
    IntStream.range(0, records.size()).parallel().forEach(i -> keys[i] = of.apply(records.get(i)));
    return keys;
  }

  private static <T> long[] indexRight(
      List<T> left,
      List<T> right,
      BlockingRule<T> rule,
      int maxBlock,
      boolean oneList,
      long[] skippedKeys) {
    List<String>[] rightKeys = keys(right, rule);
    List<String>[] leftKeys = oneList ? rightKeys : probeKeys(left, rule);
    Map<String, List<Integer>> index = new HashMap<>();
    for (int j = 0; j < rightKeys.length; j++) {
      for (String key : rightKeys[j]) {
        index.computeIfAbsent(key, k -> new ArrayList<>(2)).add(j);
      }
    }
    Pairs out = new Pairs();
    int n = right.size();
    for (int i = 0; i < leftKeys.length; i++) {
      for (String key : leftKeys[i]) {
        List<Integer> block = index.get(key);
        if (block == null) {
          continue;
        }
        if (block.size() > maxBlock) {
          skippedKeys[0]++;
          continue;
        }
        for (int j : block) {
          if (!oneList || j > i) {
            out.add((long) i * n + j);
          }
        }
      }
    }
    return out.sortedDistinct();
  }

  /**
   * The left list indexed; the right one streamed past it, counting its records per key for the
   * block cap.
   */
  private static <T> long[] indexLeft(
      List<T> left, List<T> right, BlockingRule<T> rule, int maxBlock, long[] skippedKeys) {
    List<String>[] leftKeys = probeKeys(left, rule);
    Map<String, List<Integer>> index = new HashMap<>();
    for (int i = 0; i < leftKeys.length; i++) {
      for (String key : leftKeys[i]) {
        index.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
      }
    }
    List<String>[] rightKeys = keys(right, rule);
    Map<String, Integer> rightCount = new HashMap<>();
    for (List<String> ks : rightKeys) {
      for (String key : ks) {
        if (index.containsKey(key)) {
          rightCount.merge(key, 1, Integer::sum);
        }
      }
    }
    for (Map.Entry<String, List<Integer>> e : index.entrySet()) {
      if (rightCount.getOrDefault(e.getKey(), 0) > maxBlock) {
        skippedKeys[0] +=
            e.getValue().size(); // as indexing the right side counts: once per left record's key
      }
    }
    Pairs out = new Pairs();
    int n = right.size();
    for (int j = 0; j < rightKeys.length; j++) {
      for (String key : rightKeys[j]) {
        List<Integer> block = index.get(key);
        if (block != null && rightCount.get(key) <= maxBlock) {
          for (int i : block) {
            out.add((long) i * n + j);
          }
        }
      }
    }
    return out.sortedDistinct();
  }

  /** The values sorted, each once (sorts {@code v} in place, on every core). */
  static long[] sortedDistinct(long[] v) {
    Arrays.parallelSort(v);
    int k = 0;
    for (int i = 0; i < v.length; i++) {
      if (k == 0 || v[k - 1] != v[i]) {
        v[k++] = v[i];
      }
    }
    return Arrays.copyOf(v, k);
  }

  static long[] merge(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length || j < b.length) {
      long next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (k == 0 || out[k - 1] != next) {
        out[k++] = next;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** A growing array of encoded pairs. */
  static final class Pairs {
    private long[] values = new long[1024];
    private int size;

    void add(long p) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = p;
    }

    long[] sortedDistinct() {
      return Candidates.sortedDistinct(Arrays.copyOf(values, size));
    }
  }
}
