package org.handover.server.remains;

import org.handover.server.journal.Audited;

/**
 * What the state audit keeps of remains: a transfer with what each of its cases was on receipt
 * (never changed after), and a case once anything happened to it (status, custody,
 * identifications).
 */
final class RemainsAudit {
  private RemainsAudit() {}

  static final Audited TRANSFERS =
      new Audited(
          "remains-transfer",
          2,
          "SELECT t.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "t.id, t.from_party, t.to_party, t.on_date, t.roster_id, t.agreement_id,"
                          + " t.provision, t.direction, t.bodies, t.created_by, t.created_at"),
                  Audited.rows(
                      "c.id, c.tag, c.entry_row, c.received_on, c.claimed_name, c.claimed_born,"
                          + " c.found, c.effects, c.created_by, c.created_at",
                      "FROM remains_cases c WHERE c.transfer_id = t.id",
                      "c.id"))
              + " AS digest FROM remains_transfers t WHERE TRUE "
              + Audited.AND,
          "t.id = CAST(:id AS BIGINT)");

  static final Audited CASES =
      new Audited(
          "remains-case",
          3,
          "SELECT c.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "c.id, c.status, c.belongs_to, c.disputed_on, c.dispute_evidence,"
                          + " c.returned_in"),
                  Audited.rows(
                      "m.id, m.place, m.name, m.on_date, m.recorded_by, m.recorded_at",
                      "FROM remains_custody m WHERE m.case_id = c.id",
                      "m.id"),
                  Audited.rows(
                      "i.id, i.person_id, i.methods, i.act, i.on_date, i.identified_by,"
                          + " i.status_before, i.held_by_before, i.notified_on, i.notified_by,"
                          + " i.revoked_on, i.revoked_reason, i.revoked_by, i.recorded_at",
                      "FROM remains_identifications i WHERE i.case_id = c.id",
                      "i.id"))
              + " AS digest FROM remains_cases c WHERE (c.status <> 'unidentified' OR c.belongs_to"
              + " IS NOT NULL OR EXISTS"
              + " (SELECT 1 FROM remains_custody m WHERE m.case_id = c.id) OR EXISTS (SELECT 1"
              + " FROM remains_identifications i WHERE i.case_id = c.id)) "
              + Audited.AND,
          "c.id = CAST(:id AS BIGINT)");
}
