package org.handover.server.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * Compares every audited entity's rows now with the digest its last journal entry recorded, and
 * names each row changed, added or removed outside Handover.
 */
public final class StateAudit {
  /** How many findings a result keeps to show; all are counted. */
  static final int SHOWN = 1000;

  /** What kind of change the audit found. */
  public enum Kind {
    /** The rows differ from the state the last journal entry recorded. */
    CHANGED,
    /** The rows are gone, but the last journal entry left them in place. */
    REMOVED,
    /** Rows that no journal entry made. */
    UNJOURNALED,
    /** Stored bytes that are not the ones their SHA-256 names. */
    BYTES
  }

  /**
   * One entity changed outside Handover.
   *
   * @param seq the last journal entry on it, 0 when there is none
   */
  public record Finding(
      String entity, String entityId, Kind kind, long seq, String action, String detail) {
    /** In the reader's language. */
    public String describe(org.handover.server.i18n.Messages m) {
      String what = m.get("entity." + entity) + " " + entityId;
      return switch (kind) {
        case CHANGED ->
            m.get("audit.changed", what, String.valueOf(seq), m.get("action." + action));
        case REMOVED ->
            m.get("audit.removed", what, String.valueOf(seq), m.get("action." + action));
        case UNJOURNALED -> m.get("audit.unjournaled", what);
        case BYTES -> m.get("audit.bytes", what, detail);
      };
    }

    /** In English, for logs. */
    public String describe() {
      String what = entity + " " + entityId + ": ";
      return switch (kind) {
        case CHANGED ->
            what
                + "its rows were changed outside Handover after journal entry "
                + seq
                + " ("
                + action
                + ")";
        case REMOVED ->
            what
                + "its rows were removed outside Handover after journal entry "
                + seq
                + " ("
                + action
                + ")";
        case UNJOURNALED -> what + "its rows exist, but no journal entry made them";
        case BYTES -> what + "its stored bytes were replaced outside Handover (" + detail + ")";
      };
    }
  }

  /** A check beyond digests, such as stored files against their SHA-256. */
  public interface Check {
    void run(Handle h, Consumer<Finding> found);
  }

  /**
   * What the audit found.
   *
   * @param compared entities whose rows are as journaled
   * @param undigested entities last journaled before the audit existed (or under an earlier rule),
   *     not compared until their next change
   * @param found how many findings there are; {@code findings} holds the first {@value #SHOWN}
   */
  public record Result(long compared, long undigested, long found, List<Finding> findings) {
    public boolean clean() {
      return found == 0;
    }
  }

  private long compared;
  private long undigested;
  private long found;
  private final List<Finding> findings = new ArrayList<>();

  static Result run(Handle h, Iterable<Audited> audits, Iterable<Check> checks) {
    StateAudit a = new StateAudit();
    for (Audited audited : audits) {
      a.compare(h, audited);
    }
    for (Check c : checks) {
      c.run(h, a::add);
    }
    return new Result(a.compared, a.undigested, a.found, List.copyOf(a.findings));
  }

  private void add(Finding f) {
    found++;
    if (findings.size() < SHOWN) {
      findings.add(f);
    }
  }

  private void compare(Handle h, Audited audited) {
    String prefix = audited.rule() + ":";
    String sql =
        "WITH now AS ("
            + audited.sql(false)
            + "), last AS ("
            + JournalMembers.lastEntries()
            + ")"
            + " SELECT coalesce(now.id, last.entity_id) AS id, now.digest AS digest,"
            + " last.seq AS seq, last.action AS action, last.state_digest AS recorded"
            + " FROM now FULL JOIN last ON now.id = last.entity_id ORDER BY 1";
    h.createQuery(sql)
        .bind("entity", audited.entity())
        .setFetchSize(1000)
        .mapToMap()
        .forEach(row -> judge(audited.entity(), prefix, row));
  }

  private void judge(String entity, String prefix, Map<String, Object> row) {
    String id = (String) row.get("id");
    String digest = (String) row.get("digest");
    String recorded = (String) row.get("recorded");
    if (recorded == null) {
      add(new Finding(entity, id, Kind.UNJOURNALED, 0, "", ""));
      return;
    }
    if (!recorded.startsWith(prefix)) {
      undigested++;
      return;
    }
    long seq = ((Number) row.get("seq")).longValue();
    String action = (String) row.get("action");
    String now = digest == null ? Journal.ABSENT : digest;
    if (recorded.substring(prefix.length()).equals(now)) {
      compared++;
    } else {
      add(new Finding(entity, id, digest == null ? Kind.REMOVED : Kind.CHANGED, seq, action, ""));
    }
  }
}
