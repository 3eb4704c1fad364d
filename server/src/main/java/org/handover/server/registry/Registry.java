package org.handover.server.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.handover.core.parties.Party;
import org.handover.core.registry.Person;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.PersonMerge;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.Status;
import org.handover.core.registry.StatusBasis;
import org.handover.core.registry.StatusChange;
import org.handover.core.registry.StatusSource;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.handover.server.storage.StaleRecordException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The registry of persons: every change goes through here and is journaled in its own transaction.
 *
 * <pre>{@code
 * long id = registry.add(person, LocalDate.now(), "registrar1");
 * registry.update(id, version, changed, LocalDate.now(), "registrar1");
 * }</pre>
 */
public final class Registry {
  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  private final ReleaseFactsStore releaseFacts;

  public Registry(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
    journal.audit(PersonAudit.PERSONS);
    this.releaseFacts = new ReleaseFactsStore(jdbi, journal, clock);
  }

  /** What a release needs to know of the persons here, beyond their record. */
  public ReleaseFactsStore releaseFacts() {
    return releaseFacts;
  }

  /**
   * A person read from a list, with what their status rests on and what the list said of their
   * capture and will.
   */
  public record Imported(Person person, StatusBasis basis, ReleaseFacts facts) {}

  /**
   * Adds the persons of a list and their release facts in one transaction, as they are read: all or
   * none. The persons are journaled 10,000 to an entry ({@code person.import}, naming the file and
   * each person with the digest of its rows, not its values); {@code progress} hears how many are
   * stored, then journaled. Returns how many were added.
   */
  public int importAll(
      Reading reading, String file, String sha256, String actor, Progress progress) {
    return importAll(reading, file, sha256, true, actor, progress);
  }

