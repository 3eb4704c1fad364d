package org.handover.server.agreements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
      Optional<java.time.LocalDate> capturedOn) {}

  /** Counts per side and decision. */
  public record Counts(long[][] counts) {
    public long of(Side side, Decision d) {
      return counts[side.ordinal()][d.ordinal()];
    }
  }

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
    String columns =
        "p.id, p.reference, p.display_name, p.kind, p.status, p.holding_party, p.birth_year,"
            + " p.birth_month, p.birth_day, p.categories, f.captured_on, f.consent,"
            + " f.repatriation_decided_on, f.obstacle";
    String sql =
        p instanceof Provision.NamedList
            ? "SELECT DISTINCT ON (p.id) "
                + columns
                + ", d.entry_row FROM match_decisions d JOIN persons p ON p.id = d.person_id"
                + " LEFT JOIN release_facts f ON f.person_id = p.id"
                + " WHERE d.roster_id = :r AND d.decision = 'confirmed' AND p.merged_into IS NULL"
                + " AND p.holding_party IS NOT NULL AND p.status IN ('captive', 'detained')"
                + " ORDER BY p.id"
            : "SELECT "
                + columns
                + ", 0 AS entry_row FROM persons p LEFT JOIN release_facts f ON f.person_id = p.id"
                + " WHERE p.merged_into IS NULL AND p.holding_party IS NOT NULL"
                + " AND p.status IN ('captive', 'detained') AND :r = :r ORDER BY p.id";
    long roster = p instanceof Provision.NamedList l ? l.rosterId() : 0;
    jdbi.useHandle(
        h -> {
          h.begin(); // a cursor needs a transaction: a million rows are never all in memory
          try {
            h.createQuery(sql)
                .bind("r", roster)
                .setFetchSize(5000)
                .map((rs, ctx) -> read(rs, own))
                .forEach(
                    r -> {
                      Verdict v =
                          p instanceof Provision.NamedList
                              ? onList(roster, r.entryRow(), r.candidate())
                              : Eligibility.of(r.candidate(), p.selections(), on);
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
                              r.capturedOn());
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
      ReleaseFacts.Consent consent,
      Optional<java.time.LocalDate> capturedOn) {}

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
        consent == null
            ? ReleaseFacts.Consent.NOT_ASKED
            : Keys.parse(ReleaseFacts.Consent.class, consent, "consent"),
        captured == null ? Optional.empty() : Optional.of(captured.toLocalDate()));
  }
}
