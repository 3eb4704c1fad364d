package org.handover.server.matching;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.handover.core.matching.Candidates;
import org.handover.core.matching.Linker;
import org.handover.core.matching.PersonRecord;
import org.handover.core.matching.RecordCodec;
import org.handover.server.storage.BinaryCopyRows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The registry as matching compares it, kept in {@code match_records}: each person prepared once
 * (names parsed and reduced, blocking keys hashed) and made again only when the person changed (its
 * version) or the engine's record format did ({@link RecordCodec#VERSION}). A run first brings the
 * store up to date, then streams it once past the list's keys.
 */
final class StoredRecords {
  /** Persons prepared and written per transaction. */
  static final int CHUNK = 20_000;

  /** From how many records written at once the store is vacuumed at the end of the refresh. */
  static final int VACUUM_FROM = 100_000;

  private StoredRecords() {}

  /**
   * Prepares and stores every person whose stored record is missing or stale, and drops the records
   * of persons merged into others, so that the store holds the current registry and nothing else;
   * returns how many were prepared. {@code done} hears how many are done of how many, chunk by
   * chunk.
   */
  static int refresh(Jdbi jdbi, Linker.Progress done) {
    List<Long> stale = new ArrayList<>();
    List<Long> merged = new ArrayList<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT p.id, p.merged_into IS NOT NULL AS merged FROM persons p"
                        + " LEFT JOIN match_records m ON m.person_id = p.id"
                        + " WHERE (p.merged_into IS NULL AND (m.person_id IS NULL"
                        + " OR m.person_version <> p.version OR m.codec <> :codec))"
                        + " OR (p.merged_into IS NOT NULL AND m.person_id IS NOT NULL) ORDER BY p.id")
                .bind("codec", RecordCodec.VERSION)
                .map((rs, ctx) -> (rs.getBoolean("merged") ? merged : stale).add(rs.getLong("id")))
                .forEach(added -> {}));
    boolean upgrade = !stale.isEmpty() && noneCurrent(jdbi);
    if (upgrade) {
      // every record made under another format (an upgrade): emptied at once rather than row by
      // row, which left a million dead rows that every run after read past (2.3 GB, not 1 GB)
      jdbi.useHandle(h -> h.execute("TRUNCATE match_records"));
      merged.clear();
    }
    for (int from = 0; from < merged.size(); from += CHUNK) {
      List<Long> ids = merged.subList(from, Math.min(merged.size(), from + CHUNK));
      jdbi.useHandle(
          h ->
              h.createUpdate("DELETE FROM match_records WHERE person_id IN (<ids>)")
                  .bindList("ids", ids)
                  .execute());
    }
    for (int from = 0; from < stale.size(); from += CHUNK) {
      List<Long> ids = stale.subList(from, Math.min(stale.size(), from + CHUNK));
      jdbi.useTransaction(h -> write(h, MatchRecords.versioned(h, ids)));
      done.at(Math.min(stale.size(), from + CHUNK), stale.size());
    }
    if (upgrade || stale.size() >= VACUUM_FROM) {
      // now, while this run is long anyway: left to autovacuum, the pass it starts after so many
      // new rows is stopped with each command's database and begun again by the next, slowing each
      // (a run of 15 s took 70). The persons too: the stale records are found from the two tables'
      // indexes alone only where their pages are marked all visible, which a bulk load leaves not
      jdbi.useHandle(h -> h.execute("VACUUM (ANALYZE) match_records, persons"));
    }
    return stale.size();
  }

  private static boolean noneCurrent(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            !h.createQuery("SELECT EXISTS (SELECT 1 FROM match_records WHERE codec = :codec)")
                .bind("codec", RecordCodec.VERSION)
                .mapTo(Boolean.class)
                .one());
  }

  private static void write(Handle h, List<MatchRecords.Versioned> records) {
    if (records.isEmpty()) {
      return;
    }
    // two runs preparing at once write one after the other, the later one's rows standing
    h.execute("SELECT pg_advisory_xact_lock(7301)");
    h.createUpdate("DELETE FROM match_records WHERE person_id IN (<ids>)")
        .bindList("ids", records.stream().map(v -> v.record().id()).toList())
        .execute();
    byte[][] record = new byte[records.size()][];
    byte[][] keys = new byte[records.size()][];
    IntStream.range(0, records.size())
        .parallel()
        .forEach(
            i -> {
              record[i] = RecordCodec.write(records.get(i).record());
              keys[i] = RecordCodec.keys(records.get(i).record());
            });
    // in binary: the text format sent each record as twice its size in hexadecimal
    BinaryCopyRows rows = new BinaryCopyRows();
    for (int i = 0; i < record.length; i++) {
      rows.row(5)
          .int8(records.get(i).record().id())
          .int4(records.get(i).version())
          .text(RecordCodec.VERSION)
          .bytes(record[i])
          .bytes(keys[i]);
    }
    rows.copy(
        h,
        "COPY match_records (person_id, person_version, codec, record, keys) FROM STDIN"
            + " (FORMAT binary)");
  }

  /**
   * Streams every stored record past {@code keys} (each person's key hashes, in the order of {@link
   * org.handover.core.matching.PersonBlocking#stored()}), in the persons' order, and returns the
   * records' bytes in that order. Run after {@link #refresh}, which leaves the store holding the
   * current registry: a person changed since is read as the refresh found it.
   */
  static List<byte[]> stream(Handle h, Consumer<byte[]> keys, IntConsumer passed) {
    List<byte[]> out = new ArrayList<>();
    each(
        h,
        (record, k) -> {
          out.add(record);
          keys.accept(k);
          if (out.size() % 50_000 == 0) {
            passed.accept(out.size());
          }
        });
    return out;
  }

  /**
   * Each stored record and its key hashes, in the persons' order by the table's primary key, with
   * no join with the persons (a million records, 3.5 s of the database's time with it, 1.4 s
   * without); {@link #refresh} keeps the store to the current registry. Not in the order the table
   * holds them (1.1 s): that order is the table's history, and the random pairs a model learns from
   * are drawn by place, so that two databases of one registry trained different models.
   */
  private static void each(Handle h, java.util.function.BiConsumer<byte[], byte[]> read) {
    String sql =
        "COPY (SELECT m.record, m.keys FROM match_records m WHERE m.codec = '"
            + RecordCodec.VERSION.replace("'", "''")
            + "' ORDER BY m.person_id) TO STDOUT (FORMAT binary)";
    try (InputStream raw =
            new PGCopyInputStream(h.getConnection().unwrap(PGConnection.class), sql);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      in.skipNBytes(11); // PGCOPY\n\377\r\n\0
      in.readInt(); // flags
      in.skipNBytes(in.readInt()); // header extension
      while (true) {
        short fields = in.readShort();
        if (fields == -1) {
          break;
        }
        byte[] record = in.readNBytes(in.readInt());
        read.accept(record, in.readNBytes(in.readInt()));
      }
    } catch (EOFException e) {
      throw new IllegalStateException("the stored records ended early", e);
    } catch (SQLException e) {
      throw new IllegalStateException("reading prepared records: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every current person of the registry, from the store brought up to date. */
  static List<PersonRecord> all(Jdbi jdbi) {
    return all(jdbi, keys -> {});
  }

  /** The same, each person's stored key hashes passed to {@code keys} as it is read. */
  static List<PersonRecord> all(Jdbi jdbi, Consumer<byte[]> keys) {
    refresh(jdbi, Linker.Progress.NONE);
    List<PersonRecord> out = new ArrayList<>();
    List<byte[]> chunk = new ArrayList<>(CHUNK);
    jdbi.useHandle(
        h ->
            each(
                h,
                (record, k) -> {
                  keys.accept(k);
                  chunk.add(record);
                  if (chunk.size() == CHUNK) {
                    decode(chunk, out);
                  }
                }));
    decode(chunk, out);
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * A chunk of records decoded on every core and its bytes let go: the bytes of a million records
   * are never all held beside the records themselves.
   */
  private static void decode(List<byte[]> chunk, List<PersonRecord> out) {
    PersonRecord[] decoded = new PersonRecord[chunk.size()];
    IntStream.range(0, decoded.length)
        .parallel()
        .forEach(i -> decoded[i] = RecordCodec.read(chunk.get(i)));
    out.addAll(java.util.Arrays.asList(decoded));
    chunk.clear();
  }

  /**
   * The streamed records as a list the engine reads, each decoded when asked and not held: the
   * engine reads each candidate once per pass ({@link Candidates#byRight()}), and holding the
   * decoded candidates measured slower at a million (more for the collector to trace).
   */
  static View view(List<byte[]> records) {
    return new View(records);
  }

  /** The streamed records, each decoded when asked. */
  static final class View extends AbstractList<PersonRecord> {
    private final List<byte[]> records;

    private View(List<byte[]> records) {
      this.records = records;
    }

    @Override
    public PersonRecord get(int index) {
      return RecordCodec.read(records.get(index));
    }

    /** A record's person, without decoding the record. */
    long id(int index) {
      return RecordCodec.id(records.get(index));
    }

    @Override
    public int size() {
      return records.size();
    }
  }
}
