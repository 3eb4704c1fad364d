package org.handover.core.accounts;

import org.handover.core.Keys;

/**
 * What a user may do. Observers only read; registrars keep the registry; reviewers decide matches;
 * negotiators keep the negotiation record; administrators do everything, accounts included.
 */
public enum Role {
  ADMIN, REGISTRAR, REVIEWER, NEGOTIATOR, OBSERVER;

  public String key() {
    return Keys.of(this);
  }

  /** Whether this role may add and edit persons. */
  public boolean editsRegistry() {
    return this == ADMIN || this == REGISTRAR;
  }

  /** Whether this role may run matching and confirm or reject proposed links. */
  public boolean reviewsMatches() {
    return this == ADMIN || this == REVIEWER || this == REGISTRAR;
  }

  public boolean managesAccounts() {
    return this == ADMIN;
  }

  public static Role fromKey(String key) {
    return Keys.parse(Role.class, key, "role");
  }
}
