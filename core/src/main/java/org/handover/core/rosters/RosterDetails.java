package org.handover.core.rosters;

import java.time.LocalDate;
import java.util.Objects;
import org.handover.core.parties.Party;

/** Where a roster came from and went, when, and why. */
public record RosterDetails(
    Party from, Party to, LocalDate receivedOn, Purpose purpose, String notes) {
  public RosterDetails {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(receivedOn, "receivedOn");
    Objects.requireNonNull(purpose, "purpose");
    notes = Objects.requireNonNull(notes, "notes").strip();
    if (from == to) {
      throw new IllegalArgumentException(
          "to: a roster goes from one party to another, not from " + from + " to itself");
    }
    if (notes.length() > 4000) {
      throw new IllegalArgumentException(
          "notes: longer than 4000 characters (" + notes.length() + ")");
    }
  }
}
