package org.handover.core.agreements;

import org.handover.core.Keys;

/** What a unilateral provision hands over: living persons or the remains of the dead. */
public enum Subject {
  PERSONS,
  REMAINS;

  public String key() {
    return Keys.of(this);
  }
}
