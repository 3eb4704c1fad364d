package org.handover.server.accounts;

import org.handover.core.accounts.Role;

/** An account, as the web sees it once logged in. */
public record User(long id, String username, Role role, String locale) {}
