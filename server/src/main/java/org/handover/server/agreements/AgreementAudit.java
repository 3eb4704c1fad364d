package org.handover.server.agreements;

import org.handover.server.journal.Audited;

/** What the state audit keeps of an agreement: its record, its parties and every provision. */
final class AgreementAudit {
  private AgreementAudit() {}

  static final Audited AGREEMENTS =
      new Audited(
          "agreement",
          1,
          "SELECT a.id::text AS id, "
              + Audited.digest(
                  Audited.row("a.id, a.title, a.signed_on, a.created_by, a.created_at"),
                  Audited.rows(
                      "p.position, p.party",
                      "FROM agreement_parties p WHERE p.agreement_id = a.id",
                      "p.position"),
                  Audited.rows(
                      "v.number, v.kind, v.selections, v.quota, v.extension, v.from_party,"
                          + " v.head_count, v.subject, v.roster_id, v.created_by, v.created_at",
                      "FROM provisions v WHERE v.agreement_id = a.id",
                      "v.number"))
              + " AS digest FROM agreements a WHERE TRUE "
              + Audited.AND,
          "a.id = CAST(:id AS BIGINT)");
}
