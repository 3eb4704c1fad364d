package org.handover.core.registry;

import java.time.LocalDate;
import java.util.Optional;
import org.handover.core.Keys;
import org.handover.core.Refused;

/**
 * What a release needs to know of a held person beyond the registry's record: when and where they
 * were taken, their stated will (GC III Art. 109: the seriously wounded and sick are not
 * repatriated against it during hostilities), a decision on direct repatriation (Art. 110–113,
 * Annex II), and what keeps them from release.
 */
public record ReleaseFacts(
    Optional<LocalDate> capturedOn,
    String capturedAt,
    Consent consent,
    Optional<LocalDate> consentOn,
    Optional<Repatriation> repatriation,
    Optional<Obstacle> obstacle,
    String note) {
  public static final int MAX_TEXT = 200;

  public ReleaseFacts {
    capturedAt = capturedAt == null ? "" : capturedAt.strip();
    note = note == null ? "" : note.strip();
    if (capturedAt.length() > MAX_TEXT || note.length() > MAX_TEXT) {
      throw new Refused("error.release.too-long", MAX_TEXT);
    }
  }

  public static ReleaseFacts none() {
    return new ReleaseFacts(
        Optional.empty(),
        "",
        Consent.NOT_ASKED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "");
  }

  /** The will to be repatriated, as stated to the intermediary. */
  public enum Consent {
    YES,
    NO,
    NOT_ASKED;

    public String key() {
      return Keys.of(this);
    }
  }

  /** Who certified a direct repatriation. */
  public enum DecidedBy {
    /** A Mixed Medical Commission (Art. 112–113, Annex II). */
    COMMISSION,
    /** The holding side's own doctors, in manifest cases (Art. 110, last paragraph). */
    HOLDING_DOCTORS;

    public String key() {
      return Keys.of(this);
    }
  }

  /** A decision for direct repatriation; Annex II gives three months to carry it out. */
  public record Repatriation(LocalDate decidedOn, DecidedBy by, String reference) {
    public Repatriation {
      reference = reference == null ? "" : reference.strip();
      if (reference.length() > MAX_TEXT) {
        throw new Refused("error.release.too-long", MAX_TEXT);
      }
    }

    public LocalDate deadline() {
      return decidedOn.plusMonths(3);
    }
  }

  /**
   * What keeps a person from release, given as the reason when eligibility says no or uncertain.
   */
  public enum Obstacle {
    /** Prisoner-of-war status in doubt, before a tribunal (GC III Art. 5). */
    STATUS_IN_DOUBT,
    /** Prosecution pending for an indictable offence (Art. 115, 119). */
    PROSECUTION,
    /** A sentence being served (Art. 115, 119). */
    SENTENCE,
    /** A civilian interned (GC IV Art. 132–133). */
    INTERNMENT;

    public String key() {
      return Keys.of(this);
    }

    /** A sentence being served rules release out; the others are for a person to weigh. */
    public boolean rulesOut() {
      return this == SENTENCE;
    }
  }
}
