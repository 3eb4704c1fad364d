package org.handover.server.journal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.handover.server.storage.CopyRows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The entities one entry made many of at once (a registry import), each with the digest its own
 * entry would have carried. The entry's digest is {@value #PREFIX} and a SHA-256 over its members,
 * so the members are as tamper-evident as the chain: {@link #check} names an entry whose members
 * were added, removed or altered since.
 */
final class JournalMembers {
  static final String PREFIX = "members:";

  private static final String DIGEST =
      // each member hashed on its own, then all in order: no two lists of members give one text
      "SELECT encode(sha256(coalesce(string_agg(sha256(convert_to(ROW(entity, entity_id,"
          + " state_digest)::text, 'UTF8')), ''::bytea ORDER BY entity COLLATE \"C\", entity_id"
          + " COLLATE \"C\"), ''::bytea)), 'hex') FROM journal_members WHERE seq = :seq";

  private JournalMembers() {}

  /**
   * Stores the digest of every entity {@code condition} selects as a member of entry {@code seq}.
   */
  static void store(Handle h, long seq, Audited a, String condition, Map<String, Object> binds) {
    var insert =
        h.createUpdate(
                "INSERT INTO journal_members (seq, entity, entity_id, state_digest) SELECT :seq,"
                    + " :entity, d.id, :rule || d.digest FROM ("
                    + a.sql(condition)
                    + ") d")
            .bind("seq", seq)
            .bind("entity", a.entity())
            .bind("rule", a.rule() + ":");
    bind(insert, binds).execute();
  }

  /** Stores the members named with the digests their rows give (hex, as the audit's SQL). */
  static void store(Handle h, long seq, Audited a, List<String> ids, List<String> digests) {
    CopyRows rows = new CopyRows(ids.size() * 96);
    for (int i = 0; i < ids.size(); i++) {
      rows.number(seq)
          .text(a.entity())
          .text(ids.get(i))
          .text(a.rule() + ":" + digests.get(i))
          .end();
    }
    if (!rows.isEmpty()) {
      rows.copy(h, "COPY journal_members (seq, entity, entity_id, state_digest) FROM STDIN");
    }
  }

  /** The audit's digest (hex) of each entity {@code condition} selects, by id. */
  static Map<String, String> digests(
      Handle h, Audited a, String condition, Map<String, Object> binds) {
    Map<String, String> out = new HashMap<>();
    bind(h.createQuery(a.sql(condition)), binds)
        .map((rs, ctx) -> out.put(rs.getString("id"), rs.getString("digest")))
        .forEach(previous -> {});
    return out;
  }

  private static <T extends SqlStatement<T>> T bind(T statement, Map<String, Object> binds) {
    binds.forEach(
        (k, v) -> {
          if (v instanceof Long[] ids) {
            statement.bindArray(k, Long.class, (Object[]) ids);
          } else {
            statement.bind(k, v);
          }
        });
    return statement;
  }

  /**
   * The digest {@link #DIGEST} gives members named with these state digests (hex, before the
   * audit's rule), made here rather than read back: the same rows hashed in the same order.
   */
  static String digest(Audited a, List<String> ids, List<String> digests) {
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // COLLATE "C" orders by bytes: UTF-16 order is the same for the ASCII of ids
    java.util.Arrays.sort(order, java.util.Comparator.comparing(ids::get));
    byte[][] rows = new byte[order.length][];
    for (int i = 0; i < order.length; i++) {
      rows[i] =
          new RowDigest()
              .text(a.entity())
              .text(ids.get(order[i]))
              .text(a.rule() + ":" + digests.get(order[i]))
              .sha256();
    }
    return PREFIX + RowDigest.digest(rows);
  }

  /** How many members all entries have. */
  static long count(Handle h) {
    return h.createQuery("SELECT count(*) FROM journal_members").mapTo(Long.class).one();
  }

  /** The entry's digest of its members, as stored now. */
  static String digest(Handle h, long seq) {
    return PREFIX + h.createQuery(DIGEST).bind("seq", seq).mapTo(String.class).one();
  }

  /**
   * The last entry on each entity, members included: what {@link StateAudit} compares with the rows
   * (columns entity_id, seq, action, state_digest).
   */
  static String lastEntries() {
    return "SELECT DISTINCT ON (entity_id) entity_id, seq, action, state_digest FROM ("
        + "SELECT entity_id, seq, action, state_digest FROM journal WHERE entity = :entity"
        + " UNION ALL SELECT m.entity_id, m.seq, j.action, m.state_digest FROM journal_members m"
        + " JOIN journal j ON j.seq = m.seq WHERE m.entity = :entity"
        + ") e ORDER BY entity_id, seq DESC";
  }

  /** Names each entry whose members differ from its digest, and members no such entry has. */
  static void check(Handle h, Consumer<StateAudit.Finding> found) {
    h.createQuery(
            "SELECT seq, action, entity, entity_id, state_digest FROM journal WHERE state_digest"
                + " LIKE '"
                + PREFIX
                + "%' ORDER BY seq")
        .mapToMap()
        .list()
        .forEach(
            e -> {
              long seq = ((Number) e.get("seq")).longValue();
              if (!digest(h, seq).equals(e.get("state_digest"))) {
                found.accept(
                    new StateAudit.Finding(
                        (String) e.get("entity"),
                        (String) e.get("entity_id"),
                        StateAudit.Kind.CHANGED,
                        seq,
                        (String) e.get("action"),
                        ""));
              }
            });
    h.createQuery(
            // members of no entry that names members: each is an entity no journal entry made
            "SELECT m.entity, m.entity_id FROM journal_members m LEFT JOIN journal j ON j.seq ="
                + " m.seq AND j.state_digest LIKE '"
                + PREFIX
                + "%' WHERE j.seq IS NULL ORDER BY m.seq, m.entity_id")
        .mapToMap()
        .forEach(
            m ->
                found.accept(
                    new StateAudit.Finding(
                        (String) m.get("entity"),
                        (String) m.get("entity_id"),
                        StateAudit.Kind.UNJOURNALED,
                        0,
                        "",
                        "")));
  }
}
