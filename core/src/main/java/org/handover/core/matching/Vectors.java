package org.handover.core.matching;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Comparison vectors packed into one long a pair, four bits a field (the level plus one, 0 for
 * missing): eleven million candidate pairs of a registry with itself held as 90 MB, where as arrays
 * they took 700 MB of old objects the collector kept marking.
 */
final class Vectors {
  private Vectors() {}

  static final int BITS = 4;

  /** The most fields a packed vector holds. */
  static final int MAX_FIELDS = 64 / BITS;

  /** The most levels a field of a packed vector has. */
  static final int MAX_LEVELS = (1 << BITS) - 1;

  /** Refuses fields that do not fit: more than sixteen, or one with more than fifteen levels. */
  static <T> void check(List<FieldComparison<T>> fields) {
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException(
          fields.size() + " fields: a comparison vector holds " + MAX_FIELDS + " at most");
    }
    for (FieldComparison<T> f : fields) {
      if (f.levels().size() > MAX_LEVELS) {
        throw new IllegalArgumentException(
            "field \""
                + f.name()
                + "\" has "
                + f.levels().size()
                + " levels, "
                + MAX_LEVELS
                + " at most");
      }
    }
  }

  static long pack(int[] vector) {
    long p = 0;
    for (int k = 0; k < vector.length; k++) {
      p |= (long) (vector[k] + 1) << (BITS * k);
    }
    return p;
  }

  /** Field k's level, or {@link FieldComparison#MISSING}. */
  static int level(long packed, int k) {
    return ((int) (packed >>> (BITS * k)) & ((1 << BITS) - 1)) - 1;
  }

  static int[] unpack(long packed, int fields) {
    int[] v = new int[fields];
    for (int k = 0; k < fields; k++) {
      v[k] = level(packed, k);
    }
    return v;
  }

  static int[][] unpack(long[] packed, int fields) {
    int[][] out = new int[packed.length][];
    for (int i = 0; i < packed.length; i++) {
      out[i] = unpack(packed[i], fields);
    }
    return out;
  }

  /** One pair's vector, packed without an array between. */
  static <T> long of(List<FieldComparison<T>> fields, T a, T b) {
    long p = 0;
    for (int k = 0; k < fields.size(); k++) {
      p |= (long) (fields.get(k).compare(a, b) + 1) << (BITS * k);
    }
    return p;
  }

  /**
   * Every candidate pair's vector, compared in parallel, each right record read once for all its
   * pairs (a registry read from its stored bytes is decoded once, not once a pair).
   */
  static <T> long[] of(List<T> left, List<T> right, List<FieldComparison<T>> fields, Candidates c) {
    return of(left, right, fields, c, null, null, Linker.Progress.NONE);
  }

  /**
   * The same, and with a {@code model}, each pair's evidence under it (its weight without the
   * prior) written to {@code evidence} in the same pass; {@code progress} told of each further
   * hundredth compared.
   */
  static <T> long[] of(
      List<T> left,
      List<T> right,
      List<FieldComparison<T>> fields,
      Candidates c,
      Model<T> model,
      double[] evidence,
      Linker.Progress progress) {
    check(fields);
    long[] out = new long[c.size()];
    AtomicInteger done = new AtomicInteger();
    AtomicInteger told = new AtomicInteger(); // the hundredths told so far
    c.byRight()
        .forEach(
            right,
            (b, pairs) -> {
              for (int p : pairs) {
                T a = left.get(c.left(p));
                out[p] = of(fields, a, b);
                if (model != null) {
                  evidence[p] = model.evidence(out[p], a, b);
                }
              }
              int now = done.addAndGet(pairs.length);
              int hundredths = (int) (100L * now / out.length);
              int before = told.get();
              if (hundredths > before && told.compareAndSet(before, hundredths)) {
                progress.at(now, out.length);
              }
            });
    return out;
  }
}
