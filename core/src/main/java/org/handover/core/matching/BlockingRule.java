package org.handover.core.matching;

import java.util.List;

/** A way of choosing which pairs to compare: records that share a key are candidates. */
public interface BlockingRule<T> {
  String name();

  List<String> keys(T record);

  static <T> BlockingRule<T> of(String name, java.util.function.Function<T, List<String>> keys) {
    return new BlockingRule<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<String> keys(T record) {
        return keys.apply(record);
      }
    };
  }
}
