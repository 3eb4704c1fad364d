package org.handover.server.accounts;

import org.handover.core.accounts.Role;

/**
 * An account, as the web sees it once logged in.
 *
 * @param party the code of the party the user belongs to when it is not this installation's own (an
 *     intermediary's staff), else ""
 */
public record User(long id, String username, Role role, String locale, String party) {
  public User(long id, String username, Role role, String locale) {
    this(id, username, role, locale, "");
  }

  /** Of another party than the one this installation works for: no relatives' contacts. */
  public boolean outsider() {
    return !party.isEmpty();
  }
}
