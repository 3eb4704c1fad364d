package org.handover.core.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The candidate pairs of two lists under several blocking rules OR-ed together, each pair once, with
 * how many pairs each rule brought (a pair counts for the first rule that found it). A key shared by
 * more than {@code maxBlock} right-hand records is skipped and counted, so that one common value
 * cannot make the comparison quadratic.
 *
 * @param pairs each pair as left index * size of right + right index
 */
public record Candidates(long[] pairs, int rightSize, Map<String, Long> byRule, Map<String, Long> skippedKeys) {

  public int left(int k) {
    return (int) (pairs[k] / rightSize);
  }

  public int right(int k) {
    return (int) (pairs[k] % rightSize);
  }

  public int size() {
    return pairs.length;
  }

  public static <T> Candidates of(List<T> left, List<T> right, List<BlockingRule<T>> rules, int maxBlock) {
    return of(left, right, rules, maxBlock, false);
  }

  /** With {@code oneList}, left and right are one list: a record is not paired with itself, and each pair once. */
  public static <T> Candidates of(List<T> left, List<T> right, List<BlockingRule<T>> rules, int maxBlock,
                                  boolean oneList) {
    Set<Long> seen = new HashSet<>();
    List<Long> pairs = new ArrayList<>();
    Map<String, Long> byRule = new LinkedHashMap<>();
    Map<String, Long> skipped = new LinkedHashMap<>();
    int n = right.size();
    for (BlockingRule<T> rule : rules) {
      Map<String, List<Integer>> index = new HashMap<>();
      for (int j = 0; j < right.size(); j++) {
        for (String key : rule.keys(right.get(j))) {
          index.computeIfAbsent(key, k -> new ArrayList<>()).add(j);
        }
      }
      long added = 0;
      long skippedKeys = 0;
      for (int i = 0; i < left.size(); i++) {
        for (String key : rule.keys(left.get(i))) {
          List<Integer> block = index.get(key);
          if (block == null) {
            continue;
          }
          if (block.size() > maxBlock) {
            skippedKeys++;
            continue;
          }
          for (int j : block) {
            if (oneList && j <= i) {
              continue;
            }
            long p = (long) i * n + j;
            if (seen.add(p)) {
              pairs.add(p);
              added++;
            }
          }
        }
      }
      byRule.put(rule.name(), added);
      skipped.put(rule.name(), skippedKeys);
    }
    long[] array = new long[pairs.size()];
    for (int k = 0; k < array.length; k++) {
      array[k] = pairs.get(k);
    }
    java.util.Arrays.sort(array); // the same input gives the same order, whatever the hashing
    return new Candidates(array, n, byRule, skipped);
  }
}
