package org.handover.core.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * How many persons of the registry carry each family name with a given name, and with a patronymic
 * too: the parts of a name are not independent (in a generated registry of a million with real name
 * frequencies, Кузнецов Андрей Евгеньевич is carried by 22 persons where the three parts' shares
 * multiplied predict 0.07), so an agreement on all of them says less than their weights summed. A
 * pair agreeing on the parts is weighed down by how much commoner the parts are together than
 * apart. Sets of terms are kept by a 64-bit hash; those carried by one person only are not stored
 * (one is what an absent set counts).
 */
public final class NamesTogether {
  /** The field indexes of the name's parts, in order (family, given name, patronymic). */
  private final int[] parts;

  /** By how many parts (2, 3 ...: index 0, 1 ...), the registry's count of each set of terms. */
  private final Counts[] counts;

  private final int registrySize;

  /**
   * Whether the pairs weighed are of the registry with itself (deduplication): then both persons of
   * a pair are among those counted, not only the registry's side.
   */
  private final boolean oneList;

  /**
   * Persons a set of terms is counted with beside those seen, and beside those expected: one other
   * namesake where 0.07 were expected makes the name about twice as common, not fifteen times
   * (measured at a million: a quarter of this took 17 more auto-links away and was no better
   * calibrated).
   */
  static final double PSEUDO = 1.0;

  private NamesTogether(int[] parts, Counts[] counts, int registrySize, boolean oneList) {
    this.parts = parts;
    this.counts = counts;
    this.registrySize = registrySize;
    this.oneList = oneList;
  }

  /** None counted: every pair weighed as if the parts were independent. */
  public static NamesTogether none() {
    return new NamesTogether(new int[0], new Counts[0], 0, false);
  }

  /** Counts the registry's names as {@link #add} is given them. */
  static final class Counter<T> {
    private final List<FieldComparison<T>> fields;
    private final int[] parts;
    private final Counts[] counts;
    private final boolean oneList;
    private int size;

    /** {@code oneList}: the registry will be weighed against itself. */
    Counter(List<FieldComparison<T>> fields, boolean oneList) {
      this.fields = fields;
      this.oneList = oneList;
      this.parts = parts(fields);
      this.counts = new Counts[Math.max(0, parts.length - 1)];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new Counts(1 << 16);
      }
    }

    void add(T registryPerson) {
      size++;
      long[] keys = keys(fields, parts, registryPerson, parts.length);
      for (int j = 0; j < keys.length; j++) {
        counts[j].add(keys[j], 1);
      }
    }

