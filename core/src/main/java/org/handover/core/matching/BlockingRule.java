package org.handover.core.matching;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A way of choosing which pairs to compare: records that share a key are candidates. A rule names
 * the fields its keys force to agree ({@link #fixes()}): when the model is trained on the rule's
 * pairs, those fields say nothing about matching and are left out, as Splink does.
 */
public interface BlockingRule<T> {
  String name();

  List<String> keys(T record);

  /**
   * The keys a list's record looks for among the registry's {@link #keys}: the same unless a rule
   * asks less of a fuller record (one with a date need not meet every namesake).
   */
  default List<String> probeKeys(T record) {
    return keys(record);
  }

  /** The names of the field comparisons whose agreement this rule's pairs share by construction. */
  default Set<String> fixes() {
    return Set.of();
  }

  static <T> BlockingRule<T> of(String name, Function<T, List<String>> keys) {
    return of(name, Set.of(), keys);
  }

  static <T> BlockingRule<T> of(String name, Set<String> fixes, Function<T, List<String>> keys) {
    return of(name, fixes, keys, keys);
  }

  static <T> BlockingRule<T> of(
      String name,
      Set<String> fixes,
      Function<T, List<String>> keys,
      Function<T, List<String>> probeKeys) {
    Set<String> fixed = Set.copyOf(fixes);
    return new BlockingRule<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<String> keys(T record) {
        return keys.apply(record);
      }

      @Override
      public List<String> probeKeys(T record) {
        return probeKeys.apply(record);
      }

      @Override
      public Set<String> fixes() {
        return fixed;
      }
    };
  }
}
