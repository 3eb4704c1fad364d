package org.handover.server.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.handover.core.registry.Name;
import org.handover.core.registry.Person;
import org.handover.core.registry.StatusChange;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Background;
import org.handover.server.storage.CopyRows;
import org.handover.server.storage.DeferredIndexes;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many new persons stored at once (a registry import, the demo): their rows sent with COPY, and one
 * journal entry per {@link Sizes#perEntry} persons that names each of them with the digest of its
 * rows, as a person's own entry would. Storing persons one by one was three times slower; the
 * digests are made with the rows ({@link PersonAudit#digest}), as the database took 28 s to read a
 * million persons back for them.
 */
final class PersonBulk {

  /** Persons per block of a list given whole: rows made in parallel, then sent by COPY. */
  private static final int COPY = 10_000;

  private static final List<String> TABLES =
      List.of("persons", "person_names", "person_words", "status_history");

  private static final String PERSONS =
      "COPY persons (id, " + PersonRows.COLUMNS + ", version, created_at, updated_at) FROM STDIN";
  private static final String NAMES =
      "COPY person_names (person_id, position, script, system, family, given, patronymic, source)"
          + " FROM STDIN";
  private static final String WORDS = "COPY person_words (person_id, word_ids) FROM STDIN";
  private static final String STATUSES =
      "COPY status_history (id, person_id, status, since, source, note, recorded_by, recorded_at)"
          + " FROM STDIN";

  /** Of how many persons the digests made here are held to the audit's SQL: one in so many. */
  private static final int SAMPLE_EVERY = 500;

  private static final Logger LOG = LoggerFactory.getLogger(PersonBulk.class);

  /** A new person and the first entry of its status history. */
  record New(Person person, StatusChange status) {}

  /**
   * A person's rows for each table but its search words, those words (numbered as they are sent),
   * and the digest the state audit will find of them.
   */
  private record Made(long id, CopyRows[] rows, Set<String> words, String digest) {}

  private PersonBulk() {}

  /**
   * Stores the persons in the handle's transaction and journals them as {@code person.import};
   * returns their ids, in order. {@code progress} hears how many are stored, that their indexes are
   * being built (when they were set aside), then how many are journaled.
   */
  static long[] store(
      Handle h,
      Journal journal,
      Blocks persons,
      String source,
      String sha256,
      String actor,
      Registry.Progress progress) {
    return store(
        h, journal, persons, source, sha256, actor, progress, Sizes.USED, PersonAudit::digest);
  }

  /** The digest of a new person's rows: {@link PersonAudit#digest}, or a test's. */
  interface Digest {
    String of(long id, Person p, long now, long statusId, StatusChange s);
  }

  /**
   * How many persons go to a journal entry, and from how many persons, when they are at least as
   * many as those stored, the tables' indexes (and the journal members') are built again after the
   * load rather than kept current row by row.
   */
  record Sizes(int perEntry, int deferFrom) {
    static final Sizes USED = new Sizes(10_000, 50_000);
  }

  static long[] store(
      Handle h,
      Journal journal,
      List<New> persons,
      String source,
      String actor,
      Registry.Progress progress,
      Sizes sizes,
      Digest digest) {
    return store(h, journal, Blocks.of(persons), source, "", actor, progress, sizes, digest);
  }

  /**
   * Persons to store, a block at a time: the first is read on the caller's thread, each next one on
   * another while this one's rows are made and the last one's sent; no more than three blocks are
   * held at once.
   */
  interface Blocks {
    /** The next block, empty when there are no more; asked in order, one call at a time. */
    List<New> next();

    /**
     * How many persons there will be in all, as far as known once the first block is read (those
     * read so far when it cannot tell).
     */
    long expected();

    /** Asked when the load has failed: read no further than need be. */
    default void stop() {}

    /** The persons of a list, {@value #COPY} to a block. */
    static Blocks of(List<New> all) {
      return new Blocks() {
        private int from;

        @Override
        public List<New> next() {
          int to = Math.min(all.size(), from + COPY);
          List<New> block = all.subList(from, to);
          from = to;
          return block;
        }

        @Override
        public long expected() {
          return all.size();
        }
      };
    }
  }

  /** {@code sha256}: the file's, named in each entry so that a second import of it is seen. */
  static long[] store(
      Handle h,
      Journal journal,
      Blocks blocks,
      String source,
      String sha256,
      String actor,
      Registry.Progress progress,
      Sizes sizes,
      Digest digest) {
    int perEntry = sizes.perEntry();
    Ids stored = new Ids();
    List<String> made = new ArrayList<>();
    Map<String, Integer> words = new HashMap<>();
    List<New> block = blocks.next();
    Optional<DeferredIndexes> deferred = Optional.empty();
    long before =
        block.isEmpty() ? 0 : h.createQuery("SELECT count(*) FROM persons").mapTo(Long.class).one();
    CompletableFuture<List<New>> reading =
        block.isEmpty() ? null : CompletableFuture.supplyAsync(blocks::next);
    CompletableFuture<List<Made>> making = null;
    try {
      while (!block.isEmpty()) {
        // set aside once the load is known to be large: from the start when the reader can tell
        // its size, else (a workbook) when so many are stored
        long large = Math.max(blocks.expected(), stored.size() + block.size());
        if (deferred.isEmpty() && large >= sizes.deferFrom() && large >= before) {
          deferred = Optional.of(DeferredIndexes.drop(h, TABLES));
        }
        long[] ids = reserve(h, block.size());
        CompletableFuture<List<Made>> next = make(block, ids, statusIds(h, block.size()), digest);
        stored.add(ids);
        if (making != null) {
          sent(h, Background.join(making), words, made, progress);
        }
        making = next;
        block = Background.join(reading);
        reading = block.isEmpty() ? null : CompletableFuture.supplyAsync(blocks::next);
      }
      if (making != null) {
        sent(h, Background.join(making), words, made, progress);
      }
    } catch (RuntimeException | Error e) {
      // the transaction is lost: the block being read is stopped and waited for, so that nothing
      // reads on once the list is closed
      if (reading != null) {
        blocks.stop();
        reading.handle((v, t) -> null).join();
      }
      throw e;
    }
    long[] ids = stored.all();
    String[] digests = made.toArray(String[]::new);
    if (deferred.isPresent()) {
      progress.at(Registry.Progress.INDEXING, ids.length);
      deferred.get().rebuild(h);
      h.execute("ANALYZE persons, person_names, person_words, search_words, status_history");
    }
    boolean digested = agree(h, journal, ids, digests);
    List<Journal.Members> entries = new ArrayList<>();
    for (int from = 0; from < ids.length; from += perEntry) {
      int to = Math.min(ids.length, from + perEntry);
      Map<String, Object> after = new LinkedHashMap<>();
      if (!source.isEmpty()) {
        after.put("file", source);
      }
      if (!sha256.isEmpty()) {
        after.put("sha256", sha256);
      }
      after.put("persons", to - from);
      after.put("person_ids", ids[from] + "-" + ids[to - 1]);
      Change change =
          Change.by(actor, "person.import")
              .on("person-import", ids[from] + "-" + ids[to - 1])
              .now(Json.write(after));
      if (digested) {
        entries.add(
            new Journal.Members(
                change,
                LongStream.of(ids).skip(from).limit(to - from).mapToObj(Long::toString).toList(),
                Arrays.asList(digests).subList(from, to)));
      } else {
        journal.appendMany(
            h, change, "person", "p.id = ANY(:ids)", Map.of("ids", boxed(ids, from, to)));
        progress.at(Registry.Progress.JOURNALED, to);
      }
    }
    journal.appendMany(
        h, "person", entries, sizes.deferFrom(), n -> progress.at(Registry.Progress.JOURNALED, n));
    return ids;
  }

  /**
   * Whether the digests made with the rows are the audit's for a sample of the persons (one in
   * {@value #SAMPLE_EVERY}, and the last): if not (a database whose settings write a row's text
   * otherwise), the database digests every person itself, four times slower at a million.
   */
  private static boolean agree(Handle h, Journal journal, long[] ids, String[] digests) {
    if (ids.length == 0) {
      return true;
    }
    Map<String, String> sample = new HashMap<>();
    List<Long> sampled = new ArrayList<>();
    for (int i = 0; i < ids.length; i += SAMPLE_EVERY) {
      sampled.add(ids[i]);
      sample.put(Long.toString(ids[i]), digests[i]);
    }
    sampled.add(ids[ids.length - 1]);
    sample.put(Long.toString(ids[ids.length - 1]), digests[ids.length - 1]);
    boolean agree =
        journal.agree(
            h, "person", "p.id = ANY(:ids)", Map.of("ids", sampled.toArray(Long[]::new)), sample);
    if (!agree) {
      LOG.warn(
          "The digests of imported persons made in Java differ from the database's own (its"
              + " settings write rows otherwise): the database digests them, more slowly.");
    }
    return agree;
  }

  private static Long[] boxed(long[] ids, int from, int to) {
    return LongStream.of(ids).skip(from).limit(to - from).boxed().toArray(Long[]::new);
  }

  /**
   * An id for each new person's first status row: a block, reserved as {@link #reserve} does
   * (drawing a million one by one took 5 s). Status changes of other sessions wait for the load.
   */
  private static long[] statusIds(Handle h, int n) {
    return block(h, "status_history", n);
  }

  /** A block of ids for the new persons. */
  private static long[] reserve(Handle h, int n) {
    return block(h, "persons", n);
  }

  /**
   * A block of {@code n} ids of the table's own. Every insert into the table takes a lock this one
   * excludes, so no other session draws an id between the two calls on the sequence; readers go on
   * (until a large load sets the indexes aside, which locks the tables for the rest of its
   * transaction).
   */
  private static long[] block(Handle h, String table, int n) {
    if (n == 0) {
      return new long[0];
    }
    h.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
    long last =
        h.createQuery(
                "SELECT setval(pg_get_serial_sequence(:t, 'id'),"
                    + " nextval(pg_get_serial_sequence(:t, 'id')) + :n - 1)")
            .bind("t", table)
            .bind("n", n)
            .mapTo(Long.class)
            .one();
    return LongStream.rangeClosed(last - n + 1, last).toArray();
  }

  /** The rows of a block of persons, made in parallel. */
  private static CompletableFuture<List<Made>> make(
      List<New> block, long[] ids, long[] statusIds, Digest digest) {
    return CompletableFuture.supplyAsync(
        () ->
            IntStream.range(0, block.size())
                .parallel()
                .mapToObj(i -> made(ids[i], statusIds[i], block.get(i), digest))
                .toList());
  }

  /** A block's rows sent, their digests kept, and how many are stored told. */
  private static void sent(
      Handle h,
      List<Made> block,
      Map<String, Integer> words,
      List<String> digests,
      Registry.Progress progress) {
    send(h, block, words);
    block.forEach(m -> digests.add(m.digest()));
    progress.at(Registry.Progress.STORED, digests.size());
  }

  /** The ids given so far, in order. */
  private static final class Ids {
    private long[] ids = new long[1024];
    private int size;

    void add(long[] more) {
      if (size + more.length > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + more.length));
      }
      System.arraycopy(more, 0, ids, size, more.length);
      size += more.length;
    }

    int size() {
      return size;
    }

    long[] all() {
      return Arrays.copyOf(ids, size);
    }
  }

  /**
   * A block's rows sent table by table, the search words by their numbers ({@code words}: those
   * known to this load so far, the block's new ones added).
   */
  private static void send(Handle h, List<Made> made, Map<String, Integer> words) {
    send(h, made, 0, PERSONS);
    sendWords(h, made, words); // after the persons they name
    send(h, made, 1, NAMES);
    send(h, made, 2, STATUSES);
  }

  /** The block's rows for one table ({@code table}: their place in {@link Made#rows}). */
  private static void send(Handle h, List<Made> made, int table, String sql) {
    CopyRows all = new CopyRows(1 << 20);
    for (Made m : made) {
      all.append(m.rows()[table]);
    }
    if (!all.isEmpty()) {
      all.copy(h, sql);
    }
  }

  private static void sendWords(Handle h, List<Made> made, Map<String, Integer> words) {
    Set<String> unknown = new HashSet<>();
    for (Made m : made) {
      for (String w : m.words()) {
        if (!words.containsKey(w)) {
          unknown.add(w);
        }
      }
    }
    words.putAll(SearchWords.ids(h, unknown));
    CopyRows rows = new CopyRows(1 << 20);
    StringBuilder array = new StringBuilder();
    for (Made m : made) {
      if (!m.words().isEmpty()) {
        array.setLength(0);
        for (Integer w : SearchWords.numbers(m.words(), words)) {
          array.append(array.length() == 0 ? '{' : ',').append(w);
        }
        rows.number(m.id()).text(array.append('}').toString()).end();
      }
    }
    if (!rows.isEmpty()) {
      rows.copy(h, WORDS);
    }
  }

  private static Made made(long id, long statusId, New n, Digest digest) {
    long now = n.status().recordedAt().toEpochMilli();
    return new Made(
        id,
        rows(id, statusId, n),
        SearchKeys.tokens(n.person()),
        digest.of(id, n.person(), now, statusId, n.status()));
  }

  private static CopyRows[] rows(long id, long statusId, New n) {
    Person p = n.person();
    CopyRows person = new CopyRows().number(id);
    PersonRows.copy(person, p);
    long now = n.status().recordedAt().toEpochMilli();
    person.number(1).number(now).number(now).end();
    CopyRows names = new CopyRows();
    List<Name> all = p.names();
    for (int i = 0; i < all.size(); i++) {
      Name name = all.get(i);
      names
          .number(id)
          .number(i)
          .text(name.script().key())
          .text(name.system())
          .text(name.family())
          .text(name.given())
          .text(name.patronymic())
          .text(name.source())
          .end();
    }
    StatusChange s = n.status();
    CopyRows status =
        new CopyRows()
            .number(statusId)
            .number(id)
            .text(s.status().key())
            .text(s.since().toString())
            .text(s.source().key())
            .text(s.note())
            .text(s.recordedBy())
            .number(s.recordedAt().toEpochMilli())
            .end();
    return new CopyRows[] {person, names, status};
  }
}