    /** The counts, those of sets carried once let go (an absent set counts one). */
    NamesTogether counted() {
      Counts[] kept = new Counts[counts.length];
      for (int i = 0; i < kept.length; i++) {
        kept[i] = counts[i].aboveOne();
      }
      return new NamesTogether(parts, kept, size, oneList);
    }
  }

  /** The registry's names counted together, every record a registry person. */
  static <T> NamesTogether of(List<FieldComparison<T>> fields, List<T> registry, boolean oneList) {
    Counter<T> counter = new Counter<>(fields, oneList);
    registry.forEach(counter::add);
    return counter.counted();
  }

  /**
   * The hashes of a record's first two, three ... parts' terms together, as many as it has of the
   * first {@code most} in a row.
   */
  private static <T> long[] keys(List<FieldComparison<T>> fields, int[] parts, T record, int most) {
    String[] terms = new String[most];
    for (int j = 0; j < most; j++) {
      Optional<String> t = fields.get(parts[j]).termOf(record);
      if (t.isEmpty()) {
        most = j;
        break;
      }
      terms[j] = t.get();
    }
    long[] out = new long[Math.max(0, most - 1)];
    for (int n = 2; n <= most; n++) {
      out[n - 2] = hash(terms, n);
    }
    return out;
  }

  /** The hash of the first {@code n} terms together: one way for counting and for looking up. */
  private static long hash(String[] terms, int n) {
    StringBuilder key = new StringBuilder();
    for (int j = 0; j < n; j++) {
      key.append(terms[j]).append('\u001f');
    }
    return RecordCodec.hash(key.toString());
  }

  /** The counts as stored with a model: per number of parts, hash to count, where above one. */
  public List<Map<String, Integer>> stored() {
    return java.util.Arrays.stream(counts).map(Counts::asMap).toList();
  }

  /** Whether the registry is weighed against itself ({@link #oneList}). */
  public boolean oneList() {
    return oneList;
  }

  public int registrySize() {
    return registrySize;
  }

  /** The counts a model was stored with ({@link #stored}), for these fields. */
  public static <T> NamesTogether restore(
      List<FieldComparison<T>> fields,
      List<Map<String, Integer>> stored,
      int registrySize,
      boolean oneList) {
    int[] parts = parts(fields);
    if (stored.size() != Math.max(0, parts.length - 1)) {
      throw new IllegalArgumentException(
          "the stored model counts names of "
              + (stored.size() + 1)
              + " parts, the engine's "
              + parts.length);
    }
    Counts[] counts = new Counts[stored.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new Counts(stored.get(i).size() * 2 + 16);
      Counts c = counts[i];
      stored.get(i).forEach((hash, n) -> c.add(Long.parseLong(hash), n));
    }
    return new NamesTogether(parts, counts, registrySize, oneList);
  }

  private static <T> int[] parts(List<FieldComparison<T>> fields) {
    return java.util.stream.IntStream.range(0, fields.size())
        .filter(k -> fields.get(k).partOfName())
        .toArray();
  }

  /** A term's share, as the model weighs a field's agreement on it; NaN where it has none. */
  interface Shares {
    double of(int field, String term);
  }

  /**
   * The bits a pair agreeing on the name's first parts loses (0 or less): the registry's other
   * persons carrying the registry person's terms together, against as many as the terms' shares
   * multiplied predict, each counted with {@link #PSEUDO} more. {@code level} gives each field's
   * level; a part agrees at the levels that share its term's frequency. The registry person is
   * among those counted, and so is {@code other} where the registry is weighed against itself and
   * it carries the same terms.
   */
  <T> double bits(
      List<FieldComparison<T>> fields,
      IntUnaryOperator level,
      T other,
      T registryPerson,
      Shares shares) {
    if (parts.length < 2 || registrySize < 2) {
      return 0;
    }
    String[] terms = new String[parts.length];
    double shared = 1; // the share of persons the parts' shares multiplied predict
    int agreeing = 0;
    for (int k : parts) {
      FieldComparison<T> f = fields.get(k);
      int l = level.applyAsInt(k);
      if (l < 0 || l >= f.termLevels()) {
        break;
      }
      Optional<String> t = f.termOf(registryPerson);
      double share = t.isEmpty() ? Double.NaN : shares.of(k, t.get());
      if (Double.isNaN(share)) {
        break;
      }
      terms[agreeing++] = t.get();
      shared *= share;
    }
    if (agreeing < 2) {
      return 0;
    }
    long hash = hash(terms, agreeing);
    int selves = 1;
    if (oneList && other != null) {
      long[] its = keys(fields, parts, other, agreeing);
      selves = its.length == agreeing - 1 && its[agreeing - 2] == hash ? 2 : 1;
    }
    int others = Math.max(0, counts[agreeing - 2].get(hash) - selves);
    double expected = (registrySize - selves) * shared;
    double ratio = (others + PSEUDO) / (expected + PSEUDO);
    return ratio > 1 ? -Math.log(ratio) / Math.log(2) : 0;
  }

  /**
   * Counts by 64-bit hash, open addressing: a million persons' one and a half million sets of terms
   * counted in some 50 MB, the half carried more than once kept.
   */
  private static final class Counts {
    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;

    Counts(int capacity) {
      int n = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
      keys = new long[n];
      values = new int[n];
      used = new boolean[n];
    }

    void add(long key, int n) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int at = slot(key);
      if (!used[at]) {
        used[at] = true;
        keys[at] = key;
        size++;
      }
      values[at] += n;
    }

    int get(long key) {
      int at = slot(key);
      return used[at] ? values[at] : 0;
    }

    private int slot(long key) {
      int mask = keys.length - 1;
      int at = (int) (key ^ (key >>> 32)) & mask;
      while (used[at] && keys[at] != key) {
        at = (at + 1) & mask;
      }
      return at;
    }

    private void grow() {
      long[] k = keys;
      int[] v = values;
      boolean[] u = used;
      keys = new long[k.length * 2];
      values = new int[k.length * 2];
      used = new boolean[k.length * 2];
      size = 0;
      for (int i = 0; i < k.length; i++) {
        if (u[i]) {
          add(k[i], v[i]);
        }
      }
    }

    /** Only the sets counted more than once. */
    Counts aboveOne() {
      Counts kept = new Counts(16);
      for (int i = 0; i < keys.length; i++) {
        if (used[i] && values[i] > 1) {
          kept.add(keys[i], values[i]);
        }
      }
      return kept;
    }

    Map<String, Integer> asMap() {
      Map<String, Integer> out = new HashMap<>();
      for (int i = 0; i < keys.length; i++) {
        if (used[i] && values[i] > 1) {
          out.put(Long.toString(keys[i]), values[i]);
        }
      }
      return out;
    }
  }
}
