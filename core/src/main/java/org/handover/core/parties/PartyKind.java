package org.handover.core.parties;

import org.handover.core.Keys;

/** What a party is to the talks. */
public enum PartyKind {
  /** A side at war, whose people are held or sought. */
  BELLIGERENT,
  /** A state or body that mediates the talks. */
  MEDIATOR,
  /** A neutral body that carries out or witnesses exchanges, such as the ICRC, or a host state. */
  INTERMEDIARY;

  public String key() {
    return Keys.of(this);
  }

  public static PartyKind fromKey(String key) {
    return Keys.parse(PartyKind.class, key, "kind");
  }
}
