package org.handover.core.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One step of a person's status history: what it became, from when, on what evidence, recorded by
 * whom.
 */
public record StatusChange(
    Status status,
    LocalDate since,
    StatusSource source,
    String note,
    String recordedBy,
    Instant recordedAt) {
  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(source, "source");
    note = Texts.clean(note, "note", Person.MAX_TEXT);
    Objects.requireNonNull(recordedBy, "recordedBy");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
