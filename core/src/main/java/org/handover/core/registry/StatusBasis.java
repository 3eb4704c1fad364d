package org.handover.core.registry;

import java.time.LocalDate;
import java.util.Objects;

/** What a new status is recorded with: from when, what it rests on, and a note (a reference). */
public record StatusBasis(LocalDate since, StatusSource source, String note) {
  public StatusBasis {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(source, "source");
    note = Texts.clean(note, "status_note", Person.MAX_TEXT);
  }

  /** A basis written by a ledger, its note cut to what a status keeps. */
  public static StatusBasis noted(LocalDate since, StatusSource source, String note) {
    String n = note == null ? "" : note.strip();
    return new StatusBasis(
        since,
        source,
        n.length() <= Person.MAX_TEXT ? n : n.substring(0, Person.MAX_TEXT - 1) + "…");
  }

  /** A status from a date, resting on nothing stated. */
  public static StatusBasis since(LocalDate since) {
    return new StatusBasis(since, StatusSource.UNSTATED, "");
  }
}
