package org.handover.server.registry;

import java.util.ArrayList;
import java.util.List;
import org.handover.core.parties.Party;
import org.handover.core.registry.Name;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.core.registry.StatusChange;
import org.handover.server.journal.Audited;
import org.handover.server.journal.RowDigest;

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

  /**
   * The digest {@link #PERSONS} gives a new person stored with {@code id} (version 1, created and
   * updated {@code now}) and its first status as row {@code statusId}: the same columns in the same
   * order.
   */
  static String digest(long id, Person p, long now, long statusId, StatusChange s) {
    byte[] person =
        new RowDigest()
            .number(id)
            .text(p.reference())
            .text(p.kind().key())
            .text(p.sex().key())
            .number(p.birthDate().map(PartialDate::year).orElse(null))
            .number(p.birthDate().flatMap(PartialDate::month).orElse(null))
            .number(p.birthDate().flatMap(PartialDate::day).orElse(null))
            .text(p.birthPlace())
            .text(p.fatherName())
            .text(p.motherMaidenName())
            .text(p.citizenship())
            .text(p.dependsOn().map(Party::key).orElse(null))
            .text(p.serviceNumber())
            .text(p.rank())
            .text(p.unit())
            .text(p.lastResidence())
            .text(p.marks())
            .text(p.personToInform())
            .text(PersonRows.categories(p))
            .text(p.status().key())
            .text(p.holdingParty().map(Party::key).orElse(null))
            .bool(p.tracingConsent())
            .text(p.notes())
            .number(1)
            .number(now)
            .number(now)
            .number(null)
            .sha256();
    List<byte[]> names = new ArrayList<>(p.names().size());
    for (int i = 0; i < p.names().size(); i++) {
      Name n = p.names().get(i);
      names.add(
          new RowDigest()
              .number(i)
              .text(n.script().key())
              .text(n.system())
              .text(n.family())
              .text(n.given())
              .text(n.patronymic())
              .text(n.source())
              .sha256());
    }
    byte[] status =
        new RowDigest()
            .number(statusId)
            .text(s.status().key())
            .date(s.since())
            .text(s.source().key())
            .text(s.note())
            .text(s.recordedBy())
            .number(s.recordedAt().toEpochMilli())
            .sha256();
    return RowDigest.digest(person, RowDigest.rows(names), RowDigest.rows(List.of(status)));
  }
}
