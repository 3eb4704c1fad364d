package org.handover.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidates of a list against a registry streamed past it once, by the registry's stored key
 * hashes ({@link RecordCodec#keys}): the list's keys are indexed, each registry record's keys
 * looked up as it passes, and no key of the registry is ever held. Gives what {@link Candidates#of}
 * gives for the same rules (a key shared by more than {@code maxBlock} registry records is skipped
 * and counted), the registry's records numbered in the order they passed.
 *
 * <pre>{@code
 * StreamedBlocking b = new StreamedBlocking(entries, rules);
 * for (byte[] keys : stored) b.accept(RecordCodec.readKeys(keys));
 * Candidates c = b.candidates(1000);
 * }</pre>
 */
public final class StreamedBlocking {
  private final List<BlockingRule<PersonRecord>> rules;
  private final int[] stored;
  private final int[] ruleOfStored;
  private final Slots[] index;
  private final List<int[]>[] lefts;
  private final int[][] counts;
  private final long[][] hits;
  private final int[] hitCount;
  private int rights;

  @SuppressWarnings("unchecked")
  public StreamedBlocking(List<PersonRecord> left, List<BlockingRule<PersonRecord>> rules) {
    this.rules = List.copyOf(rules);
    int n = rules.size();
    this.stored = new int[n];
    this.index = new Slots[n];
    this.lefts = new List[n];
    this.counts = new int[n][];
    this.hits = new long[n][1024];
    this.hitCount = new int[n];
    this.ruleOfStored = PersonBlocking.ruleOfStored(rules);
    for (int r = 0; r < n; r++) {
      stored[r] = PersonBlocking.storedIndex(rules.get(r));
      Slots slots = new Slots();
      List<List<Integer>> members = new ArrayList<>();
      for (int i = 0; i < left.size(); i++) {
        for (String key : rules.get(r).probeKeys(left.get(i))) {
          int slot = slots.slotOf(RecordCodec.hash(key), members.size());
          if (slot == members.size()) {
            members.add(new ArrayList<>(2));
          }
          List<Integer> m = members.get(slot);
          if (m.isEmpty() || m.get(m.size() - 1) != i) {
            m.add(i);
          }
        }
      }
      slots.seal();
      index[r] = slots;
      List<int[]> out = new ArrayList<>(members.size());
      for (List<Integer> m : members) {
        out.add(m.stream().mapToInt(Integer::intValue).toArray());
      }
      lefts[r] = out;
      counts[r] = new int[out.size()];
    }
  }

  /** The next registry record's stored key hashes, per rule of {@link PersonBlocking#stored()}. */
  public void accept(long[][] keys) {
    int j = rights++;
    for (int r = 0; r < rules.size(); r++) {
      for (long k : keys[stored[r]]) {
        probe(r, k, j);
      }
    }
  }

  /**
   * The next registry record's keys as {@link RecordCodec#keys} stored them, read in place (a
   * million records a run: no array made for each).
   */
  public void accept(byte[] storedKeys) {
    int j = rights++;
    RecordCodec.eachKey(storedKeys, ruleOfStored, (r, hash) -> probe(r, hash, j));
  }

  private void probe(int r, long key, int j) {
    int slot = index[r].get(key);
    if (slot >= 0) {
      counts[r][slot]++;
      if (hitCount[r] == hits[r].length) {
        hits[r] = Arrays.copyOf(hits[r], hitCount[r] * 2);
      }
      hits[r][hitCount[r]++] = ((long) slot << 32) | j;
    }
  }

  /** How many registry records have passed. */
  public int rights() {
    return rights;
  }

  /** The candidate pairs, as {@link Candidates#of} makes them, right indices in passing order. */
  public Candidates candidates(int maxBlock) {
    Candidates.Gathered gathered = new Candidates.Gathered();
    int n = Math.max(1, rights);
    for (int r = 0; r < rules.size(); r++) {
      long skippedKeys = 0;
      for (int slot = 0; slot < counts[r].length; slot++) {
        if (counts[r][slot] > maxBlock) {
          skippedKeys += lefts[r].get(slot).length;
        }
      }
      Candidates.Pairs pairs = new Candidates.Pairs();
      for (int h = 0; h < hitCount[r]; h++) {
        int slot = (int) (hits[r][h] >>> 32);
        int j = (int) hits[r][h];
        if (counts[r][slot] > maxBlock) {
          continue;
        }
        for (int i : lefts[r].get(slot)) {
          pairs.add((long) i * n + j);
        }
      }
      gathered.add(rules.get(r).name(), pairs.sortedDistinct(), skippedKeys);
    }
    return gathered.candidates(n);
  }

  /** An open-addressing map of key hashes to slots numbered from 0 in the order first seen. */
  private static final class Slots {
    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /**
     * Two bits of each key in one word, eight to sixteen bits a key: most of a million records'
     * keys are not the list's, and this small array tells so from the cache, where the table's two
     * arrays would each be a miss of memory.
     */
    private long[] filter;

    /** Makes the filter once every key is in; {@link #get} answers without it until then. */
    void seal() {
      int words = Integer.highestOneBit(Math.max(1, size / 8)) * 2;
      filter = new long[words];
      for (int i = 0; i < keys.length; i++) {
        if (used[i]) {
          filter[word(keys[i])] |= bits(keys[i]);
        }
      }
    }

    private int word(long key) {
      return (int) (key >>> 17) & (filter.length - 1);
    }

    private static long bits(long key) {
      return (1L << (key >>> 58)) | (1L << ((key >>> 52) & 63));
    }

    /** The key's slot; a new key takes {@code next}. */
    int slotOf(long key, int next) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int at = position(key);
      if (!used[at]) {
        used[at] = true;
        keys[at] = key;
        values[at] = next;
        size++;
      }
      return values[at];
    }

    int get(long key) {
      if (filter != null) {
        long b = bits(key);
        if ((filter[word(key)] & b) != b) {
          return -1;
        }
      }
      int at = position(key);
      return used[at] ? values[at] : -1;
    }

    private int position(long key) {
      int mask = keys.length - 1;
      int at = (int) (key ^ (key >>> 32)) & mask;
      while (used[at] && keys[at] != key) {
        at = (at + 1) & mask;
      }
      return at;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldValues = values;
      boolean[] oldUsed = used;
      keys = new long[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      used = new boolean[oldKeys.length * 2];
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldUsed[i]) {
          int at = position(oldKeys[i]);
          used[at] = true;
          keys[at] = oldKeys[i];
          values[at] = oldValues[i];
        }
      }
    }
  }
}
