package org.handover.core.registry;

import org.handover.core.Keys;

/**
 * What a status rests on. The first four come from the holding side or from the protecting
 * intermediary and so acknowledge that the person is held; a video or a testimony does not.
 */
public enum StatusSource {
  UNSTATED,
  /** The capture card the prisoner fills in and the holding side forwards (GC III Art. 70). */
  CAPTURE_CARD,
  /** A notification by the holding side's Information Bureau (GC III Art. 122). */
  NOTIFICATION,
  /** A visit by the ICRC (GC III Art. 126). */
  ICRC_VISIT,
  /** A list handed over by the holding side. */
  THEIR_LIST,
  VIDEO,
  TESTIMONY,
  /** Recorded at a handover, in an exchange's ledger. */
  EXCHANGE,
  /** Remains identified (or handed to the family) in the remains register. */
  REMAINS,
  /**
   * Recorded before Handover kept sources: a "captive" then meant confirmed held (the glossary's
   * word), so it counts as acknowledged.
   */
  BEFORE_SOURCES;

  public String key() {
    return Keys.of(this);
  }

  public static StatusSource fromKey(String key) {
    return Keys.parse(StatusSource.class, key, "status_source");
  }

  /** Whether a person chooses it on a form; the others are written by the ledgers. */
  public boolean chosenByHand() {
    return this != EXCHANGE && this != REMAINS && this != BEFORE_SOURCES;
  }

  /** Whether the holding side (or the ICRC, visiting) has acknowledged that it holds the person. */
  public boolean acknowledges() {
    return this == CAPTURE_CARD
        || this == NOTIFICATION
        || this == ICRC_VISIT
        || this == THEIR_LIST
        || this == BEFORE_SOURCES;
  }
}