  /**
   * The same, refusing a file imported before unless {@code again}: asked under a lock on the
   * file's SHA-256, so that of two imports of one file started together the second waits for the
   * first and is refused, rather than both passing a check made before either stored anything.
   *
   * @throws ImportedBefore naming the first import, nothing stored
   */
  public int importAll(
      Reading reading, String file, String sha256, boolean again, String actor, Progress progress) {
    long now = clock.millis();
    Map<Integer, ReleaseFacts> facts = new TreeMap<>(); // by the person's place in the file
    PersonBulk.Blocks blocks =
        new PersonBulk.Blocks() {
          private int seen;

          @Override
          public List<PersonBulk.New> next() {
            List<Imported> read = reading.next();
            List<PersonBulk.New> block = new ArrayList<>(read.size());
            for (Imported i : read) {
              if (!i.facts().equals(ReleaseFacts.none())) {
                facts.put(seen, i.facts());
              }
              seen++;
              block.add(
                  new PersonBulk.New(
                      i.person(), change(i.person().status(), i.basis(), actor, now)));
            }
            return block;
          }

          @Override
          public long expected() {
            return reading.expected();
          }

          @Override
          public void stop() {
            reading.stop();
          }
        };
    return jdbi.inTransaction(
        h -> {
          if (!sha256.isEmpty()) {
            String key = "registry import " + sha256;
            boolean free =
                h.createQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
                    .bind("key", key)
                    .mapTo(Boolean.class)
                    .one();
            if (!free) { // another import of this file: said, then waited for
              progress.at(Progress.WAITING, 0);
              h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))")
                  .bind("key", key)
                  .mapTo(Integer.class)
                  .one();
            }
            Optional<Earlier> earlier = again ? Optional.empty() : importedBefore(h, sha256);
            if (earlier.isPresent()) {
              throw new ImportedBefore(earlier.get());
            }
          }
          long[] ids = PersonBulk.store(h, journal, blocks, file, sha256, actor, progress);
          facts.forEach((at, f) -> releaseFacts.save(h, ids[at], f, actor));
          return ids.length;
        });
  }

  /** An import of a file before: when (epoch milliseconds), by whom, under what name. */
  public record Earlier(long at, String actor, String file) {}

  /** A file imported before, found once the import had begun: nothing of it was stored. */
  public static final class ImportedBefore extends RuntimeException {
    private final transient Earlier earlier;

    ImportedBefore(Earlier earlier) {
      super("imported before, on " + earlier.at() + " by " + earlier.actor());
      this.earlier = earlier;
    }

    public Earlier earlier() {
      return earlier;
    }
  }

  /**
   * The first import of the file whose SHA-256 this is ({@code person.import} names it), if it was
   * imported before.
   */
  public Optional<Earlier> importedBefore(String sha256) {
    return jdbi.withHandle(h -> importedBefore(h, sha256));
  }

  private static Optional<Earlier> importedBefore(Handle h, String sha256) {
    return h.createQuery(
            "SELECT at_millis, actor, after_state FROM journal WHERE action ="
                + " 'person.import' AND after_state LIKE :sha ORDER BY seq LIMIT 1")
        .bind("sha", "%\"sha256\":\"" + sha256 + "\"%")
        .map(
            (rs, ctx) ->
                new Earlier(
                    rs.getLong("at_millis"),
                    rs.getString("actor"),
                    String.valueOf(
                        Json.read(
                                rs.getString("after_state"),
                                new com.fasterxml.jackson.core.type.TypeReference<
                                    Map<String, Object>>() {})
                            .getOrDefault("file", ""))))
        .findFirst();
  }

  /**
   * A list's persons as they are read, a block at a time: the first on the caller's thread, the
   * others on another while the blocks before are stored; throwing stores none of them.
   */
  public interface Reading {
    /** The next block of persons read, empty at the end of the list. */
    List<Imported> next();

    /**
     * How many persons the list holds, as far as known once its first block is read (those read so
     * far when it cannot tell).
     */
    long expected();

    /** Asked, from another thread, when the load has failed: read no further than need be. */
    default void stop() {}

    /** The persons of a list already read, 10,000 to a block. */
    static Reading of(List<Imported> all) {
      return new Reading() {
        private int from;

        @Override
        public List<Imported> next() {
          int to = Math.min(all.size(), from + 10_000);
          List<Imported> block = all.subList(from, to);
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

  /** Stores a new person with its first status, and journals it. Returns the id. */
  public long add(Person p, LocalDate statusSince, String actor) {
    return add(p, StatusBasis.since(statusSince), actor);
  }

  /** Stores a new person with its first status on the basis given, and journals it. */
  public long add(Person p, StatusBasis basis, String actor) {
    return jdbi.inTransaction(h -> add(h, p, basis, actor));
  }

  /** How far storing many persons has come. */
  public interface Progress {
    String STORED = "stored";
    String INDEXING = "indexing";
    String JOURNALED = "journaled";
    String WAITING = "waiting";

    /**
     * {@code done} persons have gone through {@code stage} ({@link #STORED}, {@link #JOURNALED}),
     * or are stored and their indexes being built ({@link #INDEXING}); or none yet, as another
     * import of the same file is waited for ({@link #WAITING}).
     */
    void at(String stage, int done);
  }

  /** Adds many persons in one transaction (demo data, imports): all or none; returns their ids. */
  public long[] addAll(List<Person> persons, LocalDate statusSince, String actor) {
    long now = clock.millis();
    StatusBasis basis = StatusBasis.since(statusSince);
    List<PersonBulk.New> all =
        persons.stream()
            .map(p -> new PersonBulk.New(p, change(p.status(), basis, actor, now)))
            .toList();
    return jdbi.inTransaction(
        h ->
            PersonBulk.store(
                h, journal, PersonBulk.Blocks.of(all), "", "", actor, (stage, n) -> {}));
  }

  private long add(Handle h, Person p, StatusBasis basis, String actor) {
    long now = clock.millis();
    long id = PersonRows.insert(h, p, now);
    PersonRows.addStatus(h, id, change(p.status(), basis, actor, now));
    journal.append(
        h,
        Change.by(actor, "person.create").on("person", String.valueOf(id)).now(json(p.withId(id))));
    return id;
  }

  /**
   * Replaces a person's fields when nobody saved since {@code version} was read; a new status is
   * added to the history as of {@code statusSince}.
   *
   * @throws StaleRecordException when the person changed since, or does not exist
   */
  public void update(long id, int version, Person changed, LocalDate statusSince, String actor) {
    update(id, version, changed, StatusBasis.since(statusSince), actor);
  }

  /** As {@link #update(long, int, Person, LocalDate, String)}, a new status on the basis given. */
  public void update(long id, int version, Person changed, StatusBasis basis, String actor) {
    jdbi.useTransaction(
        h -> {
          PersonRows.Stored before =
              PersonRows.find(h, id)
                  .orElseThrow(() -> new StaleRecordException("person " + id + " does not exist"));
          Person after = changed.withId(id);
          long now = clock.millis();
          if (!PersonRows.update(h, id, version, after, now)) {
            throw new StaleRecordException(
                "person " + id + " was changed by someone else since version " + version);
          }
          // a new status, or new evidence for the one recorded (acknowledged at last)
          if (before.person().status() != after.status()
              || (basis.source() != StatusSource.UNSTATED && basis.source() != lastSource(h, id))) {
            PersonRows.addStatus(h, id, change(after.status(), basis, actor, now));
          }
          journal.append(
              h,
              Change.by(actor, "person.update")
                  .on("person", String.valueOf(id))
                  .was(json(before.person()))
                  .now(json(after)));
        });
  }

  /**
   * Changes a person's status within the caller's transaction (an exchange's ledger), with the
   * history and the journal entry an edit would write.
   *
   * @throws StaleRecordException when the person does not exist
   */
  public void changeStatus(Handle h, long id, Status status, StatusBasis basis, String actor) {
    PersonRows.Stored before =
        PersonRows.find(h, id)
            .orElseThrow(() -> new StaleRecordException("person " + id + " does not exist"));
    if (before.person().status() == status) {
      return;
    }
    Person.Builder b = before.person().toBuilder().status(status);
    if (status == Status.RELEASED || status == Status.RETURNED) {
      b.holdingParty(Optional.empty()); // released: held by nobody any more
    }
    store(h, before, b.build().withId(id), basis, actor);
  }

  /** A person's status and holder at one moment. */
  public record Standing(Status status, Optional<Party> holder) {}

  /** The person's status and holder now, within the caller's transaction. */
  public Standing standing(Handle h, long id) {
    Person p =
        PersonRows.find(h, id)
            .orElseThrow(() -> new StaleRecordException("person " + id + " does not exist"))
            .person();
    return new Standing(p.status(), p.holdingParty());
  }

  /**
   * Puts a person back as they stood (a recorded handover corrected), within the caller's
   * transaction, with the history and journal entry an edit would write.
   */
  public void restore(Handle h, long id, Standing to, StatusBasis basis, String actor) {
    PersonRows.Stored before =
        PersonRows.find(h, id)
            .orElseThrow(() -> new StaleRecordException("person " + id + " does not exist"));
    Person after =
        before.person().toBuilder().status(to.status()).holdingParty(to.holder()).build();
    store(h, before, after.withId(id), basis, actor);
  }

  private void store(
      Handle h, PersonRows.Stored before, Person after, StatusBasis basis, String actor) {
    long id = after.id();
    long now = clock.millis();
    if (!PersonRows.update(h, id, before.version(), after, now)) {
      throw new StaleRecordException("person " + id + " was changed by someone else meanwhile");
    }
    PersonRows.addStatus(h, id, change(after.status(), basis, actor, now));
    journal.append(
        h,
        Change.by(actor, "person.update")
            .on("person", String.valueOf(id))
            .was(json(before.person()))
            .now(json(after)));
  }

  /**
   * Merges persons recorded twice into {@code keep} ({@link PersonMerge}): every spelling and
   * source of theirs is kept, a field {@code keep} lacks is taken from them, and each of them is
   * left pointing at {@code keep}, out of search and matching, its own journal intact. One
   * transaction, journaled for every person touched.
   *
   * @throws StaleRecordException when a person does not exist or was merged already
   */
  public void merge(long keep, List<Long> others, String actor) {
    if (others.isEmpty()
        || others.contains(keep)
        || others.stream().distinct().count() != others.size()) {
      throw new IllegalArgumentException(
          "merge: the persons to merge must be others than the one kept, each once");
    }
    jdbi.useTransaction(
        h -> {
          PersonRows.Stored kept = live(h, keep);
          Person merged = kept.person();
          for (long id : others) {
            PersonRows.Stored other = live(h, id);
            Person o = other.person();
            merged =
                PersonMerge.of(
                    merged,
                    o,
                    o.reference().isEmpty() ? "#" + id : o.reference() + " (#" + id + ")");
            h.createUpdate(
                    "UPDATE persons SET merged_into = :keep, version = version + 1 WHERE id = :id")
                .bind("keep", keep)
                .bind("id", id)
                .execute();
            SearchWords.remove(h, id);
            // the record is unchanged but for where it now points: the journal shows just that
            journal.append(
                h,
                Change.by(actor, "person.merged")
                    .on("person", String.valueOf(id))
                    .was(json(o.withId(id)))
                    .now(json(o.withId(id), Map.of("merged_into", keep))));
          }
          if (!PersonRows.update(h, keep, kept.version(), merged.withId(keep), clock.millis())) {
            throw new StaleRecordException(
                "person " + keep + " was changed by someone else meanwhile");
          }
          journal.append(
              h,
              Change.by(actor, "person.merge")
                  .on("person", String.valueOf(keep))
                  .was(json(kept.person()))
                  .now(json(merged)));
        });
  }

  private static PersonRows.Stored live(Handle h, long id) {
    PersonRows.Stored s =
        PersonRows.find(h, id)
            .orElseThrow(() -> new StaleRecordException("person " + id + " does not exist"));
    Optional<Long> into = mergedInto(h, id);
    if (into.isPresent()) {
      throw new StaleRecordException("person " + id + " was merged into person " + into.get());
    }
    return s;
  }

  private static Optional<Long> mergedInto(Handle h, long id) {
    return h.createQuery("SELECT merged_into FROM persons WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> rs.getObject("merged_into") == null ? null : rs.getLong("merged_into"))
        .findOne()
        .flatMap(Optional::ofNullable);
  }

  /** The person a merged record became, if it was merged. */
  public Optional<Long> mergedInto(long id) {
    return jdbi.withHandle(h -> mergedInto(h, id));
  }

  /** A person as stored, with the version an edit must name. */
  public record Versioned(Person person, int version, List<StatusChange> history) {}

  public Optional<Versioned> find(long id) {
    return jdbi.withHandle(
        h ->
            PersonRows.find(h, id)
                .map(s -> new Versioned(s.person(), s.version(), PersonRows.history(h, id))));
  }

  /** One line of a search result. */
  public record Hit(
      long id,
      String name,
      String born,
      String serviceNumber,
      String reference,
      String status,
      String kind) {}

  /** A page of hits, and how many there are in all. */
  public record Page(List<Hit> hits, long total, int page, int pageSize) {
    public long pages() {
      return total == 0 ? 1 : (total + pageSize - 1) / pageSize;
    }
  }

  /**
   * Finds persons by any spelling (each word a prefix of a word of some spelling, in its own script
   * or any other spelling of it), by date or year of birth, by service number or reference; sorted
   * by the user's collation.
   */
  public Page search(Search s, String locale, int page, int pageSize) {
    return jdbi.withHandle(h -> PersonFinder.find(h, s, locale, Math.max(1, page), pageSize));
  }

  public long count() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM persons WHERE merged_into IS NULL")
                .mapTo(Long.class)
                .one());
  }

  /** The journal's picture of a person: the form's fields, in a fixed order, and the id. */
  static String json(Person p) {
    return json(p, Map.of());
  }

  /**
   * As {@link #json(Person)}, with more fields after the form's (a merged record's merged_into).
   */
  static String json(Person p, Map<String, Object> more) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.putAll(PersonForm.of(p));
    m.putAll(more);
    return Json.write(m);
  }

  private static StatusChange change(Status status, StatusBasis basis, String actor, long now) {
    return new StatusChange(
        status, basis.since(), basis.source(), basis.note(), actor, Instant.ofEpochMilli(now));
  }

  private static StatusSource lastSource(Handle h, long id) {
    List<StatusChange> history = PersonRows.history(h, id);
    return history.isEmpty() ? StatusSource.UNSTATED : history.get(history.size() - 1).source();
  }
}
