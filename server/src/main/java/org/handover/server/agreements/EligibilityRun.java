package org.handover.server.agreements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.handover.core.Keys;
import org.handover.core.agreements.Candidate;
import org.handover.core.agreements.Decision;
import org.handover.core.agreements.Eligibility;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Reason;
import org.handover.core.agreements.Verdict;
import org.handover.core.parties.Party;
import org.handover.core.registry.Category;
import org.handover.core.registry.Kind;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.Status;
import org.jdbi.v3.core.Jdbi;

/**
 * Eligibility under one provision on a date, for every person held by a party: streamed from the
 * registry, counted per side and decision, and each person handed to the caller with the reasons.
 */
public final class EligibilityRun {
  /** Whose hands a person is in, seen from this installation. */
  public enum Side {
    US,
    THEM;

    public String key() {
      return Keys.of(this);
    }
  }

  /** One person's verdict. */
  public record Row(
      long personId,
      String reference,
      String name,
      Party heldBy,
      Side side,
      Verdict verdict,
      Candidate candidate,
      ReleaseFacts.Consent consent,
      Optional<java.time.LocalDate> capturedOn,
      boolean acknowledged) {}

  /** Counts per side and decision. */
  public record Counts(long[][] counts) {
    public long of(Side side, Decision d) {
      return counts[side.ordinal()][d.ordinal()];
    }
  }

  /**
   * Our people the other side's own lists (exchange or information, linked by a confirmed match)
   * say it holds, though our registry still has them missing: held by the list's sender.
   */
  static final String LISTED =
      "WITH listed AS (SELECT DISTINCT ON (d.person_id) d.person_id, r.from_party, r.id AS"
          + " roster_id FROM match_decisions d JOIN rosters r ON r.id = d.roster_id JOIN parties"
          + " s ON s.code = r.from_party WHERE d.decision = 'confirmed' AND r.purpose IN"
          + " ('exchange', 'information') AND s.kind = 'belligerent' AND r.from_party <> :own"
          + " ORDER BY d.person_id, r.received_on DESC, r.id DESC),"
          // whom a capture card, a notification or a visit acknowledged (a partial index)
          + " acked AS (SELECT DISTINCT s.person_id FROM status_history s WHERE s.status IN"
          + " ('captive', 'detained') AND s.source IN "
          + Held.ACKNOWLEDGING
          + " AND "
          + Held.SINCE_LAST_RELEASE
          + ") ";

  private static final String COLUMNS =
      "DISTINCT ON (p.id) p.id, p.reference, p.display_name, p.kind,"
          + " CASE WHEN p.holding_party IS NULL THEN 'captive' ELSE p.status END AS status,"
          + " COALESCE(p.holding_party, l.from_party) AS holding_party, l.roster_id AS"
          + " listed_on, p.holding_party IS NULL AS by_their_list, p.birth_year, p.birth_month, p.birth_day, p.categories,"
          + " f.captured_on, f.consent, f.repatriation_decided_on, f.obstacle,"
          + " (l.person_id IS NOT NULL AND (p.holding_party IS NULL OR l.from_party ="
          + " p.holding_party)) OR k.person_id IS NOT NULL AS acknowledged";

  private static final String JOINS =
      " LEFT JOIN release_facts f ON f.person_id = p.id LEFT JOIN listed l ON l.person_id = p.id"
          + " LEFT JOIN acked k ON k.person_id = p.id";

  private static final String HELD =
      "p.merged_into IS NULL AND ((p.holding_party IS NOT NULL AND p.status IN ('captive',"
          + " 'detained')) OR (p.holding_party IS NULL AND p.status = 'missing' AND l.person_id IS"
          + " NOT NULL))";

  private EligibilityRun() {}

