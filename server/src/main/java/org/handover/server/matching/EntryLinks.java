package org.handover.server.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What each entry of a list stands linked to in the registry after its latest matching run and the
 * reviewers' decisions: the verified list, row by row. A reviewer's confirmation wins; then a link
 * the run made without review that nobody rejected; then candidates still waiting for review.
 */
public final class EntryLinks {
  /** Where an entry stands; its key names it in messages ("link-state.confirmed"). */
  public enum State {
    CONFIRMED,
    AUTO,
    REVIEW,
    REJECTED,
    NONE;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A state from its key; anything else is "every entry" (empty). */
    public static Optional<State> fromKey(String key) {
      for (State s : values()) {
        if (s.key().equals(key)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * An entry's link: the person of the pair (0 when none), the record that stands for them now
   * ({@code shownId}: the one they were merged into, if they were) with its reference and name, the
   * probability the run gave, who decided (empty when nobody did), and how many candidates wait
   * when it is in review.
   */
  public record Link(
      int row,
      State state,
      long personId,
      long shownId,
      String reference,
      String personName,
      double probability,
      String decidedBy,
      int candidates) {
    static Link none(int row) {
      return new Link(row, State.NONE, 0, 0, "", "", 0, "", 0);
    }

    /** Whether the entry is linked to a person: confirmed, or linked without review. */
    public boolean linked() {
      return state == State.CONFIRMED || state == State.AUTO;
    }
  }

  private final Jdbi jdbi;

  public EntryLinks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The links of the entries numbered {@code from} to {@code to}, both included. */
  public Map<Integer, Link> of(long rosterId, int from, int to) {
    return jdbi.withHandle(h -> of(h, rosterId, from, to));
  }

  private record Pair(
      int row,
      long person,
      String band,
      double probability,
      String decision,
      String decidedBy,
      long shown,
      String reference,
      String name) {}

  /**
   * The first row of the list other than {@code row} that stands linked to the person (confirmed,
   * or linked without review and not rejected), in the handle's transaction; a record merged into
   * another is that other.
   */
  static Optional<Integer> otherRowLinkedTo(Handle h, long rosterId, long personId, int row) {
    long survivor =
        h.createQuery("SELECT COALESCE(merged_into, id) FROM persons WHERE id = :p")
            .bind("p", personId)
            .mapTo(Long.class)
            .findOne()
            .orElse(personId);
    String same = "SELECT id FROM persons WHERE COALESCE(merged_into, id) = :s";
    List<Integer> rows =
        h.createQuery(
                "SELECT entry_row FROM match_decisions WHERE roster_id = :r AND person_id IN ("
                    + same
                    + ") AND decision = 'confirmed' UNION SELECT entry_row FROM matches WHERE"
                    + " run_id = (SELECT MAX(id) FROM match_runs WHERE roster_id = :r)"
                    + " AND person_id IN ("
                    + same
                    + ") AND band = 'auto' ORDER BY 1")
            .bind("r", rosterId)
            .bind("s", survivor)
            .mapTo(Integer.class)
            .list();
    for (int other : rows) {
      Link l = other == row ? null : of(h, rosterId, other, other).get(other);
      if (l != null && l.linked() && l.shownId() == survivor) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  private static Map<Integer, Link> of(Handle h, long rosterId, int from, int to) {
    Long run =
        h.createQuery("SELECT MAX(id) FROM match_runs WHERE roster_id = :r")
            .bind("r", rosterId)
            .mapTo(Long.class)
            .findOne()
            .orElse(null);
    // the run's pairs with their decisions, and decisions on pairs of earlier runs
    List<Pair> pairs =
        h.createQuery(
                "SELECT x.entry_row, x.person_id, m.band, COALESCE(m.probability, 0) AS probability,"
                    + " d.decision, d.decided_by, p.id AS shown, p.reference, p.display_name FROM ("
                    + " SELECT entry_row, person_id FROM matches WHERE run_id = :run"
                    + " AND entry_row BETWEEN :from AND :to UNION SELECT entry_row, person_id"
                    + " FROM match_decisions WHERE roster_id = :r AND entry_row BETWEEN :from AND :to) x"
                    + " LEFT JOIN matches m ON m.run_id = :run AND m.entry_row = x.entry_row"
                    + " AND m.person_id = x.person_id"
                    + " LEFT JOIN match_decisions d ON d.roster_id = :r AND d.entry_row = x.entry_row"
                    + " AND d.person_id = x.person_id"
                    + " JOIN persons p0 ON p0.id = x.person_id"
                    + " JOIN persons p ON p.id = COALESCE(p0.merged_into, p0.id)"
                    + " ORDER BY x.entry_row, probability DESC")
            .bind("run", run == null ? -1 : run)
            .bind("r", rosterId)
            .bind("from", from)
            .bind("to", to)
            .map(
                (rs, ctx) ->
                    new Pair(
                        rs.getInt("entry_row"),
                        rs.getLong("person_id"),
                        Optional.ofNullable(rs.getString("band")).orElse(""),
                        rs.getDouble("probability"),
                        Optional.ofNullable(rs.getString("decision")).orElse(""),
                        Optional.ofNullable(rs.getString("decided_by")).orElse(""),
                        rs.getLong("shown"),
                        rs.getString("reference"),
                        rs.getString("display_name")))
            .list();
    Map<Integer, List<Pair>> byRow = new HashMap<>();
    pairs.forEach(p -> byRow.computeIfAbsent(p.row(), k -> new ArrayList<>()).add(p));
    Map<Integer, Link> out = new HashMap<>();
    for (int row = from; row <= to; row++) {
      out.put(row, link(row, byRow.getOrDefault(row, List.of())));
    }
    return out;
  }

  private static Link link(int row, List<Pair> pairs) {
    Optional<Pair> confirmed =
        pairs.stream().filter(p -> p.decision().equals("confirmed")).findFirst();
    if (confirmed.isPresent()) {
      return link(row, State.CONFIRMED, confirmed.get(), 0);
    }
    Optional<Pair> auto =
        pairs.stream().filter(p -> p.band().equals("auto") && p.decision().isEmpty()).findFirst();
    if (auto.isPresent()) {
      return link(row, State.AUTO, auto.get(), 0);
    }
    List<Pair> waiting =
        pairs.stream().filter(p -> p.band().equals("review") && p.decision().isEmpty()).toList();
    if (!waiting.isEmpty()) {
      return link(row, State.REVIEW, waiting.get(0), waiting.size());
    }
    Optional<Pair> rejected =
        pairs.stream().filter(p -> p.decision().equals("rejected")).findFirst();
    return rejected.map(p -> link(row, State.REJECTED, p, 0)).orElse(Link.none(row));
  }

  /** A list a person appears on: the entry, its name there, and how the pair stands. */
  public record Appearance(
      long rosterId, String fileName, int row, String entryName, State state, boolean other) {}

  /**
   * Every list on which a person was proposed for an entry: the reviewer's decision on the pair, or
   * else how the list's latest run proposed it. Pairs only an earlier run proposed are left out.
   */
  public List<Appearance> of(long personId) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT x.roster_id, r.file_name, x.entry_row, e.family, e.given, e.patronymic,"
                        + " d.decision, m.band FROM (SELECT roster_id, entry_row FROM matches WHERE"
                        + " person_id = :p UNION SELECT roster_id, entry_row FROM match_decisions"
                        + " WHERE person_id = :p) x JOIN rosters r ON r.id = x.roster_id"
                        + " JOIN roster_entries e ON e.roster_id = x.roster_id AND e.row_no = x.entry_row"
                        + " LEFT JOIN match_decisions d ON d.roster_id = x.roster_id"
                        + " AND d.entry_row = x.entry_row AND d.person_id = :p"
                        + " LEFT JOIN matches m ON m.run_id = (SELECT MAX(id) FROM match_runs"
                        + " WHERE roster_id = x.roster_id) AND m.entry_row = x.entry_row"
                        + " AND m.person_id = :p ORDER BY x.roster_id DESC, x.entry_row")
                .bind("p", personId)
                .map(
                    (rs, ctx) -> {
                      String decision = rs.getString("decision");
                      String band = rs.getString("band");
                      State state =
                          decision != null
                              ? State.valueOf(decision.toUpperCase(java.util.Locale.ROOT))
                              : band == null
                                  ? null
                                  : band.equals("auto") ? State.AUTO : State.REVIEW;
                      return state == null
                          ? null
                          : new Appearance(
                              rs.getLong("roster_id"),
                              rs.getString("file_name"),
                              rs.getInt("entry_row"),
                              String.join(
                                      " ",
                                      rs.getString("family"),
                                      rs.getString("given"),
                                      rs.getString("patronymic"))
                                  .strip(),
                              state,
                              false);
                    })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .map(a -> settledElsewhere(h, a, personId))
                .toList());
  }

  /** The pair as the entry stands: linked to another person, the entry's link says so. */
  private static Appearance settledElsewhere(Handle h, Appearance a, long personId) {
    Link l = of(h, a.rosterId(), a.row(), a.row()).get(a.row());
    boolean other = l.linked() && l.personId() != personId && a.state() != State.REJECTED;
    return other
        ? new Appearance(a.rosterId(), a.fileName(), a.row(), a.entryName(), a.state(), true)
        : a;
  }

  private static Link link(int row, State state, Pair p, int candidates) {
    return new Link(
        row,
        state,
        p.person(),
        p.shown(),
        p.reference(),
        p.name(),
        p.probability(),
        p.decidedBy(),
        candidates);
  }
}
