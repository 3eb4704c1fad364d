package org.handover.server.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.handover.core.matching.PersonRecord;
import org.handover.core.matching.RecordCodec;
import org.handover.core.rosters.Field;
import org.handover.server.rosters.Rosters;
import org.handover.server.storage.BinaryCopyRows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A list's entries as matching compares them, kept in {@code roster_match_records}: each prepared
 * (names parsed and reduced, the keys it probes the registry with hashed) by the list's first
 * match, so that every match after reads them instead of preparing them again (0.7 s of a list of
 * 5,000); made again when the engine's record format or the reading of a list's row changed ({@link
 * #FORMAT}). Not at the import: preparing is 0.1-0.2 ms of CPU an entry, which a list of 100,000
 * would add to its import whether it is ever matched or not. Entries never change once stored.
 */
final class ListRecords {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ListRecords.class);

  private ListRecords() {}

  /**
   * What a kept entry was made by: the engine's record format and this class's reading of a list's
   * row ({@link MatchRecords#of}); a change of either makes every list's entries again.
   */
  static final String FORMAT = "list-1/" + RecordCodec.VERSION;

  /** Entries sent per COPY: a list of 100,000 is not held twice over as one message. */
  private static final int CHUNK = 10_000;

  /**
   * A list's entries prepared, in row order, each one's probe keys, and their storing when they
   * were prepared now (done at once when they were read as kept).
   */
  record Kept(List<PersonRecord> entries, List<byte[]> probeKeys, CompletableFuture<Void> stored) {}

  /**
   * Prepares these entries of a list (those with a name, a family or a given one, or else a service
   * number: the others have nothing to be found by) on every core, and stores them on another
   * thread while the run goes on: they are not needed before the next run.
   */
  private static Kept prepare(Jdbi jdbi, long rosterId, List<Rosters.NamedEntry> entries) {
    List<Rosters.NamedEntry> findable = entries.stream().filter(ListRecords::findable).toList();
    int n = findable.size();
    PersonRecord[] records = new PersonRecord[n];
    byte[][] keys = new byte[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              Rosters.NamedEntry e = findable.get(i);
              records[i] =
                  MatchRecords.of(
                      e.row(), e.family(), e.given(), e.patronymic(), e.born(), e.fields());
              keys[i] = RecordCodec.probeKeys(records[i]);
            });
    CompletableFuture<Void> stored =
        CompletableFuture.runAsync(
            () -> {
              try {
                jdbi.useTransaction(h -> store(h, rosterId, records, keys));
              } catch (Throwable e) { // out of memory too: the run goes on without them
                LOG.warn(
                    "list {}'s prepared entries could not be kept: {}", rosterId, e.toString());
              }
            },
            runnable -> new Thread(runnable, "list-records").start());
    return new Kept(List.of(records), List.of(keys), stored);
  }

  private static void store(Handle h, long rosterId, PersonRecord[] records, byte[][] keys) {
    // two runs making them at once store one after the other, the later one's standing
    h.execute("SELECT pg_advisory_xact_lock(7302)");
    h.createUpdate("DELETE FROM roster_match_records WHERE roster_id = :id")
        .bind("id", rosterId)
        .execute();
    for (int from = 0; from < records.length; from += CHUNK) {
      BinaryCopyRows rows = new BinaryCopyRows();
      for (int i = from; i < Math.min(records.length, from + CHUNK); i++) {
        rows.row(5)
            .int8(rosterId)
            .int4((int) records[i].id())
            .text(FORMAT)
            .bytes(RecordCodec.write(records[i]))
            .bytes(keys[i]);
      }
      rows.copy(
          h,
          "COPY roster_match_records (roster_id, row_no, codec, record, keys) FROM STDIN"
              + " (FORMAT binary)");
    }
  }

  /**
   * A list's entries as kept; prepared and kept now when none is kept under the engine's record
   * format (its first match, or the first under another version).
   */
  static Kept read(Jdbi jdbi, Rosters rosters, long rosterId) {
    List<byte[]> records = new ArrayList<>();
    List<byte[]> keys = new ArrayList<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT record, keys FROM roster_match_records WHERE roster_id = :id AND codec ="
                        + " :codec ORDER BY row_no")
                .bind("id", rosterId)
                .bind("codec", FORMAT)
                .setFetchSize(10_000)
                .map(
                    (rs, ctx) -> {
                      records.add(rs.getBytes(1));
                      return keys.add(rs.getBytes(2));
                    })
                .forEach(added -> {}));
    if (records.isEmpty()) {
      return prepare(jdbi, rosterId, rosters.named(rosterId));
    }
    PersonRecord[] decoded = new PersonRecord[records.size()];
    IntStream.range(0, decoded.length)
        .parallel()
        .forEach(i -> decoded[i] = RecordCodec.read(records.get(i)));
    return new Kept(List.of(decoded), keys, CompletableFuture.completedFuture(null));
  }

  /**
   * Whether an entry has something to be found by: a name, or a service number (one found by it
   * alone is never linked unreviewed); the list shows the others' problems.
   */
  private static boolean findable(Rosters.NamedEntry e) {
    return !e.family().isEmpty()
        || !e.given().isEmpty()
        || !e.fields().getOrDefault(Field.SERVICE_NUMBER.key(), "").isBlank();
  }
}
