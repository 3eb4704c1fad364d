package org.handover.server.accounts;

import org.handover.server.journal.Audited;

/**
 * What the state audit keeps of an account: who it is, its password, its role, whether it is
 * disabled, and the credentials the command line acts with. The counters of failed logins and the
 * lock they set change with every attempt and are left out.
 */
final class AccountAudit {
  private AccountAudit() {}

  static final Audited USERS =
      new Audited(
          "user",
          4,
          "SELECT u.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "u.id, u.username, u.password_hash, u.role, u.locale, u.created_at, u.disabled, u.party"),
                  Audited.rows(
                      "c.id, c.kind, c.value, c.label, c.created_at, c.revoked_at",
                      "FROM cli_credentials c WHERE c.user_id = u.id",
                      "c.id"))
              + " AS digest FROM users u WHERE TRUE "
              + Audited.AND,
          "u.id = CAST(:id AS BIGINT)");
}
