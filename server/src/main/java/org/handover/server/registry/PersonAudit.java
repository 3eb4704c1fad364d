package org.handover.server.registry;

import org.handover.server.journal.Audited;

/**
 * What the state audit keeps of a person: the record, every spelling, the status history. Derived
 * columns (sort keys, display name, search keys) are left out: they are rebuilt from the rest.
 */
final class PersonAudit {
  private PersonAudit() {}

  static final Audited PERSONS =
      new Audited(
          "person",
          2,
          "SELECT p.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "p.id, p.reference, p.kind, p.sex, p.birth_year, p.birth_month, p.birth_day,"
                          + " p.birth_place, p.father_name, p.mother_maiden_name, p.citizenship,"
                          + " p.depends_on, p.service_number, p.rank_title, p.unit,"
                          + " p.last_residence, p.marks, p.person_to_inform, p.categories,"
                          + " p.status, p.holding_party, p.tracing_consent, p.notes, p.version,"
                          + " p.created_at, p.updated_at, p.merged_into"),
                  Audited.rows(
                      "n.position, n.script, n.system, n.family, n.given, n.patronymic, n.source",
                      "FROM person_names n WHERE n.person_id = p.id",
                      "n.position"),
                  Audited.rows(
                      "s.id, s.status, s.since, s.source, s.note, s.recorded_by, s.recorded_at",
                      "FROM status_history s WHERE s.person_id = p.id",
                      "s.id"))
              + " AS digest FROM persons p WHERE TRUE "
              + Audited.AND,
          "p.id = CAST(:id AS BIGINT)");
}
