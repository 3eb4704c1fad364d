package org.handover.core.matching;

import java.util.List;
import java.util.Optional;
import org.handover.core.registry.PartialDate;
import org.handover.names.PreparedName;

/**
 * What matching compares of a person or a roster entry: every spelling of the name, prepared once,
 * and the other fields folded for comparison ("" where unknown).
 *
 * @param id the person's or the entry's id
 * @param reference the person's own case number, or the entry's row, for reports
 * @param rank the rank's grade on one scale for every language ({@link Ranks}), 0 when unknown
 */
public record PersonRecord(
    long id,
    String reference,
    List<PreparedName> names,
    Optional<PartialDate> birthDate,
    String birthPlace,
    String fatherName,
    String serviceNumber,
    String sex,
    String unit,
    int rank) {
  public PersonRecord {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("names: a record needs at least one name");
    }
  }
}
