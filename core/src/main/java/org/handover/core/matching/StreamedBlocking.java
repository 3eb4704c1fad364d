package org.handover.core.matching;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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

  public StreamedBlocking(List<PersonRecord> left, List<BlockingRule<PersonRecord>> rules) {
    this(rules, hashes(left, rules));
  }

  /**
   * The list's keys as {@link RecordCodec#probeKeys} stored them, one per entry in the list's
   * order: what the constructor makes from the entries, read instead of made again.
   */
  public static StreamedBlocking ofStored(
      List<byte[]> probeKeys, List<BlockingRule<PersonRecord>> rules) {
    int n = rules.size();
    int[] ruleOf = PersonBlocking.ruleOfStored(rules);
    long[][][] hashes = new long[n][probeKeys.size()][];
    IntStream.range(0, probeKeys.size())
        .parallel()
        .forEach(
            i -> {
              long[][] all = RecordCodec.readKeys(probeKeys.get(i));
              for (int s = 0; s < all.length; s++) {
                if (ruleOf[s] >= 0) {
                  hashes[ruleOf[s]][i] = all[s];
                }
              }
            });
    return new StreamedBlocking(rules, hashes);
  }

  /** Every rule's keys of every entry, made and hashed in one pass over the list on every core. */
  private static long[][][] hashes(
      List<PersonRecord> left, List<BlockingRule<PersonRecord>> rules) {
    int n = rules.size();
    long[][][] hashes = new long[n][left.size()][];
    IntStream.range(0, left.size())
        .parallel()
        .forEach(
            i -> {
              for (int r = 0; r < n; r++) {
                hashes[r][i] =
                    rules.get(r).probeKeys(left.get(i)).stream()
                        .mapToLong(RecordCodec::hash)
                        .toArray();
              }
            });
    return hashes;
  }

  /** Each rule's keys of the list, {@code hashes[rule][entry]}, indexed in the list's order. */
  @SuppressWarnings("unchecked")
  private StreamedBlocking(List<BlockingRule<PersonRecord>> rules, long[][][] hashes) {
    this.rules = List.copyOf(rules);
    int n = rules.size();
    this.stored = new int[n];
    this.index = new Slots[n];
    this.lefts = new List[n];
    this.counts = new int[n][];
    this.hits = new long[n][1024];
    this.hitCount = new int[n];
    this.ruleOfStored = PersonBlocking.ruleOfStored(rules);
    // each rule's keys indexed on its own, the rules side by side
    IntStream.range(0, n)
        .parallel()
        .forEach(
            r -> {
              stored[r] = PersonBlocking.storedIndex(rules.get(r));
              index[r] = new Slots(hashes[r]);
              lefts[r] = members(hashes[r], index[r]);
              counts[r] = new int[lefts[r].size()];
            });
  }

  /**
   * Each key's slot in {@code slots}, numbered as first seen, and the list's entries that carry it,
   * in order and each once: two passes over primitive arrays, as a list's keys with their near
   * years are too many to box one by one.
   */
  private static List<int[]> members(long[][] hashes, Slots slots) {
    int total = 0;
    for (long[] h : hashes) {
      total += h.length;
    }
    int[] slotOf = new int[total]; // per key in order, its slot, or -1 where its entry has it
    int[] sizes = new int[1024];
    int[] lastEntry = new int[1024];
    int slotsUsed = 0;
    int n = 0;
    for (int i = 0; i < hashes.length; i++) {
      for (long hash : hashes[i]) {
        int slot = slots.slotOf(hash, slotsUsed);
        if (slot == slotsUsed) {
          slotsUsed++;
          if (slotsUsed > sizes.length) {
            sizes = Arrays.copyOf(sizes, sizes.length * 2);
            lastEntry = Arrays.copyOf(lastEntry, lastEntry.length * 2);
          }
        }
        if (lastEntry[slot] == i + 1) {
          slotOf[n++] = -1;
        } else {
          lastEntry[slot] = i + 1;
          sizes[slot]++;
          slotOf[n++] = slot;
        }
      }
    }
    slots.seal();
    int[][] members = new int[slotsUsed][];
    for (int slot = 0; slot < slotsUsed; slot++) {
      members[slot] = new int[sizes[slot]];
    }
    int[] filled = new int[slotsUsed];
    n = 0;
    for (int i = 0; i < hashes.length; i++) {
      for (int k = 0; k < hashes[i].length; k++) {
        int slot = slotOf[n++];
        if (slot >= 0) {
          members[slot][filled[slot]++] = i;
        }
      }
    }
    return Arrays.asList(members);
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

  /**
   * An open-addressing map of key hashes to slots numbered from 0 in the order first seen: each
   * entry a key and its slot plus one (0 for none) side by side in one array, so that a lookup is
   * one miss of memory, not one per array.
   */
  private static final class Slots {
    private long[] table;
    private int size;

    /** Sized for the keys to come, that it seldom grows while they go in. */
    Slots(long[][] keys) {
      long total = 0;
      for (long[] k : keys) {
        total += k.length;
      }
      // at most half full, four longs a key (a key and its slot): presized for up to two million
      // keys (64 MB), grown past them
      table =
          new long[Integer.highestOneBit((int) Math.min(1 << 22, Math.max(1024, 4 * total))) * 2];
    }

    /**
     * Two bits of each key in one word, eight to sixteen bits a key: most of a million records'
     * keys are not the list's, and this small array tells so from the cache.
     */
    private long[] filter;

    /** Makes the filter once every key is in; {@link #get} answers without it until then. */
    void seal() {
      int words = Integer.highestOneBit(Math.max(1, size / 8)) * 2;
      filter = new long[words];
      for (int i = 0; i < table.length; i += 2) {
        if (table[i + 1] != 0) {
          filter[word(table[i])] |= bits(table[i]);
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
      if (4 * (size + 1) > table.length) {
        grow();
      }
      int at = position(table, key);
      if (table[at + 1] == 0) {
        table[at] = key;
        table[at + 1] = next + 1L;
        size++;
      }
      return (int) table[at + 1] - 1;
    }

    int get(long key) {
      if (filter != null) {
        long b = bits(key);
        if ((filter[word(key)] & b) != b) {
          return -1;
        }
      }
      return (int) table[position(table, key) + 1] - 1;
    }

    /** Where the key is, or the empty entry where it would go. */
    private static int position(long[] table, long key) {
      int mask = table.length / 2 - 1;
      int at = (int) (key ^ (key >>> 32)) & mask;
      while (table[2 * at + 1] != 0 && table[2 * at] != key) {
        at = (at + 1) & mask;
      }
      return 2 * at;
    }

    private void grow() {
      long[] old = table;
      table = new long[old.length * 2];
      for (int i = 0; i < old.length; i += 2) {
        if (old[i + 1] != 0) {
          int at = position(table, old[i]);
          table[at] = old[i];
          table[at + 1] = old[i + 1];
        }
      }
    }
  }
}
