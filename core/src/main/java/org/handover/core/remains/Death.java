package org.handover.core.remains;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.handover.core.Refused;

/**
 * A death in captivity as the holding side must record it (GC III Art. 120–121, AP I Art. 34): the
 * certificate's date, place and cause, the grave (place and marking) or a cremation, an inquiry
 * where one is due, and when the other side was notified.
 */
public record Death(
    LocalDate diedOn,
    String place,
    String cause,
    String certificate,
    String grave,
    boolean cremated,
    String inquiry,
    Optional<LocalDate> notifiedOn) {
  public Death {
    Objects.requireNonNull(diedOn, "diedOn");
    place = clean(place, 200);
    cause = clean(cause, 200);
    certificate = clean(certificate, 100);
    grave = clean(grave, 200);
    inquiry = clean(inquiry, 200);
    if (cremated && !grave.isEmpty()) {
      throw new Refused("error.death.grave-and-cremated");
    }
    if (notifiedOn.isPresent() && notifiedOn.get().isBefore(diedOn)) {
      throw new Refused("error.death.notified-before");
    }
  }

  private static String clean(String s, int max) {
    String v = s == null ? "" : s.strip();
    if (v.length() > max) {
      throw new Refused("error.remains.too-long", max);
    }
    return v;
  }
}
