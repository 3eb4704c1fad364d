package org.handover.core.matching;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.handover.core.registry.PartialDate;
import org.handover.names.Bytes;
import org.handover.names.NameCodec;
import org.handover.names.PreparedName;

/**
 * A registry person as matching compares it, written once as bytes and read back without preparing
 * its names again; and its blocking keys, each rule's as 64-bit hashes. A match run reads these
 * instead of the persons: a million names prepared anew on every run was most of its time.
 */
public final class RecordCodec {
  /**
   * Changes whenever what a stored record holds, or how its keys are made, changes; with the names
   * library's own version, a record stored under another is prepared again.
   */
  public static final String VERSION = "record-7/" + NameCodec.VERSION;

  private RecordCodec() {}

  public static byte[] write(PersonRecord r) {
    Bytes.Writer out = new Bytes.Writer();
    out.putLong(r.id()).putString(r.reference()).put(r.names().size());
    for (PreparedName n : r.names()) {
      NameCodec.write(n, out);
    }
    if (r.birthDate().isPresent()) {
      PartialDate d = r.birthDate().get();
      out.putShort(d.year()).put(d.month().orElse(0)).put(d.day().orElse(0));
    } else {
      out.putShort(0);
    }
    out.putString(r.birthPlace())
        .putString(r.fatherName())
        .putString(r.serviceNumber())
        .putString(r.sex())
        .putString(r.unit())
        .put(r.rank());
    return out.toArray();
  }

  /** The id of a record {@link #write} wrote, without reading the rest. */
  public static long id(byte[] bytes) {
    return (long) LONG.get(bytes, 0);
  }

  public static PersonRecord read(byte[] bytes) {
    Bytes.Reader in = new Bytes.Reader(bytes);
    long id = in.getLong();
    String reference = in.getString();
    int count = in.get();
    List<PreparedName> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(NameCodec.read(in));
    }
    int year = in.getShort();
    Optional<PartialDate> born = Optional.empty();
    if (year != 0) {
      int month = in.get();
      int day = in.get();
      born =
          Optional.of(
              day != 0
                  ? PartialDate.of(year, month, day)
                  : month != 0 ? PartialDate.of(year, month) : PartialDate.ofYear(year));
    }
    return new PersonRecord(
        id,
        reference,
        names,
        born,
        in.getString(),
        in.getString(),
        in.getString(),
        in.getString(),
        in.getString(),
        in.get());
  }

  /**
   * The record's blocking keys under every rule of {@link PersonBlocking#stored()}, in that order:
   * for each rule a count, then the keys' hashes.
   */
  public static byte[] keys(PersonRecord r) {
    return keys(r, false);
  }

  /**
   * A list's entry's keys as {@link #keys} writes a person's, but the keys it probes the registry
   * with ({@link BlockingRule#probeKeys}: near years too).
   */
  public static byte[] probeKeys(PersonRecord r) {
    return keys(r, true);
  }

  private static byte[] keys(PersonRecord r, boolean probe) {
    Bytes.Writer out = new Bytes.Writer();
    for (BlockingRule<PersonRecord> rule : PersonBlocking.stored()) {
      List<String> keys = probe ? rule.probeKeys(r) : rule.keys(r);
      out.putShort(keys.size());
      for (String k : keys) {
        out.putLong(hash(k));
      }
    }
    return out.toArray();
  }

  /** Eight bytes as one long, as {@link Bytes.Writer#putLong} wrote them, in one read. */
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** A stored key hash visited in place: its rule's place among the rules a blocking uses. */
  interface KeyVisitor {
    void key(int rule, long hash);
  }

  /**
   * Every key hash {@link #keys} wrote for the rules a blocking uses ({@code ruleOf}, from {@link
   * PersonBlocking#ruleOfStored}), read in place (a million records a run: no array made for each);
   * the other rules' keys are stepped over.
   */
  static void eachKey(byte[] stored, int[] ruleOf, KeyVisitor visit) {
    int at = 0;
    for (int s = 0; at < stored.length; s++) {
      int n = ((stored[at] & 0xff) << 8) | (stored[at + 1] & 0xff);
      at += 2;
      int r = ruleOf[s];
      if (r < 0) {
        at += 8 * n;
        continue;
      }
      for (int k = 0; k < n; k++, at += 8) {
        visit.key(r, (long) LONG.get(stored, at));
      }
    }
  }

  /** What {@link #keys} wrote: per rule of {@link PersonBlocking#stored()}, its key hashes. */
  public static long[][] readKeys(byte[] bytes) {
    int rules = PersonBlocking.stored().size();
    long[][] out = new long[rules][];
    int at = 0;
    for (int r = 0; r < rules; r++) {
      int n = ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
      at += 2;
      long[] keys = new long[n];
      for (int k = 0; k < n; k++, at += 8) {
        keys[k] = (long) LONG.get(bytes, at);
      }
      out[r] = keys;
    }
    return out;
  }

  /**
   * A key's 64-bit hash (FNV-1a over its characters, then mixed): two keys that collide only add a
   * pair to compare, never lose one.
   */
  public static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
