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
 *
 * <p>A field that goes with a part of the name ({@link FieldComparison#companion}) is counted with
 * it the same way: Егоров is born in Москва far oftener than Москва's share of the registry says,
 * and Софія in 2009, so a pair agreeing on both is weighed down by as much.
 */
public final class NamesTogether {
  /** The field indexes of the name's parts, in order (family, given name, patronymic). */
  private final int[] parts;

  /** By how many parts (2, 3 ...: index 0, 1 ...), the registry's count of each set of terms. */
  private final Counts[] counts;

  /** The fields that go with a part of the name ({@link FieldComparison#companion}). */
  private final int[] companions;

  /**
   * Per companion, the registry's count of each part's term with the companion's, where above one.
   */
  private final Counts[] pairs;

  /** Per companion, the registry's count of each of the companion's terms. */
  private final Counts[] terms;

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

  private NamesTogether(
      int[] parts,
      Counts[] counts,
      int[] companions,
      Counts[] pairs,
      Counts[] terms,
      int registrySize,
      boolean oneList) {
    this.parts = parts;
    this.counts = counts;
    this.companions = companions;
    this.pairs = pairs;
    this.terms = terms;
    this.registrySize = registrySize;
    this.oneList = oneList;
  }

  /** None counted: every pair weighed as if the parts were independent. */
  public static NamesTogether none() {
    return new NamesTogether(
        new int[0], new Counts[0], new int[0], new Counts[0], new Counts[0], 0, false);
  }

  /** Counts the registry's names as {@link #add} is given them. */
  static final class Counter<T> {
    private final List<FieldComparison<T>> fields;
    private final int[] parts;
    private final Counts[] counts;
    private final int[] companions;
    private final Counts[] pairs;
    private final Counts[] terms;
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
      this.companions = companions(fields, parts);
      this.pairs = new Counts[companions.length];
      this.terms = new Counts[companions.length];
      for (int i = 0; i < companions.length; i++) {
        pairs[i] = new Counts(1 << 16);
        terms[i] = new Counts(1 << 10);
      }
    }

    void add(T registryPerson) {
      size++;
      long[] keys = keys(fields, parts, registryPerson, parts.length);
      for (int j = 0; j < keys.length; j++) {
        counts[j].add(keys[j], 1);
      }
      for (int i = 0; i < companions.length; i++) {
        FieldComparison.Companion<T> c = fields.get(companions[i]).companion().orElseThrow();
        Optional<String> term = c.term().apply(registryPerson);
        if (term.isEmpty()) {
          continue;
        }
        terms[i].add(termKey(term.get()), 1);
        Optional<String> part = fields.get(parts[c.part()]).termOf(registryPerson);
        if (part.isPresent()) {
          pairs[i].add(pairKey(part.get(), term.get()), 1);
        }
      }
    }

    /** The counts, those of sets carried once let go (an absent set counts one). */
    NamesTogether counted() {
      return new NamesTogether(
          parts, aboveOne(counts), companions, aboveOne(pairs), aboveOne(terms), size, oneList);
    }
  }

  /** The registry's names counted together, every record a registry person. */
  static <T> NamesTogether of(List<FieldComparison<T>> fields, List<T> registry, boolean oneList) {
    return of(fields, registry, oneList, Linker.Progress.NONE);
  }

  /** {@code progress} told how many records are counted, a hundred times at most. */
  static <T> NamesTogether of(
      List<FieldComparison<T>> fields,
      List<T> registry,
      boolean oneList,
      Linker.Progress progress) {
    Counter<T> counter = new Counter<>(fields, oneList);
    for (int i = 0; i < registry.size(); i++) {
      counter.add(registry.get(i));
      progress.counted(i + 1, registry.size());
    }
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

  /** Each of the counts, those counted once let go (one is what an absent set or term counts). */
  private static Counts[] aboveOne(Counts[] all) {
    Counts[] kept = new Counts[all.length];
    for (int i = 0; i < all.length; i++) {
      kept[i] = all[i].aboveOne();
    }
    return kept;
  }

  /** A companion's term alone, as counted and looked up. */
  private static long termKey(String term) {
    return hash(new String[] {term}, 1);
  }

  /** A part of the name's term with a companion's, as counted and looked up. */
  private static long pairKey(String part, String term) {
    return hash(new String[] {part, term}, 2);
  }

  /** The hash of the first {@code n} terms together: one way for counting and for looking up. */
  private static long hash(String[] terms, int n) {
    StringBuilder key = new StringBuilder();
    for (int j = 0; j < n; j++) {
      key.append(terms[j]).append('\u001f');
    }
    return RecordCodec.hash(key.toString());
  }

  /**
   * The counts as stored with a model, hash to count: per number of parts, where above one; then
   * per companion its pairs with the part and its terms alone, each where above one.
   */
  public List<Map<String, Integer>> stored() {
    List<Map<String, Integer>> out = new java.util.ArrayList<>();
    for (Counts c : counts) {
      out.add(c.asMap());
    }
    for (int i = 0; i < companions.length; i++) {
      out.add(pairs[i].asMap());
      out.add(terms[i].asMap());
    }
    return out;
  }

  /**
   * The same counts as {@link #stored}, as bytes: per set the number of hashes, then each hash and
   * its count. Read back in milliseconds where their megabyte of JSON took a match 0.15 s.
   */
  public byte[] storedBytes() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      List<Counts> all = new java.util.ArrayList<>(List.of(counts));
      for (int i = 0; i < companions.length; i++) {
        all.add(pairs[i]);
        all.add(terms[i]);
      }
      out.writeInt(all.size());
      for (Counts c : all) {
        c.write(out);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
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
    Counts[] all = stored.stream().map(NamesTogether::restored).toArray(Counts[]::new);
    return restore(fields, all, registrySize, oneList);
  }

  /** The counts a model was stored with as {@link #storedBytes}, for these fields. */
  public static <T> NamesTogether restore(
      List<FieldComparison<T>> fields, byte[] stored, int registrySize, boolean oneList) {
    try (java.io.DataInputStream in =
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(stored))) {
      Counts[] all = new Counts[in.readInt()];
      for (int i = 0; i < all.length; i++) {
        all[i] = Counts.read(in);
      }
      return restore(fields, all, registrySize, oneList);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the stored counts of names together are cut short", e);
    }
  }

  private static <T> NamesTogether restore(
      List<FieldComparison<T>> fields, Counts[] all, int registrySize, boolean oneList) {
    int[] parts = parts(fields);
    int[] companions = companions(fields, parts);
    int names = Math.max(0, parts.length - 1);
    if (all.length != names + 2 * companions.length) {
      throw new IllegalArgumentException(
          "the stored model counts "
              + all.length
              + " sets of terms, the engine "
              + (names + 2 * companions.length));
    }
    Counts[] pairs = new Counts[companions.length];
    Counts[] terms = new Counts[companions.length];
    for (int i = 0; i < companions.length; i++) {
      pairs[i] = all[names + 2 * i];
      terms[i] = all[names + 2 * i + 1];
    }
    return new NamesTogether(
        parts,
        java.util.Arrays.copyOf(all, names),
        companions,
        pairs,
        terms,
        registrySize,
        oneList);
  }

  private static Counts restored(Map<String, Integer> stored) {
    Counts c = new Counts(stored.size() * 2 + 16);
    stored.forEach((hash, n) -> c.add(Long.parseLong(hash), n));
    return c;
  }

  private static <T> int[] parts(List<FieldComparison<T>> fields) {
    return java.util.stream.IntStream.range(0, fields.size())
        .filter(k -> fields.get(k).partOfName())
        .toArray();
  }

  /** The fields that go with one of the name's {@code parts}. */
  private static <T> int[] companions(List<FieldComparison<T>> fields, int[] parts) {
    int[] out =
        java.util.stream.IntStream.range(0, fields.size())
            .filter(k -> fields.get(k).companion().isPresent())
            .toArray();
    for (int k : out) {
      int part = fields.get(k).companion().orElseThrow().part();
      if (part < 0 || part >= parts.length) {
        throw new IllegalArgumentException(
            fields.get(k).name() + " goes with part " + part + " of a name of " + parts.length);
      }
    }
    return out;
  }

  /** A term's share, as the model weighs a field's agreement on it; NaN where it has none. */
  interface Shares {
    double of(int field, String term);
  }

  /** A line of what the counts took from a pair: its name and its bits (less than 0). */
  interface Lines {
    void line(String name, double bits);
  }

  /** The explanation's name of the line for the name's parts together. */
  static final String PARTS = "name's parts together";

  /**
   * The explanation's name of the line for a field weighed with a part of the name: "place of birth
   * with the family name".
   */
  public static String line(String field, String part) {
    return field + " with the " + part;
  }

  /**
   * The bits a pair loses (0 or less) for agreeing on what goes together: {@link #weigh}'s lines
   * summed.
   */
  <T> double bits(
      List<FieldComparison<T>> fields,
      IntUnaryOperator level,
      T other,
      T registryPerson,
      Shares shares) {
    double[] sum = {0};
    weigh(fields, level, other, registryPerson, shares, (name, bits) -> sum[0] += bits);
    return sum[0];
  }

  /**
   * What a pair loses, line by line: agreeing on the name's first parts ({@link #PARTS}), by the
   * registry's other persons carrying the registry person's terms together against as many as the
   * terms' shares multiplied predict, each counted with {@link #PSEUDO} more; and agreeing on a
   * companion and its part of the name (named "place of birth with the family name"), alike. {@code
   * level} gives each field's level; a part agrees at the levels that share its term's frequency.
   * The registry person is among those counted, and so is {@code other} where the registry is
   * weighed against itself and it carries the same terms.
   */
  <T> void weigh(
      List<FieldComparison<T>> fields,
      IntUnaryOperator level,
      T other,
      T registryPerson,
      Shares shares,
      Lines out) {
    if (registrySize < 2) {
      return;
    }
    Pair<T> pair = new Pair<>(fields, level, other, registryPerson, shares);
    if (parts.length >= 2) {
      names(pair, out);
    }
    for (int i = 0; i < companions.length; i++) {
      companion(i, pair, out);
    }
  }

  /** A pair being weighed: its levels, its other record, and its registry person. */
  private record Pair<T>(
      List<FieldComparison<T>> fields,
      IntUnaryOperator level,
      T other,
      T registryPerson,
      Shares shares) {}

  private <T> void names(Pair<T> pair, Lines out) {
    List<FieldComparison<T>> fields = pair.fields();
    IntUnaryOperator level = pair.level();
    T other = pair.other();
    T registryPerson = pair.registryPerson();
    Shares shares = pair.shares();
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
      return;
    }
    long hash = hash(terms, agreeing);
    int selves = 1;
    if (oneList && other != null) {
      long[] its = keys(fields, parts, other, agreeing);
      selves = its.length == agreeing - 1 && its[agreeing - 2] == hash ? 2 : 1;
    }
    lose(PARTS, counts[agreeing - 2].get(hash), selves, shared, out);
  }

  private <T> void companion(int i, Pair<T> pair, Lines out) {
    List<FieldComparison<T>> fields = pair.fields();
    IntUnaryOperator level = pair.level();
    T other = pair.other();
    T registryPerson = pair.registryPerson();
    Shares shares = pair.shares();
    FieldComparison<T> f = fields.get(companions[i]);
    FieldComparison.Companion<T> c = f.companion().orElseThrow();
    int l = level.applyAsInt(companions[i]);
    int p = parts[c.part()];
    FieldComparison<T> part = fields.get(p);
    int pl = level.applyAsInt(p);
    if (l < 0 || !c.agrees().test(l) || pl < 0 || pl >= part.termLevels()) {
      return;
    }
    Optional<String> partTerm = part.termOf(registryPerson);
    Optional<String> term = c.term().apply(registryPerson);
    if (partTerm.isEmpty() || term.isEmpty()) {
      return;
    }
    double partShare = shares.of(p, partTerm.get());
    if (Double.isNaN(partShare)) {
      return;
    }
    // the companion's share as its own weight took it (a place's, the list's where larger), else
    // counted here (a year has no frequency of its own)
    double termShare = shares.of(companions[i], term.get());
    if (Double.isNaN(termShare)) {
      termShare = Math.max(1, terms[i].get(termKey(term.get()))) / (double) registrySize;
    }
    long hash = pairKey(partTerm.get(), term.get());
    int selves = 1;
    if (oneList && other != null) {
      Optional<String> itsPart = part.termOf(other);
      Optional<String> its = c.term().apply(other);
      if (itsPart.isPresent() && its.isPresent() && pairKey(itsPart.get(), its.get()) == hash) {
        selves = 2;
      }
    }
    lose(line(f.name(), part.name()), pairs[i].get(hash), selves, partShare * termShare, out);
  }

  /**
   * A line for a set of terms the registry carries {@code counted} times, the pair's own persons
   * ({@code selves}) among them, where its terms' shares multiplied predict {@code shared} of a
   * person: the bits by which the others are more than expected, if they are.
   */
  private void lose(String name, int counted, int selves, double shared, Lines out) {
    int others = Math.max(0, counted - selves);
    double expected = (registrySize - selves) * shared;
    double ratio = (others + PSEUDO) / (expected + PSEUDO);
    if (ratio > 1) {
      out.line(name, -Math.log(ratio) / Math.log(2));
    }
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

    /** Those counted more than once, as {@link #asMap} has them. */
    void write(java.io.DataOutputStream out) throws java.io.IOException {
      int n = 0;
      for (int i = 0; i < keys.length; i++) {
        n += used[i] && values[i] > 1 ? 1 : 0;
      }
      out.writeInt(n);
      for (int i = 0; i < keys.length; i++) {
        if (used[i] && values[i] > 1) {
          out.writeLong(keys[i]);
          out.writeInt(values[i]);
        }
      }
    }

    static Counts read(java.io.DataInputStream in) throws java.io.IOException {
      int n = in.readInt();
      Counts c = new Counts(n * 2 + 16);
      for (int i = 0; i < n; i++) {
        c.add(in.readLong(), in.readInt());
      }
      return c;
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
