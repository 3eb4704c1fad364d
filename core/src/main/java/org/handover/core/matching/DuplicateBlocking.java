package org.handover.core.matching;

import java.util.Arrays;
import java.util.List;

/**
 * The candidate pairs of a registry with itself, from its records' stored key hashes ({@link
 * RecordCodec#keys}): each rule's (hash, record) entries sorted by hash, each run of one hash a
 * block. Gives what {@link Candidates#of} gives for the same records with {@code oneList}, without
 * making a million records' keys again or a map of strings to boxed lists (most of a
 * deduplication's blocking time at a million).
 *
 * <pre>{@code
 * DuplicateBlocking b = new DuplicateBlocking(PersonBlocking.dedupeRules());
 * for (byte[] keys : stored) b.accept(keys);
 * Candidates c = b.candidates(1000);
 * }</pre>
 */
public final class DuplicateBlocking {
  private final List<BlockingRule<PersonRecord>> rules;
  private final int[] ruleOfStored;
  private final long[][] hashes;
  private final int[][] records;
  private final int[] sizes;
  private int count;

  public DuplicateBlocking(List<BlockingRule<PersonRecord>> rules) {
    this.rules = List.copyOf(rules);
    this.ruleOfStored = PersonBlocking.ruleOfStored(rules);
    hashes = new long[rules.size()][1024];
    records = new int[rules.size()][1024];
    sizes = new int[rules.size()];
  }

  /** The next record's keys as {@link RecordCodec#keys} stored them, read in place. */
  public void accept(byte[] storedKeys) {
    int j = count++;
    RecordCodec.eachKey(storedKeys, ruleOfStored, (r, hash) -> add(r, hash, j));
  }

  private void add(int r, long hash, int record) {
    if (sizes[r] == hashes[r].length) {
      // by half again, not twice: the largest rule's tens of millions of entries, old and new
      // arrays side by side, are what a million persons' deduplication holds at its peak
      int grown = sizes[r] + (sizes[r] >> 1);
      hashes[r] = Arrays.copyOf(hashes[r], grown);
      records[r] = Arrays.copyOf(records[r], grown);
    }
    hashes[r][sizes[r]] = hash;
    records[r][sizes[r]++] = record;
  }

  /** How many records have passed. */
  public int records() {
    return count;
  }

  /**
   * The pairs of records that share a key, each once and never a record with itself, as {@link
   * Candidates#of} makes them with {@code oneList}; a key shared by more than {@code maxBlock}
   * records is skipped and counted once per record that has it.
   */
  public Candidates candidates(int maxBlock) {
    Candidates.Gathered gathered = new Candidates.Gathered();
    int n = Math.max(1, count);
    for (int r = 0; r < rules.size(); r++) {
      int size = sizes[r];
      long[] h = Arrays.copyOf(hashes[r], size);
      int[] rec = Arrays.copyOf(records[r], size);
      sortByHash(h, rec);
      long skippedKeys = 0;
      Candidates.Pairs pairs = new Candidates.Pairs();
      for (int start = 0; start < size; ) {
        int end = start + 1;
        while (end < size && h[end] == h[start]) {
          end++;
        }
        if (end - start > maxBlock) {
          skippedKeys += end - start;
        } else {
          // records entered in order and the sort is stable: a block's records ascend
          for (int a = start; a < end; a++) {
            for (int b = a + 1; b < end; b++) {
              if (rec[a] == rec[b]) {
                continue; // two keys of one record that hash alike
              }
              pairs.add((long) rec[a] * n + rec[b]);
            }
          }
        }
        start = end;
      }
      hashes[r] = null;
      records[r] = null;
      gathered.add(rules.get(r).name(), pairs.sortedDistinct(), skippedKeys);
    }
    return gathered.candidates(n);
  }

  /**
   * Sorts the entries by hash, stably (least significant digit first, 16 bits at a time): four
   * passes over arrays of primitives, where a sort of objects would box millions of entries.
   */
  static void sortByHash(long[] h, int[] rec) {
    int n = h.length;
    long[] h2 = new long[n];
    int[] r2 = new int[n];
    int[] counts = new int[1 << 16];
    for (int shift = 0; shift < 64; shift += 16) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[digit(h[i], shift)]++;
      }
      int total = 0;
      for (int d = 0; d < counts.length; d++) {
        int c = counts[d];
        counts[d] = total;
        total += c;
      }
      for (int i = 0; i < n; i++) {
        int at = counts[digit(h[i], shift)]++;
        h2[at] = h[i];
        r2[at] = rec[i];
      }
      System.arraycopy(h2, 0, h, 0, n);
      System.arraycopy(r2, 0, rec, 0, n);
    }
  }

  private static int digit(long v, int shift) {
    // the sign's digit flipped: the order is that of signed longs, as Arrays.sort gives it
    int d = (int) (v >>> shift) & 0xffff;
    return shift == 48 ? d ^ 0x8000 : d;
  }
}
