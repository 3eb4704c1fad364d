package org.handover.server.signing;

import org.handover.server.journal.Audited;

/** The state audit keeps the public half in the database: swapping it would let a forger sign. */
final class KeyAudit {
  private KeyAudit() {}

  static Audited publicHalf(String setting) {
    return new Audited(
        "key",
        1,
        "SELECT 'installation' AS id, "
            + Audited.digest(Audited.row("s.setting_name, s.setting_value"))
            + " AS digest FROM settings s WHERE s.setting_name = '"
            + setting
            + "' "
            + Audited.AND,
        ":id = 'installation'");
  }
}
