package org.handover.server.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.handover.core.journal.Checkpoint;
import org.handover.core.journal.JournalChain;
import org.handover.core.journal.JournalEntry;
import org.handover.server.storage.DeferredIndexes;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The append-only, hash-chained log of every change. {@link #append} is called inside the
 * transaction that makes the change, so the change and its entry are written together or not at
 * all.
 */
public final class Journal {
  /** The digest of an entity that has no rows (left by an entry that removed them). */
  static final String ABSENT = "absent";

  private final Jdbi jdbi;
  private final Clock clock;
  private final Map<String, Audited> audits = new ConcurrentHashMap<>();
  private final List<StateAudit.Check> checks = new CopyOnWriteArrayList<>();

  public Journal(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    checks.add(JournalMembers::check);
  }

  /**
   * What one journal entry records: who did what to which entity, its state before (empty when it
   * is new) and after, as JSON.
   *
   * <pre>{@code
   * Change.by("olena", "person.update").on("person", "42").was(beforeJson).now(afterJson)
   * }</pre>
   */
  public record Change(
      String actor, String action, String entity, String entityId, String before, String after) {
    public Change {
      for (String part : new String[] {actor, action, entity, entityId, before, after}) {
        Objects.requireNonNull(part, "a journal change has no null part");
      }
    }

    public static Change by(String actor, String action) {
      return new Change(actor, action, "", "", "", "");
    }

    public Change on(String entity, String entityId) {
      return new Change(actor, action, entity, entityId, before, after);
    }

    public Change was(String before) {
      return new Change(actor, action, entity, entityId, before, after);
    }

    public Change now(String after) {
      return new Change(actor, action, entity, entityId, before, after);
    }
  }

  /**
   * From now on, entries on {@code a.entity()} carry the digest of its rows, and {@link #audit}
   * compares them. Each feature registers the entities whose tables it owns.
   */
  public void audit(Audited a) {
    audits.put(a.entity(), a);
  }

  /** A check {@link #audit} runs beyond the digests (stored files by their SHA-256). */
  public void audit(StateAudit.Check c) {
    checks.add(c);
  }

  /**
   * Appends an entry within the caller's transaction, after the change, with the digest of the rows
   * the change left; the head row's lock numbers entries one at a time.
   */
  public JournalEntry append(Handle h, Change c) {
    return write(h, c, seq -> digest(h, c));
  }

  /**
   * Appends one entry for many entities of one kind made at once (an import): each entity that
   * {@code condition} selects in its audited query (see {@link #audit(Audited)}) becomes a member
   * of the entry with its digest, and the state audit compares it as if its own entry had recorded
   * it. The entry's own digest covers its members.
   *
   * @param condition SQL on the audited query's tables, such as {@code p.id = ANY(:ids)}
   * @param binds the condition's parameters (a {@code Long[]} is bound as an array)
   */
  public JournalEntry appendMany(
      Handle h, Change c, String memberEntity, String condition, Map<String, Object> binds) {
    Audited a = audited(memberEntity);
    return write(
        h,
        c,
        seq -> {
          JournalMembers.store(h, seq, a, condition, binds);
          return JournalMembers.digest(h, seq);
        });
  }

  /**
   * One entry's members named with the digests their caller made as their rows were (with {@link
   * RowDigest}): {@code ids} and {@code digests} (hex) in the same order.
   */
  public record Members(Change change, List<String> ids, List<String> digests) {
    public Members {
      if (ids.size() != digests.size()) {
        throw new IllegalArgumentException("a digest for each member");
      }
    }
  }

  /**
   * As {@link #appendMany(Handle, Change, String, String, Map)}, for many entries at once whose
   * members' digests were made apart: trust them only where {@link #agree} held a sample of them to
   * the audit's SQL. From {@code deferFrom} members, when they are at least as many as those
   * stored, the members' indexes are built again after them rather than kept current row by row.
   * {@code done} hears how many members are journaled, entry by entry.
   */
  public void appendMany(
      Handle h,
      String memberEntity,
      List<Members> entries,
      int deferFrom,
      java.util.function.IntConsumer done) {
    Audited a = audited(memberEntity);
    int members = entries.stream().mapToInt(e -> e.ids().size()).sum();
    Optional<DeferredIndexes> deferred = Optional.empty();
    if (members >= deferFrom && members >= JournalMembers.count(h)) {
      deferred = Optional.of(DeferredIndexes.drop(h, List.of("journal_members")));
    }
    int journaled = 0;
    for (Members m : entries) {
      write(
          h,
          m.change(),
          seq -> {
            JournalMembers.store(h, seq, a, m.ids(), m.digests());
            return JournalMembers.digest(a, m.ids(), m.digests());
          });
      journaled += m.ids().size();
      done.accept(journaled);
    }
    deferred.ifPresent(d -> d.rebuild(h));
  }

  /**
   * Whether the digests made apart ({@code expected}, hex by id) are those the audit's SQL gives
   * the entities {@code condition} selects, in the handle's transaction: no more, no fewer, none
   * different.
   */
  public boolean agree(
      Handle h,
      String memberEntity,
      String condition,
      Map<String, Object> binds,
      Map<String, String> expected) {
    return rowTextAgrees(h)
        && JournalMembers.digests(h, audited(memberEntity), condition, binds).equals(expected);
  }

  /**
   * Whether this server writes a row's text as {@link RowDigest} does for every byte a value may
   * hold (its locale decides which bytes are spaces to quote): a rare character a sample missed
   * would otherwise leave a digest that reads as tampering.
   */
  private static boolean rowTextAgrees(Handle h) {
    // another encoding could not hold the probe (and a failed query would end the transaction)
    if (!h.createQuery("SHOW server_encoding").mapTo(String.class).one().equals("UTF8")) {
      return false;
    }
    String probe = RowDigest.probe();
    String expected =
        new RowDigest().text(probe).text("").text(null).text("a b").number(-7).bool(true).text();
    return h.createQuery("SELECT CAST(ROW(:p, '', CAST(NULL AS text), 'a b', -7, TRUE) AS text)")
        .bind("p", probe)
        .mapTo(String.class)
        .one()
        .equals(expected);
  }

  private Audited audited(String memberEntity) {
    Audited a = audits.get(memberEntity);
    if (a == null) {
      throw new IllegalArgumentException(memberEntity + " is not audited: it cannot be a member");
    }
    return a;
  }

  private JournalEntry write(Handle h, Change c, java.util.function.LongFunction<String> digestAt) {
    Map<String, Object> head =
        h.createQuery("SELECT last_seq, last_hash FROM journal_head WHERE id = 1 FOR UPDATE")
            .mapToMap()
            .one();
    long seq = ((Number) head.get("last_seq")).longValue() + 1;
    String prev = ((String) head.get("last_hash")).trim();
    JournalEntry e =
        JournalEntry.next(
            seq,
            clock.millis(),
            c.actor(),
            c.action(),
            c.entity(),
            c.entityId(),
            c.before(),
            c.after(),
            digestAt.apply(seq),
            prev);
    h.createUpdate(
            "INSERT INTO journal (seq, at_millis, actor, action, entity, entity_id, before_state,"
                + " after_state, state_digest, prev_hash, hash) VALUES (:seq, :at, :actor, :action,"
                + " :entity, :entityId, :before, :after, :digest, :prev, :hash)")
        .bind("seq", e.seq())
        .bind("at", e.atMillis())
        .bind("actor", e.actor())
        .bind("action", e.action())
        .bind("entity", e.entity())
        .bind("entityId", e.entityId())
        .bind("before", e.before())
        .bind("after", e.after())
        .bind("digest", e.digest())
        .bind("prev", e.prevHash())
        .bind("hash", e.hash())
        .execute();
    h.createUpdate("UPDATE journal_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
        .bind("seq", seq)
        .bind("hash", e.hash())
        .execute();
    return e;
  }

  /** The entity under which reads are journaled: who saw or took what, apart from changes. */
  public static final String READS = "access";

  /**
   * Journals a read: a login, a person's page seen, a file downloaded or exported (what, in which
   * format, how many rows). Reads are in the same hash chain as changes, so none can be removed
   * silently; the journal's pages show them apart.
   */
  public void read(String actor, String what, String subject, Map<String, Object> details) {
    jdbi.useTransaction(
        h ->
            append(
                h,
                Change.by(actor.isEmpty() ? "?" : actor, READS + "." + what)
                    .on(READS, subject.length() > 64 ? subject.substring(0, 64) : subject)
                    .now(
                        details.isEmpty()
                            ? ""
                            : org.handover.server.storage.Json.write(
                                new java.util.TreeMap<>(details)))));
  }

  private String digest(Handle h, Change c) {
    Audited a = audits.get(c.entity());
    if (a == null) {
      return "";
    }
    String now =
        h.createQuery(a.sql(true))
            .bind("id", c.entityId())
            .map((rs, ctx) -> rs.getString("digest"))
            .findOne()
            .orElse(ABSENT);
    return a.rule() + ":" + now;
  }

  /**
   * The state audit: every audited entity's rows compared with its last entry's digest, and the
   * registered checks run, in one snapshot of the database.
   */
  public StateAudit.Result audit() {
    return jdbi.inTransaction(
        h -> {
          h.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
          List<Audited> sorted =
              audits.values().stream().sorted(Comparator.comparing(Audited::entity)).toList();
          return StateAudit.run(h, sorted, checks);
        });
  }

  /** Signs and checks checkpoints: the installation's key, which this package does not know. */
  public interface Signer {
    String sign(String text);

    boolean verify(String text, String signature);
  }

  /** The last entry's hash, as the head records it. */
  public String headHash() {
    return jdbi.withHandle(
            h ->
                h.createQuery("SELECT last_hash FROM journal_head WHERE id = 1")
                    .mapTo(String.class)
                    .one())
        .trim();
  }

  /** The head now, signed. */
  public Checkpoint checkpoint(Signer signer) {
    Map<String, Object> head =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT last_seq, last_hash FROM journal_head WHERE id = 1")
                    .mapToMap()
                    .one());
    long seq = ((Number) head.get("last_seq")).longValue();
    String hash = ((String) head.get("last_hash")).trim();
    return new Checkpoint(seq, hash, signer.sign(Checkpoint.signed(seq, hash)));
  }

  /**
   * Whether the journal still extends a checkpoint: empty when it does, else what is wrong (a
   * signature that is not ours, a journal cut back before it, an entry at it rewritten).
   */
  public Optional<String> extendsCheckpoint(Checkpoint c, Signer signer) {
    if (!signer.verify(c.signed(), c.signature())) {
      return Optional.of(
          "the checkpoint's signature is not this installation's: it was not made here, or"
              + " it was altered");
    }
    return jdbi.withHandle(
        h -> {
          long last =
              h.createQuery("SELECT last_seq FROM journal_head WHERE id = 1")
                  .mapTo(Long.class)
                  .one();
          if (last < c.seq()) {
            return Optional.of(
                "the journal ends at entry "
                    + last
                    + ", before the checkpoint's entry "
                    + c.seq()
                    + ": entries were removed");
          }
          if (c.seq() == 0) {
            return Optional.<String>empty();
          }
          Optional<String> at =
              h.createQuery("SELECT hash FROM journal WHERE seq = :s")
                  .bind("s", c.seq())
                  .mapTo(String.class)
                  .findOne()
                  .map(String::trim);
          if (at.isEmpty()) {
            return Optional.of(
                "the journal has no entry " + c.seq() + ", which the checkpoint signed");
          }
          if (!at.get().equals(c.hash())) {
            return Optional.of(
                "entry "
                    + c.seq()
                    + " is not the one the checkpoint signed: the journal was"
                    + " rewritten up to it");
          }
          return Optional.<String>empty();
        });
  }

  /** Walks the whole chain in stored order. */
  public JournalChain.Verification verify() {
    return jdbi.inTransaction(
        h -> {
          Map<String, Object> head =
              h.createQuery("SELECT last_seq, last_hash FROM journal_head WHERE id = 1")
                  .mapToMap()
                  .one();
          try (Stream<JournalEntry> entries =
              h
                  .createQuery("SELECT * FROM journal ORDER BY seq")
                  .setFetchSize(1000)
                  .map((rs, ctx) -> read(rs))
                  .stream()) {
            return JournalChain.verify(
                entries::iterator,
                ((String) head.get("last_hash")).trim(),
                ((Number) head.get("last_seq")).longValue());
          }
        });
  }

  /**
   * Which entries to show: any of the fields may be empty for "any"; times in epoch millis, to
   * exclusive.
   */
  public record Filter(
      String actor, String entity, String entityId, long fromMillis, long toMillis) {
    public static Filter forEntity(String entity, String entityId) {
      return new Filter("", entity, entityId, 0, Long.MAX_VALUE);
    }
  }

  /** Entries matching the filter, newest first. */
  public List<JournalEntry> find(Filter f, int offset, int limit) {
    return jdbi.withHandle(
        h -> {
          StringBuilder sql =
              new StringBuilder(
                  "SELECT * FROM journal WHERE at_millis >= :from AND at_millis < :to");
          if (!f.actor().isEmpty()) {
            sql.append(" AND actor = :actor");
          }
          if (!f.entity().isEmpty() && !f.entityId().isEmpty()) {
            // an entity's own entries and those that made it among many (an import)
            sql.append(
                " AND (entity = :entity AND entity_id = :entityId OR seq IN (SELECT seq FROM"
                    + " journal_members WHERE entity = :entity AND entity_id = :entityId))");
          } else if (!f.entity().isEmpty()) {
            sql.append(" AND entity = :entity");
          } else {
            sql.append(" AND entity <> '" + READS + "'"); // changes; reads are asked for by name
          }
          if (f.entity().isEmpty() && !f.entityId().isEmpty()) {
            sql.append(" AND entity_id = :entityId");
          }
          sql.append(" ORDER BY seq DESC LIMIT :limit OFFSET :offset");
          Query q =
              h.createQuery(sql.toString())
                  .bind("from", f.fromMillis())
                  .bind("to", f.toMillis())
                  .bind("limit", limit)
                  .bind("offset", offset);
          if (!f.actor().isEmpty()) {
            q.bind("actor", f.actor());
          }
          if (!f.entity().isEmpty()) {
            q.bind("entity", f.entity());
          }
          if (!f.entityId().isEmpty()) {
            q.bind("entityId", f.entityId());
          }
          return q.map((rs, ctx) -> read(rs)).list();
        });
  }

  private static JournalEntry read(ResultSet rs) throws SQLException {
    return new JournalEntry(
        rs.getLong("seq"),
        rs.getLong("at_millis"),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("entity"),
        rs.getString("entity_id"),
        rs.getString("before_state"),
        rs.getString("after_state"),
        rs.getString("state_digest"),
        rs.getString("prev_hash").trim(),
        rs.getString("hash").trim());
  }
}
