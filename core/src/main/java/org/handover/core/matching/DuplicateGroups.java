package org.handover.core.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups of records that are all one person, from scored pairs: two groups join only when every
 * record of one is linked to every record of the other (complete linkage), so that two different
 * people are never chained together through a third who resembles both.
 *
 * <pre>{@code
 * List<Set<Integer>> groups = DuplicateGroups.of(pairs);   // pairs: (a, b, weight), a != b
 * }</pre>
 */
public final class DuplicateGroups {
  private DuplicateGroups() {}

  /** A link between two records, by index, with its weight. */
  public record Pair(int a, int b, double weight) {}

  public static List<Set<Integer>> of(List<Pair> pairs) {
    Set<Long> linked = new HashSet<>();
    for (Pair p : pairs) {
      linked.add(key(p.a(), p.b()));
    }
    Map<Integer, Set<Integer>> groupOf = new HashMap<>();
    List<Pair> sorted = new ArrayList<>(pairs);
    sorted.sort(
        Comparator.comparingDouble((Pair p) -> -p.weight())
            .thenComparingInt(Pair::a)
            .thenComparingInt(Pair::b));
    for (Pair p : sorted) {
      Set<Integer> ga = groupOf.computeIfAbsent(p.a(), k -> new TreeSet<>(Set.of(k)));
      Set<Integer> gb = groupOf.computeIfAbsent(p.b(), k -> new TreeSet<>(Set.of(k)));
      if (ga == gb || !allLinked(ga, gb, linked)) {
        continue;
      }
      ga.addAll(gb);
      for (int member : gb) {
        groupOf.put(member, ga);
      }
    }
    List<Set<Integer>> out = new ArrayList<>();
    Set<Set<Integer>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    groupOf.values().stream()
        .filter(g -> g.size() > 1 && seen.add(g))
        .sorted(Comparator.comparingInt(g -> g.iterator().next()))
        .forEach(out::add);
    return out;
  }

  private static boolean allLinked(Set<Integer> a, Set<Integer> b, Set<Long> linked) {
    for (int x : a) {
      for (int y : b) {
        if (!linked.contains(key(x, y))) {
          return false;
        }
      }
    }
    return true;
  }

  private static long key(int x, int y) {
    return x < y ? ((long) x << 32) | y : ((long) y << 32) | x;
  }
}
