package org.handover.server.negotiations;

import org.handover.server.journal.Audited;

/** What the state audit keeps of a round: its record, the agreements it made, hand progress. */
final class RecordAudit {
  private RecordAudit() {}

  static final Audited ROUNDS =
      new Audited(
          "round",
          1,
          "SELECT r.id::text AS id, "
              + Audited.digest(
                  Audited.row("r.id, r.round_key, r.number, r.held_on, r.record"),
                  Audited.rows(
                      "a.agreement_key, a.agreement_id",
                      "FROM round_agreements a WHERE a.round_id = r.id",
                      "a.agreement_key"),
                  Audited.rows(
                      "p.id, p.commitment_key, p.on_date, p.done, p.state, p.evidence,"
                          + " p.recorded_by, p.recorded_at",
                      "FROM commitment_progress p WHERE p.round_id = r.id",
                      "p.id"))
              + " AS digest FROM rounds r WHERE TRUE "
              + Audited.AND,
          "r.id = CAST(:id AS BIGINT)");
}
