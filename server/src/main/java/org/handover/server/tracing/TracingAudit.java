package org.handover.server.tracing;

import org.handover.server.journal.Audited;

/**
 * What the state audit keeps of tracing: a request with what it said of each child and each child's
 * opening step (never changed after), and a child once anything happened to it (its state, where it
 * was located, its steps, the decisions on its candidates, what was learnt of it later and its
 * photographs, each by its own SHA-256). Undecided candidates are proposals a match run replaces.
 */
final class TracingAudit {
  private TracingAudit() {}

  static final Audited REQUESTS =
      new Audited(
          "tracing-request",
          3,
          "SELECT t.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "t.id, t.reference, t.relative, t.relation, t.contact, t.consent_sharing,"
                          + " t.created_by, t.created_at"),
                  Audited.rows(
                      "c.id, c.number, c.family, c.given, c.patronymic, c.born, c.birth_place,"
                          + " c.sex, c.mother, c.father, c.separated_on, c.separated_at,"
                          + " c.circumstances, c.other_names, c.nationality, c.native_language,"
                          + " c.document, c.siblings, c.features, c.last_address, c.health,"
                          + " c.blood_group, c.document_dates, c.left_on, c.left_at, (SELECT"
                          + " ROW(s.id, s.state, s.on_date, s.recorded_by,"
                          + " s.recorded_at)::text FROM tracing_steps s WHERE s.child_id = c.id"
                          + " ORDER BY s.id LIMIT 1)",
                      "FROM sought_children c WHERE c.request_id = t.id",
                      "c.id"))
              + " AS digest FROM tracing_requests t WHERE TRUE "
              + Audited.AND,
          "t.id = CAST(:id AS BIGINT)");

  static final Audited CHILDREN =
      new Audited(
          "tracing-child",
          2,
          "SELECT c.id::text AS id, "
              + Audited.digest(
                  Audited.row("c.id, c.state, c.roster_id, c.entry_row"),
                  Audited.rows(
                      "s.id, s.state, s.on_date, s.note, s.recorded_by, s.recorded_at",
                      "FROM tracing_steps s WHERE s.child_id = c.id",
                      "s.id"),
                  Audited.rows(
                      "k.roster_id, k.entry_row, k.decision, k.decided_by",
                      "FROM tracing_candidates k WHERE k.child_id = c.id AND k.decision <> ''",
                      "k.roster_id, k.entry_row"),
                  Audited.rows(
                      "g.id, g.field, g.value, g.changed_by, g.changed_at",
                      "FROM child_card_changes g WHERE g.child_id = c.id",
                      "g.id"),
                  Audited.rows(
                      "f.id, f.file_name, f.media_type, f.sha256, encode(sha256(f.content),"
                          + " 'hex'), f.added_by, f.added_at",
                      "FROM child_photos f WHERE f.child_id = c.id",
                      "f.id"))
              + " AS digest FROM sought_children c WHERE (c.state <> 'open' OR (SELECT count(*)"
              + " FROM tracing_steps s WHERE s.child_id = c.id) > 1 OR EXISTS (SELECT 1 FROM"
              + " tracing_candidates k WHERE k.child_id = c.id AND k.decision <> '') OR EXISTS"
              + " (SELECT 1 FROM child_card_changes g WHERE g.child_id = c.id) OR EXISTS (SELECT 1"
              + " FROM child_photos f WHERE f.child_id = c.id)) "
              + Audited.AND,
          "c.id = CAST(:id AS BIGINT)");
}
