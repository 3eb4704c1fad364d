package org.handover.server.accounts;

import org.handover.server.journal.Audited;

/**
 * What the state audit keeps of an account: who it is, its password, its role and whether it is
 * disabled. The counters of failed logins and the lock they set change with every attempt and are
 * left out.
 */
final class AccountAudit {
  private AccountAudit() {}

  static final Audited USERS =
      new Audited(
          "user",
          2,
          "SELECT u.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "u.id, u.username, u.password_hash, u.role, u.locale, u.created_at, u.disabled"))
              + " AS digest FROM users u WHERE TRUE "
              + Audited.AND,
          "u.id = CAST(:id AS BIGINT)");
}
