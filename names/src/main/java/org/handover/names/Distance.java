package org.handover.names;

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early past
 * a bound.
 */
final class Distance {
  private Distance() {}

  /**
   * Which letters a word has, each as one bit of 64 (two letters may share a bit): a substitution
   * changes at most two bits, an insertion or a deletion one, a swap none.
   */
  static long presence(String s) {
    long bits = 0;
    for (int i = 0; i < s.length(); i++) {
      bits |= 1L << (s.charAt(i) & 63);
    }
    return bits;
  }

  /**
   * Whether two words with these {@link #presence} bits are surely more than {@code bound} edits
   * apart: each edit changes at most two bits, so more than twice the bound differ. Most pairs of
   * different names are told so without working out their distance.
   */
  static boolean surelyApart(long a, long b, int bound) {
    return Long.bitCount(a ^ b) > 2 * bound;
  }

  /** The distance, or {@code bound + 1} once it is certain to be more than {@code bound}. */
  static int osa(String a, String b, int bound) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > bound) {
      return bound + 1;
    }
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > bound) {
        return bound + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
