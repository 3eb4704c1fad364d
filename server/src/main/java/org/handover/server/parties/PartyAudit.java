package org.handover.server.parties;

import org.handover.server.journal.Audited;

/** What the state audit keeps of the parties and of which one this installation serves. */
final class PartyAudit {
  private PartyAudit() {}

  /**
   * Parties added by a user. The four the first migration made (created at 0) have no journal entry
   * to compare with.
   */
  static final Audited PARTIES =
      new Audited(
          "party",
          1,
          "SELECT p.code AS id, "
              + Audited.digest(
                  Audited.row("p.code, p.kind, p.name_uk, p.name_en, p.name_ru, p.created_at"))
              + " AS digest FROM parties p WHERE NOT (p.created_at = 0 AND p.code IN"
              + " ('UA', 'RU', 'ICRC', 'TR')) "
              + Audited.AND,
          "p.code = :id");

  static final Audited OWN_PARTY =
      new Audited(
          "installation",
          1,
          "SELECT 'own-party' AS id, "
              + Audited.digest(Audited.row("s.setting_name, s.setting_value"))
              + " AS digest FROM settings s WHERE s.setting_name = '"
              + Parties.OWN
              + "' "
              + Audited.AND,
          ":id = 'own-party'");
}
