package org.handover.server.remains;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.remains.Identification;
import org.handover.core.remains.Place;
import org.jdbi.v3.core.Handle;

/** Reads a case with its custody, identifications and the person its claim is linked to. */
final class CaseRows {
  private CaseRows() {}

  /**
   * The person the other side's claim is linked to: a reviewer's confirmed link, else a sure link
   * of the latest match run that nobody rejected.
   */
  private static final String CLAIMED =
      "SELECT COALESCE((SELECT d.person_id FROM match_decisions d WHERE d.roster_id = :r AND"
          + " d.entry_row = :e AND d.decision = 'confirmed' LIMIT 1), (SELECT m.person_id FROM"
          + " matches m WHERE m.run_id = (SELECT max(id) FROM match_runs WHERE roster_id = :r) AND"
          + " m.entry_row = :e AND m.band = 'auto' AND NOT EXISTS (SELECT 1 FROM match_decisions d"
          + " WHERE d.roster_id = m.roster_id AND d.entry_row = m.entry_row AND d.person_id ="
          + " m.person_id AND d.decision = 'rejected') ORDER BY m.probability DESC LIMIT 1))";

  static Optional<RemainsCase> find(Handle h, long id) {
    Optional<Map<String, Object>> row =
        h.createQuery(
                "SELECT c.*, t.from_party, t.roster_id FROM remains_cases c JOIN remains_transfers"
                    + " t ON t.id = c.transfer_id WHERE c.id = :id")
            .bind("id", id)
            .mapToMap()
            .findOne();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> r = row.get();
    long roster = r.get("roster_id") == null ? 0 : ((Number) r.get("roster_id")).longValue();
    int entry = ((Number) r.get("entry_row")).intValue();
    Optional<Long> claimed =
        roster == 0 || ((String) r.get("claimed_name")).isEmpty()
            ? Optional.empty()
            : h.createQuery(CLAIMED)
                .bind("r", roster)
                .bind("e", entry)
                .mapTo(Long.class)
                .findOne()
                .filter(x -> x != null);
    List<RemainsCase.Custody> custody =
        h.createQuery("SELECT * FROM remains_custody WHERE case_id = :id ORDER BY on_date, id")
            .bind("id", id)
            .map(
                (rs, ctx) ->
                    new RemainsCase.Custody(
                        Place.fromKey(rs.getString("place")),
                        rs.getString("name"),
                        rs.getObject("on_date", LocalDate.class),
                        rs.getString("recorded_by")))
            .list();
    List<RemainsCase.Stored> identifications =
        h.createQuery(
                "SELECT i.*, p.display_name FROM remains_identifications i JOIN persons p ON p.id"
                    + " = i.person_id WHERE i.case_id = :id ORDER BY i.id")
            .bind("id", id)
            .map(
                (rs, ctx) -> {
                  LocalDate revokedOn = rs.getObject("revoked_on", LocalDate.class);
                  Identification i =
                      new Identification(
                          rs.getLong("id"),
                          rs.getLong("person_id"),
                          Register.methods(rs.getString("methods")),
                          rs.getString("act"),
                          rs.getObject("on_date", LocalDate.class),
                          rs.getString("identified_by"),
                          revokedOn == null
                              ? Optional.empty()
                              : Optional.of(
                                  new Identification.Revocation(
                                      revokedOn,
                                      rs.getString("revoked_reason"),
                                      rs.getString("revoked_by"))));
                  return new RemainsCase.Stored(
                      i,
                      rs.getString("display_name"),
                      Optional.ofNullable(rs.getObject("notified_on", LocalDate.class)),
                      Optional.ofNullable(rs.getString("notified_by")));
                })
            .list();
    return Optional.of(
        new RemainsCase(
            id,
            (String) r.get("tag"),
            ((Number) r.get("transfer_id")).longValue(),
            Party.of((String) r.get("from_party")),
            ((java.sql.Date) r.get("received_on")).toLocalDate(),
            (String) r.get("claimed_name"),
            (String) r.get("claimed_born"),
            claimed,
            claimed
                .map(
                    p ->
                        h.createQuery("SELECT display_name FROM persons WHERE id = :p")
                            .bind("p", p)
                            .mapTo(String.class)
                            .one())
                .orElse(""),
            roster,
            entry,
            Identification.Status.fromKey((String) r.get("status")),
            custody,
            identifications,
            r.get("belongs_to") == null
                ? Optional.empty()
                : Optional.of(
                    new RemainsCase.Dispute(
                        Party.of((String) r.get("belongs_to")),
                        (String) r.get("dispute_evidence"),
                        ((java.sql.Date) r.get("disputed_on")).toLocalDate(),
                        Optional.ofNullable((Number) r.get("returned_in"))
                            .map(Number::longValue)))));
  }
}