  /**
   * Runs a provision's selections over the registry. A unilateral provision selects nobody; a named
   * list admits the persons linked to its entries by a confirmed match.
   *
   * @throws AgreementException for a unilateral provision
   */
  public static Counts run(Jdbi jdbi, Provision p, LocalDate on, Party own, Consumer<Row> each) {
    if (p instanceof Provision.Unilateral) {
      throw new AgreementException("error.provision.no-selections");
    }
    long[][] counts = new long[2][3];
    String sql =
        LISTED
            + "SELECT "
            + COLUMNS
            + (p instanceof Provision.NamedList
                ? ", d.entry_row FROM match_decisions d JOIN persons p ON p.id = d.person_id"
                    + JOINS
                    + " WHERE d.roster_id = :r AND d.decision = 'confirmed' AND "
                    + HELD
                    + " ORDER BY p.id, d.entry_row"
                : ", 0 AS entry_row FROM persons p"
                    + JOINS
                    + " WHERE :r = :r AND "
                    + HELD
                    + " ORDER BY p.id");
    long roster = p instanceof Provision.NamedList l ? l.rosterId() : 0;
    jdbi.useHandle(
        h -> {
          h.begin(); // a cursor needs a transaction: a million rows are never all in memory
          try {
            h.createQuery(sql)
                .bind("r", roster)
                .bind("own", own.code())
                .setFetchSize(5000)
                .map((rs, ctx) -> read(rs, own))
                .forEach(
                    r -> {
                      Verdict v =
                          perTheirList(
                              r.byTheirList(),
                              p instanceof Provision.NamedList
                                  ? onList(roster, r.entryRow(), r.candidate())
                                  : Eligibility.of(r.candidate(), p.selections(), on));
                      Row row =
                          new Row(
                              r.candidate().id(),
                              r.reference(),
                              r.name(),
                              r.heldBy(),
                              r.side(),
                              v,
                              r.candidate(),
                              r.consent(),
                              r.capturedOn(),
                              r.acknowledged());
                      counts[row.side().ordinal()][v.decision().ordinal()]++;
                      each.accept(row);
                    });
          } finally {
            h.rollback();
          }
        });
    return new Counts(counts);
  }

  /** A person as read, before the provision is applied. */
  private record Read(
      Candidate candidate,
      String reference,
      String name,
      Party heldBy,
      Side side,
      int entryRow,
      OptionalLong byTheirList,
      ReleaseFacts.Consent consent,
      Optional<java.time.LocalDate> capturedOn,
      boolean acknowledged) {}

  /** A person held according to the other side's list is shown as such, first. */
  private static Verdict perTheirList(OptionalLong roster, Verdict v) {
    if (roster.isEmpty()) {
      return v;
    }
    List<Reason> reasons = new java.util.ArrayList<>();
    reasons.add(new Reason("reason.held-per-their-list", List.of(roster.getAsLong())));
    reasons.addAll(v.reasons());
    return new Verdict(v.decision(), reasons);
  }

  private static Verdict onList(long roster, int entryRow, Candidate c) {
    Reason on = new Reason("reason.named-list", List.of(roster, entryRow));
    if (c.obstacle().isPresent()) {
      // on the list, but what keeps the person from release still decides
      ReleaseFacts.Obstacle o = c.obstacle().get();
      return new Verdict(
          o.rulesOut() ? Decision.NOT_ELIGIBLE : Decision.UNCERTAIN,
          List.of(on, new Reason("reason.obstacle." + o.key(), List.of())));
    }
    return new Verdict(Decision.ELIGIBLE, List.of(on));
  }

  private static Read read(ResultSet rs, Party own) throws SQLException {
    Party heldBy = Party.of(rs.getString("holding_party"));
    Side side = heldBy.equals(own) ? Side.US : Side.THEM;
    Optional<PartialDate> born = Optional.empty();
    int year = rs.getInt("birth_year");
    if (!rs.wasNull()) {
      int month = rs.getInt("birth_month");
      Optional<Integer> m = rs.wasNull() ? Optional.empty() : Optional.of(month);
      int day = rs.getInt("birth_day");
      Optional<Integer> d = rs.wasNull() ? Optional.empty() : Optional.of(day);
      born = Optional.of(new PartialDate(year, m, d));
    }
    Set<Category> recorded = EnumSet.noneOf(Category.class);
    for (String c : rs.getString("categories").split(",")) {
      if (!c.isBlank()) {
        recorded.add(Category.fromKey(c.strip()));
      }
    }
    Candidate c =
        Candidate.of(
            rs.getLong("id"),
            Kind.fromKey(rs.getString("kind")),
            Status.fromKey(rs.getString("status")),
            Optional.of(heldBy),
            born,
            recorded,
            rs.getDate("repatriation_decided_on") != null,
            Optional.ofNullable(rs.getString("obstacle"))
                .map(o -> Keys.parse(ReleaseFacts.Obstacle.class, o, "obstacle")));
    String consent = rs.getString("consent");
    java.sql.Date captured = rs.getDate("captured_on");
    return new Read(
        c,
        rs.getString("reference"),
        rs.getString("display_name"),
        heldBy,
        side,
        rs.getInt("entry_row"),
        rs.getBoolean("by_their_list")
            ? OptionalLong.of(rs.getLong("listed_on"))
            : OptionalLong.empty(),
        consent == null
            ? ReleaseFacts.Consent.NOT_ASKED
            : Keys.parse(ReleaseFacts.Consent.class, consent, "consent"),
        captured == null ? Optional.empty() : Optional.of(captured.toLocalDate()),
        rs.getBoolean("acknowledged"));
  }
}
