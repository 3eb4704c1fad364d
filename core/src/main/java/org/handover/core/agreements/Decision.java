package org.handover.core.agreements;

import org.handover.core.Keys;

/** Eligibility is three-valued: what the registry cannot decide is listed for review. */
public enum Decision {
  ELIGIBLE,
  UNCERTAIN,
  NOT_ELIGIBLE;

  public String key() {
    return Keys.of(this);
  }
}
