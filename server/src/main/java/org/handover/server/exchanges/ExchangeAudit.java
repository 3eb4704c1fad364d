package org.handover.server.exchanges;

import org.handover.server.journal.Audited;

/**
 * What the state audit keeps of an exchange: its record, its batches, the left out, the ledger, the
 * lists made.
 */
final class ExchangeAudit {
  private ExchangeAudit() {}

  static final Audited EXCHANGES =
      new Audited(
          "exchange",
          3,
          "SELECT x.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "x.id, x.agreement_id, x.provision, x.on_date, x.place, x.intermediary,"
                          + " x.batch_size, x.held_back_out, x.held_back_in, x.created_by,"
                          + " x.created_at"),
                  Audited.rows(
                      "p.person_id, p.direction, p.batch, p.position, p.outcome, p.witnessed_by,"
                          + " p.recorded_by, p.recorded_at, p.status_before, p.held_by_before",
                      "FROM exchange_persons p WHERE p.exchange_id = x.id",
                      "p.person_id"),
                  Audited.rows(
                      "l.person_id, l.direction, l.reason",
                      "FROM exchange_left_out l WHERE l.exchange_id = x.id",
                      "l.person_id"),
                  Audited.rows(
                      "b.batch, b.direction, b.roster_id",
                      "FROM exchange_lists b WHERE b.exchange_id = x.id",
                      "b.batch, b.direction"),
                  Audited.rows(
                      "c.id, c.person_id, c.was, c.now, c.reason, c.corrected_by, c.corrected_at",
                      "FROM exchange_corrections c WHERE c.exchange_id = x.id",
                      "c.id"))
              + " AS digest FROM exchanges x WHERE TRUE "
              + Audited.AND,
          "x.id = CAST(:id AS BIGINT)");
}
